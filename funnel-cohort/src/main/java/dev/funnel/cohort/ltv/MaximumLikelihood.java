package dev.funnel.cohort.ltv;

import java.util.List;
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
   */
  record Fit(
      double[] logParameters, double logLikelihood, double[] covariance, Convergence convergence) {

    /** The parameters with their delta-method standard errors. */
    Estimate estimate(int i, String name) {
      double p = Math.exp(logParameters[i]);
      int n = logParameters.length;
      double se = covariance == null ? Double.NaN : p * Math.sqrt(covariance[i * n + i]);
      return new Estimate(name, p, se);
    }
  }

  private MaximumLikelihood() {}

  static Fit fit(NewtonAscent.Objective logLikelihood, List<double[]> starts) {
    NewtonAscent.Result best = null;
    int tried = 0;
    for (double[] s : starts) {
      tried++;
      NewtonAscent.Result r = NewtonAscent.maximise(logLikelihood, s);
      if (best == null || better(r, best)) {
        best = r;
      }
      if (r.converged()) {
        return finish(r, tried, "newton");
      }
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
              new MaxEval(20_000),
              new ObjectiveFunction(
                  x -> {
                    double v = logLikelihood.value(x, null);
                    return Double.isFinite(v) ? v : -1e300;
                  }),
              GoalType.MAXIMIZE,
              new InitialGuess(from),
              SimpleBounds.unbounded(n));
      NewtonAscent.Result polished = NewtonAscent.maximise(logLikelihood, p.getPoint());
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
