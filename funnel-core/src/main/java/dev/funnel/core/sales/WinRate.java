package dev.funnel.core.sales;

import dev.funnel.core.display.Tabular;
import dev.funnel.core.display.TextTable;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * Win rate from a base stage (docs/spec/metrics.md: "won / (won + lost) from SQL or from opportunity;
 * say which"), by count and by value.
 *
 * <p>Population: leads that reached the base stage (reaching a later stage implies it) inside the
 * window. Each is exactly one of: won (reached the won stage), lost (not won and the latest stage
 * change is LOST, or any exit other than RETURNED in a custom catalog), returned (not won and the
 * latest stage change is RETURNED: handed back to marketing, which is not a sales outcome) or open
 * (none of these: no exit yet). Returned and open deals count in neither side of the rate; they
 * are counted apart so that {@code reached = won + lost + returned + open}. The same
 * {@link Outcome} decides the sales cycle ({@link SalesCycle}: a returned deal is never censored as
 * open) and the pipeline (a returned deal is neither closed nor open).
 * {@code byCount = won / (won + lost)}; {@code byValue = wonValue / (wonValue + lostValue)} where
 * the won value is the amount at WON and the lost value the last known amount before LOST
 * (deals without any amount add nothing to the value sums). NaN when the denominator is 0.
 *
 * @param base      the base stage (SQL, OPPORTUNITY, ...)
 * @param reached   leads that reached the base stage in the window
 * @param won       of those, won
 * @param lost      of those, lost
 * @param returned  of those, returned to marketing (latest change RETURNED, never won)
 * @param open      of those, still open: neither won, lost nor returned
 * @param wonValue  exact sum of won amounts
 * @param lostValue exact sum of lost amounts
 * @param byCount   won / (won + lost)
 * @param byValue   wonValue / (wonValue + lostValue)
 */
public record WinRate(
    String base, long reached, long won, long lost, long returned, long open, BigDecimal wonValue,
    BigDecimal lostValue, double byCount, double byValue) implements Tabular {

  @Override
  public String summary() {
    return String.format(Locale.ROOT, "Win rate from %s: %s by count, %s by value (%d won, %d lost)",
        base, TextTable.number(byCount), TextTable.number(byValue), won, lost);
  }

  @Override
  public TextTable table() {
    return TextTable.of("from", "reached", "won", "lost", "returned", "open", "won value",
            "lost value", "by count", "by value")
        .plus(base, reached, won, lost, returned, open, wonValue, lostValue, byCount, byValue);
  }

  @Override
  public String toString() {
    return Tabular.preview(this);
  }
}
