package dev.funnel.core.money;

/** The ratios of a {@link UnitRow}, for asking why one is undefined ({@link UnitRow#undefined}). */
public enum UnitMetric {
  /** Cost per lead, spend / leads. */
  CPL("cpl"),
  /** Customer acquisition cost, spend / new customers. */
  CAC("cac"),
  /** Return on marketing investment, (revenue x margin - spend) / spend. */
  ROMI("romi"),
  /** Ad-spend ratio (ACoS), spend / revenue. */
  DRR("drr");

  private final String label;

  UnitMetric(String label) {
    this.label = label;
  }

  /** The lower-case name used in JSON and text ({@code cpl}, {@code cac}, ...). */
  public String label() {
    return label;
  }
}
