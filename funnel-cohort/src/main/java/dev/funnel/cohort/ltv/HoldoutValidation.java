package dev.funnel.cohort.ltv;

import dev.funnel.core.display.Tabular;
import dev.funnel.core.display.TextTable;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * How well the purchase models fitted on a calibration period predict the period after it: the
 * standard validation of buy-till-you-die models (Fader, Hardie and Lee 2005, section 4,
 * figures 2-4, on CDNOW: calibration to 1997-09-30, holdout the next 39 weeks). Computed by
 * {@link Ltv#holdout}.
 *
 * <p>Conventions: the customers are those of the calibration summary (first purchase on or
 * before the calibration end); purchase days follow {@link Ltv#summarize} (one occasion per
 * customer and day with a non-negative row). A customer's holdout purchases are its purchase
 * days in {@code (calibrationEnd, holdoutEnd]}; the prediction is the model's conditional
 * expectation over the holdout length given the calibration history (FHL 2005 eq. 10 and its
 * Pareto/NBD counterpart). The tracking curve counts repeat purchase days (a customer's first
 * purchase day excluded) by the end of each time unit after the earliest first purchase, against
 * {@code sum_i E[X(t_i)]}, {@code t_i} the time since customer i's first purchase (eq. 9): before
 * the calibration end this is in-sample, after it out-of-sample.
 *
 * @param unit           the time unit of the models
 * @param calibrationEnd last day of the calibration period
 * @param holdoutEnd     last day of the holdout period
 * @param horizon        the holdout length in units
 * @param customers      customers of the calibration period
 * @param buckets        mean holdout purchases per customer by calibration repeat purchases
 *                       (0 to 6, then 7 and more): actual and predicted (FHL 2005 figure 4)
 * @param tracking       cumulative repeat purchases by the end of each unit (figure 2)
 * @param models         each model's calibration fit and holdout error
 * @param recommended    the model with the smallest mean absolute holdout error per customer
 */
public record HoldoutValidation(RfmUnit unit, LocalDate calibrationEnd, LocalDate holdoutEnd,
    double horizon, long customers, List<Bucket> buckets, List<Tracking> tracking,
    List<ModelScore> models, String recommended) implements Tabular {

  /** The BG/NBD's name in {@link #models} and {@link #recommended}. */
  public static final String BG_NBD = "BG/NBD";
  /** The MBG/NBD's name in {@link #models} and {@link #recommended}. */
  public static final String MBG_NBD = "MBG/NBD";
  /** The Pareto/NBD's name in {@link #models} and {@link #recommended}. */
  public static final String PARETO_NBD = "Pareto/NBD";

  public HoldoutValidation {
    buckets = List.copyOf(buckets);
    tracking = List.copyOf(tracking);
    models = List.copyOf(models);
  }

  /**
   * Customers with a given number of calibration repeat purchases.
   *
   * @param label     "0" .. "6", or "7+"
   * @param customers customers in the bucket
   * @param actual    mean holdout purchases per customer
   * @param bgNbd     mean BG/NBD prediction per customer
   * @param mbgNbd    mean MBG/NBD prediction per customer
   * @param paretoNbd mean Pareto/NBD prediction per customer
   */
  public record Bucket(String label, long customers, double actual, double bgNbd, double mbgNbd,
      double paretoNbd) {}

  /**
   * Cumulative repeat purchases by the end of one time unit.
   *
   * @param period    units since the earliest first purchase (1 = the first unit)
   * @param through   last day the period covers (the holdout end for a last, partial unit)
   * @param holdout   whether the period ends after the calibration end
   * @param actual    repeat purchase days so far
   * @param bgNbd     expected by the BG/NBD
   * @param mbgNbd    expected by the MBG/NBD
   * @param paretoNbd expected by the Pareto/NBD
   */
  public record Tracking(int period, LocalDate through, boolean holdout, long actual, double bgNbd,
      double mbgNbd, double paretoNbd) {}

  /**
   * One model: calibration fit and holdout error.
   *
   * @param model            {@link #BG_NBD}, {@link #MBG_NBD} or {@link #PARETO_NBD}
   * @param boundary         the limit model the fit reached, or null (see the fit types)
   * @param logLikelihood    calibration log-likelihood
   * @param parameters       free parameters of the fitted form (fewer at a boundary)
   * @param aic              {@code 2k - 2 logL}
   * @param bic              {@code k ln(n) - 2 logL}, n the customers
   * @param predicted        predicted holdout purchases, all customers
   * @param actual           actual holdout purchases, all customers
   * @param meanAbsoluteError mean over customers of |predicted - actual|
   * @param rootMeanSquaredError root of the mean squared error over customers
   */
  public record ModelScore(String model, String boundary, double logLikelihood, int parameters,
      double aic, double bic, double predicted, long actual, double meanAbsoluteError,
      double rootMeanSquaredError) {

    /** Predicted over actual minus one: the relative error of the holdout total. */
    public double totalError() {
      return actual == 0 ? Double.NaN : predicted / actual - 1;
    }
  }

  /** The score of one model by name. */
  public ModelScore model(String name) {
    for (ModelScore m : models) {
      if (m.model().equals(name)) {
        return m;
      }
    }
    throw new IllegalArgumentException(
        "no model " + name + "; have " + BG_NBD + ", " + MBG_NBD + ", " + PARETO_NBD);
  }

  @Override
  public String summary() {
    ModelScore bg = model(BG_NBD);
    return String.format(Locale.ROOT,
        "Holdout %s..%s: %d customers, %d purchases, BG/NBD %s (%s); recommended %s",
        calibrationEnd.plusDays(1), holdoutEnd, customers, bg.actual(),
        TextTable.number(bg.predicted()), TextTable.number(bg.totalError()), recommended);
  }

  @Override
  public TextTable table() {
    TextTable t = TextTable.of("calibration repeat purchases", "customers", "actual holdout",
        BG_NBD, MBG_NBD, PARETO_NBD);
    for (Bucket b : buckets) {
      t = t.plus(b.label(), b.customers(), b.actual(), b.bgNbd(), b.mbgNbd(), b.paretoNbd());
    }
    return t;
  }

  /** The model comparison: fit on the calibration period and error on the holdout. */
  public TextTable modelTable() {
    TextTable t = TextTable.of("model", "boundary", "logL", "k", "AIC", "BIC", "predicted",
        "actual", "MAE", "RMSE");
    for (ModelScore m : models) {
      t = t.plus(m.model(), m.boundary() == null ? "-" : m.boundary(), m.logLikelihood(),
          m.parameters(), m.aic(), m.bic(), m.predicted(), m.actual(), m.meanAbsoluteError(),
          m.rootMeanSquaredError());
    }
    return t;
  }

  /** The tracking table: cumulative repeat purchases, actual and expected, per unit. */
  public TextTable trackingTable() {
    TextTable t = TextTable.of(unit.label(), "through", "holdout", "actual", BG_NBD, MBG_NBD,
        PARETO_NBD);
    for (Tracking r : tracking) {
      t = t.plus(r.period(), r.through(), r.holdout() ? "yes" : "", r.actual(), r.bgNbd(),
          r.mbgNbd(), r.paretoNbd());
    }
    return t;
  }

  @Override
  public String toString() {
    return Tabular.preview(this);
  }
}
