package dev.funnel.cli;

import dev.funnel.core.DatasetTable;
import dev.funnel.core.money.UnitEconomics;
import dev.funnel.core.money.UnitMetric;
import dev.funnel.core.money.UnitReport;
import dev.funnel.core.money.UnitRow;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code funnel unit DATA}: CPL, CAC, ROMI, DRR and the marketing share of revenue per channel and
 * campaign, from {@link UnitEconomics} (docs/spec/cli.md, unit). {@code --from}/{@code --to}
 * go to the library as its window of local days: a customer is new in the window when its first
 * positive payment ever falls inside it, which a cut of the rows could not tell.
 */
final class UnitCommand implements Command {

  /** The tables this command's computation uses; only these are read from DATA. */
  static final Set<DatasetTable> TABLES = EnumSet.of(DatasetTable.LEADS, DatasetTable.PAYMENTS, DatasetTable.SPEND);

  static final Option MARGIN = new Option("margin", "M",
      "gross margin in [0, 1] for ROMI on gross profit (default: revenue-based ROMI)");
  static final Option NON_MARKETING = new Option("non-marketing", "NAME,...",
      "channels whose customers are not marketing-sourced (default direct)");
  static final Option CAMPAIGNS = new Option("campaigns", null, "text: also list every campaign");

  @Override
  public String name() {
    return "unit";
  }

  @Override
  public String summary() {
    return "unit economics by channel: CPL, CAC, ROMI, DRR, marketing revenue share";
  }

  @Override
  public String operands() {
    return "DATA | --demo";
  }

  @Override
  public String details() {
    return "Spend counts by its day, leads by the day of created_at, revenue by the day of payment\n"
        + "(refunds reduce it), new customers by the day of their first positive payment. A\n"
        + "customer's channel is the channel of its first lead. CPL = spend / leads, CAC = spend /\n"
        + "new customers, ROMI = (revenue x margin - spend) / spend (revenue-based without\n"
        + "--margin), DRR = spend / revenue; undefined ratios are '-' (JSON null) with a footnote\n"
        + "saying why: a channel without spend rows in the window has unknown spend, not zero, so\n"
        + "its CPL, CAC, ROMI and DRR are undefined (JSON \"undefined\": {\"cpl\": \"no spend rows\n"
        + "for direct\", ...}).";
  }

  @Override
  public List<Option> options() {
    return DataInput.options(true, MARGIN, NON_MARKETING, CAMPAIGNS);
  }

  @Override
  public List<Format> formats() {
    return List.of(Format.TEXT, Format.JSON, Format.SVG);
  }

  @Override
  public int run(Arguments args, Session session) {
    Format format = args.format();
    BigDecimal margin = margin(args);
    Set<String> nonMarketing = nonMarketing(args);
    DataInput in = DataInput.read(args, session, false, TABLES);
    UnitReport r = UnitEconomics.compute(in.dataset(), in.window().from(), in.window().to(), margin,
        nonMarketing);
    if (format == Format.SVG) {
      if (r.channels().isEmpty()) {
        throw new IllegalStateException("no channels: nothing to draw");
      }
      session.emit(ResultCharts.channels("Channels", r).document());
    } else {
      session.emit(format == Format.JSON ? in.json(json(r)) : text(r, args.has(CAMPAIGNS)));
    }
    return Funnel.OK;
  }

  private static BigDecimal margin(Arguments args) {
    String v = args.value(MARGIN);
    if (v == null) {
      return null;
    }
    BigDecimal m;
    try {
      m = new BigDecimal(v.trim());
    } catch (NumberFormatException e) {
      throw args.usage("bad --margin '" + v + "': expected a share such as 0.3");
    }
    if (m.signum() < 0 || m.compareTo(BigDecimal.ONE) > 0) {
      throw args.usage("--margin must be between 0 and 1, got " + v);
    }
    return m;
  }

  private static Set<String> nonMarketing(Arguments args) {
    String v = args.value(NON_MARKETING);
    if (v == null) {
      return UnitEconomics.NON_MARKETING;
    }
    Set<String> s = new LinkedHashSet<>();
    for (String x : v.split(",")) {
      if (!x.isBlank()) {
        s.add(x.trim());
      }
    }
    return Set.copyOf(s);
  }

  /** The JSON of docs/spec/cli.md plus campaigns, the ROMI basis and the marketing share. */
  static Map<String, Object> json(UnitReport r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("window", r.window());
    m.put("currency", r.currency());
    m.put("margin", r.margin());
    m.put("romiBasis", r.romiBasis().label());
    List<Object> channels = new ArrayList<>();
    r.channels().forEach(c -> channels.add(row(c)));
    m.put("channels", channels);
    m.put("total", row(r.total()));
    List<Object> campaigns = new ArrayList<>();
    r.campaigns().forEach(c -> campaigns.add(row(c)));
    m.put("campaigns", campaigns);
    m.put("marketingRevenue", r.marketingRevenue());
    m.put("marketingRevenueShare", r.marketingRevenueShare());
    return m;
  }

  private static Map<String, Object> row(UnitRow r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("channel", r.channel());
    if (r.campaign() != null) {
      m.put("campaign", r.campaign());
    }
    m.put("spend", r.spend());
    m.put("spendRows", r.spendRows());
    m.put("leads", r.leads());
    m.put("customers", r.customers());
    m.put("revenue", r.revenue());
    m.put("cpl", r.cpl());
    m.put("cac", r.cac());
    m.put("romi", r.romi());
    m.put("drr", r.drr());
    Map<String, Object> why = new LinkedHashMap<>();
    for (UnitMetric x : UnitMetric.values()) {
      r.undefined(x).ifPresent(reason -> why.put(x.label(), reason));
    }
    if (!why.isEmpty()) {
      m.put("undefined", why);
    }
    return m;
  }

  /**
   * One line per reason why ratios of the rows are undefined, naming the ratios:
   * {@code "cpl, cac, romi, drr: no spend rows for direct"}; rows in order, no line twice.
   */
  static List<String> footnotes(List<UnitRow> rows) {
    Map<String, List<String>> byReason = new LinkedHashMap<>();
    for (UnitRow x : rows) {
      for (UnitMetric m : UnitMetric.values()) {
        x.undefined(m).ifPresent(
            reason -> byReason.computeIfAbsent(reason, k -> new ArrayList<>()).add(m.label()));
      }
    }
    List<String> out = new ArrayList<>();
    byReason.forEach((reason, metrics) -> out.add(String.join(", ", metrics) + ": " + reason));
    return out;
  }

  /** The footnotes as text lines under a table: {@code "- = undefined:"} then one per reason. */
  static String footnoteText(List<UnitRow> rows) {
    List<String> notes = footnotes(rows);
    if (notes.isEmpty()) {
      return "";
    }
    StringBuilder b = new StringBuilder("- = undefined:\n");
    notes.forEach(n -> b.append("  ").append(n).append('\n'));
    return b.toString();
  }

  static String text(UnitReport r, boolean campaigns) {
    if (campaigns) {
      List<UnitRow> rows = new ArrayList<>(r.channels());
      rows.add(r.total());
      rows.addAll(r.campaigns());
      return r.summary() + "\n" + r.table().render() + footnoteText(rows);
    }
    dev.funnel.core.display.TextTable t = dev.funnel.core.display.TextTable.of("channel", "spend",
        "leads", "customers", "revenue", "cpl", "cac", "romi", "drr");
    List<UnitRow> rows = new ArrayList<>(r.channels());
    rows.add(r.total());
    for (UnitRow x : rows) {
      t = t.plus(x.channel(), x.spend(), x.leads(), x.customers(), x.revenue(), x.cpl(), x.cac(),
          x.romi(), x.drr());
    }
    return r.summary() + "\n" + t.render() + footnoteText(rows) + "marketing-sourced revenue: "
        + r.marketingRevenue().toPlainString() + " ("
        + dev.funnel.core.display.TextTable.number(r.marketingRevenueShare()) + " of revenue)\n";
  }
}
