package dev.funnel.cohort.ltv;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Computes a {@link HoldoutValidation}; see there for the conventions. */
final class Holdout {

  private Holdout() {}

  private static final int BUCKETS = 8; // 0..6 and 7+

  /** The models in the order of the records' columns; the BG/BB last, when it is fitted. */
  private static final String[] NAMES = {HoldoutValidation.BG_NBD, HoldoutValidation.MBG_NBD,
      HoldoutValidation.PARETO_NBD, HoldoutValidation.BG_BB};

  /** What the validation needs of a model. */
  private interface Predictor {
    /** Expected holdout purchases of calibration customer i. */
    double holdout(int i);

    /** Expected repeat purchases by the end of {@code through} of a customer who first bought on {@code first}. */
    double tracking(LocalDate first, LocalDate through);
  }

  static HoldoutValidation validate(Collection<Purchase> purchases, LocalDate calibrationEnd,
      LocalDate holdoutEnd, RfmUnit unit) {
    if (purchases == null || calibrationEnd == null || holdoutEnd == null || unit == null) {
      throw new IllegalArgumentException(
          "purchases, the calibration end, the holdout end and the unit are required");
    }
    if (!holdoutEnd.isAfter(calibrationEnd)) {
      throw new IllegalArgumentException("the holdout must end after the calibration: "
          + calibrationEnd + " .. " + holdoutEnd);
    }
    RfmSummary calibration = RfmSummarizer.summarize(purchases, calibrationEnd, unit);
    if (calibration.size() == 0) {
      throw new IllegalArgumentException("no customer bought on or before " + calibrationEnd);
    }
    // purchase days of every customer through the holdout end
    Map<String, TreeSet<LocalDate>> days = new HashMap<>();
    for (Purchase p : purchases) {
      if (p.amount().signum() >= 0 && !p.day().isAfter(holdoutEnd)) {
        days.computeIfAbsent(p.customerId(), k -> new TreeSet<>()).add(p.day());
      }
    }
    List<RfmCustomer> customers = calibration.customers();
    BgNbdFit bg = Ltv.bgNbd(calibration);
    MbgNbdFit mbg = Ltv.mbgNbd(calibration);
    ParetoNbdFit pareto = Ltv.paretoNbd(calibration);
    double horizon = unit.of(ChronoUnit.DAYS.between(calibrationEnd, holdoutEnd));

    List<Predictor> predictors = new ArrayList<>();
    predictors.add(continuous(customers, horizon, unit, bg::expectedPurchases,
        bg::expectedPurchases));
    predictors.add(continuous(customers, horizon, unit, mbg::expectedPurchases,
        mbg::expectedPurchases));
    predictors.add(continuous(customers, horizon, unit, pareto::expectedPurchases,
        pareto::expectedPurchases));
    Opportunities grid = Opportunities.of(unit, calibrationEnd, holdoutEnd, customers, days);
    BgBbFit bb = null;
    if (grid.problem() == null) {
      int[][] histories = new int[customers.size()][];
      Map<List<Integer>, Long> patterns = new TreeMap<>(Holdout::compare);
      for (int i = 0; i < histories.length; i++) {
        histories[i] = grid.history(days.get(customers.get(i).customerId()));
        patterns.merge(List.of(histories[i][0], histories[i][1], histories[i][2]), 1L, Long::sum);
      }
      List<BgBbPattern> list = new ArrayList<>();
      patterns.forEach((h, n) -> list.add(new BgBbPattern(h.get(0), h.get(1), h.get(2), n)));
      BgBbFit fit = Ltv.bgBb(list);
      bb = fit;
      int m = grid.holdoutPeriods();
      predictors.add(new Predictor() {
        @Override
        public double holdout(int i) {
          int[] h = histories[i];
          return fit.expectedTransactions(m, h[0], h[1], h[2]);
        }

        @Override
        public double tracking(LocalDate first, LocalDate through) {
          int k = grid.ended(through) - grid.period(first);
          return k <= 0 ? 0 : fit.expectedTransactions(k);
        }
      });
    }
    int models = predictors.size();

    long[] bucketCustomers = new long[BUCKETS];
    double[][] bucketSums = new double[BUCKETS][1 + models];
    double[] absError = new double[models];
    double[] sqError = new double[models];
    double[] predicted = new double[models];
    long actualTotal = 0;
    TreeMap<LocalDate, Long> firstDays = new TreeMap<>(); // first purchase day -> customers
    List<LocalDate> repeatDays = new ArrayList<>();
    for (int i = 0; i < customers.size(); i++) {
      RfmCustomer c = customers.get(i);
      TreeSet<LocalDate> own = days.get(c.customerId());
      LocalDate first = own.first();
      firstDays.merge(first, 1L, Long::sum);
      for (LocalDate d : own) {
        if (!d.equals(first)) {
          repeatDays.add(d);
        }
      }
      long actual = own.tailSet(calibrationEnd, false).size();
      int b = Math.min(c.x(), BUCKETS - 1);
      bucketCustomers[b]++;
      bucketSums[b][0] += actual;
      actualTotal += actual;
      for (int m = 0; m < models; m++) {
        double p = predictors.get(m).holdout(i);
        bucketSums[b][m + 1] += p;
        predicted[m] += p;
        absError[m] += Math.abs(p - actual);
        sqError[m] += (p - actual) * (p - actual);
      }
    }
    long n = calibration.size();
    List<HoldoutValidation.Bucket> buckets = new ArrayList<>();
    for (int b = 0; b < BUCKETS; b++) {
      if (bucketCustomers[b] == 0) {
        continue;
      }
      double k = bucketCustomers[b];
      double[] mean = new double[4];
      for (int m = 0; m < 4; m++) {
        mean[m] = m < models ? bucketSums[b][m + 1] / k : Double.NaN;
      }
      buckets.add(new HoldoutValidation.Bucket(b == BUCKETS - 1 ? (BUCKETS - 1) + "+" : "" + b,
          bucketCustomers[b], bucketSums[b][0] / k, mean[0], mean[1], mean[2], mean[3]));
    }
    List<HoldoutValidation.Tracking> tracking =
        track(firstDays, repeatDays, calibrationEnd, holdoutEnd, unit, predictors);
    double[][] trackingErrors = trackingErrors(tracking, models);
    String[] boundaries = {bg.boundary(), null, pareto.boundary(), null};
    double[] logL = {bg.logLikelihood(), mbg.logLikelihood(), pareto.logLikelihood(),
        bb == null ? Double.NaN : bb.logLikelihood()};
    int[] k = {bgParameters(bg), 4, paretoParameters(pareto), 4};
    boolean[] converged = {bg.convergence().converged(), mbg.convergence().converged(),
        pareto.convergence().converged(), bb != null && bb.convergence().converged()};
    List<Map<String, Double>> estimates = List.of(
        estimates(bg.r(), bg.alpha(), bg.a(), bg.b(), bg.pi()),
        estimates(mbg.r(), mbg.alpha(), mbg.a(), mbg.b()),
        estimates(pareto.r(), pareto.alpha(), pareto.s(), pareto.beta(), pareto.lambda(),
            pareto.mu()),
        bb == null ? Map.of() : estimates(bb.alpha(), bb.beta(), bb.gamma(), bb.delta()));
    List<HoldoutValidation.ModelScore> scores = new ArrayList<>();
    for (int m = 0; m < models; m++) {
      scores.add(new HoldoutValidation.ModelScore(NAMES[m], boundaries[m], estimates.get(m),
          converged[m], logL[m], k[m], aic(logL[m], k[m]), bic(logL[m], k[m], n), predicted[m],
          actualTotal, absError[m] / n, Math.sqrt(sqError[m] / n), trackingErrors[m][0],
          trackingErrors[m][1]));
    }
    return new HoldoutValidation(unit, calibrationEnd, holdoutEnd, horizon, n, buckets, tracking,
        scores, recommend(scores), grid.problem());
  }

  /**
   * The recommendation rule of {@link HoldoutValidation#RULE}: the smallest mean absolute holdout
   * error per customer; among the models within 1% of it, the smallest mean absolute error of the
   * cumulative tracking over the holdout periods (first in column order on an exact tie).
   */
  static String recommend(List<HoldoutValidation.ModelScore> scores) {
    double best = Double.POSITIVE_INFINITY;
    for (HoldoutValidation.ModelScore s : scores) {
      best = Math.min(best, s.meanAbsoluteError());
    }
    HoldoutValidation.ModelScore pick = null;
    for (HoldoutValidation.ModelScore s : scores) {
      if (s.meanAbsoluteError() <= best * (1 + HoldoutValidation.TIE)
          && (pick == null || s.cumulativeTrackingError() < pick.cumulativeTrackingError())) {
        pick = s;
      }
    }
    return pick.model();
  }

  private static int compare(List<Integer> a, List<Integer> b) {
    for (int i = 0; i < a.size(); i++) {
      int c = Integer.compare(a.get(i), b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  private static Map<String, Double> estimates(Estimate... es) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (Estimate e : es) {
      m.put(e.name(), e.value());
    }
    return m;
  }

  /** A continuous-time model: its conditional expectation over the holdout and E[X(t)]. */
  private static Predictor continuous(List<RfmCustomer> customers, double horizon, RfmUnit unit,
      java.util.function.ToDoubleBiFunction<Double, RfmCustomer> conditional,
      java.util.function.DoubleUnaryOperator unconditional) {
    return new Predictor() {
      @Override
      public double holdout(int i) {
        return conditional.applyAsDouble(horizon, customers.get(i));
      }

      @Override
      public double tracking(LocalDate first, LocalDate through) {
        long age = ChronoUnit.DAYS.between(first, through);
        return age <= 0 ? 0 : unconditional.applyAsDouble(unit.of(age));
      }
    };
  }

  /**
   * Per model, the mean absolute error over the holdout periods of the cumulative tracking and of
   * its increments (the first holdout period's increment from the last calibration period).
   */
  private static double[][] trackingErrors(List<HoldoutValidation.Tracking> tracking, int models) {
    double[][] e = new double[models][2];
    int periods = 0;
    for (int i = 0; i < tracking.size(); i++) {
      HoldoutValidation.Tracking r = tracking.get(i);
      if (!r.holdout()) {
        continue;
      }
      periods++;
      HoldoutValidation.Tracking before = i == 0 ? null : tracking.get(i - 1);
      for (int m = 0; m < models; m++) {
        double expected = r.expected(m);
        e[m][0] += Math.abs(expected - r.actual());
        double inc = expected - (before == null ? 0 : before.expected(m));
        long actualInc = r.actual() - (before == null ? 0 : before.actual());
        e[m][1] += Math.abs(inc - actualInc);
      }
    }
    for (double[] row : e) {
      row[0] /= periods;
      row[1] /= periods;
    }
    return e;
  }

  /**
   * Cumulative repeat purchases by the end of each unit after the earliest first purchase, and
   * the models' {@code sum_i E[X(t_i)]}; customers grouped by first purchase day (one expectation
   * per group and unit).
   */
  private static List<HoldoutValidation.Tracking> track(TreeMap<LocalDate, Long> firstDays,
      List<LocalDate> repeatDays, LocalDate calibrationEnd, LocalDate holdoutEnd, RfmUnit unit,
      List<Predictor> predictors) {
    LocalDate start = firstDays.firstKey();
    long span = ChronoUnit.DAYS.between(start, holdoutEnd) + 1; // days covered
    int periods = (int) Math.ceil(span / unit.days());
    long[] repeatsByDay = new long[(int) span];
    for (LocalDate d : repeatDays) {
      repeatsByDay[(int) ChronoUnit.DAYS.between(start, d)]++;
    }
    List<HoldoutValidation.Tracking> out = new ArrayList<>(periods);
    long cumulative = 0;
    int day = 0;
    for (int k = 1; k <= periods; k++) {
      int end = (int) Math.min(span, (long) Math.floor(k * unit.days())); // exclusive day offset
      for (; day < end; day++) {
        cumulative += repeatsByDay[day];
      }
      LocalDate through = start.plusDays(end - 1);
      double[] e = {0, 0, 0, Double.NaN};
      for (int m = 0; m < predictors.size(); m++) {
        double sum = 0;
        for (Map.Entry<LocalDate, Long> g : firstDays.entrySet()) {
          if (g.getKey().isAfter(through)) {
            break;
          }
          sum += g.getValue() * predictors.get(m).tracking(g.getKey(), through);
        }
        e[m] = sum;
      }
      out.add(new HoldoutValidation.Tracking(k, through, through.isAfter(calibrationEnd),
          cumulative, e[0], e[1], e[2], e[3]));
    }
    return out;
  }

  private static int bgParameters(BgNbdFit f) {
    if (f.boundary() == null) {
      return 4;
    }
    return BgNbdFit.NO_DROPOUT.equals(f.boundary()) ? 2 : 3;
  }

  private static int paretoParameters(ParetoNbdFit f) {
    if (f.boundary() == null) {
      return 4;
    }
    return ParetoNbdFit.NO_DROPOUT.equals(f.boundary()) ? 2 : 3;
  }

  private static double aic(double logL, int k) {
    return 2.0 * k - 2 * logL;
  }

  private static double bic(double logL, int k, long n) {
    return k * Math.log(n) - 2 * logL;
  }
}
