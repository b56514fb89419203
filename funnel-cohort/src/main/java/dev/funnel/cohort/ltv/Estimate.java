package dev.funnel.cohort.ltv;

/**
 * A fitted model parameter with its asymptotic standard error and 95% interval.
 *
 * <p>The standard error comes from the observed information: the inverse of the negative Hessian
 * of the log-likelihood in the log-parameters (where the optimiser works), mapped to the parameter
 * by the delta method, {@code se(p) = p * se(ln p)}. It is NaN when the Hessian at the reported
 * point is not negative definite (no proper maximum was found).
 *
 * <p>The interval is a Wald interval on the scale where the parameter is unbounded, mapped back
 * (the delta method, e.g. Casella and Berger, "Statistical Inference", 2nd ed., section 5.5.4,
 * gives the standard error on that scale): for a positive parameter on the log scale, {@code value * exp(+-1.96 se / value)} ({@code se / value} is the standard error of
 * {@code ln value} by the delta method); for a probability on the logit scale,
 * {@code logistic(logit value +- 1.96 se / (value (1 - value)))}. So an interval of a positive
 * parameter never reaches zero or below, and one of a probability stays inside (0, 1); both are
 * asymmetric around the estimate, as the likelihood is.
 *
 * @param name          the parameter's name in the source paper ({@code r}, {@code alpha}, ...)
 * @param value         the maximum likelihood estimate
 * @param standardError its asymptotic standard error
 * @param scale         the scale of its interval
 */
public record Estimate(String name, double value, double standardError, Scale scale) {

  /** The scale on which the interval is symmetric. */
  public enum Scale {
    /** A positive parameter: the interval is symmetric in {@code ln value}. */
    LOG,
    /** A probability: the interval is symmetric in {@code logit value = ln(value / (1 - value))}. */
    LOGIT
  }

  /** The 0.975 quantile of the standard normal distribution. */
  private static final double Z = 1.959963984540054;

  /** Requires a scale. */
  public Estimate {
    if (scale == null) {
      throw new IllegalArgumentException("the interval scale of " + name + " must be given");
    }
  }

  /** A positive parameter (interval on the log scale): every model parameter but a probability. */
  public Estimate(String name, double value, double standardError) {
    this(name, value, standardError, Scale.LOG);
  }

  /** A probability (interval on the logit scale). */
  public static Estimate probability(String name, double value, double standardError) {
    return new Estimate(name, value, standardError, Scale.LOGIT);
  }

  /**
   * Lower end of the approximate 95% interval on the parameter's {@link #scale()}; NaN when the
   * standard error is not finite or the value is outside the scale's open domain (e.g. a boundary
   * value such as {@code a = 0} or {@code b = infinity}).
   */
  public double lower95() {
    return bound(-Z);
  }

  /** Upper end of the approximate 95% interval; NaN as for {@link #lower95()}. */
  public double upper95() {
    return bound(Z);
  }

  private double bound(double z) {
    if (!Double.isFinite(standardError) || !(standardError >= 0)) {
      return Double.NaN;
    }
    if (scale == Scale.LOG) {
      if (!(value > 0) || Double.isInfinite(value)) {
        return Double.NaN;
      }
      return value * Math.exp(z * standardError / value);
    }
    if (!(value > 0 && value < 1)) {
      return Double.NaN;
    }
    double eta = Math.log(value) - Math.log1p(-value) + z * standardError / (value * (1 - value));
    return eta >= 0 ? 1 / (1 + Math.exp(-eta)) : Math.exp(eta) / (1 + Math.exp(eta));
  }
}
