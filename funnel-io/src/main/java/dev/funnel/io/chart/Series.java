package dev.funnel.io.chart;

import java.util.List;

/**
 * One named row of values, one per category: the leads of every channel, or the credits an
 * attribution model gives every channel. {@code NaN} entries are undefined ({@code n/a}).
 *
 * @param name what the values are, e.g. {@code "leads"} or {@code "Shapley"}
 * @param values one value per category, in the chart's category order
 */
public record Series(String name, List<Double> values) {

  /** @throws IllegalArgumentException when the name, the list or one of its entries is null */
  public Series {
    Inputs.required(name, "series name");
    values = Inputs.list(values, "series values");
  }
}
