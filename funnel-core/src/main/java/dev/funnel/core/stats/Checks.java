package dev.funnel.core.stats;

/** Argument checks of the statistics package; messages name the argument. */
final class Checks {
  private Checks() {}

  static void counts(long successes, long trials, String what) {
    if (trials < 0 || successes < 0 || successes > trials) {
      throw new IllegalArgumentException(
          what + ": need 0 <= successes <= trials, got " + successes + " of " + trials);
    }
  }

  static void confidence(double c) {
    if (!(c > 0 && c < 1)) {
      throw new IllegalArgumentException("confidence level must be in (0, 1), got " + c);
    }
  }

  static double rate(long successes, long trials) {
    return trials == 0 ? Double.NaN : (double) successes / trials;
  }
}
