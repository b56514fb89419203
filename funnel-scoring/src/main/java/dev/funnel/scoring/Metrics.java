package dev.funnel.scoring;

import dev.funnel.core.stats.WilsonInterval;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Validation metrics of binary predictions: AUC with DeLong's interval and the comparison of two
 * correlated AUCs, log loss, Brier score, the calibration table by decile and the gains table.
 * Sources and conventions are on the result types ({@link AucEstimate}, {@link AucComparison},
 * {@link BinaryMetrics}, {@link CalibrationTable}, {@link GainsTable}). Stateless and thread-safe.
 */
public final class Metrics {

  private static final NormalDistribution STANDARD = NormalDistribution.of(0, 1);

  private Metrics() {}

  /**
   * Evaluates one score.
   *
   * @param name        what is scored
   * @param score       the ranking score per row (higher = more likely); for a model its
   *                    probability
   * @param probability the predicted probability per row (for log loss, Brier, calibration)
   * @param outcome     what happened per row
   * @param level       the confidence level of the AUC interval, e.g. 0.95
   * @throws IllegalArgumentException when the arrays differ in length or a probability is
   *     outside [0, 1]
   */
  public static BinaryMetrics evaluate(String name, double[] score, double[] probability,
      boolean[] outcome, double level) {
    int n = outcome.length;
    if (score.length != n || probability.length != n) {
      throw new IllegalArgumentException("score, probability and outcome differ in length: "
          + score.length + ", " + probability.length + ", " + n);
    }
    long pos = 0;
    double ll = 0;
    double brier = 0;
    for (int i = 0; i < n; i++) {
      double p = probability[i];
      if (!(p >= 0 && p <= 1)) {
        throw new IllegalArgumentException("probability " + p + " at row " + i + " is outside [0, 1]");
      }
      double c = Math.min(1 - 1e-15, Math.max(1e-15, p));
      if (outcome[i]) {
        pos++;
        ll -= Math.log(c);
        brier += (1 - p) * (1 - p);
      } else {
        ll -= Math.log1p(-c);
        brier += p * p;
      }
    }
    double rate = n == 0 ? Double.NaN : (double) pos / n;
    double b = n == 0 ? Double.NaN : brier / n;
    double ref = rate * (1 - rate);
    return new BinaryMetrics(name, n, pos, rate, auc(score, outcome, level),
        n == 0 ? Double.NaN : ll / n, b, ref > 0 ? 1 - b / ref : Double.NaN,
        calibration(probability, outcome), gains(score, outcome));
  }

  /** The AUC of a score with DeLong's interval at the confidence level. */
  public static AucEstimate auc(double[] score, boolean[] outcome, double level) {
    DeLong d = new DeLong(new double[][] {score}, outcome);
    if (d.m == 0 || d.n == 0) {
      return new AucEstimate(Double.NaN, Double.NaN, Double.NaN, Double.NaN, level, d.m, d.n);
    }
    double z = z(level);
    double auc = d.auc[0];
    double se = Math.sqrt(d.covariance(0, 0));
    return new AucEstimate(auc, se, Math.max(0, auc - z * se), Math.min(1, auc + z * se), level, d.m, d.n);
  }

  /** Compares the AUCs of two scores on the same rows (DeLong's paired test). */
  public static AucComparison compare(String first, double[] a, String second, double[] b,
      boolean[] outcome, double level) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("the two scores differ in length: " + a.length + ", " + b.length);
    }
    DeLong d = new DeLong(new double[][] {a, b}, outcome);
    if (d.m < 2 || d.n < 2) {
      return new AucComparison(first, second, Double.NaN, Double.NaN, Double.NaN, Double.NaN, level, Double.NaN);
    }
    double diff = d.auc[0] - d.auc[1];
    double var = d.covariance(0, 0) + d.covariance(1, 1) - 2 * d.covariance(0, 1);
    double se = Math.sqrt(Math.max(0, var));
    double z = z(level);
    double p = se > 0 ? 2 * STANDARD.survivalProbability(Math.abs(diff) / se) : (diff == 0 ? 1 : 0);
    return new AucComparison(first, second, diff, se, diff - z * se, diff + z * se, level, p);
  }

  private static double z(double level) {
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("the confidence level must be in (0, 1), got " + level);
    }
    return STANDARD.inverseCumulativeProbability(0.5 + level / 2);
  }

  /** DeLong's structural components from midranks (Sun and Xu 2014). */
  static final class DeLong {
    final int m;
    final int n;
    final double[] auc;
    final double[][] v10;
    final double[][] v01;

    DeLong(double[][] scores, boolean[] outcome) {
      int total = outcome.length;
      int mm = 0;
      for (boolean o : outcome) {
        if (o) {
          mm++;
        }
      }
      m = mm;
      n = total - mm;
      int k = scores.length;
      auc = new double[k];
      v10 = new double[k][m];
      v01 = new double[k][n];
      if (m == 0 || n == 0) {
        return;
      }
      for (int r = 0; r < k; r++) {
        double[] s = scores[r];
        if (s.length != total) {
          throw new IllegalArgumentException("score and outcome differ in length: " + s.length + ", " + total);
        }
        double[] x = new double[m];
        double[] y = new double[n];
        int a = 0;
        int b = 0;
        for (int i = 0; i < total; i++) {
          if (Double.isNaN(s[i])) {
            throw new IllegalArgumentException("score at row " + i + " is NaN");
          }
          if (outcome[i]) {
            x[a++] = s[i];
          } else {
            y[b++] = s[i];
          }
        }
        double[] z = new double[total];
        System.arraycopy(x, 0, z, 0, m);
        System.arraycopy(y, 0, z, m, n);
        double[] tx = midranks(x);
        double[] ty = midranks(y);
        double[] tz = midranks(z);
        double sum = 0;
        for (int i = 0; i < m; i++) {
          v10[r][i] = (tz[i] - tx[i]) / n;
          sum += tz[i];
        }
        for (int j = 0; j < n; j++) {
          v01[r][j] = 1 - (tz[m + j] - ty[j]) / m;
        }
        auc[r] = sum / ((double) m * n) - (m + 1) / (2.0 * n);
      }
    }

    /** DeLong's covariance of AUC r and AUC q: S10/m + S01/n. */
    double covariance(int r, int q) {
      double s10 = 0;
      for (int i = 0; i < m; i++) {
        s10 += (v10[r][i] - auc[r]) * (v10[q][i] - auc[q]);
      }
      double s01 = 0;
      for (int j = 0; j < n; j++) {
        s01 += (v01[r][j] - auc[r]) * (v01[q][j] - auc[q]);
      }
      s10 = m > 1 ? s10 / (m - 1) : 0;
      s01 = n > 1 ? s01 / (n - 1) : 0;
      return s10 / m + s01 / n;
    }
  }

  /** Midranks (1-based; ties get the mean of their ranks), in input order. */
  static double[] midranks(double[] v) {
    int n = v.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(v[a], v[b]));
    double[] r = new double[n];
    int i = 0;
    while (i < n) {
      int j = i;
      while (j + 1 < n && v[order[j + 1]] == v[order[i]]) {
        j++;
      }
      double mid = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) {
        r[order[k]] = mid;
      }
      i = j + 1;
    }
    return r;
  }

  /** The calibration table by decile of the probability (see {@link CalibrationTable}). */
  public static CalibrationTable calibration(double[] probability, boolean[] outcome) {
    int n = outcome.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(probability[a], probability[b]));
    int groups = Math.min(10, n);
    List<CalibrationBin> bins = new ArrayList<>();
    double ece = 0;
    double hl = 0;
    double sumP = 0;
    long sumY = 0;
    for (int g = 0; g < groups; g++) {
      int from = (int) ((long) g * n / groups);
      int to = (int) ((long) (g + 1) * n / groups);
      double e = 0;
      long o = 0;
      for (int k = from; k < to; k++) {
        e += probability[order[k]];
        if (outcome[order[k]]) {
          o++;
        }
      }
      int rows = to - from;
      sumP += e;
      sumY += o;
      WilsonInterval w = WilsonInterval.of(o, rows, 0.95);
      bins.add(new CalibrationBin(g + 1, rows, e / rows, e, o, (double) o / rows, w.lower(), w.upper()));
      ece += Math.abs(o - e) / n;
      double denom = e * (1 - e / rows);
      if (denom > 0) {
        hl += (o - e) * (o - e) / denom;
      }
    }
    int df = groups - 2;
    double p = df > 0 ? ChiSquaredDistribution.of(df).survivalProbability(hl) : Double.NaN;
    double[] cox = cox(probability, outcome);
    return new CalibrationTable(bins, n == 0 ? Double.NaN : sumP / n,
        n == 0 ? Double.NaN : (double) sumY / n, n == 0 ? Double.NaN : ece, hl, df, p, cox[1], cox[0]);
  }

  /** Cox's calibration intercept and slope: logit P(y) = a + b logit(p); NaN when not fittable. */
  private static double[] cox(double[] probability, boolean[] outcome) {
    int n = outcome.length;
    double[][] x = new double[n][1];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double p = Math.min(1 - 1e-12, Math.max(1e-12, probability[i]));
      x[i][0] = Math.log(p / (1 - p));
      y[i] = outcome[i] ? 1 : 0;
    }
    try {
      LogisticFit f = LogisticRegression.unpenalized().fit(x, y);
      return new double[] {f.coefficient(0), f.coefficient(1)};
    } catch (IllegalArgumentException e) {
      return new double[] {Double.NaN, Double.NaN};
    }
  }

  /** Lift and cumulative gains by decile of the score (see {@link GainsTable}). */
  public static GainsTable gains(double[] score, boolean[] outcome) {
    int n = outcome.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(score[b], score[a]));
    long total = 0;
    for (boolean o : outcome) {
      if (o) {
        total++;
      }
    }
    // positives captured by the first k sorted rows, ties shared: prefix over tie groups
    double[] captured = new double[n + 1];
    int i = 0;
    while (i < n) {
      int j = i;
      int pos = 0;
      while (j < n && score[order[j]] == score[order[i]]) {
        if (outcome[order[j]]) {
          pos++;
        }
        j++;
      }
      double per = (double) pos / (j - i);
      for (int k = i; k < j; k++) {
        captured[k + 1] = captured[i] + per * (k + 1 - i);
      }
      i = j;
    }
    int groups = Math.min(10, n);
    double rate = n == 0 ? Double.NaN : (double) total / n;
    List<GainsRow> rows = new ArrayList<>();
    for (int g = 0; g < groups; g++) {
      int from = (int) ((long) g * n / groups);
      int to = (int) ((long) (g + 1) * n / groups);
      double pos = captured[to] - captured[from];
      int r = to - from;
      double decileRate = pos / r;
      double share = (double) to / n;
      double gain = total == 0 ? Double.NaN : captured[to] / total;
      rows.add(new GainsRow(g + 1, r, pos, decileRate, decileRate / rate, share, gain, gain / share));
    }
    return new GainsTable(rows);
  }
}
