package dev.funnel.core.sales;

import dev.funnel.core.display.Tabular;
import dev.funnel.core.display.TextTable;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * Average deal size (average check): the mean WON amount of deals won in the window
 * (docs/spec/metrics.md). Won deals without any amount are counted in {@code won} but not in the mean.
 *
 * @param won     deals won in the window
 * @param valued  of those, with a known amount
 * @param total   exact sum of their amounts
 * @param average total / valued, NaN when none is valued
 */
public record DealSize(long won, long valued, BigDecimal total, double average) implements Tabular {

  @Override
  public String summary() {
    return String.format(Locale.ROOT, "Average deal: %s over %d won deals",
        TextTable.number(average), valued);
  }

  @Override
  public TextTable table() {
    return TextTable.of("won", "valued", "total", "average").plus(won, valued, total, average);
  }

  @Override
  public String toString() {
    return Tabular.preview(this);
  }
}
