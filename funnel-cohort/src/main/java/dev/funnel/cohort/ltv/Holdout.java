package dev.funnel.cohort.ltv;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Computes a {@link HoldoutValidation}; see there for the conventions. */
final class Holdout {

  private Holdout() {}

  private static final int BUCKETS = 8; // 0..6 and 7+

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
    BgNbdFit bg = Ltv.bgNbd(calibration);
    ParetoNbdFit pareto = Ltv.paretoNbd(calibration);
    double horizon = unit.of(ChronoUnit.DAYS.between(calibrationEnd, holdoutEnd));

    long[] bucketCustomers = new long[BUCKETS];
    double[][] bucketSums = new double[BUCKETS][3];
    double[] absError = new double[2];
    double[] sqError = new double[2];
    double[] predicted = new double[2];
    long actualTotal = 0;
    TreeMap<LocalDate, Long> firstDays = new TreeMap<>(); // first purchase day -> customers
    List<LocalDate> repeatDays = new ArrayList<>();
    for (RfmCustomer c : calibration.customers()) {
      TreeSet<LocalDate> own = days.get(c.customerId());
      LocalDate first = own.first();
      firstDays.merge(first, 1L, Long::sum);
      for (LocalDate d : own) {
        if (!d.equals(first)) {
          repeatDays.add(d);
        }
      }
      long actual = own.tailSet(calibrationEnd, false).size();
      double pb = bg.expectedPurchases(horizon, c);
      double pp = pareto.expectedPurchases(horizon, c);
      int b = Math.min(c.x(), BUCKETS - 1);
      bucketCustomers[b]++;
      bucketSums[b][0] += actual;
      bucketSums[b][1] += pb;
      bucketSums[b][2] += pp;
      actualTotal += actual;
      predicted[0] += pb;
      predicted[1] += pp;
      absError[0] += Math.abs(pb - actual);
      absError[1] += Math.abs(pp - actual);
      sqError[0] += (pb - actual) * (pb - actual);
      sqError[1] += (pp - actual) * (pp - actual);
    }
    long n = calibration.size();
    List<HoldoutValidation.Bucket> buckets = new ArrayList<>();
    for (int b = 0; b < BUCKETS; b++) {
      if (bucketCustomers[b] == 0) {
        continue;
      }
      double k = bucketCustomers[b];
      buckets.add(new HoldoutValidation.Bucket(b == BUCKETS - 1 ? (BUCKETS - 1) + "+" : "" + b,
          bucketCustomers[b], bucketSums[b][0] / k, bucketSums[b][1] / k, bucketSums[b][2] / k));
    }
    List<HoldoutValidation.Tracking> tracking = track(firstDays, repeatDays, calibrationEnd,
        holdoutEnd, unit, bg, pareto);
    List<HoldoutValidation.ModelScore> models = List.of(
        new HoldoutValidation.ModelScore(HoldoutValidation.BG_NBD, bg.boundary(),
            bg.logLikelihood(), bgParameters(bg), aic(bg.logLikelihood(), bgParameters(bg)),
            bic(bg.logLikelihood(), bgParameters(bg), n), predicted[0], actualTotal,
            absError[0] / n, Math.sqrt(sqError[0] / n)),
        new HoldoutValidation.ModelScore(HoldoutValidation.PARETO_NBD, pareto.boundary(),
            pareto.logLikelihood(), paretoParameters(pareto),
            aic(pareto.logLikelihood(), paretoParameters(pareto)),
            bic(pareto.logLikelihood(), paretoParameters(pareto), n), predicted[1], actualTotal,
            absError[1] / n, Math.sqrt(sqError[1] / n)));
    String recommended = absError[1] < absError[0] ? HoldoutValidation.PARETO_NBD
        : HoldoutValidation.BG_NBD;
    return new HoldoutValidation(unit, calibrationEnd, holdoutEnd, horizon, n, buckets, tracking,
        models, recommended);
  }

  /**
   * Cumulative repeat purchases by the end of each unit after the earliest first purchase, and
   * the models' {@code sum_i E[X(t_i)]}; customers grouped by first purchase day (one expectation
   * per group and unit).
   */
  private static List<HoldoutValidation.Tracking> track(TreeMap<LocalDate, Long> firstDays,
      List<LocalDate> repeatDays, LocalDate calibrationEnd, LocalDate holdoutEnd, RfmUnit unit,
      BgNbdFit bg, ParetoNbdFit pareto) {
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
      double eb = 0;
      double ep = 0;
      for (Map.Entry<LocalDate, Long> g : firstDays.entrySet()) {
        long age = ChronoUnit.DAYS.between(g.getKey(), through);
        if (age <= 0) {
          continue;
        }
        double t = unit.of(age);
        eb += g.getValue() * bg.expectedPurchases(t);
        ep += g.getValue() * pareto.expectedPurchases(t);
      }
      out.add(new HoldoutValidation.Tracking(k, through, through.isAfter(calibrationEnd),
          cumulative, eb, ep));
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
