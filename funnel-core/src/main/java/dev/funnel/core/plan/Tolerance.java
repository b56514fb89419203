package dev.funnel.core.plan;

/**
 * Tolerance bands, as fractions of the plan: a forecast worse than the plan by at least
 * {@code warning} (e.g. 0.05 = 5 %) is a warning, by at least {@code alert} (e.g. 0.15) an alert.
 * "Worse" follows the metric's {@link Direction}; a value exactly on a band edge is in that band.
 *
 * @param warning fraction of the plan, at least 0
 * @param alert   fraction of the plan, at least {@code warning}
 */
public record Tolerance(double warning, double alert) {

  /** Warning at 5 %, alert at 15 % worse than plan. */
  public static final Tolerance DEFAULT = new Tolerance(0.05, 0.15);

  public Tolerance {
    if (!(warning >= 0) || !(alert >= warning) || Double.isInfinite(alert)) {
      throw new IllegalArgumentException(
          "tolerance bands need 0 <= warning <= alert < infinity, got warning " + warning + ", alert " + alert);
    }
  }

  /**
   * The status of a forecast against a plan.
   *
   * <p>The shortfall is {@code (forecast - plan) / |plan|} with the sign turned so that negative
   * is worse (for {@link Direction#ON_TARGET} it is {@code -|forecast - plan| / |plan|}). With a
   * zero plan the shortfall is 0 when the forecast is 0 too and infinite otherwise. Undefined
   * when plan or forecast is NaN.
   */
  public PlanStatus status(double plan, double forecast, Direction direction) {
    if (Double.isNaN(plan) || Double.isNaN(forecast)) {
      return PlanStatus.UNDEFINED;
    }
    double diff = forecast - plan;
    double signed = switch (direction) {
      case HIGHER_IS_BETTER -> diff;
      case LOWER_IS_BETTER -> -diff;
      case ON_TARGET -> -Math.abs(diff);
    };
    // shortfall: how much worse than plan, as a fraction of |plan|; <= 0 when on or above plan
    double shortfall = plan == 0
        ? (signed == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, -signed))
        : -signed / Math.abs(plan);
    double eps = 1e-12;
    if (shortfall > eps && shortfall >= alert - eps) {
      return PlanStatus.ALERT;
    }
    if (shortfall > eps && shortfall >= warning - eps) {
      return PlanStatus.WARNING;
    }
    return PlanStatus.OK;
  }
}
