package dev.funnel.core.bridge;

/**
 * Finds the values that logarithmic weights cannot take: a factor that changes sign between base
 * and current (reported first, as it is the usual cause) or a negative value.
 */
final class SignCheck {
  private SignCheck() {}

  /** A sentence naming the first offending segment and factor, or null when all values are >= 0. */
  static String problem(Grid g) {
    for (int i = 0; i < g.segmentCount(); i++) {
      for (int j = 0; j < g.factorCount(); j++) {
        double b = g.base()[i][j];
        double c = g.current()[i][j];
        if ((b < 0 && c > 0) || (b > 0 && c < 0)) {
          return "factor '" + g.factors().get(j) + "' changes sign in segment '"
              + g.segments().get(i) + "' (base " + b + ", current " + c + ")";
        }
      }
    }
    for (int i = 0; i < g.segmentCount(); i++) {
      for (int j = 0; j < g.factorCount(); j++) {
        double b = g.base()[i][j];
        double c = g.current()[i][j];
        if (b < 0 || c < 0) {
          return "factor '" + g.factors().get(j) + "' is negative in segment '"
              + g.segments().get(i) + "' (base " + b + ", current " + c
              + "); logarithmic weights need non-negative values";
        }
      }
    }
    return null;
  }
}
