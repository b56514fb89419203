package dev.funnel.scoring;

import dev.funnel.core.display.Cell;
import dev.funnel.core.display.Formats;
import dev.funnel.core.display.Tabular;
import dev.funnel.core.display.TextTable;
import java.util.List;
import java.util.Locale;

/**
 * Lift and cumulative gains by decile of the score: how many of the positives a team reaches by
 * working the best-scored tenth, fifth, ... of the rows first. Rows are sorted by score, highest
 * first; a tie of scores is not split arbitrarily: its positives are shared between the deciles
 * it straddles in proportion to its rows (the expected gains over the tie's random orders).
 *
 * @param rows the deciles, the top first
 */
public record GainsTable(List<GainsRow> rows) implements Tabular {

  public GainsTable {
    rows = List.copyOf(rows);
  }

  /** The top decile's lift (NaN when empty). */
  public double topLift() {
    return rows.isEmpty() ? Double.NaN : rows.get(0).lift();
  }

  /** The share of positives in the top {@code k} deciles (NaN when fewer). */
  public double gainAt(int k) {
    return k < 1 || k > rows.size() ? Double.NaN : rows.get(k - 1).gain();
  }

  @Override
  public String summary() {
    return "Gains: top decile lift " + Formats.multiple(topLift()) + ", top 30% of rows capture "
        + Formats.percent(gainAt(3)) + " of positives";
  }

  @Override
  public TextTable table() {
    TextTable t = TextTable.of("decile", "rows", "positives", "rate", "lift", "cumulative rows", "gain", "cumulative lift");
    for (GainsRow r : rows) {
      t = t.plus(r.decile(), r.rows(), r.positives(), Cell.percent(r.rate()), Cell.multiple(r.lift()),
          Cell.percent(r.cumulativeShare()), Cell.percent(r.gain()), Cell.multiple(r.cumulativeLift()));
    }
    return t;
  }

  @Override
  public String toString() {
    return Tabular.preview(this);
  }
}
