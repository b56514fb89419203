package dev.funnel.core.funnel;

import java.util.Locale;

/**
 * The practical effect size a conversion-matrix cell needs, besides statistical significance, to
 * be flagged as a bottleneck: how far its rate must lie below the rest of its column.
 *
 * <p>Why: with enough leads every difference is significant. At 24,000 leads a cell at 55.2%
 * against 56.4% for the rest has a two-sided p-value near 0.002 and survives Benjamini-Hochberg,
 * yet 1.2 points (2% of the rate) is no bottleneck anyone should act on. Statistical significance
 * says the gap is real, the minimum gap says it matters: the distinction between significance and
 * effect size (Cohen, "Statistical Power Analysis for the Behavioral Sciences", 2nd ed., 1988,
 * ch. 1) and the "minimal clinically important difference" of Jaeschke, Singer and Guyatt
 * (Controlled Clinical Trials 10(4), 1989), set by the user, not by the data.
 *
 * <p>Two kinds: {@link Kind#POINTS}, an absolute gap in percentage points ({@code rest - rate >=
 * value / 100}), and {@link Kind#RELATIVE}, a share of the rest's rate ({@code rest - rate >=
 * value * rest}). Relative is the default ({@link #DEFAULT}: 10% of the rest's rate) because
 * conversion rates differ by an order of magnitude along a funnel: 2 points is a third of a 6%
 * lead-to-MQL rate and nothing at an 80% SQL-to-SAL rate. The gap is compared as estimated; its
 * interval is reported next to it ({@link MatrixCell#gapLower()}, {@link MatrixCell#gapUpper()}).
 *
 * @param kind  points or relative
 * @param value percentage points ({@code 3} = 3 points) or a share of the rest's rate
 *              ({@code 0.1} = 10%); at least 0
 */
public record MinimumGap(Kind kind, double value) {

  /** How the minimum is stated. */
  public enum Kind {
    /** Percentage points of the rate. */
    POINTS,
    /** A share of the rest of the column's rate. */
    RELATIVE
  }

  /** The default: a cell must be at least 10% below the rest of its column. */
  public static final MinimumGap DEFAULT = relative(0.10);

  /** No practical minimum: any significant gap below the rest is a bottleneck. */
  public static final MinimumGap NONE = points(0);

  /** Validates the value. */
  public MinimumGap {
    if (kind == null) {
      throw new IllegalArgumentException("the kind of minimum gap must be given");
    }
    if (!(value >= 0) || Double.isInfinite(value) || (kind == Kind.RELATIVE && value > 1)
        || (kind == Kind.POINTS && value > 100)) {
      throw new IllegalArgumentException("a minimum gap is 0-100 points or a share in [0, 1], got "
          + value + " (" + kind + ")");
    }
  }

  /** A gap of at least {@code percentagePoints} points (3 = 3 points, 0.03 in rate). */
  public static MinimumGap points(double percentagePoints) {
    return new MinimumGap(Kind.POINTS, percentagePoints);
  }

  /** A gap of at least {@code share} of the rest's rate (0.1 = 10%). */
  public static MinimumGap relative(double share) {
    return new MinimumGap(Kind.RELATIVE, share);
  }

  /**
   * Parses {@code 3pp} (percentage points) or {@code 10%} (relative to the rest's rate).
   *
   * @throws IllegalArgumentException on anything else or a value out of range
   */
  public static MinimumGap parse(String text) {
    String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    try {
      if (t.endsWith("pp")) {
        return points(Double.parseDouble(t.substring(0, t.length() - 2).trim()));
      }
      if (t.endsWith("%")) {
        return relative(Double.parseDouble(t.substring(0, t.length() - 1).trim()) / 100);
      }
    } catch (NumberFormatException e) {
      // falls through to the message below
    }
    throw new IllegalArgumentException("a minimum gap is Npp (percentage points, e.g. 3pp) or N%"
        + " (relative to the rest of the column, e.g. 10%), got '" + text + "'");
  }

  /** The smallest gap, as a difference of rates, that counts against a rest at {@code restRate}. */
  public double threshold(double restRate) {
    return kind == Kind.POINTS ? value / 100 : value * restRate;
  }

  /** Whether a cell {@code gap} (rest rate minus cell rate) below a rest at {@code restRate} is large enough. */
  public boolean metBy(double gap, double restRate) {
    return gap > 0 && gap >= threshold(restRate);
  }

  /** {@code 3 points} or {@code 10% of the rest's rate}. */
  public String label() {
    return kind == Kind.POINTS
        ? trim(value) + " points"
        : trim(100 * value) + "% of the rest's rate";
  }

  private static String trim(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
