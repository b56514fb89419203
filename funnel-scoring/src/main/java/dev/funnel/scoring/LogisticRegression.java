package dev.funnel.scoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Logistic regression fitted exactly by Newton's method (iteratively reweighted least squares),
 * with an optional L2 (ridge) penalty on the slopes.
 *
 * <p>Model: {@code P(y = 1 | x) = 1 / (1 + exp(-(b0 + b1 x1 + ... + bp xp)))}. The fit maximises
 * the weighted log-likelihood {@code sum_i w_i (y_i eta_i - log(1 + exp(eta_i)))} minus
 * {@code lambda / 2 * sum_{j >= 1} (b_j s_j)^2}: the intercept is never penalised, and the penalty
 * applies to the slopes of the <em>standardised</em> columns ({@code s_j} is the column's weighted
 * standard deviation, 1 for a constant column or when standardisation is off), as in glmnet
 * (Friedman, Hastie and Tibshirani 2010), so one lambda treats columns of any unit alike. The
 * columns are scaled, not centred: centring only moves the unpenalised intercept, so the slopes
 * are the same and sparse rows stay sparse. Coefficients are reported on the original scale.
 * A response may be a proportion in {@code [0, 1]} with its number of trials as the weight
 * (grouped binomial data).
 *
 * <p>Newton step (McCullagh and Nelder 1989, section 4.4; Hastie, Tibshirani and Friedman 2009,
 * section 4.4.1): {@code b <- b + (X'WX + Lambda)^-1 (X'w(y - p) - Lambda b)} with
 * {@code W = diag(w p (1 - p))}, solved by Cholesky; a step that does not raise the penalised
 * log-likelihood is halved (at most 40 times). Converged when the Newton step moves no
 * coefficient of the standardised columns by more than {@code 1e-8} (checked before the line
 * search, so rounding noise in the objective at the optimum cannot keep it halving), or a full
 * step moved none by more. Starting point: all slopes 0, the intercept the logit of
 * the weighted mean response. Standard errors are the square roots of the diagonal of the inverse
 * (penalised) Hessian at the solution: the usual asymptotic errors when lambda is 0, the posterior
 * standard deviations of the Gaussian prior the penalty is (Bayesian reading) otherwise.
 *
 * <p>Without a penalty the maximum-likelihood estimate does not exist when the rows are completely
 * or quasi-completely separated (Albert and Anderson 1984, Biometrika 71:1-10): some coefficients
 * run off to infinity and Newton's steps never shrink. This is detected (no convergence, or a
 * singular Hessian, with fitted probabilities numerically 0 or 1) and reported as a
 * {@link SeparationException} naming the columns that diverge. A response that is 0 (or 1) in
 * every row is refused up front, penalty or not (the unpenalised intercept would diverge).
 *
 * <p>Immutable and thread-safe; each fit works on its own arrays.
 */
public final class LogisticRegression {

  /** Default most Newton iterations. */
  public static final int DEFAULT_MAX_ITERATIONS = 100;
  private static final double STEP_TOLERANCE = 1e-8;
  /** A linear predictor beyond this makes a probability numerically 0 or 1 (e^-30 ~ 1e-13). */
  private static final double SATURATED = 30;

  private final double lambda;
  private final boolean standardize;
  private final int maxIterations;

  private LogisticRegression(double lambda, boolean standardize, int maxIterations) {
    if (!(lambda >= 0) || Double.isInfinite(lambda)) {
      throw new IllegalArgumentException("the penalty lambda must be finite and >= 0, got " + lambda);
    }
    if (maxIterations < 1) {
      throw new IllegalArgumentException("max iterations must be >= 1, got " + maxIterations);
    }
    this.lambda = lambda;
    this.standardize = standardize;
    this.maxIterations = maxIterations;
  }

  /** Plain maximum likelihood (no penalty). */
  public static LogisticRegression unpenalized() {
    return new LogisticRegression(0, true, DEFAULT_MAX_ITERATIONS);
  }

  /** Ridge: penalty {@code lambda / 2 * sum (b_j s_j)^2} on the standardised slopes. */
  public static LogisticRegression ridge(double lambda) {
    return new LogisticRegression(lambda, true, DEFAULT_MAX_ITERATIONS);
  }

  /** This solver with the penalty on the raw slopes ({@code s_j = 1}): no standardisation. */
  public LogisticRegression unstandardized() {
    return new LogisticRegression(lambda, false, maxIterations);
  }

  /** This solver with another iteration limit. */
  public LogisticRegression maxIterations(int n) {
    return new LogisticRegression(lambda, standardize, n);
  }

  /** The penalty. */
  public double lambda() {
    return lambda;
  }

  /**
   * Fits {@code y} on the columns of {@code x} (an intercept is added), every row of weight 1.
   *
   * @param x rows of predictor values (no intercept column), all finite
   * @param y responses, 0 or 1 (or proportions in {@code [0, 1]})
   * @throws SeparationException when the maximum-likelihood estimate does not exist
   * @throws IllegalArgumentException when the rows do not agree in size, a value is not finite,
   *     every response is the same, or (without a penalty) the columns are collinear
   */
  public LogisticFit fit(double[][] x, double[] y) {
    return fit(x, y, null, null);
  }

  /**
   * Fits with a weight per row (e.g. the number of trials of a grouped proportion) and names
   * for the columns (for messages and tables; null for {@code x1, x2, ...}).
   */
  public LogisticFit fit(double[][] x, double[] y, double[] weights, List<String> names) {
    Design d = Design.dense(x, y, weights);
    List<String> n = new ArrayList<>();
    n.add("(intercept)");
    int p = d.cols - 1;
    if (names == null) {
      for (int j = 1; j <= p; j++) {
        n.add("x" + j);
      }
    } else if (names.size() != p) {
      throw new IllegalArgumentException(names.size() + " names for " + p + " columns");
    } else {
      n.addAll(names);
    }
    return fit(d, n);
  }

  /**
   * Rows from which a penalised fit first converges on a sample: every {@code k}-th row with
   * weight {@code k} (about {@link #WARM_START_SAMPLE} rows), whose solution starts the Newton
   * iterations on all rows. The sample's problem has the scale of the whole one (the same penalty
   * against a log-likelihood of the same size), so its solution is close to the whole one's and
   * Newton's quadratic convergence takes a few full iterations from there instead of the dozen
   * or more from zero. The answer is the same optimum to the same tolerance; only the path
   * differs. Unpenalised fits always start from zero (the separation check reads that path).
   */
  static final int WARM_START_ROWS = 250_000;
  /** The sample size of the warm start. */
  static final int WARM_START_SAMPLE = 100_000;

  /** Fits a design whose column 0 is the intercept; {@code names} has one name per column. */
  LogisticFit fit(Design d, List<String> names) {
    int p = d.cols;
    double sw = 0;
    double swy = 0;
    for (int i = 0; i < d.rows; i++) {
      sw += d.w[i];
      swy += d.w[i] * d.y[i];
    }
    if (!(sw > 0)) {
      throw new IllegalArgumentException("no rows with positive weight to fit");
    }
    if (swy <= 0 || swy >= sw) {
      throw new IllegalArgumentException("every row has the response " + (swy <= 0 ? 0 : 1)
          + " (" + d.rows + " rows): there is nothing to separate, no model can be fitted");
    }
    double[] scale = scales(d, sw);
    double[] z = standardized(d, scale);
    double[] gamma = new double[p];
    double mean = swy / sw;
    gamma[0] = Math.log(mean / (1 - mean));
    if (lambda > 0 && d.rows >= WARM_START_ROWS) {
      Design sample = d.every(d.rows / WARM_START_SAMPLE);
      if (sample.responseVaries()) {
        double[] start = gamma.clone();
        Newton warm = newton(sample, standardized(sample, scale), start);
        if (warm.converged && allFinite(start)) {
          gamma = start;
        }
      }
    }
    Newton run = newton(d, z, gamma);
    double[] eta = run.eta;
    if (lambda == 0 && (!run.converged || "singular".equals(run.stop)) && saturated(eta)) {
      throw separation(gamma, names);
    }
    if ("singular".equals(run.stop)) {
      throw new IllegalArgumentException("the design is singular: some columns are constant or"
          + " linear combinations of others (collinear); drop them or fit with a ridge penalty");
    }
    double[] grad = new double[p];
    double[] hess = new double[p * p];
    gradientAndHessian(d, z, run.prob, gamma, grad, hess);
    double[] se = new double[p];
    double[] beta = new double[p];
    try {
      double[] inv = Cholesky.of(hess, p).inverse();
      for (int j = 0; j < p; j++) {
        se[j] = Math.sqrt(inv[j * p + j]) / scale[j];
      }
    } catch (ArithmeticException singular) {
      Arrays.fill(se, Double.NaN);
    }
    for (int j = 0; j < p; j++) {
      beta[j] = gamma[j] / scale[j];
    }
    double ll = logLikelihood(d, eta);
    return new LogisticFit(names, beta, se, ll, lambda, run.iterations, run.converged, d.rows, sw);
  }

  /** How a Newton run ended: its iterations, and the linear predictors and probabilities. */
  private static final class Newton {
    int iterations;
    boolean converged;
    String stop;
    double[] eta;
    double[] prob;
  }

  /**
   * Newton / IRLS from {@code gamma} (updated in place) on the standardised values {@code z}:
   * a Cholesky solve per iteration, the step halved until the penalised log-likelihood does not
   * fall; the probabilities of the accepted iterate are kept from its evaluation for the next
   * Hessian (one exponential per row and iteration).
   */
  private Newton newton(Design d, double[] z, double[] gamma) {
    int p = d.cols;
    double[] eta = new double[d.rows];
    double[] prob = new double[d.rows];
    linear(d, z, gamma, eta);
    double obj = evaluate(d, eta, gamma, prob);
    double[] grad = new double[p];
    double[] hess = new double[p * p];
    double[] trial = new double[p];
    double[] etaTrial = new double[d.rows];
    double[] probTrial = new double[d.rows];
    Newton out = new Newton();
    while (out.iterations < maxIterations) {
      out.iterations++;
      gradientAndHessian(d, z, prob, gamma, grad, hess);
      double[] step;
      try {
        step = Cholesky.of(hess, p).solve(grad);
      } catch (ArithmeticException singular) {
        out.stop = "singular";
        break;
      }
      double full = 0;
      for (int j = 0; j < p; j++) {
        full = Math.max(full, Math.abs(step[j]));
      }
      if (full < STEP_TOLERANCE) {
        // the Newton step itself is below the tolerance: at the optimum in working precision (a
        // line search there only chases rounding noise in the objective)
        out.converged = true;
        break;
      }
      double t = 1;
      boolean improved = false;
      double newObj = obj;
      for (int h = 0; h <= 40; h++) {
        for (int j = 0; j < p; j++) {
          trial[j] = gamma[j] + t * step[j];
        }
        linear(d, z, trial, etaTrial);
        newObj = evaluate(d, etaTrial, trial, probTrial);
        if (newObj >= obj || Math.abs(newObj - obj) <= 1e-13 * Math.abs(obj)) {
          improved = true;
          break;
        }
        t /= 2;
      }
      double moved = 0;
      for (int j = 0; j < p; j++) {
        moved = Math.max(moved, Math.abs(t * step[j]));
      }
      if (!improved) {
        out.stop = "no ascent";
        out.converged = moved < 1e-6;
        break;
      }
      System.arraycopy(trial, 0, gamma, 0, p);
      double[] swap = eta;
      eta = etaTrial;
      etaTrial = swap;
      swap = prob;
      prob = probTrial;
      probTrial = swap;
      obj = newObj;
      if (t == 1 && moved < STEP_TOLERANCE) {
        out.converged = true;
        break;
      }
    }
    out.eta = eta;
    out.prob = prob;
    return out;
  }

  /** The values of a design divided by their column's scale (parallel to its entries). */
  private static double[] standardized(Design d, double[] scale) {
    double[] z = new double[d.value.length];
    for (int k = 0; k < z.length; k++) {
      z[k] = d.value[k] / scale[d.index[k]];
    }
    return z;
  }

  private static boolean allFinite(double[] xs) {
    for (double x : xs) {
      if (!Double.isFinite(x)) {
        return false;
      }
    }
    return true;
  }

  /** Column scales: weighted standard deviations (1 when off or when a column is constant). */
  private double[] scales(Design d, double sw) {
    double[] s = new double[d.cols];
    Arrays.fill(s, 1);
    if (!standardize) {
      return s;
    }
    double[] sum = new double[d.cols];
    double[] sq = new double[d.cols];
    for (int i = 0; i < d.rows; i++) {
      double w = d.w[i];
      for (int k = d.start[i]; k < d.start[i + 1]; k++) {
        double v = d.value[k];
        sum[d.index[k]] += w * v;
        sq[d.index[k]] += w * v * v;
      }
    }
    for (int j = 1; j < d.cols; j++) {
      double m = sum[j] / sw;
      double var = sq[j] / sw - m * m;
      s[j] = var > 1e-24 * Math.max(1, sq[j] / sw) ? Math.sqrt(var) : 1;
    }
    return s;
  }

  /** The linear predictors of the standardised values {@code z} (parallel to the entries). */
  private static void linear(Design d, double[] z, double[] gamma, double[] eta) {
    int[] index = d.index;
    int[] start = d.start;
    for (int i = 0; i < d.rows; i++) {
      double e = 0;
      for (int k = start[i], end = start[i + 1]; k < end; k++) {
        e += z[k] * gamma[index[k]];
      }
      eta[i] = e;
    }
  }

  /**
   * The penalised log-likelihood at {@code eta} (for coefficients {@code gamma}), filling
   * {@code prob} with the probabilities: one exponential per row serves both,
   * {@code log(1 + e^x) = max(x, 0) + log1p(e^-|x|)} and the logistic function.
   */
  private double evaluate(Design d, double[] eta, double[] gamma, double[] prob) {
    double ll = 0;
    double[] w = d.w;
    double[] y = d.y;
    for (int i = 0; i < d.rows; i++) {
      double x = eta[i];
      double e = Math.exp(-Math.abs(x));
      prob[i] = x >= 0 ? 1 / (1 + e) : e / (1 + e);
      if (w[i] != 0) {
        ll += w[i] * (y[i] * x - (Math.max(x, 0) + Math.log1p(e)));
      }
    }
    double pen = 0;
    for (int j = 1; j < gamma.length; j++) {
      pen += gamma[j] * gamma[j];
    }
    return ll - lambda / 2 * pen;
  }

  /** {@code sum w (y eta - log(1 + e^eta))}, computed without overflow. */
  static double logLikelihood(Design d, double[] eta) {
    double ll = 0;
    for (int i = 0; i < d.rows; i++) {
      if (d.w[i] == 0) {
        continue;
      }
      ll += d.w[i] * (d.y[i] * eta[i] - log1pExp(eta[i]));
    }
    return ll;
  }

  /** {@code log(1 + e^x)} without overflow or loss of precision. */
  static double log1pExp(double x) {
    return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
  }

  /** The logistic function {@code 1 / (1 + e^-x)}, without overflow. */
  static double sigmoid(double x) {
    if (x >= 0) {
      return 1 / (1 + Math.exp(-x));
    }
    double e = Math.exp(x);
    return e / (1 + e);
  }

  /**
   * The gradient and the (negated) Hessian of the penalised log-likelihood, from the rows'
   * probabilities: {@code X'w(y - p) - Lambda gamma} and {@code X'WX + Lambda} over the stored
   * entries only, accumulated into the upper triangle row by row without allocating, then
   * mirrored.
   */
  private void gradientAndHessian(Design d, double[] z, double[] prob, double[] gamma,
      double[] grad, double[] hess) {
    int p = d.cols;
    Arrays.fill(grad, 0);
    Arrays.fill(hess, 0);
    int[] index = d.index;
    for (int i = 0; i < d.rows; i++) {
      double w = d.w[i];
      if (w == 0) {
        continue;
      }
      double pr = prob[i];
      double r = w * (d.y[i] - pr);
      double c = w * pr * (1 - pr);
      int from = d.start[i];
      int to = d.start[i + 1];
      for (int a = from; a < to; a++) {
        int ja = index[a];
        double za = z[a];
        grad[ja] += r * za;
        double cza = c * za;
        int row = ja * p;
        for (int b = a; b < to; b++) {
          hess[row + index[b]] += cza * z[b];
        }
      }
    }
    for (int j = 1; j < p; j++) {
      grad[j] -= lambda * gamma[j];
      hess[j * p + j] += lambda;
    }
    for (int a = 0; a < p; a++) {
      for (int b = a + 1; b < p; b++) {
        hess[b * p + a] = hess[a * p + b];
      }
    }
  }

  private static boolean saturated(double[] eta) {
    for (double e : eta) {
      if (Math.abs(e) > SATURATED / 2) {
        return true;
      }
    }
    return false;
  }

  private static SeparationException separation(double[] gamma, List<String> names) {
    double max = 0;
    for (int j = 1; j < gamma.length; j++) {
      max = Math.max(max, Math.abs(gamma[j]));
    }
    List<Integer> cols = new ArrayList<>();
    for (int j = 1; j < gamma.length; j++) {
      if (Math.abs(gamma[j]) >= 0.5 * max && max > 0) {
        cols.add(j);
      }
    }
    cols.sort((a, b) -> Double.compare(Math.abs(gamma[b]), Math.abs(gamma[a])));
    List<String> named = new ArrayList<>();
    for (int k = 0; k < Math.min(5, cols.size()); k++) {
      named.add(names.get(cols.get(k)));
    }
    String msg = String.format(Locale.ROOT,
        "the rows are separated: %s predict%s the response perfectly (or nearly so), so the"
            + " maximum-likelihood coefficients do not exist (they run off to infinity; Albert"
            + " and Anderson 1984); fit with a ridge penalty (lambda > 0), or drop or pool %s",
        named.isEmpty() ? "the intercept" : String.join(", ", named), named.size() == 1 ? "s" : "",
        named.size() == 1 ? "it" : "them");
    return new SeparationException(msg, named);
  }
}
