package dev.funnel.core.plan;

/**
 * Tolerance bands of one metric: the shortfall (relative deviation in the bad direction) up to
 * which the row is {@code ok}, and up to which it is a {@code warning}; beyond that it is an
 * {@code alert}.
 *
 * @param direction whether more is better
 * @param warning   shortfall above which the row is at least a warning, e.g. 0.05
 * @param alert     shortfall above which the row is an alert, e.g. 0.15; not below warning
 */
public record Tolerance(Direction direction, double warning, double alert) {

  public Tolerance {
    if (direction == null) {
      throw new IllegalArgumentException("tolerance direction is required");
    }
    if (!(warning >= 0) || !(alert >= warning)) {
      throw new IllegalArgumentException(
          "tolerance bands need 0 <= warning <= alert, got " + warning + " and " + alert);
    }
  }

  /** Default bands (5% warning, 15% alert) in a direction. */
  public static Tolerance of(Direction d) {
    return new Tolerance(d, 0.05, 0.15);
  }

  /**
   * The status of a relative deviation {@code (forecast - plan) / plan}: the shortfall is its
   * negative for higher-is-better metrics and itself otherwise. An undefined deviation (no plan,
   * no forecast yet) is {@code ok}: there is no evidence of a shortfall.
   */
  public Status status(double deviation) {
    if (Double.isNaN(deviation)) {
      return Status.OK;
    }
    double shortfall = direction == Direction.HIGHER_IS_BETTER ? -deviation : deviation;
    if (shortfall > alert) {
      return Status.ALERT;
    }
    return shortfall > warning ? Status.WARNING : Status.OK;
  }
}
