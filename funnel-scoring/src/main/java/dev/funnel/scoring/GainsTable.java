package dev.funnel.scoring;

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
    return String.format(Locale.ROOT, "Gains: top decile lift %s, top 30%% of rows capture %s of positives",
        TextTable.number(topLift()), Double.isNaN(gainAt(3)) ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * gainAt(3)));
  }

  @Override
  public TextTable table() {
    TextTable t = TextTable.of("decile", "rows", "positives", "rate", "lift", "cumulative rows", "gain", "cumulative lift");
    for (GainsRow r : rows) {
      t = t.plus(r.decile(), r.rows(), r.positives(), r.rate(), r.lift(), r.cumulativeShare(), r.gain(), r.cumulativeLift());
    }
    return t;
  }

  @Override
  public String toString() {
    return Tabular.preview(this);
  }
}
