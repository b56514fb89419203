package dev.funnel.benchmarks;

import dev.funnel.scoring.LogisticFit;
import dev.funnel.scoring.LogisticRegression;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Fitting a ridge logistic regression ({@link LogisticRegression}, lambda 1 on the standardised
 * slopes) to {@code rows} simulated rows of {@code columns} features: the "fitting on 1M
 * leads x ~50 features", on a matrix a caller already has.
 *
 * <p>Rows (seed 42): the first two fifths of the columns 0/1 with probability 0.2 (one-hot-like
 * flags), the rest {@code log(1 + x)} of an exponential count with mean 5 (like the lead model's
 * recency and activity columns); true slopes drawn from N(0, 0.3^2), intercept -1, the response
 * Bernoulli of the logistic of the linear predictor.
 *
 * <p>Peer {@code textbookNewton}: the same penalised likelihood solved the way a textbook writes
 * Newton's method (Hastie, Tibshirani and Friedman 2009, section 4.4.1): dense rows, the full
 * {@code X'WX} over every column pair of every row, Gauss-Jordan elimination with partial
 * pivoting, the step halved while the objective falls, from zero slopes; written here,
 * independently of funnel-scoring. The setup fits both and throws unless every coefficient agrees
 * within 1e-6 (relative to max(1, |b|)).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class LogisticSolve {

  /** Number of simulated rows. */
  @Param("1000000")
  public long rows;

  /** Number of features. */
  @Param("50")
  public int columns;

  private static final double LAMBDA = 1;

  private double[][] x;
  private double[] y;
  private MemoryBaseline baseline;

  @Setup(Level.Trial)
  public void setUp() {
    int n = (int) rows;
    int p = columns;
    SplittableRandom rnd = new SplittableRandom(42);
    double[] beta = new double[p];
    for (int j = 0; j < p; j++) {
      beta[j] = 0.3 * gaussian(rnd);
    }
    x = new double[n][p];
    y = new double[n];
    int flags = 2 * p / 5;
    for (int i = 0; i < n; i++) {
      double eta = -1;
      for (int j = 0; j < p; j++) {
        double v = j < flags ? (rnd.nextDouble() < 0.2 ? 1 : 0)
            : Math.log1p(Math.floor(-5 * Math.log(1 - rnd.nextDouble())));
        x[i][j] = v;
        eta += beta[j] * v;
      }
      y[i] = rnd.nextDouble() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
    }
    baseline = new MemoryBaseline(8L * n * (p + 1));
    double[] funnel = funnel().coefficients();
    double[] peer = textbookNewton();
    for (int j = 0; j < funnel.length; j++) {
      if (!(Math.abs(funnel[j] - peer[j]) <= 1e-6 * Math.max(1, Math.abs(peer[j])))) {
        throw new IllegalStateException("coefficient " + j + ": funnel " + funnel[j]
            + ", textbook Newton " + peer[j]);
      }
    }
  }

  private static double gaussian(SplittableRandom r) {
    return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
  }

  /** funnel: Newton / IRLS on the sparse rows, warm-started from a sample's fit. */
  @Benchmark
  public LogisticFit funnel() {
    return LogisticRegression.ridge(LAMBDA).fit(x, y);
  }

  /** A textbook dense Newton solve of the same penalised likelihood; the coefficients. */
  @Benchmark
  public double[] textbookNewton() {
    int n = x.length;
    int p = columns + 1;
    double[] scale = new double[p];
    scale[0] = 1;
    for (int j = 1; j < p; j++) {
      double s = 0;
      double sq = 0;
      for (int i = 0; i < n; i++) {
        double v = x[i][j - 1];
        s += v;
        sq += v * v;
      }
      double m = s / n;
      double var = sq / n - m * m;
      scale[j] = var > 1e-24 * Math.max(1, sq / n) ? Math.sqrt(var) : 1;
    }
    double ybar = 0;
    for (double v : y) {
      ybar += v;
    }
    ybar /= n;
    double[] g = new double[p];
    g[0] = Math.log(ybar / (1 - ybar));
    double[] z = new double[p];
    double obj = objective(g, scale, z);
    for (int iter = 0; iter < 100; iter++) {
      double[] grad = new double[p];
      double[][] h = new double[p][p];
      for (int i = 0; i < n; i++) {
        row(i, scale, z);
        double eta = 0;
        for (int j = 0; j < p; j++) {
          eta += z[j] * g[j];
        }
        double pr = 1 / (1 + Math.exp(-eta));
        double c = pr * (1 - pr);
        for (int a = 0; a < p; a++) {
          grad[a] += (y[i] - pr) * z[a];
          for (int b = 0; b < p; b++) {
            h[a][b] += c * z[a] * z[b];
          }
        }
      }
      for (int j = 1; j < p; j++) {
        grad[j] -= LAMBDA * g[j];
        h[j][j] += LAMBDA;
      }
      double[] step = gaussJordan(h, grad);
      double t = 1;
      double[] trial = new double[p];
      double next = obj;
      for (int k = 0; k < 50; k++) {
        for (int j = 0; j < p; j++) {
          trial[j] = g[j] + t * step[j];
        }
        next = objective(trial, scale, z);
        if (next >= obj) {
          break;
        }
        t /= 2;
      }
      double moved = 0;
      for (int j = 0; j < p; j++) {
        moved = Math.max(moved, Math.abs(trial[j] - g[j]));
      }
      g = trial;
      obj = next;
      if (moved < 1e-8) {
        break;
      }
    }
    double[] b = new double[p];
    for (int j = 0; j < p; j++) {
      b[j] = g[j] / scale[j];
    }
    return b;
  }

  private void row(int i, double[] scale, double[] z) {
    z[0] = 1;
    for (int j = 1; j < z.length; j++) {
      z[j] = x[i][j - 1] / scale[j];
    }
  }

  private double objective(double[] g, double[] scale, double[] z) {
    double ll = 0;
    for (int i = 0; i < x.length; i++) {
      row(i, scale, z);
      double eta = 0;
      for (int j = 0; j < g.length; j++) {
        eta += z[j] * g[j];
      }
      ll += y[i] * eta - (eta > 0 ? eta + Math.log1p(Math.exp(-eta)) : Math.log1p(Math.exp(eta)));
    }
    double pen = 0;
    for (int j = 1; j < g.length; j++) {
      pen += g[j] * g[j];
    }
    return ll - LAMBDA / 2 * pen;
  }

  /** Solves {@code a x = b} by Gauss-Jordan elimination with partial pivoting. */
  static double[] gaussJordan(double[][] a, double[] b) {
    int n = b.length;
    double[][] m = new double[n][n + 1];
    for (int i = 0; i < n; i++) {
      System.arraycopy(a[i], 0, m[i], 0, n);
      m[i][n] = b[i];
    }
    for (int c = 0; c < n; c++) {
      int piv = c;
      for (int r = c + 1; r < n; r++) {
        if (Math.abs(m[r][c]) > Math.abs(m[piv][c])) {
          piv = r;
        }
      }
      double[] tmp = m[c];
      m[c] = m[piv];
      m[piv] = tmp;
      double d = m[c][c];
      for (int k = c; k <= n; k++) {
        m[c][k] /= d;
      }
      for (int r = 0; r < n; r++) {
        if (r != c && m[r][c] != 0) {
          double f = m[r][c];
          for (int k = c; k <= n; k++) {
            m[r][k] -= f * m[c][k];
          }
        }
      }
    }
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = m[i][n];
    }
    return out;
  }

  /** Summing a long[] as large as the rows' values and responses. */
  @Benchmark
  public long memoryBaseline() {
    return baseline.sum();
  }
}
