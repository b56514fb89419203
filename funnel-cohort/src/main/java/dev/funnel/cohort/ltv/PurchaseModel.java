package dev.funnel.cohort.ltv;

import java.util.Locale;

/**
 * The purchase-count model of a lifetime-value analysis: which model predicts how often a
 * customer buys and whether they are still alive.
 */
public enum PurchaseModel {
  /** BG/NBD (Fader, Hardie and Lee 2005), {@link Ltv#bgNbd}. */
  BGNBD("bgnbd"),
  /** Pareto/NBD (Schmittlein, Morrison and Colombo 1987), {@link Ltv#paretoNbd}. */
  PARETO_NBD("pareto");

  private final String label;

  PurchaseModel(String label) {
    this.label = label;
  }

  /** The name as typed: {@code bgnbd} or {@code pareto}. */
  public String label() {
    return label;
  }

  /**
   * The model of a label ({@code bgnbd}, {@code pareto}; case and surrounding blanks ignored).
   *
   * @throws IllegalArgumentException for another text
   */
  public static PurchaseModel parse(String s) {
    String v = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
    for (PurchaseModel m : values()) {
      if (m.label.equals(v)) {
        return m;
      }
    }
    throw new IllegalArgumentException("unknown purchase model '" + s + "': use bgnbd or pareto");
  }
}
