package dev.funnel.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LogisticRegressionTest {

  /**
   * Space shuttle O-ring data: launch temperature (F) and whether any field joint showed thermal
   * distress, 23 flights before Challenger (Dalal, Fowlkes and Hoadley 1989, JASA 84:945-957).
   * The maximum-likelihood fit logit = 15.043 - 0.2322 temperature, standard errors 7.379 and
   * 0.1082, is the worked example of Agresti, An Introduction to Categorical Data Analysis (2nd ed.
   * 2007), section 5.1 (Table 5.10 data).
   */
  static final double[] TEMPERATURE = {66, 70, 69, 68, 67, 72, 73, 70, 57, 63, 70, 78, 67, 53, 67,
      75, 70, 81, 76, 79, 75, 76, 58};
  static final double[] DISTRESS = {0, 1, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1,
      0, 1};

  @Test
  void challengerORingsAsPublished() {
    double[][] x = new double[TEMPERATURE.length][];
    for (int i = 0; i < x.length; i++) {
      x[i] = new double[] {TEMPERATURE[i]};
    }
    LogisticFit f = LogisticRegression.unpenalized().fit(x, DISTRESS);
    assertTrue(f.converged());
    assertEquals(15.0429, f.coefficient(0), 5e-4);
    assertEquals(-0.2322, f.coefficient(1), 5e-5);
    assertEquals(7.3786, f.standardError(0), 5e-4);
    assertEquals(0.1082, f.standardError(1), 5e-5);
  }

  /**
   * Bliss (1935) beetle mortality after five hours of carbon disulphide, as grouped proportions
   * (dose log10 CS2 mg/l, beetles, killed). Logistic fit b1 = -60.72 (s.e. 5.18), b2 = 34.27
   * (s.e. 2.91): Dobson and Barnett, An Introduction to Generalized Linear Models (3rd ed. 2008),
   * Table 7.3.
   */
  @Test
  void blissBeetlesGroupedAsPublished() {
    double[] dose = {1.6907, 1.7242, 1.7552, 1.7842, 1.8113, 1.8369, 1.8610, 1.8839};
    double[] n = {59, 60, 62, 56, 63, 59, 62, 60};
    double[] killed = {6, 13, 18, 28, 52, 53, 61, 60};
    double[][] x = new double[dose.length][];
    double[] y = new double[dose.length];
    for (int i = 0; i < dose.length; i++) {
      x[i] = new double[] {dose[i]};
      y[i] = killed[i] / n[i];
    }
    LogisticFit grouped = LogisticRegression.unpenalized().fit(x, y, n, List.of("dose"));
    assertEquals(-60.72, grouped.coefficient(0), 0.005);
    assertEquals(34.27, grouped.coefficient(1), 0.005);
    assertEquals(5.18, grouped.standardError(0), 0.005);
    assertEquals(2.91, grouped.standardError(1), 0.005);
    // the same beetles one row each give the same fit
    int total = 0;
    for (double v : n) {
      total += (int) v;
    }
    double[][] xi = new double[total][];
    double[] yi = new double[total];
    int r = 0;
    for (int g = 0; g < dose.length; g++) {
      for (int k = 0; k < n[g]; k++, r++) {
        xi[r] = new double[] {dose[g]};
        yi[r] = k < killed[g] ? 1 : 0;
      }
    }
    LogisticFit single = LogisticRegression.unpenalized().fit(xi, yi);
    assertEquals(grouped.coefficient(1), single.coefficient(1), 1e-8);
    assertEquals(grouped.standardError(1), single.standardError(1), 1e-8);
    assertEquals(grouped.logLikelihood(), single.logLikelihood(), 1e-8);
  }

  /** Textbook Newton-Raphson, dense, with Gauss-Jordan elimination: an independent solve. */
  static double[] textbookNewton(double[][] x, double[] y, double lambda, boolean standardize) {
    int n = x.length;
    int p = x[0].length + 1;
    double[] s = new double[p];
    s[0] = 1;
    for (int j = 1; j < p; j++) {
      double m = 0;
      double q = 0;
      for (double[] row : x) {
        m += row[j - 1];
        q += row[j - 1] * row[j - 1];
      }
      m /= n;
      s[j] = standardize ? Math.sqrt(q / n - m * m) : 1;
    }
    double[] b = new double[p];
    for (int it = 0; it < 200; it++) {
      double[][] h = new double[p][p + 1];
      for (int i = 0; i < n; i++) {
        double[] z = new double[p];
        z[0] = 1;
        for (int j = 1; j < p; j++) {
          z[j] = x[i][j - 1];
        }
        double eta = 0;
        for (int j = 0; j < p; j++) {
          eta += z[j] * b[j];
        }
        double pr = 1 / (1 + Math.exp(-eta));
        for (int a = 0; a < p; a++) {
          h[a][p] += z[a] * (y[i] - pr);
          for (int c = 0; c < p; c++) {
            h[a][c] += z[a] * z[c] * pr * (1 - pr);
          }
        }
      }
      for (int j = 1; j < p; j++) {
        // penalty lambda/2 (b_j s_j)^2 on the raw coefficient b_j
        h[j][p] -= lambda * s[j] * s[j] * b[j];
        h[j][j] += lambda * s[j] * s[j];
      }
      for (int c = 0; c < p; c++) {
        int piv = c;
        for (int r = c + 1; r < p; r++) {
          if (Math.abs(h[r][c]) > Math.abs(h[piv][c])) {
            piv = r;
          }
        }
        double[] t = h[c];
        h[c] = h[piv];
        h[piv] = t;
        for (int r = 0; r < p; r++) {
          if (r != c) {
            double f = h[r][c] / h[c][c];
            for (int k = c; k <= p; k++) {
              h[r][k] -= f * h[c][k];
            }
          }
        }
      }
      double max = 0;
      for (int j = 0; j < p; j++) {
        double step = h[j][p] / h[j][j];
        b[j] += step;
        max = Math.max(max, Math.abs(step));
      }
      if (max < 1e-13) {
        break;
      }
    }
    return b;
  }

  static double[][] randomRows(Random rnd, int n, int p) {
    double[][] x = new double[n][p];
    for (double[] row : x) {
      for (int j = 0; j < p; j++) {
        // mixed scales and a sparse 0/1 column, as the lead features are
        row[j] = j % 3 == 0 ? (rnd.nextDouble() < 0.3 ? 1 : 0) : rnd.nextGaussian() * (1 + 10 * j);
      }
    }
    return x;
  }

  @Test
  void agreesWithATextbookNewtonOnRandomSets() {
    Random rnd = new Random(7);
    for (int trial = 0; trial < 20; trial++) {
      int n = 60 + rnd.nextInt(200);
      int p = 1 + rnd.nextInt(5);
      double[][] x = randomRows(rnd, n, p);
      double[] y = new double[n];
      for (int i = 0; i < n; i++) {
        double eta = -0.3;
        for (int j = 0; j < p; j++) {
          eta += (j % 2 == 0 ? 0.8 : -0.05) * x[i][j] / (1 + 10 * j);
        }
        y[i] = rnd.nextDouble() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
      }
      for (double lambda : new double[] {0, 0.5, 7}) {
        double[] expected = textbookNewton(x, y, lambda, true);
        LogisticFit f = LogisticRegression.ridge(lambda).fit(x, y);
        for (int j = 0; j <= p; j++) {
          assertEquals(expected[j], f.coefficient(j), 1e-7 * (1 + Math.abs(expected[j])),
              "trial " + trial + " lambda " + lambda + " coefficient " + j);
        }
        double[] raw = textbookNewton(x, y, lambda, false);
        LogisticFit g = LogisticRegression.ridge(lambda).unstandardized().fit(x, y);
        for (int j = 0; j <= p; j++) {
          assertEquals(raw[j], g.coefficient(j), 1e-7 * (1 + Math.abs(raw[j])));
        }
      }
    }
  }

  @Test
  void aLargePenalisedFitWarmStartedFromASampleReachesTheSameOptimum() {
    Random rnd = new Random(11);
    int n = LogisticRegression.WARM_START_ROWS + 1_000;
    double[][] x = randomRows(rnd, n, 4);
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double eta = -0.5 + 0.9 * x[i][0] - 0.02 * x[i][1] + 0.01 * x[i][2] + 0.7 * x[i][3];
      y[i] = rnd.nextDouble() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
    }
    double[] expected = textbookNewton(x, y, 1, true);
    LogisticFit f = LogisticRegression.ridge(1).fit(x, y);
    assertTrue(f.converged());
    assertTrue(f.iterations() <= 4, "from the sample's solution Newton needs few full iterations: "
        + f.iterations());
    for (int j = 0; j < expected.length; j++) {
      assertEquals(expected[j], f.coefficient(j), 1e-8 * (1 + Math.abs(expected[j])), "coefficient " + j);
    }
  }

  @Test
  void completeSeparationIsNamed() {
    double[][] x = new double[40][];
    double[] y = new double[40];
    Random rnd = new Random(3);
    for (int i = 0; i < 40; i++) {
      double noise = rnd.nextGaussian();
      double sep = i < 20 ? -1 - rnd.nextDouble() : 1 + rnd.nextDouble();
      x[i] = new double[] {noise, sep};
      y[i] = i < 20 ? 0 : 1;
    }
    SeparationException e = assertThrows(SeparationException.class,
        () -> LogisticRegression.unpenalized().fit(x, y, null, List.of("noise", "webinar")));
    assertEquals(List.of("webinar"), e.columns());
    assertTrue(e.getMessage().contains("webinar") && e.getMessage().contains("ridge"), e.getMessage());
    // a penalty always has a solution, and it is finite
    LogisticFit f = LogisticRegression.ridge(1).fit(x, y);
    assertTrue(f.converged());
    assertTrue(Math.abs(f.coefficient(2)) < 50);
  }

  @Test
  void quasiCompleteSeparationByARareCategoryIsNamed() {
    // a level seen in 6 rows, all positive; the rest mixed
    Random rnd = new Random(11);
    int n = 200;
    double[][] x = new double[n][];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      boolean rare = i < 6;
      x[i] = new double[] {rare ? 1 : 0, rnd.nextGaussian()};
      y[i] = rare ? 1 : (rnd.nextDouble() < 0.3 ? 1 : 0);
    }
    SeparationException e = assertThrows(SeparationException.class,
        () -> LogisticRegression.unpenalized().fit(x, y, null, List.of("campaign=rare", "touches")));
    assertEquals("campaign=rare", e.columns().get(0));
    LogisticFit f = LogisticRegression.ridge(1).fit(x, y);
    assertTrue(f.converged() && Double.isFinite(f.coefficient(1)));
  }

  @Test
  void sameResponseEverywhereAndCollinearColumnsAreRefusedClearly() {
    double[][] x = {{1}, {2}, {3}};
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LogisticRegression.ridge(1).fit(x, new double[] {0, 0, 0}));
    assertTrue(e.getMessage().contains("every row has the response 0"), e.getMessage());
    double[][] c = new double[30][];
    double[] y = new double[30];
    for (int i = 0; i < 30; i++) {
      c[i] = new double[] {i % 7, 2 * (i % 7)};
      y[i] = i % 3 == 0 ? 1 : 0;
    }
    IllegalArgumentException s = assertThrows(IllegalArgumentException.class,
        () -> LogisticRegression.unpenalized().fit(c, y));
    assertTrue(s.getMessage().contains("collinear"), s.getMessage());
    assertTrue(LogisticRegression.ridge(0.1).fit(c, y).converged());
  }
}
