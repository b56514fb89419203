package dev.funnel.core.money;

import dev.funnel.core.display.Tabular;
import dev.funnel.core.display.Cell;
import dev.funnel.core.display.Formats;
import dev.funnel.core.display.TextTable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    return String.format(Locale.ROOT, "Unit economics, %s: CAC %s, ROMI %s (%s basis)",
        window, Formats.money(total.cac(), currency), Formats.percent(total.romi()),
        romiBasis.label());
  }

  /** The channels, the total and the campaigns ({@link #table(boolean)}). */
  @Override
  public TextTable table() {
    return table(true);
  }

  /**
   * A row per channel, then the total ({@code (all)}), then, with {@code campaigns}, a row per
   * campaign (with a campaign column): spend and revenue in the currency, CPL and CAC to the cent,
   * ROMI and DRR as percentages, undefined figures {@code -}.
   */
  public TextTable table(boolean campaigns) {
    List<String> cols = new ArrayList<>(List.of("channel"));
    if (campaigns) {
      cols.add("campaign");
    }
    cols.addAll(List.of(Formats.moneyColumn("spend", currency), "leads", "customers",
        Formats.moneyColumn("revenue", currency), "CPL", "CAC", "ROMI", "DRR"));
    TextTable t = TextTable.of(cols.toArray(new String[0]));
    for (UnitRow x : rows(campaigns)) {
      List<Object> cells = new ArrayList<>(List.of(x.channel()));
      if (campaigns) {
        cells.add(x.campaign() == null ? "" : x.campaign());
      }
      cells.addAll(List.of(x.spend(), x.leads(), x.customers(), x.revenue(), Cell.amount(x.cpl()),
          Cell.amount(x.cac()), Cell.percent(x.romi()), Cell.percent(x.drr())));
      t = t.plus(cells.toArray());
    }
    return t;
  }

  /** The rows of {@link #table(boolean)}: channels, the total, and the campaigns when asked for. */
  private List<UnitRow> rows(boolean campaigns) {
    List<UnitRow> rows = new ArrayList<>(channels);
    rows.add(total);
    if (campaigns) {
      rows.addAll(this.campaigns);
    }
    return rows;
  }

  /**
   * One line per reason why ratios of the rows are undefined, naming the ratios, for footnotes:
   * {@code "cpl, cac, romi, drr: no spend rows for direct"}; rows in order, no line twice.
   */
  public List<String> footnotes(boolean campaigns) {
    Map<String, List<String>> byReason = new LinkedHashMap<>();
    for (UnitRow x : rows(campaigns)) {
      for (UnitMetric m : UnitMetric.values()) {
        x.undefined(m).ifPresent(
            reason -> byReason.computeIfAbsent(reason, k -> new ArrayList<>()).add(m.label()));
      }
    }
    List<String> out = new ArrayList<>();
    byReason.forEach((reason, metrics) -> out.add(String.join(", ", metrics) + ": " + reason));
    return out;
  }

  /** The marketing-sourced revenue and its share of revenue, in words. */
  public String marketingLine() {
    return "marketing-sourced revenue: " + Formats.money(marketingRevenue, currency) + " ("
        + Formats.percent(marketingRevenueShare) + " of revenue)";
  }

  /**
   * The summary, the table of channels and total ({@code campaigns}: and campaigns), the footnotes
   * of its undefined figures and the marketing-sourced revenue.
   */
  public String text(boolean campaigns) {
    return summary() + "\n" + table(campaigns).render() + Formats.footnotes(footnotes(campaigns))
        + marketingLine() + "\n";
  }

  /** {@link #text(boolean)} with the campaigns. */
  @Override
  public String text() {
    return text(true);
  }

  @Override
  public String toString() {
    return Tabular.preview(this);
  }
}
