package dev.funnel.io.chart;


/**
 * One effect in a waterfall: how much a factor moved the total, e.g. the revenue-bridge effect of
 * the win rate. {@code NaN} means unknown and is drawn as a gap labelled {@code n/a}.
 *
 * @param label the factor
 * @param effect its signed contribution to the change
 */
public record Step(String label, double effect) {

  /** @throws IllegalArgumentException when the label is null */
  public Step {
    Inputs.required(label, "step label");
  }
}
