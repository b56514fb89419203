package dev.funnel.core.sales;

/**
 * Where a lead's deal stands as of an instant: won (reached the catalog's won stage), lost (its
 * latest stage change is the LOST exit), returned to marketing (latest change is RETURNED) or
 * open (anything else).
 */
public enum Outcome {
  WON,
  LOST,
  RETURNED,
  OPEN
}
