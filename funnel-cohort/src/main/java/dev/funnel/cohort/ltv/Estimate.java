package dev.funnel.cohort.ltv;

/**
 * A fitted model parameter with its asymptotic standard error.
 *
 * <p>The standard error comes from the observed information: the inverse of the negative Hessian
 * of the log-likelihood in the log-parameters (where the optimiser works), mapped to the parameter
 * by the delta method, {@code se(p) = p * se(ln p)}. It is NaN when the Hessian at the reported
 * point is not negative definite (no proper maximum was found).
 *
 * @param name          the parameter's name in the source paper ({@code r}, {@code alpha}, ...)
 * @param value         the maximum likelihood estimate
 * @param standardError its asymptotic standard error
 */
public record Estimate(String name, double value, double standardError) {

  /** Lower end of the approximate 95% Wald interval, {@code value - 1.96 se}. */
  public double lower95() {
    return value - 1.959963984540054 * standardError;
  }

  /** Upper end of the approximate 95% Wald interval, {@code value + 1.96 se}. */
  public double upper95() {
    return value + 1.959963984540054 * standardError;
  }
}
