package dev.funnel.io.chart;

import java.util.List;

/**
 * One row of a heat map: a cohort and its retention by period index. The list ends where the data
 * ends: periods after the end are absent (blank cells), not zero. {@code NaN} inside the list is
 * an undefined value, drawn as an {@code n/a} gap.
 *
 * @param label the cohort, e.g. {@code "2026-01 (n=120)"}
 * @param values shares in 0..1 for period index 0, 1, ...
 */
public record HeatRow(String label, List<Double> values) {

  /** @throws IllegalArgumentException when the label, the list or one of its entries is null */
  public HeatRow {
    Inputs.required(label, "heat-map row label");
    values = Inputs.list(values, "heat-map row values");
  }
}
