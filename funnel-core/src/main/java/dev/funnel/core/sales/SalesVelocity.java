package dev.funnel.core.sales;

import dev.funnel.core.display.Tabular;
import dev.funnel.core.display.TextTable;
import java.util.Locale;

/**
 * Sales velocity = opportunities x win rate x average deal / cycle length (docs/spec/metrics.md): the
 * revenue the current pipeline produces per day.
 *
 * @param opportunities open deals in the pipeline
 * @param winRate       win rate from OPPORTUNITY by count
 * @param averageDeal   average WON amount
 * @param cycleDays     median sales cycle in days (SQL to first payment, Kaplan-Meier)
 * @param perDay        the velocity, money per day; NaN when an input is undefined or the cycle 0
 */
public record SalesVelocity(
    long opportunities, double winRate, double averageDeal, double cycleDays, double perDay)
    implements Tabular {

  @Override
  public String summary() {
    return String.format(Locale.ROOT, "Sales velocity: %s per day", TextTable.number(perDay));
  }

  @Override
  public TextTable table() {
    return TextTable.of("opportunities", "win rate", "average deal", "cycle days", "per day")
        .plus(opportunities, winRate, averageDeal, cycleDays, perDay);
  }

  @Override
  public String toString() {
    return Tabular.preview(this);
  }
}
