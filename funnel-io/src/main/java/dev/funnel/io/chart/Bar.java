package dev.funnel.io.chart;


/**
 * A labelled value: a funnel stage and its count, or a waterfall's base or current total.
 * {@code NaN} means undefined and is drawn as a gap labelled {@code n/a}.
 *
 * @param label what the bar stands for
 * @param value its value
 */
public record Bar(String label, double value) {

  /** @throws IllegalArgumentException when the label is null */
  public Bar {
    Inputs.required(label, "bar label");
  }
}
