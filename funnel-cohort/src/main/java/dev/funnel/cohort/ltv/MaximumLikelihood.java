package dev.funnel.cohort.ltv;

import java.util.List;
import java.util.function.Predicate;
import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.SimpleBounds;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;

/**
 * Multi-start maximum likelihood over log-parameters (so every parameter stays positive):
 * {@link NewtonAscent} from each start in turn until one converges; when none does, Hipparchus'
 * derivative-free BOBYQA from the best point found, then Newton again to polish and to certify.
 */
final class MaximumLikelihood {

  /**
   * A finished fit in log-parameters.
   *
   * @param logParameters the log-parameters
   * @param logLikelihood the log-likelihood there
   * @param covariance    covariance of the log-parameters (inverse of the negative Hessian),
   *                      row-major, or null when the Hessian is not negative definite
   * @param convergence   how it ended
   * @param atBoundary    whether the supremum lies on the boundary given to the fit (see
   *                      {@link #fit(NewtonAscent.Objective, List, Predicate, double)})
   */
  record Fit(
      double[] logParameters, double logLikelihood, double[] covariance, Convergence convergence,
      boolean atBoundary) {

    Fit(double[] logParameters, double logLikelihood, double[] covariance,
        Convergence convergence) {
      this(logParameters, logLikelihood, covariance, convergence, false);
    }

    /** The parameters with their delta-method standard errors. */
    Estimate estimate(int i, String name) {
      double p = Math.exp(logParameters[i]);
      int n = logParameters.length;
      double se = covariance == null ? Double.NaN : p * Math.sqrt(covariance[i * n + i]);
      return new Estimate(name, p, se);
    }
  }

  private MaximumLikelihood() {}

  /** Newton iterations allowed per start: CDNOW needs about 10; more means trouble. */
  static final int MAX_ITERATIONS = 40;

  /** Objective evaluations allowed to the BOBYQA fallback (value only, no gradient). */
  static final int MAX_FALLBACK_EVALUATIONS = 400;

  /** {@link #fit(NewtonAscent.Objective, List, Predicate, double)} with no boundary. */
  static Fit fit(NewtonAscent.Objective logLikelihood, List<double[]> starts) {
    return fit(logLikelihood, starts, x -> false, Double.NaN);
  }

  /**
   * Fits from the starts in turn, each Newton run capped at {@link #MAX_ITERATIONS} iterations and
   * stopped as soon as it reaches {@code atBoundary}. The work is bounded by a deterministic count,
   * never by a clock: at most {@code starts x MAX_ITERATIONS} Newton iterations, then at most
   * {@link #MAX_FALLBACK_EVALUATIONS} BOBYQA evaluations and one more capped Newton run.
   *
   * @param atBoundary    whether log-parameters lie so far toward a boundary of the parameter space
   *                      that the model there equals its limit model to rounding
   * @param boundaryValue the supremum of the log-likelihood on that boundary (the limit model's
   *                      maximised log-likelihood), or NaN when there is none
   * @return the first converged interior fit that is not worse than the boundary; else, when no
   *     point found beats the boundary value by more than {@code 1e-6 (1 + |value|)}, a fit with
   *     {@link Fit#atBoundary()} true (the search ran off to the boundary, or found only worse
   *     local maxima); else the BOBYQA-and-Newton result
   */
  static Fit fit(
      NewtonAscent.Objective logLikelihood, List<double[]> starts,
      Predicate<double[]> atBoundary, double boundaryValue) {
    return fit(logLikelihood, starts, atBoundary, boundaryValue, true);
  }

  /**
   * {@link #fit(NewtonAscent.Objective, List, Predicate, double)}, with the BOBYQA fallback only when
   * {@code fallback}: without it a fit none of whose Newton runs converged ends there, unconverged.
   * For the limit models fitted on the side of a main fit, which are used only when they converge:
   * a derivative-free search of 400 evaluations costs seconds when each evaluation is a quadrature
   * per customer history, to find a point that is then not used.
   */
  static Fit fit(
      NewtonAscent.Objective logLikelihood, List<double[]> starts,
      Predicate<double[]> atBoundary, double boundaryValue, boolean fallback) {
    double tol = 1e-6 * (1 + Math.abs(boundaryValue));
    boolean hasBoundary = !Double.isNaN(boundaryValue);
    NewtonAscent.Result best = null;
    int tried = 0;
    for (double[] s : starts) {
      tried++;
      NewtonAscent.Result r =
          NewtonAscent.maximise(logLikelihood, s, MAX_ITERATIONS, atBoundary);
      if (best == null || better(r, best)) {
        best = r;
      }
      if (r.converged() && !(hasBoundary && r.value() < boundaryValue - tol)) {
        return finish(r, tried, "newton");
      }
    }
    if (hasBoundary && !(best.value() > boundaryValue + tol)) {
      Fit f = finish(best, tried, "newton");
      return new Fit(f.logParameters(), f.logLikelihood(), null, f.convergence(), true);
    }
    if (best.stopped() || !fallback) {
      // the best run went off to the boundary region but beats the limit: no interior maximum was
      // found and a derivative-free search would only follow it further; report it unconverged
      return finish(best, tried, "newton");
    }
    double[] from = best.x();
    if (!Double.isFinite(best.value())) {
      from = starts.get(0);
    }
    try {
      int n = from.length;
      BOBYQAOptimizer bobyqa = new BOBYQAOptimizer(2 * n + 1, 0.5, 1e-10);
      PointValuePair p =
          bobyqa.optimize(
              new MaxEval(MAX_FALLBACK_EVALUATIONS),
              new ObjectiveFunction(
                  x -> {
                    double v = logLikelihood.value(x, null);
                    return Double.isFinite(v) ? v : -1e300;
                  }),
              GoalType.MAXIMIZE,
              new InitialGuess(from),
              SimpleBounds.unbounded(n));
      NewtonAscent.Result polished =
          NewtonAscent.maximise(logLikelihood, p.getPoint(), MAX_ITERATIONS, atBoundary);
      if (better(polished, best) || polished.converged()) {
        return finish(polished, tried, "bobyqa+newton");
      }
    } catch (MathRuntimeException e) {
      // BOBYQA gave up (e.g. the evaluation budget); the Newton result below says so honestly
    }
    return finish(best, tried, "newton");
  }

  private static boolean better(NewtonAscent.Result a, NewtonAscent.Result b) {
    if (!Double.isFinite(b.value())) {
      return Double.isFinite(a.value());
    }
    return Double.isFinite(a.value()) && a.value() > b.value();
  }

  private static Fit finish(NewtonAscent.Result r, int starts, String method) {
    int n = r.x().length;
    double[] cov = NewtonAscent.inversePositive(NewtonAscent.negate(r.hessian()), n);
    return new Fit(
        r.x().clone(),
        r.value(),
        cov,
        new Convergence(r.converged(), r.iterations(), starts, r.decrement(), method));
  }
}
