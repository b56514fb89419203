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
    MbgNbdFit mbg = Ltv.mbgNbd(calibration);
    ParetoNbdFit pareto = Ltv.paretoNbd(calibration);
    double horizon = unit.of(ChronoUnit.DAYS.between(calibrationEnd, holdoutEnd));

    long[] bucketCustomers = new long[BUCKETS];
    double[][] bucketSums = new double[BUCKETS][4];
    double[] absError = new double[3];
    double[] sqError = new double[3];
    double[] predicted = new double[3];
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
      double[] p = {bg.expectedPurchases(horizon, c), mbg.expectedPurchases(horizon, c),
          pareto.expectedPurchases(horizon, c)};
      int b = Math.min(c.x(), BUCKETS - 1);
      bucketCustomers[b]++;
      bucketSums[b][0] += actual;
      actualTotal += actual;
      for (int m = 0; m < 3; m++) {
        bucketSums[b][m + 1] += p[m];
        predicted[m] += p[m];
        absError[m] += Math.abs(p[m] - actual);
        sqError[m] += (p[m] - actual) * (p[m] - actual);
      }
    }
    long n = calibration.size();
    List<HoldoutValidation.Bucket> buckets = new ArrayList<>();
    for (int b = 0; b < BUCKETS; b++) {
      if (bucketCustomers[b] == 0) {
        continue;
      }
      double k = bucketCustomers[b];
      buckets.add(new HoldoutValidation.Bucket(b == BUCKETS - 1 ? (BUCKETS - 1) + "+" : "" + b,
          bucketCustomers[b], bucketSums[b][0] / k, bucketSums[b][1] / k, bucketSums[b][2] / k,
          bucketSums[b][3] / k));
    }
    List<HoldoutValidation.Tracking> tracking = track(firstDays, repeatDays, calibrationEnd,
        holdoutEnd, unit, bg, mbg, pareto);
    String[] names = {HoldoutValidation.BG_NBD, HoldoutValidation.MBG_NBD,
        HoldoutValidation.PARETO_NBD};
    String[] boundaries = {bg.boundary(), null, pareto.boundary()};
    double[] logL = {bg.logLikelihood(), mbg.logLikelihood(), pareto.logLikelihood()};
    int[] k = {bgParameters(bg), 4, paretoParameters(pareto)};
    List<HoldoutValidation.ModelScore> models = new ArrayList<>();
    int best = 0;
    for (int m = 0; m < 3; m++) {
      models.add(new HoldoutValidation.ModelScore(names[m], boundaries[m], logL[m], k[m],
          aic(logL[m], k[m]), bic(logL[m], k[m], n), predicted[m], actualTotal, absError[m] / n,
          Math.sqrt(sqError[m] / n)));
      if (absError[m] < absError[best]) {
        best = m;
      }
    }
    String recommended = names[best];
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
      BgNbdFit bg, MbgNbdFit mbg, ParetoNbdFit pareto) {
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
      double em = 0;
      double ep = 0;
      for (Map.Entry<LocalDate, Long> g : firstDays.entrySet()) {
        long age = ChronoUnit.DAYS.between(g.getKey(), through);
        if (age <= 0) {
          continue;
        }
        double t = unit.of(age);
        eb += g.getValue() * bg.expectedPurchases(t);
        em += g.getValue() * mbg.expectedPurchases(t);
        ep += g.getValue() * pareto.expectedPurchases(t);
      }
      out.add(new HoldoutValidation.Tracking(k, through, through.isAfter(calibrationEnd),
          cumulative, eb, em, ep));
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
