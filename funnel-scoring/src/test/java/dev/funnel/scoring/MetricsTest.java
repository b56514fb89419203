package dev.funnel.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MetricsTest {

  /**
   * Hanley and McNeil (1982), "The meaning and use of the area under a receiver operating
   * characteristic (ROC) curve", Radiology 143:29-36, Table 1: 109 CT images rated 1 (definitely
   * normal) to 5 (definitely abnormal); 58 normal (33, 6, 6, 11, 2) and 51 abnormal (3, 2, 2, 11,
   * 33). Published: area 0.893, standard error 0.032 (their exponential approximation).
   */
  @Test
  void hanleyMcNeilRatingsAsPublished() {
    int[] normal = {33, 6, 6, 11, 2};
    int[] abnormal = {3, 2, 2, 11, 33};
    int n = 109;
    double[] score = new double[n];
    boolean[] y = new boolean[n];
    int r = 0;
    for (int rating = 1; rating <= 5; rating++) {
      for (int k = 0; k < normal[rating - 1]; k++) {
        score[r++] = rating;
      }
      for (int k = 0; k < abnormal[rating - 1]; k++) {
        y[r] = true;
        score[r++] = rating;
      }
    }
    AucEstimate a = Metrics.auc(score, y, 0.95);
    assertEquals(0.893, a.auc(), 5e-4);
    assertEquals(51, a.positives());
    assertEquals(58, a.negatives());
    // DeLong's nonparametric error is close to Hanley and McNeil's approximation (0.032)
    assertEquals(0.032, a.standardError(), 0.003);
    assertEquals(bruteForceVariance(score, y), a.standardError() * a.standardError(), 1e-12);
  }

  /** DeLong's variance from its definition: the O(mn) placement values. */
  static double bruteForceVariance(double[] s, boolean[] y) {
    return bruteForceCovariance(s, s, y);
  }

  static double bruteForceCovariance(double[] a, double[] b, boolean[] y) {
    int m = 0;
    for (boolean o : y) {
      m += o ? 1 : 0;
    }
    int n = y.length - m;
    double[] va = new double[m];
    double[] vb = new double[m];
    double[] wa = new double[n];
    double[] wb = new double[n];
    int i = 0;
    for (int p = 0; p < y.length; p++) {
      if (!y[p]) {
        continue;
      }
      int j = 0;
      for (int q = 0; q < y.length; q++) {
        if (y[q]) {
          continue;
        }
        double pa = a[p] > a[q] ? 1 : a[p] == a[q] ? 0.5 : 0;
        double pb = b[p] > b[q] ? 1 : b[p] == b[q] ? 0.5 : 0;
        va[i] += pa / n;
        vb[i] += pb / n;
        wa[j] += pa / m;
        wb[j] += pb / m;
        j++;
      }
      i++;
    }
    double ma = mean(va);
    double mb = mean(vb);
    double s10 = 0;
    for (int k = 0; k < m; k++) {
      s10 += (va[k] - ma) * (vb[k] - mb);
    }
    double s01 = 0;
    for (int k = 0; k < n; k++) {
      s01 += (wa[k] - ma) * (wb[k] - mb);
    }
    return s10 / (m - 1) / m + s01 / (n - 1) / n;
  }

  static double mean(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s / v.length;
  }

  @Test
  void delongComparisonMatchesItsDefinitionOnRandomScoresWithTies() {
    Random rnd = new Random(5);
    for (int t = 0; t < 20; t++) {
      int n = 30 + rnd.nextInt(150);
      double[] a = new double[n];
      double[] b = new double[n];
      boolean[] y = new boolean[n];
      for (int i = 0; i < n; i++) {
        y[i] = rnd.nextDouble() < 0.3;
        a[i] = Math.round((y[i] ? 0.8 : 0) + rnd.nextGaussian() * 2);
        b[i] = a[i] + rnd.nextInt(3);
      }
      if (y[0] == y[1]) {
        y[0] = !y[1];
      }
      AucComparison c = Metrics.compare("a", a, "b", b, y, 0.95);
      double var = bruteForceCovariance(a, a, y) + bruteForceCovariance(b, b, y) - 2 * bruteForceCovariance(a, b, y);
      assertEquals(Math.sqrt(Math.max(0, var)), c.standardError(), 1e-10);
      double auc = 0;
      int pairs = 0;
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          if (y[i] && !y[j]) {
            auc += a[i] > a[j] ? 1 : a[i] == a[j] ? 0.5 : 0;
            pairs++;
          }
        }
      }
      assertEquals(auc / pairs, Metrics.auc(a, y, 0.95).auc(), 1e-12);
    }
  }

  @Test
  void logLossBrierAndCalibrationOnAHandExample() {
    double[] p = {0.1, 0.4, 0.35, 0.8};
    boolean[] y = {false, false, true, true};
    BinaryMetrics m = Metrics.evaluate("m", p, p, y, 0.95);
    double ll = -(Math.log(0.9) + Math.log(0.6) + Math.log(0.35) + Math.log(0.8)) / 4;
    assertEquals(ll, m.logLoss(), 1e-12);
    double brier = (0.01 + 0.16 + 0.4225 + 0.04) / 4;
    assertEquals(brier, m.brier(), 1e-12);
    assertEquals(1 - brier / 0.25, m.brierSkill(), 1e-12);
    assertEquals(0.75, m.auc().auc(), 1e-12);
    assertEquals(4, m.calibration().bins().size());
  }

  @Test
  void gainsShareTiesInProportion() {
    // four rows tied at the top, one positive among them; six below, one positive
    double[] s = {5, 5, 5, 5, 1, 1, 1, 1, 1, 1};
    boolean[] y = {true, false, false, false, true, false, false, false, false, false};
    GainsTable g = Metrics.gains(s, y);
    assertEquals(10, g.rows().size());
    assertEquals(0.25, g.rows().get(0).positives(), 1e-12);
    assertEquals(0.125, g.gainAt(1), 1e-12);
    assertEquals(0.5, g.gainAt(4), 1e-12);
    assertEquals(1.0, g.gainAt(10), 1e-12);
    assertEquals(1.25, g.topLift(), 1e-12);
  }

  @Test
  void withoutBothOutcomesTheAucIsUndefinedNotZero() {
    AucEstimate a = Metrics.auc(new double[] {1, 2}, new boolean[] {true, true}, 0.95);
    assertTrue(Double.isNaN(a.auc()));
    assertEquals("-", a.label());
  }
}
