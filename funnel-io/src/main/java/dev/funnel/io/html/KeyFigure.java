package dev.funnel.io.html;

/**
 * A headline number shown as a tile: what it is, its value already formatted, and an optional
 * note such as the change against the comparison period.
 *
 * @param label what the number is, e.g. {@code "Leads"}
 * @param value the formatted value, e.g. {@code "1,240"}
 * @param note a short remark, e.g. {@code "+5.3% vs previous week"}; empty for none
 */
public record KeyFigure(String label, String value, String note) {

  /** @throws IllegalArgumentException when a part is null */
  public KeyFigure {
    Texts.required(label, "key figure label");
    Texts.required(value, "key figure value");
    Texts.required(note, "key figure note (use \"\" for none)");
  }

  /** A key figure without a note. */
  public KeyFigure(String label, String value) {
    this(label, value, "");
  }
}
