package dev.funnel.cli.view;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.funnel.core.display.Formats;
import dev.funnel.core.display.TextTable;
import dev.funnel.core.money.UnitMetric;
import dev.funnel.core.money.UnitReport;
import dev.funnel.core.money.UnitRow;
import dev.funnel.io.chart.ChartOptions;
import dev.funnel.io.chart.Charts;
import dev.funnel.io.chart.Series;
import dev.funnel.io.chart.Svg;
import dev.funnel.io.html.Section;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Unit economics by channel ({@link UnitReport}, {@code funnel unit}, the review pack's channel
 * section): spend, leads, new customers, revenue, CPL, CAC, ROMI and DRR per channel and in total,
 * the undefined ratios explained in footnotes, and the share of revenue from marketing-sourced
 * customers. ROMI and DRR read as percentages in text and HTML and are fractions in JSON and CSV.
 */
public final class UnitView implements View {

  private final UnitReport r;
  private final boolean campaigns;
  private final String title;

  private UnitView(UnitReport r, boolean campaigns, String title) {
    this.r = r;
    this.campaigns = campaigns;
    this.title = title;
  }

  /** The view of the channels and the total. */
  public static UnitView of(UnitReport r) {
    return new UnitView(r, false, "Channels");
  }

  /** This view with (or without) a row per campaign in text, HTML and CSV. */
  public UnitView campaigns(boolean on) {
    return new UnitView(r, on, title);
  }

  /** This view with the chart titled so. */
  public UnitView titled(String chartTitle) {
    return new UnitView(r, campaigns, chartTitle);
  }

  /** One channel, campaign or total row of the JSON (docs/spec/cli.md, unit). */
  record Row(String channel,
      @JsonInclude(JsonInclude.Include.NON_NULL) String campaign,
      BigDecimal spend, long spendRows, long leads, long customers, BigDecimal revenue,
      double cpl, double cac, double romi, double drr,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> undefined) {

    static Row of(UnitRow r) {
      Map<String, String> why = new LinkedHashMap<>();
      for (UnitMetric x : UnitMetric.values()) {
        r.undefined(x).ifPresent(reason -> why.put(x.label(), reason));
      }
      return new Row(r.channel(), r.campaign(), r.spend(), r.spendRows(), r.leads(), r.customers(),
          r.revenue(), r.cpl(), r.cac(), r.romi(), r.drr(), why);
    }
  }

  /** The JSON document: docs/spec/cli.md plus campaigns, the ROMI basis and the marketing share. */
  record Json(String window, String currency, BigDecimal margin, String romiBasis,
      List<Row> channels, Row total, List<Row> campaigns, BigDecimal marketingRevenue,
      double marketingRevenueShare) {}

  @Override
  public Object json() {
    return new Json(r.window(), r.currency(), r.margin(), r.romiBasis().label(),
        r.channels().stream().map(Row::of).toList(), Row.of(r.total()),
        r.campaigns().stream().map(Row::of).toList(), r.marketingRevenue(),
        r.marketingRevenueShare());
  }

  /** The table of the text, HTML and CSV: a row per channel (and campaign), then the total. */
  public TextTable table() {
    return r.table(campaigns);
  }

  /** Why ratios of the rows shown are undefined, one line per reason. */
  public List<String> footnotes() {
    return r.footnotes(campaigns);
  }

  @Override
  public String text() {
    return r.text(campaigns);
  }

  @Override
  public Map<String, TextTable> tables() {
    return Map.of("channels", table());
  }

  @Override
  public String csv() {
    return table().csv();
  }

  @Override
  public Section html(Section s) {
    if (!r.channels().isEmpty()) {
      s = s.chart(chart());
    }
    TextTable t = table();
    s = s.table(r.summary(), t.header(), t.textRows());
    String notes = Formats.footnoteLine(footnotes());
    s = notes.isEmpty() ? s : s.paragraph(notes);
    return s.paragraph(r.marketingLine() + ".");
  }

  private Svg chart() {
    List<String> names = new ArrayList<>();
    List<Double> leads = new ArrayList<>();
    List<Double> customers = new ArrayList<>();
    List<Double> revenue = new ArrayList<>();
    for (UnitRow x : r.channels()) {
      names.add(x.channel());
      leads.add((double) x.leads());
      customers.add((double) x.customers());
      revenue.add(x.revenue().doubleValue());
    }
    return Charts.channels(ChartOptions.titled(title), names,
        List.of(new Series("leads", leads), new Series("new customers", customers),
            new Series("revenue", revenue)));
  }

  /** Channel bars: a panel each for leads, new customers and revenue; empty without channels. */
  @Override
  public Optional<Svg> svg() {
    return r.channels().isEmpty() ? Optional.empty() : Optional.of(chart());
  }
}
