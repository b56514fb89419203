package dev.funnel.scoring;

import dev.funnel.core.display.Tabular;
import dev.funnel.core.display.TextTable;
import java.util.List;
import java.util.Locale;

/**
 * A fitted logistic regression ({@link LogisticRegression}): coefficients on the original scale of
 * the columns, their standard errors, and how the fit went.
 *
 * @param names          column names; {@code (intercept)} first
 * @param coefficients   {@code b0, b1, ..., bp} (the intercept first)
 * @param standardErrors square roots of the diagonal of the inverse (penalised) Hessian
 * @param logLikelihood  the weighted log-likelihood at the solution (without the penalty)
 * @param lambda         the ridge penalty the fit used (0: maximum likelihood)
 * @param iterations     Newton iterations taken
 * @param converged      whether the steps became smaller than the tolerance
 * @param rows           rows fitted
 * @param weight         total weight of the rows (= rows when unweighted)
 */
public record LogisticFit(
    List<String> names, double[] coefficients, double[] standardErrors, double logLikelihood,
    double lambda, int iterations, boolean converged, int rows, double weight) implements Tabular {

  public LogisticFit {
    names = List.copyOf(names);
    coefficients = coefficients.clone();
    standardErrors = standardErrors.clone();
    if (names.size() != coefficients.length || names.size() != standardErrors.length) {
      throw new IllegalArgumentException("names, coefficients and standard errors differ in length");
    }
  }

  /** A copy of the coefficients, intercept first. */
  @Override
  public double[] coefficients() {
    return coefficients.clone();
  }

  /** A copy of the standard errors, intercept first. */
  @Override
  public double[] standardErrors() {
    return standardErrors.clone();
  }

  /** Coefficient {@code j} (0 = intercept). */
  public double coefficient(int j) {
    return coefficients[j];
  }

  /** Standard error of coefficient {@code j}. */
  public double standardError(int j) {
    return standardErrors[j];
  }

  /** The deviance {@code -2 log L} (for 0/1 responses the residual deviance). */
  public double deviance() {
    return -2 * logLikelihood;
  }

  /** The linear predictor {@code b0 + b'x} of a row of predictors (no intercept entry). */
  public double linearPredictor(double[] x) {
    if (x.length != coefficients.length - 1) {
      throw new IllegalArgumentException("expected " + (coefficients.length - 1) + " values, got " + x.length);
    }
    double e = coefficients[0];
    for (int j = 0; j < x.length; j++) {
      e += coefficients[j + 1] * x[j];
    }
    return e;
  }

  /** The fitted probability of a row of predictors. */
  public double probability(double[] x) {
    return LogisticRegression.sigmoid(linearPredictor(x));
  }

  @Override
  public String summary() {
    return String.format(Locale.ROOT, "Logistic regression: %d rows, %d coefficients, lambda %s, log L %.4f, %s after %d iterations",
        rows, coefficients.length, TextTable.number(lambda), logLikelihood,
        converged ? "converged" : "NOT converged", iterations);
  }

  @Override
  public TextTable table() {
    TextTable t = TextTable.of("term", "coefficient", "std error", "z");
    for (int j = 0; j < coefficients.length; j++) {
      t = t.plus(names.get(j), coefficients[j], standardErrors[j], coefficients[j] / standardErrors[j]);
    }
    return t;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LogisticFit f && names.equals(f.names)
        && java.util.Arrays.equals(coefficients, f.coefficients)
        && java.util.Arrays.equals(standardErrors, f.standardErrors)
        && Double.compare(logLikelihood, f.logLikelihood) == 0 && Double.compare(lambda, f.lambda) == 0
        && iterations == f.iterations && converged == f.converged && rows == f.rows
        && Double.compare(weight, f.weight) == 0;
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(names, java.util.Arrays.hashCode(coefficients), logLikelihood, rows);
  }

  @Override
  public String toString() {
    return Tabular.preview(this);
  }
}
