package dev.funnel.core.sales;

/**
 * Where a lead's deal stands as of an instant: won (reached the catalog's won stage), returned to
 * marketing (its latest stage change is the RETURNED exit), lost (its latest change is any other
 * exit: LOST in the default catalog, whatever a custom catalog calls its losses) or open
 * (anything else, including a lead that moved on again after an exit).
 */
public enum Outcome {
  WON,
  LOST,
  RETURNED,
  OPEN
}
