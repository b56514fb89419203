package dev.funnel.core.money;

import dev.funnel.core.display.Tabular;
import dev.funnel.core.display.TextTable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * CPL, CAC, ROMI and DRR per channel and per campaign, with the total and the share of revenue
 * from marketing-sourced customers (docs/spec/metrics.md, "Money metrics").
 *
 * <p>Maps onto {@code unit --format json} (docs/spec/cli.md): {@code channels} and {@code total} are
 * {@link UnitRow}s; {@code romiBasis} says whether ROMI was computed on margin or on revenue.
 *
 * @param window                 the window the report covers, as a label
 * @param currency               the dataset currency
 * @param margin                 the gross margin used, or null
 * @param romiBasis              margin or revenue
 * @param channels               one row per channel, sorted by name
 * @param campaigns              one row per (channel, campaign), sorted
 * @param total                  all channels together (channel {@code (all)})
 * @param marketingRevenue       exact revenue of marketing-sourced customers
 * @param marketingRevenueShare  marketingRevenue / total revenue
 */
public record UnitReport(
    String window, String currency, BigDecimal margin, RomiBasis romiBasis, List<UnitRow> channels,
    List<UnitRow> campaigns, UnitRow total, BigDecimal marketingRevenue,
    double marketingRevenueShare) implements Tabular {

  /** The channel label of the total row. */
  public static final String ALL = "(all)";

  public UnitReport {
    channels = List.copyOf(channels);
    campaigns = List.copyOf(campaigns);
  }

  /** The row of a channel. */
  public UnitRow channel(String name) {
    return channels.stream().filter(r -> r.channel().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no channel '" + name + "' in the report"));
  }

  @Override
  public String summary() {
    return String.format(Locale.ROOT, "Unit economics %s: CAC %s, ROMI %s (%s basis)",
        window, TextTable.number(total.cac()), TextTable.number(total.romi()), romiBasis.label());
  }

  @Override
  public TextTable table() {
    TextTable t = TextTable.of("channel", "campaign", "spend", "leads", "customers", "revenue",
        "cpl", "cac", "romi", "drr");
    for (UnitRow r : channels) {
      t = plus(t, r);
    }
    t = plus(t, total);
    for (UnitRow r : campaigns) {
      t = plus(t, r);
    }
    return t;
  }

  private static TextTable plus(TextTable t, UnitRow r) {
    return t.plus(r.channel(), r.campaign(), r.spend(), r.leads(), r.customers(), r.revenue(),
        r.cpl(), r.cac(), r.romi(), r.drr());
  }

  @Override
  public String toString() {
    return Tabular.preview(this);
  }
}
