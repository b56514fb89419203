package dev.funnel.core.stats;

import dev.funnel.core.display.Tabular;
import dev.funnel.core.display.TextTable;
import java.util.Locale;
import org.apache.commons.numbers.gamma.LogBeta;
import org.apache.commons.statistics.distribution.BetaDistribution;

/**
 * Bayesian comparison of two conversion rates with Beta posteriors.
 *
 * <p>With a {@code Beta(a0, b0)} prior (any positive parameters: {@code Beta(1, 1)}, uniform, by
 * default; {@code Beta(0.5, 0.5)}, Jeffreys, with {@link #jeffreys}) the posteriors are
 * {@code A ~ Beta(a0 + xa, b0 + na - xa)} and {@code B ~ Beta(a0 + xb, b0 + nb - xb)}.
 * {@code P(X > Y)} for Beta variables is Evan Miller's exact sum when X's first parameter is a
 * whole number ("Formulas for Bayesian A/B Testing", 2015):
 * {@code sum_{i=0}^{aX-1} B(aY+i, bY+bX) / ((bX+i) B(1+i, bX) B(aY, bY))}, term by term in log
 * space with {@code LogBeta} (Commons Numbers); otherwise the integral
 * {@code int_0^1 f_X(t) F_Y(t) dt}, cut at quantiles of both variables from 1e-15 to 1 - 1e-15
 * (so that each tail where the other's mass lies is resolved) and integrated by adaptive
 * Gauss-Legendre quadrature (8 nodes a panel, halved until the halves agree to a relative 1e-11).
 * The expected loss of choosing A is {@code E[max(pB - pA, 0)] = mB P(B+ > A) - mA P(B > A+)}
 * and of choosing B {@code E[max(pA - pB, 0)] = mA P(A+ > B) - mB P(A > B+)} (C. Stucchio,
 * "Bayesian A/B Testing at VWO", 2015; {@code X+} is X with its first parameter plus one, through
 * the identity {@code x f(x; a, b) = a/(a+b) f(x; a+1, b)}): each probability is computed
 * directly, never as one minus another, so a loss stays accurate when {@code P(B > A)} is
 * within rounding of 1.
 *
 * <p>Sequential caution: these figures describe the data at hand; re-reading them as the test
 * runs and stopping when P(B > A) first looks good inflates the error of the decision, as peeking
 * at a p-value does. Fix the sample size beforehand ({@link ProportionTestPlan}) or use a loss
 * threshold decided in advance.
 *
 * @param probabilityBBeatsA P(pB > pA)
 * @param lossChoosingA      expected loss in rate of choosing A
 * @param lossChoosingB      expected loss in rate of choosing B
 * @param priorAlpha         prior alpha
 * @param priorBeta          prior beta
 */
public record BayesianAB(
    double probabilityBBeatsA, double lossChoosingA, double lossChoosingB, double priorAlpha,
    double priorBeta) implements Tabular {

  /** With the uniform prior Beta(1, 1). */
  public static BayesianAB of(long xa, long na, long xb, long nb) {
    return of(xa, na, xb, nb, 1, 1);
  }

  /** With Jeffreys' prior Beta(0.5, 0.5). */
  public static BayesianAB jeffreys(long xa, long na, long xb, long nb) {
    return of(xa, na, xb, nb, 0.5, 0.5);
  }

  /**
   * With a {@code Beta(priorAlpha, priorBeta)} prior.
   *
   * @throws IllegalArgumentException on counts outside {@code 0 <= x <= n} or a prior parameter
   *     that is not a positive finite number
   */
  public static BayesianAB of(long xa, long na, long xb, long nb, double priorAlpha,
      double priorBeta) {
    Checks.counts(xa, na, "group A");
    Checks.counts(xb, nb, "group B");
    if (!(priorAlpha > 0 && priorBeta > 0) || Double.isInfinite(priorAlpha)
        || Double.isInfinite(priorBeta)) {
      throw new IllegalArgumentException("prior parameters must be positive and finite, got Beta("
          + priorAlpha + ", " + priorBeta + ")");
    }
    double aA = priorAlpha + (double) xa;
    double bA = priorBeta + (double) (na - xa);
    double aB = priorAlpha + (double) xb;
    double bB = priorBeta + (double) (nb - xb);
    double p = greater(aB, bB, aA, bA);
    double meanA = aA / (aA + bA);
    double meanB = aB / (aB + bB);
    double lossA = meanB * greater(aB + 1, bB, aA, bA) - meanA * greater(aB, bB, aA + 1, bA);
    double lossB = meanA * greater(aA + 1, bA, aB, bB) - meanB * greater(aA, bA, aB + 1, bB);
    return new BayesianAB(p, Math.max(0, lossA), Math.max(0, lossB), priorAlpha, priorBeta);
  }

  /** Terms of Miller's sum beyond which the quadrature is used instead. */
  private static final double MAX_TERMS = 1e7;

  /** P(X > Y) for X ~ Beta(aX, bX), Y ~ Beta(aY, bY). */
  static double greater(double aX, double bX, double aY, double bY) {
    if (aX == Math.rint(aX) && aX <= MAX_TERMS) {
      return probabilityBBeatsA(aY, bY, aX, bX);
    }
    return Quadrature.greater(aX, bX, aY, bY);
  }

  /** P(X > Y) by quadrature, whatever the parameters (for tests against Miller's sum). */
  static double quadrature(double aX, double bX, double aY, double bY) {
    return Quadrature.greater(aX, bX, aY, bY);
  }

  /** Evan Miller's exact sum P(B > A) for whole {@code aB}. */
  static double probabilityBBeatsA(double aA, double bA, double aB, double bB) {
    double total = 0;
    double base = LogBeta.value(aA, bA);
    for (int i = 0; i < (long) aB; i++) {
      total += Math.exp(LogBeta.value(aA + i, bA + bB) - Math.log(bB + i)
          - LogBeta.value(1 + i, bB) - base);
    }
    return Math.min(1, Math.max(0, total));
  }

  /** P(X > Y) by quadrature over the quantiles of the narrower of X and Y. */
  private static final class Quadrature {
    // 8-point Gauss-Legendre nodes and weights on [-1, 1] (Abramowitz and Stegun, table 25.4)
    private static final double[] NODE = {-0.9602898564975363, -0.7966664774136267,
        -0.5255324099163290, -0.1834346424956498, 0.1834346424956498, 0.5255324099163290,
        0.7966664774136267, 0.9602898564975363};
    private static final double[] WEIGHT = {0.1012285362903763, 0.2223810344533745,
        0.3137066458778873, 0.3626837833783620, 0.3626837833783620, 0.3137066458778873,
        0.2223810344533745, 0.1012285362903763};

    static double greater(double aX, double bX, double aY, double bY) {
      BetaDistribution x = BetaDistribution.of(aX, bX);
      BetaDistribution y = BetaDistribution.of(aY, bY);
      // P(X > Y) = int_0^1 f_X(t) F_Y(t) dt, cut at quantiles of both so that each tail where
      // the other's mass lies is a panel of its own
      java.util.TreeSet<Double> cuts = new java.util.TreeSet<>(java.util.List.of(0.0, 1.0));
      for (double p : CUT_PROBABILITIES) {
        for (BetaDistribution d : java.util.List.of(x, y)) {
          cuts.add(d.inverseCumulativeProbability(p));
          cuts.add(d.inverseSurvivalProbability(p));
        }
      }
      java.util.function.DoubleUnaryOperator f = t -> {
        double fx = x.density(t);
        return fx == 0 ? 0 : fx * y.cumulativeProbability(t);
      };
      double sum = 0;
      Double lo = null;
      for (double hi : cuts) {
        if (lo != null && hi > lo) {
          sum += adaptive(f, lo, hi, panel(f, lo, hi), 0);
        }
        lo = hi;
      }
      return Math.min(1, Math.max(0, sum));
    }

    private static final double[] CUT_PROBABILITIES = {1e-15, 1e-12, 1e-9, 1e-6, 1e-4, 1e-3, 0.01,
        0.05, 0.15, 0.3, 0.5};

    private static final double RELATIVE = 1e-11;
    private static final double ABSOLUTE = 1e-300;
    private static final int MAX_DEPTH = 24;

    /**
     * The integral over [lo, hi] whose 8-node estimate is {@code whole}: halves are refined until
     * they agree with it to a relative 1e-11, so steep parts get narrow panels.
     */
    private static double adaptive(java.util.function.DoubleUnaryOperator f, double lo, double hi,
        double whole, int depth) {
      double mid = (lo + hi) / 2;
      double left = panel(f, lo, mid);
      double right = panel(f, mid, hi);
      double both = left + right;
      if (depth >= MAX_DEPTH || Math.abs(both - whole) <= Math.max(ABSOLUTE, RELATIVE * both)) {
        return left + right;
      }
      return adaptive(f, lo, mid, left, depth + 1) + adaptive(f, mid, hi, right, depth + 1);
    }

    private static double panel(java.util.function.DoubleUnaryOperator f, double lo, double hi) {
      double half = (hi - lo) / 2;
      double mid = lo + half;
      double s = 0;
      for (int i = 0; i < NODE.length; i++) {
        s += WEIGHT[i] * f.applyAsDouble(mid + half * NODE[i]);
      }
      return s * half;
    }
  }

  @Override
  public String summary() {
    return String.format(Locale.ROOT, "Bayesian A/B, Beta(%s, %s) prior: P(B > A) = %s",
        TextTable.number(priorAlpha), TextTable.number(priorBeta),
        TextTable.number(probabilityBBeatsA));
  }

  @Override
  public TextTable table() {
    return TextTable.of("P(B > A)", "loss choosing A", "loss choosing B")
        .plus(probabilityBBeatsA, lossChoosingA, lossChoosingB);
  }

  @Override
  public String toString() {
    return Tabular.preview(this);
  }
}
