package dev.funnel.cohort.ltv;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.numbers.gamma.IncompleteGamma;
import org.apache.commons.numbers.gamma.LogBeta;

/**
 * Discounted expected residual transactions (DERT) in continuous time: the expected number of a
 * customer's future transactions, each discounted by {@code e^(-delta t)} at its time t after the
 * end of observation, over the whole remaining lifetime (Fader, Hardie and Lee 2005, "RFM and CLV:
 * using iso-value curves for customer base analysis", Journal of Marketing Research 42(4),
 * section "DERT").
 *
 * <p>The pieces:
 * <ul>
 *   <li>{@link #tail(double, double)}: {@code I(z, s) = integral_0^inf e^(-z t) (1+t)^-s dt}, which
 *       is {@code z^(s-1) U(s, s; z)} with U the confluent hypergeometric function of the second
 *       kind (Tricomi; DLMF 13.4.4 with Kummer's transformation 13.2.40, equivalently
 *       {@code e^z z^(s-1) Gamma(1-s, z)}, DLMF 13.6.6). For a dropout rate
 *       {@code mu ~ Gamma(s, B)}, {@code E[1/(mu + delta)] = B I(delta B, s)}: the discounted
 *       expected lifetime.
 *   <li>{@link #rateOverDropout}: for a purchase rate {@code lambda ~ Gamma(R, K)} and a dropout
 *       probability p per purchase (the BG/NBD's), {@code E[lambda / (lambda p + delta)]
 *       = R I(delta K / p, R + 1) / p}: an alive customer buys at rate lambda until the first
 *       purchase after which it drops out, an exponential time of rate {@code lambda p}, so its
 *       discounted transactions are {@code integral lambda e^(-(lambda p + delta) t) dt}; averaging
 *       over lambda, {@code 1/(lambda p + delta) = integral e^(-(lambda p + delta) u) du} and the
 *       Gamma mean of {@code lambda e^(-lambda p u)} give {@code R/K (1 + p u/K)^-(R+1)}, whose
 *       discounted integral over u is the expression above.
 *   <li>{@link #betaMean}: the mean of a function of {@code p ~ Beta(a, b)}.
 * </ul>
 *
 * <p>Accuracy. For {@code z >= 1} I is Legendre's continued fraction of the incomplete gamma
 * function; below, {@code e^z z^(s0-1) Gamma(1-s0, z)} for the {@code s0 = s - ceil(s-1)} in
 * (0, 1] (Commons Numbers' {@code IncompleteGamma.Upper}, the series of E1 when {@code s0 = 1}),
 * carried up to s by the recurrence {@code I(z, s) = (1 - z I(z, s-1)) / (s-1)}. Against the
 * closed forms {@code U(1,1;z) = e^z E1(z)}, {@code U(1/2,1/2;z) = sqrt(pi) e^z erfc(sqrt z)},
 * {@code U(2,2;z) = 1/z - e^z E1(z)} and the asymptotic series at large z the relative error is
 * below 1e-12 (tests). The Beta mean uses the tanh-sinh (double exponential) rule of Takahasi
 * and Mori (1974), which absorbs the endpoint singularities of {@code p^(a-1) (1-p)^(b-1)},
 * normalised by the same rule's integral of the weight alone; against numerical integration of
 * the discounted expected transaction rate the resulting DERT agrees to 1e-9 relative (tests).
 */
final class ResidualTransactions {

  private ResidualTransactions() {}

  /**
   * {@code I(z, s) = integral_0^inf e^(-z t) (1+t)^-s dt} for {@code z > 0}, {@code s >= 0}.
   *
   * @throws IllegalArgumentException when z is not positive and finite or s is negative
   */
  static double tail(double z, double s) {
    if (!(z > 0) || Double.isInfinite(z) || !(s >= 0) || Double.isInfinite(s)) {
      throw new IllegalArgumentException("need z > 0 and s >= 0, got z = " + z + ", s = " + s);
    }
    if (z >= 1) {
      return continuedFraction(z, s);
    }
    if (s == 0) {
      return 1 / z;
    }
    // z < 1: I(z, s0) for s0 in (0, 1] from the incomplete gamma function, then the recurrence
    // I(z, s) = (1 - z I(z, s-1)) / (s-1) (by parts) up to s; each step multiplies the error
    // carried along by z / (s-1) < 1, so the recurrence is stable here
    int steps = s > 1 ? (int) Math.ceil(s - 1) : 0;
    double s0 = s - steps;
    double a = 1 - s0; // in [0, 1)
    double lnz = Math.log(z);
    double upper = a == 0 ? exponentialIntegral(z, lnz) : IncompleteGamma.Upper.value(a, z);
    double i = Math.exp(z - a * lnz) * upper;
    for (int k = 1; k <= steps; k++) {
      i = (1 - z * i) / (s0 + k - 1);
    }
    return i;
  }

  /**
   * {@code E1(z) = Gamma(0, z)} for {@code 0 < z < 1} by its series
   * {@code -gamma - ln z - sum_k (-z)^k / (k k!)} (Abramowitz and Stegun 5.1.11), alternating with
   * terms below 1: no cancellation beyond rounding.
   */
  private static double exponentialIntegral(double z, double lnz) {
    double sum = 0;
    double term = 1;
    for (int k = 1; k < 100; k++) {
      term *= -z / k;
      sum += term / k;
      if (Math.abs(term) < 1e-18) {
        break;
      }
    }
    return -EULER - lnz - sum;
  }

  private static final double EULER = 0.5772156649015329;

  /**
   * I for {@code z >= 1} by Legendre's continued fraction of the incomplete gamma function
   * (DLMF 8.9.2; {@code I(z, s) = e^z z^(s-1) Gamma(1-s, z)}):
   * {@code I = 1/(z+s - 1 s/(z+s+2 - 2 (s+1)/(z+s+4 - ...)))}, the k-th partial numerator
   * {@code -k (s+k-1)}, evaluated by the modified Lentz method (Numerical Recipes, 3rd ed.,
   * section 5.2) until a step changes it by less than 1e-16; it converges for every z > 0 and
   * needs a few dozen steps from z = 1 on.
   */
  private static double continuedFraction(double z, double s) {
    double tiny = 1e-300;
    double f = z + s;
    double c = f;
    double d = 0;
    for (int k = 1; k < 100_000; k++) {
      double ak = -k * (s + k - 1);
      double bk = z + s + 2 * k;
      d = bk + ak * d;
      if (Math.abs(d) < tiny) {
        d = tiny;
      }
      c = bk + ak / c;
      if (Math.abs(c) < tiny) {
        c = tiny;
      }
      d = 1 / d;
      double delta = c * d;
      f *= delta;
      if (Math.abs(delta - 1) < 1e-16) {
        break;
      }
    }
    return 1 / f;
  }

  /** {@code U(s, s; z) = z^(1-s) I(z, s)}, Tricomi's confluent hypergeometric function. */
  static double tricomiU(double s, double z) {
    return Math.exp((1 - s) * Math.log(z)) * tail(z, s);
  }

  /**
   * {@code E[lambda / (lambda p + delta)]} for {@code lambda ~ Gamma(R, K)} (shape R, rate K) and
   * a dropout probability p per purchase: {@code R I(delta K / p, R + 1) / p}, and
   * {@code R / (K delta)} at {@code p = 0} (no dropout: the mean rate over the discount rate).
   */
  static double rateOverDropout(double bigR, double bigK, double p, double delta) {
    if (p == 0) {
      return bigR / (bigK * delta);
    }
    return bigR * tail(delta * bigK / p, bigR + 1) / p;
  }

  /** Largest step of the tanh-sinh rule in its variable t. */
  private static final double STEP = 1.0 / 8;

  /**
   * {@code E[f(p)]} for {@code p ~ Beta(a, b)} by the tanh-sinh rule: {@code p = 1/(1 + e^-u)},
   * {@code u = pi sinh t}, on the grid {@code t = t0 + k h} around the t of the Beta mean, out to
   * where the weight {@code p^a (1-p)^b pi cosh t} falls 60 below its logarithm's largest value;
   * {@code h = 1/8}, or a third of the Beta law's standard deviation mapped to t when that is
   * smaller (large a + b: a narrow peak). f is called with {@code p} in [0, 1] (0 or 1 where p
   * underflows) and must be finite there.
   */
  static double betaMean(double a, double b, DoubleUnaryOperator f) {
    double mean = a / (a + b);
    double sd = Math.sqrt(a * b / ((a + b) * (a + b) * (a + b + 1)));
    double t0 = asinh(Math.log(mean / (1 - mean)) / Math.PI);
    double dpdt = Math.PI * Math.cosh(t0) * mean * (1 - mean);
    double h = Math.min(STEP, sd / dpdt / 3);
    double top = Double.NEGATIVE_INFINITY;
    double num = 0;
    double den = 0;
    // weights are summed relative to the largest seen so far (rescaled when it grows)
    for (int dir = -1; dir <= 1; dir += 2) {
      double previous = Double.NEGATIVE_INFINITY;
      for (int k = dir < 0 ? 0 : 1; k < 1_000_000; k++) {
        double t = t0 + dir * k * h;
        double u = Math.PI * Math.sinh(t);
        double lnP = -softplus(-u);
        double lnQ = -softplus(u);
        double lw = a * lnP + b * lnQ + Math.log(Math.PI * Math.cosh(t));
        if (lw > top) {
          double scale = Math.exp(top - lw);
          num *= scale;
          den *= scale;
          top = lw;
        }
        double w = Math.exp(lw - top);
        num += w * f.applyAsDouble(Math.exp(lnP));
        den += w;
        if (lw < top - 60 && lw < previous) {
          break;
        }
        previous = lw;
      }
    }
    return num / den;
  }

  private static double asinh(double v) {
    return Math.copySign(Math.log(Math.abs(v) + Math.sqrt(v * v + 1)), v);
  }

  /** {@code ln(1 + e^x)} without overflow. */
  private static double softplus(double x) {
    return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
  }

  /** The Beta function's logarithm, for the tests' closed forms. */
  static double logBeta(double a, double b) {
    return LogBeta.value(a, b);
  }
}
