package dev.funnel.attribution;

import dev.funnel.core.display.Tabular;
import dev.funnel.core.display.Cell;
import dev.funnel.core.display.Formats;
import dev.funnel.core.display.TextTable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The credit of one attribution model: totals and, per channel, the credited conversions and value
 * (which sum to the totals), optionally a bootstrap interval, and assisted conversions. Channels
 * are sorted by conversion credit, largest first, then by name.
 *
 * @param model         the model
 * @param conversions   total attributable conversions
 * @param value         their exact total value
 * @param channels      per-channel credit, sorted
 * @param level         confidence level of the bootstrap intervals, NaN without bootstrap
 * @param replicates    bootstrap replicates, 0 without bootstrap
 * @param removal       the Markov removal effects (Markov only, otherwise null)
 */
public record AttributionResult(
    Model model,
    long conversions,
    BigDecimal value,
    List<ChannelCredit> channels,
    double level,
    int replicates,
    RemovalEffects removal) implements Tabular {

  /** Credit descending, then channel name. */
  static final Comparator<ChannelCredit> ORDER =
      Comparator.comparingDouble(ChannelCredit::conversions).reversed()
          .thenComparing(ChannelCredit::channel);

  public AttributionResult {
    List<ChannelCredit> sorted = new ArrayList<>(channels);
    sorted.sort(ORDER);
    channels = List.copyOf(sorted);
  }

  /** The credit of one channel, if it has any row. */
  public Optional<ChannelCredit> channel(String name) {
    return channels.stream().filter(c -> c.channel().equals(name)).findFirst();
  }

  /** Sum of the conversion credits (equals {@link #conversions()} up to rounding). */
  public double creditedConversions() {
    double s = 0;
    for (ChannelCredit c : channels) {
      s += c.conversions();
    }
    return s;
  }

  /** Sum of the value credits (equals {@link #value()} up to rounding). */
  public double creditedValue() {
    double s = 0;
    for (ChannelCredit c : channels) {
      s += c.value();
    }
    return s;
  }

  @Override
  public String summary() {
    String s = model.label() + ": " + Formats.count(conversions) + " conversions, value "
        + Formats.amount(value) + ", " + Formats.count(channels.size()) + " channels"
        + (replicates > 0 ? ", " + Math.round(level * 100) + "% CI" : "");
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }

  @Override
  public TextTable table() {
    boolean ci = replicates > 0;
    boolean se = channels.stream().anyMatch(c -> !Double.isNaN(c.standardError()));
    List<String> cols = new ArrayList<>(List.of("channel", "conversions", "value"));
    if (ci) {
      cols.addAll(List.of("conv_low", "conv_high", "value_low", "value_high"));
    }
    if (se) {
      cols.add("std_error");
    }
    cols.add("assisted");
    cols.add("last_touch");
    TextTable t = TextTable.of(cols.toArray(new String[0]));
    for (ChannelCredit c : channels) {
      List<Object> row = new ArrayList<>(List.of(c.channel(), c.conversions(), Cell.amount(c.value())));
      if (ci) {
        row.addAll(List.of(c.conversionsLow(), c.conversionsHigh(), Cell.amount(c.valueLow()),
            Cell.amount(c.valueHigh())));
      }
      if (se) {
        row.add(c.standardError());
      }
      row.add(c.assisted());
      row.add(c.lastTouch());
      t = t.plus(row.toArray());
    }
    return t;
  }

  @Override
  public String toString() {
    return Tabular.preview(this);
  }
}
