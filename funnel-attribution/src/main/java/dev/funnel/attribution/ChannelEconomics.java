package dev.funnel.attribution;

import dev.funnel.core.display.Tabular;
import dev.funnel.core.display.TextTable;
import java.math.BigDecimal;
import java.util.List;

/**
 * Attributed revenue, ROAS, ROMI, CAC and DRR per channel (or campaign) under one model
 * (docs/spec/metrics.md, money metrics: ROMI = (gross profit attributable to marketing - spend) /
 * spend, revenue-based when no margin is given; CAC = spend / new customers, here the attributed
 * conversions; DRR = spend / revenue). Rows are sorted by attributed revenue, largest first, then
 * name; {@code total} sums them.
 *
 * @param model    the attribution model
 * @param margin   the gross margin used for ROMI, or null for revenue-based ROMI
 * @param channels per channel, including channels with spend and no credit and the reverse
 * @param total    every channel together
 */
public record ChannelEconomics(Model model, BigDecimal margin, List<ChannelReturn> channels, ChannelReturn total)
    implements Tabular {

  public ChannelEconomics {
    channels = List.copyOf(channels);
  }

  /** What ROMI is based on: {@code revenue}, or {@code gross profit (margin m)}. */
  public String basis() {
    return margin == null ? "revenue" : "gross profit (margin " + margin.toPlainString() + ")";
  }

  @Override
  public String summary() {
    String s = "return on spend (" + model.label() + "): " + channels.size() + " rows, ROMI "
        + TextTable.number(total.romi()) + " on " + basis();
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }

  @Override
  public TextTable table() {
    TextTable t = TextTable.of("channel", "spend", "conversions", "revenue", "roas", "romi", "cac", "drr");
    for (ChannelReturn r : channels) {
      t = row(t, r);
    }
    return row(t, total);
  }

  private static TextTable row(TextTable t, ChannelReturn r) {
    return t.plus(r.channel(), r.spend(), r.conversions(), r.revenue(), r.roas(), r.romi(), r.cac(), r.drr());
  }

  @Override
  public String toString() {
    return Tabular.preview(this);
  }
}
