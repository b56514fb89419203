package dev.funnel.attribution;

import dev.funnel.core.display.Tabular;
import dev.funnel.core.display.TextTable;
import java.util.List;

/**
 * Attributed revenue, ROAS, ROMI and CAC per channel under one model (spec/metrics.md: ROMI is
 * revenue-based, (revenue - spend) / spend; CAC = spend / customers, here attributed conversions).
 * Channels are sorted by attributed revenue, largest first, then name; {@code total} sums them.
 *
 * @param model    the attribution model
 * @param channels per channel, including channels with spend and no credit and the reverse
 * @param total    every channel together
 */
public record ChannelEconomics(Model model, List<ChannelReturn> channels, ChannelReturn total)
    implements Tabular {

  public ChannelEconomics {
    channels = List.copyOf(channels);
  }

  @Override
  public String summary() {
    return "return on spend (" + model.label() + "): " + channels.size() + " channels, ROMI "
        + TextTable.number(total.romi());
  }

  @Override
  public TextTable table() {
    TextTable t = TextTable.of("channel", "spend", "conversions", "revenue", "roas", "romi", "cac");
    for (ChannelReturn r : channels) {
      t = row(t, r);
    }
    return row(t, total);
  }

  private static TextTable row(TextTable t, ChannelReturn r) {
    return t.plus(r.channel(), r.spend(), r.conversions(), r.revenue(), r.roas(), r.romi(), r.cac());
  }

  @Override
  public String toString() {
    return Tabular.preview(this);
  }
}
