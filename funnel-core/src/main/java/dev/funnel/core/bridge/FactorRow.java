package dev.funnel.core.bridge;

/**
 * One cell of a {@link FactorTable}: the value of one factor in one segment, in the base and the
 * current state. The row shape of {@code funnel bridge --factors FILE.csv}.
 *
 * @param segment the segment name; {@code null} or blank means the unnamed single segment {@code ""}
 * @param factor  the factor name, not blank
 * @param base    the value in the base state, finite
 * @param current the value in the current state, finite
 */
public record FactorRow(String segment, String factor, double base, double current) {

  public FactorRow {
    segment = segment == null ? "" : segment.trim();
    if (factor == null || factor.isBlank()) {
      throw new IllegalArgumentException(
          "factor row for segment '" + segment + "' has no factor name");
    }
    factor = factor.trim();
    if (!Double.isFinite(base) || !Double.isFinite(current)) {
      throw new IllegalArgumentException(
          "factor '" + factor + "' of segment '" + segment + "' must be finite, got base " + base
              + " and current " + current);
    }
  }
}
