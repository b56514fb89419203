package dev.funnel.cohort.ltv;

import dev.funnel.core.display.Tabular;
import dev.funnel.core.display.TextTable;
import java.util.Arrays;

/**
 * P(alive) over a grid of histories at one age T: repeat purchases x (rows) by recency t_x
 * (columns), the table behind the usual heat map ("a frequent buyer who has not bought lately is
 * probably gone"). Cells with no possible history (x > 0 at t_x = 0, or x = 0 at t_x > 0) are NaN.
 * Made by {@link Ltv#aliveGrid}.
 *
 * @param model the model's name
 * @param age   T, the customers' age in the model's unit
 */
public record AliveGrid(String model, double age, int[] frequencies, double[] recencies,
    double[][] alive) implements Tabular {

  /** Copies the arrays: the grid is immutable. */
  public AliveGrid {
    frequencies = frequencies.clone();
    recencies = recencies.clone();
    double[][] copy = new double[alive.length][];
    for (int i = 0; i < alive.length; i++) {
      copy[i] = alive[i].clone();
    }
    alive = copy;
  }

  /** The repeat-purchase counts of the rows (a copy). */
  @Override
  public int[] frequencies() {
    return frequencies.clone();
  }

  /** The recencies of the columns (a copy). */
  @Override
  public double[] recencies() {
    return recencies.clone();
  }

  /** The grid (a copy). */
  @Override
  public double[][] alive() {
    double[][] copy = new double[alive.length][];
    for (int i = 0; i < alive.length; i++) {
      copy[i] = alive[i].clone();
    }
    return copy;
  }

  /** P(alive) of the history in row i (frequencies) and column j (recencies). */
  public double alive(int i, int j) {
    return alive[i][j];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AliveGrid g && model.equals(g.model) && Double.compare(age, g.age) == 0
        && Arrays.equals(frequencies, g.frequencies) && Arrays.equals(recencies, g.recencies)
        && Arrays.deepEquals(alive, g.alive);
  }

  @Override
  public int hashCode() {
    return model.hashCode() * 31 + Arrays.deepHashCode(alive);
  }

  @Override
  public String summary() {
    return String.format(java.util.Locale.ROOT, "P(alive) by frequency x recency, %s at T = %s",
        model, TextTable.number(age));
  }

  @Override
  public TextTable table() {
    String[] head = new String[recencies.length + 1];
    head[0] = "x \\ t_x";
    for (int j = 0; j < recencies.length; j++) {
      head[j + 1] = TextTable.number(recencies[j]);
    }
    TextTable t = TextTable.of(head);
    for (int i = 0; i < frequencies.length; i++) {
      Object[] row = new Object[recencies.length + 1];
      row[0] = frequencies[i];
      for (int j = 0; j < recencies.length; j++) {
        row[j + 1] = alive[i][j];
      }
      t = t.plus(row);
    }
    return t;
  }

  @Override
  public String toString() {
    return Tabular.preview(this);
  }
}
