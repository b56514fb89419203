package dev.funnel.scoring;

import dev.funnel.core.display.Formats;
import dev.funnel.core.display.InstantLabel;
import dev.funnel.core.display.Tabular;
import dev.funnel.core.display.TextTable;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/**
 * What a fitted {@link LeadModel} is: its target and horizon, the rows it learned from, its
 * columns with coefficients, and the notes on how the data was encoded (pooled levels, dropped
 * constant columns, levels whose rows all went one way).
 *
 * @param target         the target stage
 * @param horizon        the horizon
 * @param trainedUntil   labels and features end at this instant (the cut, or the as-of instant)
 * @param lambda         the ridge penalty
 * @param rows           training rows (lead snapshots)
 * @param positives      rows that reached the target within the horizon
 * @param leads          distinct leads among the rows
 * @param columns        column names, {@code (intercept)} first
 * @param coefficients   coefficient per column (log-odds per unit of the column)
 * @param standardErrors standard error per column
 * @param means          the column's mean over the training rows (the base of contributions)
 * @param notes          encoding notes
 */
public record ModelCard(
    String target, Duration horizon, Instant trainedUntil, double lambda, int rows, int positives,
    int leads, List<String> columns, List<Double> coefficients, List<Double> standardErrors,
    List<Double> means, List<String> notes) implements Tabular {

  public ModelCard {
    columns = List.copyOf(columns);
    coefficients = List.copyOf(coefficients);
    standardErrors = List.copyOf(standardErrors);
    means = List.copyOf(means);
    notes = List.copyOf(notes);
  }

  /** Training rows' rate of reaching the target. */
  public double baseRate() {
    return rows == 0 ? Double.NaN : (double) positives / rows;
  }

  @Override
  public String summary() {
    return String.format(Locale.ROOT,
        "Model P(%s within %dd), trained until %s: %d columns, %s rows (%s reached) of %s leads, lambda %s",
        target, horizon.toDays(), InstantLabel.of(trainedUntil, ZoneOffset.UTC), columns.size() - 1,
        Formats.count(rows), Formats.count(positives), Formats.count(leads), Formats.number(lambda));
  }

  @Override
  public TextTable table() {
    TextTable t = TextTable.of("column", "coefficient", "std error", "training mean");
    for (int j = 0; j < columns.size(); j++) {
      t = t.plus(columns.get(j), coefficients.get(j), standardErrors.get(j), j == 0 ? null : means.get(j));
    }
    return t;
  }

  @Override
  public String toString() {
    return Tabular.preview(this);
  }
}
