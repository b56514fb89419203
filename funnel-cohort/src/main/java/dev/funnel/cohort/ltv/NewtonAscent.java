package dev.funnel.cohort.ltv;

/**
 * Maximises a smooth function of a few unconstrained variables (the log-parameters of a
 * likelihood) by a damped Newton method: analytic gradient, Hessian by forward differences of the
 * gradient, Levenberg-style damping when the Hessian is not negative definite, backtracking so
 * every accepted step increases the function.
 *
 * <p>Why our own and not a Hipparchus optimiser: the models have 3 or 4 parameters, so a Newton
 * step costs n + 1 gradient evaluations and converges quadratically near the optimum (about 10
 * iterations on CDNOW), where nonlinear conjugate gradients needs many line-search evaluations and
 * stops on a relative change of the objective, which can declare convergence on a flat ridge.
 * Newton's own stopping rule is the Newton decrement {@code g' (-H)^-1 g / 2}, the predicted
 * remaining gain, which is a statement about the optimum rather than about the last step; and the
 * Hessian at the optimum is needed for standard errors anyway. Hipparchus' BOBYQA is used by the
 * models as an independent, derivative-free fallback when no Newton start converges.
 *
 * <p>Convergence is reported honestly: {@link Result#converged()} is true only when the Newton
 * decrement fell below {@code 1e-13 * (1 + |f|)} with a negative definite Hessian.
 */
final class NewtonAscent {

  /** A function with its gradient; returns NaN or -infinity outside its domain. */
  interface Objective {
    /** The value at {@code x}; fills {@code gradient} (when not null) with the gradient. */
    double value(double[] x, double[] gradient);

    /**
     * Whether the gradient is analytic (exact to rounding). A gradient that is itself a finite
     * difference is noisier, and the Hessian is then taken by central differences with a larger
     * step.
     */
    default boolean exactGradient() {
      return true;
    }
  }

  /**
   * The outcome of one run.
   *
   * @param x          the best point found
   * @param value      the function there
   * @param gradient   the gradient there
   * @param hessian    the finite-difference Hessian there (row-major n x n)
   * @param converged  whether the Newton decrement criterion was met at a negative definite Hessian
   * @param iterations Newton iterations used
   * @param decrement  the final Newton decrement (NaN when the Hessian was not negative definite)
   * @param stopped    whether the run was stopped by the caller's boundary test
   */
  record Result(
      double[] x,
      double value,
      double[] gradient,
      double[] hessian,
      boolean converged,
      int iterations,
      double decrement,
      boolean stopped) {

    Result(double[] x, double value, double[] gradient, double[] hessian, boolean converged,
        int iterations, double decrement) {
      this(x, value, gradient, hessian, converged, iterations, decrement, false);
    }
  }

  static final double TOLERANCE = 1e-13;
  static final int MAX_ITERATIONS = 200;
  private static final double MAX_STEP = 3.0; // largest change of a log-parameter per step

  private NewtonAscent() {}

  /** Maximises {@code f} from {@code start} with at most {@link #MAX_ITERATIONS} iterations. */
  static Result maximise(Objective f, double[] start) {
    return maximise(f, start, MAX_ITERATIONS, x -> false);
  }

  /**
   * Maximises {@code f} from {@code start} with at most {@code maxIterations} Newton iterations,
   * stopping early (not converged) as soon as an accepted point satisfies {@code stop}: the
   * caller's test that the search is running off to a boundary of the parameter space where no
   * interior maximum is to be found.
   */
  static Result maximise(
      Objective f, double[] start, int maxIterations,
      java.util.function.Predicate<double[]> stop) {
    int n = start.length;
    double[] x = start.clone();
    double[] g = new double[n];
    double fx = f.value(x, g);
    if (!Double.isFinite(fx) || !allFinite(g)) {
      return new Result(x, fx, g, new double[n * n], false, 0, Double.NaN);
    }
    double[] h = hessian(f, x, g);
    int it = 0;
    double decrement = Double.NaN;
    while (it < maxIterations) {
      // Newton direction with the smallest damping mu that makes -H + mu I positive definite
      double[] negH = new double[n * n];
      for (int i = 0; i < n * n; i++) {
        negH[i] = -h[i];
      }
      double[] d = solvePositive(negH, g, 0.0);
      decrement = d == null ? Double.NaN : dot(g, d) / 2;
      if (d != null && decrement >= 0 && decrement < TOLERANCE * (1 + Math.abs(fx))) {
        return new Result(x, fx, g, h, true, it, decrement);
      }
      double mu = d == null ? 1e-6 * (1 + maxAbsDiagonal(negH)) : 0.0;
      boolean moved = false;
      for (int attempt = 0; attempt < 20 && !moved; attempt++) {
        if (mu > 0) {
          d = solvePositive(negH, g, mu);
        }
        if (d != null) {
          double scale = Math.min(1.0, MAX_STEP / maxAbs(d));
          for (int halving = 0; halving < 30; halving++) {
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
              y[i] = x[i] + scale * d[i];
            }
            double[] gy = new double[n];
            double fy = f.value(y, gy);
            if (Double.isFinite(fy) && allFinite(gy) && fy > fx) {
              moved = true;
              x = y;
              fx = fy;
              g = gy;
              break;
            }
            scale /= 2;
          }
        }
        if (!moved) {
          mu = mu == 0 ? 1e-6 * (1 + maxAbsDiagonal(negH)) : mu * 10;
        }
      }
      it++;
      if (moved && stop.test(x)) {
        double[] none = new double[n * n];
        java.util.Arrays.fill(none, Double.NaN); // no Hessian taken at a point given up on
        return new Result(x, fx, g, none, false, it, Double.NaN, true);
      }
      h = hessian(f, x, g);
      if (!moved) {
        // no ascent direction found: a (numerically) stationary point or a boundary
        double[] dd = solvePositive(negate(h), g, 0.0);
        double dec = dd == null ? Double.NaN : dot(g, dd) / 2;
        boolean ok = dd != null && dec >= 0 && dec < TOLERANCE * (1 + Math.abs(fx)) * 1e3;
        return new Result(x, fx, g, h, ok, it, dec);
      }
    }
    return new Result(x, fx, g, h, false, it, decrement);
  }

  /**
   * Differences of the gradient, symmetrised: forward differences with step 1e-6 for an analytic
   * gradient (one gradient evaluation per variable, relative error of order 1e-6); central
   * differences with step 1e-4 for a finite-difference gradient, whose noise a small step would
   * amplify.
   */
  static double[] hessian(Objective f, double[] x, double[] g0) {
    int n = x.length;
    boolean exact = f.exactGradient();
    double[] h = new double[n * n];
    double[] gp = new double[n];
    double[] gm = new double[n];
    for (int j = 0; j < n; j++) {
      double step = (exact ? 1e-6 : 1e-4) * Math.max(1.0, Math.abs(x[j]));
      double[] xp = x.clone();
      xp[j] += step;
      double fp = f.value(xp, gp);
      double fm = 0;
      if (!exact) {
        double[] xm = x.clone();
        xm[j] -= step;
        fm = f.value(xm, gm);
      }
      for (int i = 0; i < n; i++) {
        if (!Double.isFinite(fp) || !Double.isFinite(fm)) {
          h[i * n + j] = Double.NaN;
        } else {
          h[i * n + j] = exact ? (gp[i] - g0[i]) / step : (gp[i] - gm[i]) / (2 * step);
        }
      }
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < i; j++) {
        double s = (h[i * n + j] + h[j * n + i]) / 2;
        h[i * n + j] = s;
        h[j * n + i] = s;
      }
    }
    return h;
  }

  /** Solves (A + mu I) d = b by Cholesky; null when A + mu I is not positive definite. */
  static double[] solvePositive(double[] a, double[] b, double mu) {
    int n = b.length;
    double[] l = cholesky(a, mu, n);
    if (l == null) {
      return null;
    }
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double s = b[i];
      for (int k = 0; k < i; k++) {
        s -= l[i * n + k] * y[k];
      }
      y[i] = s / l[i * n + i];
    }
    double[] d = new double[n];
    for (int i = n - 1; i >= 0; i--) {
      double s = y[i];
      for (int k = i + 1; k < n; k++) {
        s -= l[k * n + i] * d[k];
      }
      d[i] = s / l[i * n + i];
    }
    return d;
  }

  /** The inverse of a positive definite matrix, or null when it is not positive definite. */
  static double[] inversePositive(double[] a, int n) {
    double[] inv = new double[n * n];
    for (int j = 0; j < n; j++) {
      double[] e = new double[n];
      e[j] = 1;
      double[] col = solvePositive(a, e, 0.0);
      if (col == null) {
        return null;
      }
      for (int i = 0; i < n; i++) {
        inv[i * n + j] = col[i];
      }
    }
    return inv;
  }

  private static double[] cholesky(double[] a, double mu, int n) {
    double[] l = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double s = a[i * n + j] + (i == j ? mu : 0);
        for (int k = 0; k < j; k++) {
          s -= l[i * n + k] * l[j * n + k];
        }
        if (i == j) {
          if (!(s > 0) || !Double.isFinite(s)) {
            return null;
          }
          l[i * n + i] = Math.sqrt(s);
        } else {
          l[i * n + j] = s / l[j * n + j];
        }
      }
    }
    return l;
  }

  static double[] negate(double[] a) {
    double[] r = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      r[i] = -a[i];
    }
    return r;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  private static double maxAbs(double[] a) {
    double m = 0;
    for (double v : a) {
      m = Math.max(m, Math.abs(v));
    }
    return m;
  }

  private static double maxAbsDiagonal(double[] a) {
    int n = (int) Math.round(Math.sqrt(a.length));
    double m = 0;
    for (int i = 0; i < n; i++) {
      m = Math.max(m, Math.abs(a[i * n + i]));
    }
    return m;
  }

  private static boolean allFinite(double[] a) {
    for (double v : a) {
      if (!Double.isFinite(v)) {
        return false;
      }
    }
    return true;
  }
}
