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
 * Pareto/NBD and MBG/NBD counterparts). The tracking curve counts repeat purchase days (a
 * customer's first purchase day excluded) by the end of each time unit after the earliest first
 * purchase, against {@code sum_i E[X(t_i)]}, {@code t_i} the time since customer i's first
 * purchase (eq. 9): before the calibration end this is in-sample, after it out-of-sample.
 *
 * <p>The BG/BB (Fader, Hardie and Shang 2010) joins the comparison when the purchases are
 * discrete on a grid of periods of one unit ending on the calibration end (calendar months for
 * the month unit): no customer has two purchase days in one period and the holdout is a whole
 * number of periods. Each period after a customer's first purchase is one transaction
 * opportunity; its prediction is FHS 2010 eq. 13 over the holdout's periods and its tracking eq. 7
 * over the opportunities ended by each date. Otherwise {@link #bgBbProblem} says why not, and its
 * columns are NaN. Its log-likelihood is that of the binary record per opportunity, not a density
 * of purchase times as the others', so its AIC and BIC cannot be compared with theirs: the
 * recommendation uses holdout errors only ({@link #RULE}).
 *
 * @param unit           the time unit of the models
 * @param calibrationEnd last day of the calibration period
 * @param holdoutEnd     last day of the holdout period
 * @param horizon        the holdout length in units
 * @param customers      customers of the calibration period
 * @param buckets        mean holdout purchases per customer by calibration repeat purchases
 *                       (0 to 6, then 7 and more): actual and predicted (FHL 2005 figure 4)
 * @param tracking       cumulative repeat purchases by the end of each unit (figure 2)
 * @param models         each model's calibration fit and holdout error, in column order
 * @param recommended    the model {@link #RULE} picks
 * @param bgBbProblem    why the BG/BB is not among the models, or null when it is
 */
public record HoldoutValidation(RfmUnit unit, LocalDate calibrationEnd, LocalDate holdoutEnd,
    double horizon, long customers, List<Bucket> buckets, List<Tracking> tracking,
    List<ModelScore> models, String recommended, String bgBbProblem) implements Tabular {

  /** The BG/NBD's name in {@link #models} and {@link #recommended}. */
  public static final String BG_NBD = "BG/NBD";
  /** The MBG/NBD's name in {@link #models} and {@link #recommended}. */
  public static final String MBG_NBD = "MBG/NBD";
  /** The Pareto/NBD's name in {@link #models} and {@link #recommended}. */
  public static final String PARETO_NBD = "Pareto/NBD";
  /** The BG/BB's name in {@link #models} and {@link #recommended}. */
  public static final String BG_BB = "BG/BB";

  /** Relative margin within which two per-customer holdout errors count as tied: 1%. */
  public static final double TIE = 0.01;

  /**
   * The recommendation rule: the model with the smallest mean absolute holdout error per customer
   * (what a customer-level CLV relies on); among the models within {@link #TIE} of it, the one
   * whose expected cumulative repeat purchases stay closest to the actual ones over the holdout
   * periods (smallest mean absolute tracking error; the first in column order on an exact tie).
   * Both are out-of-sample errors in purchases, so they compare every model, the BG/BB included;
   * log-likelihood, AIC and BIC are reported beside them.
   */
  public static final String RULE = "smallest mean absolute holdout error per customer; within 1%"
      + " of it, smallest mean absolute error of the cumulative tracking over the holdout";

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
   * @param bgBb      mean BG/BB prediction per customer, NaN when it is not fitted
   */
  public record Bucket(String label, long customers, double actual, double bgNbd, double mbgNbd,
      double paretoNbd, double bgBb) {}

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
   * @param bgBb      expected by the BG/BB, NaN when it is not fitted
   */
  public record Tracking(int period, LocalDate through, boolean holdout, long actual, double bgNbd,
      double mbgNbd, double paretoNbd, double bgBb) {

    /** The expectation of model m in column order (BG/NBD, MBG/NBD, Pareto/NBD, BG/BB). */
    double expected(int m) {
      return switch (m) {
        case 0 -> bgNbd;
        case 1 -> mbgNbd;
        case 2 -> paretoNbd;
        default -> bgBb;
      };
    }
  }

  /**
   * One model: calibration fit and holdout error.
   *
   * @param model            {@link #BG_NBD}, {@link #MBG_NBD}, {@link #PARETO_NBD} or
   *                         {@link #BG_BB}
   * @param boundary         the limit model the fit reached, or null (see the fit types)
   * @param estimates        the fitted parameters by name (infinite or 0 at a limit)
   * @param converged        whether the fit converged ({@link Convergence})
   * @param logLikelihood    calibration log-likelihood
   * @param parameters       free parameters of the fitted form (fewer at a boundary)
   * @param aic              {@code 2k - 2 logL}
   * @param bic              {@code k ln(n) - 2 logL}, n the customers
   * @param predicted        predicted holdout purchases, all customers
   * @param actual           actual holdout purchases, all customers
   * @param meanAbsoluteError mean over customers of |predicted - actual|
   * @param rootMeanSquaredError root of the mean squared error over customers
   * @param cumulativeTrackingError mean over the holdout periods of |expected - actual|
   *                         cumulative repeat purchases ({@link #tracking})
   * @param incrementalTrackingError mean over the holdout periods of |expected - actual| repeat
   *                         purchases in the period ({@link #incremental})
   */
  public record ModelScore(String model, String boundary, java.util.Map<String, Double> estimates,
      boolean converged, double logLikelihood, int parameters, double aic, double bic,
      double predicted, long actual, double meanAbsoluteError, double rootMeanSquaredError,
      double cumulativeTrackingError, double incrementalTrackingError) {

    public ModelScore {
      estimates = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(estimates));
    }

    /** Predicted over actual minus one: the relative error of the holdout total. */
    public double totalError() {
      return actual == 0 ? Double.NaN : predicted / actual - 1;
    }
  }

  /**
   * The tracking per period instead of cumulative: repeat purchases in each unit, actual and
   * expected (the difference of consecutive {@link #tracking} rows; the first row as it is).
   */
  public List<Tracking> incremental() {
    List<Tracking> out = new java.util.ArrayList<>(tracking.size());
    Tracking before = null;
    for (Tracking r : tracking) {
      out.add(before == null ? r : new Tracking(r.period(), r.through(), r.holdout(),
          r.actual() - before.actual(), r.bgNbd() - before.bgNbd(), r.mbgNbd() - before.mbgNbd(),
          r.paretoNbd() - before.paretoNbd(), r.bgBb() - before.bgBb()));
      before = r;
    }
    return List.copyOf(out);
  }

  /** Whether the BG/BB is among the models. */
  public boolean hasBgBb() {
    return bgBbProblem == null;
  }

  /** The score of one model by name. */
  public ModelScore model(String name) {
    for (ModelScore m : models) {
      if (m.model().equals(name)) {
        return m;
      }
    }
    List<String> names = new java.util.ArrayList<>();
    for (ModelScore m : models) {
      names.add(m.model());
    }
    throw new IllegalArgumentException("no model " + name + "; have " + String.join(", ", names));
  }

  @Override
  public String summary() {
    return String.format(Locale.ROOT, "Holdout %s..%s: %d customers, %d purchases, best %s",
        calibrationEnd.plusDays(1), holdoutEnd, customers, models.get(0).actual(), recommended);
  }

  @Override
  public TextTable table() {
    TextTable t = hasBgBb()
        ? TextTable.of("calibration repeat purchases", "customers", "actual holdout", BG_NBD,
            MBG_NBD, PARETO_NBD, BG_BB)
        : TextTable.of("calibration repeat purchases", "customers", "actual holdout", BG_NBD,
            MBG_NBD, PARETO_NBD);
    for (Bucket b : buckets) {
      t = hasBgBb()
          ? t.plus(b.label(), b.customers(), b.actual(), b.bgNbd(), b.mbgNbd(), b.paretoNbd(),
              b.bgBb())
          : t.plus(b.label(), b.customers(), b.actual(), b.bgNbd(), b.mbgNbd(), b.paretoNbd());
    }
    return t;
  }

  /** The model comparison: fit on the calibration period and error on the holdout. */
  public TextTable modelTable() {
    TextTable t = TextTable.of("model", "logL", "k", "AIC", "BIC", "predicted", "actual",
        "MAE", "RMSE", "tracking MAE", "per-" + unit.label() + " MAE");
    for (ModelScore m : models) {
      t = t.plus(m.model(), m.logLikelihood(), m.parameters(), m.aic(), m.bic(), m.predicted(),
          m.actual(), m.meanAbsoluteError(), m.rootMeanSquaredError(),
          m.cumulativeTrackingError(), m.incrementalTrackingError());
    }
    return t;
  }

  /** The tracking table: cumulative repeat purchases, actual and expected, per unit. */
  public TextTable trackingTable() {
    return trackingTable(tracking);
  }

  /** The incremental tracking table: repeat purchases in each unit, actual and expected. */
  public TextTable incrementalTable() {
    return trackingTable(incremental());
  }

  private TextTable trackingTable(List<Tracking> rows) {
    TextTable t = hasBgBb()
        ? TextTable.of(unit.label(), "through", "holdout", "actual", BG_NBD, MBG_NBD, PARETO_NBD,
            BG_BB)
        : TextTable.of(unit.label(), "through", "holdout", "actual", BG_NBD, MBG_NBD, PARETO_NBD);
    for (Tracking r : rows) {
      t = hasBgBb()
          ? t.plus(r.period(), r.through(), r.holdout() ? "yes" : "", r.actual(), r.bgNbd(),
              r.mbgNbd(), r.paretoNbd(), r.bgBb())
          : t.plus(r.period(), r.through(), r.holdout() ? "yes" : "", r.actual(), r.bgNbd(),
              r.mbgNbd(), r.paretoNbd());
    }
    return t;
  }

  @Override
  public String toString() {
    return Tabular.preview(this);
  }
}
