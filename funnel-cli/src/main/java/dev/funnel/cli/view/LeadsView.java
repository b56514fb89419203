package dev.funnel.cli.view;

import dev.funnel.core.Period;
import dev.funnel.core.display.Cell;
import dev.funnel.core.display.Formats;
import dev.funnel.core.display.TextTable;
import dev.funnel.core.funnel.FunnelReport;
import dev.funnel.core.funnel.LeadTrend;
import dev.funnel.io.chart.ChartOptions;
import dev.funnel.io.chart.Charts;
import dev.funnel.io.chart.Series;
import dev.funnel.io.chart.Svg;
import dev.funnel.io.html.KeyFigure;
import dev.funnel.io.html.Section;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Leads and their dynamics (the review pack's leads section): leads, MQL and SQL of a period
 * against its comparison period on the event basis, the change {@code (current - compare) /
 * compare} (undefined when the comparison is 0), the shares {@code MQL / leads} and
 * {@code SQL / leads}, and the trend over the last periods ({@link LeadTrend}); a partial period is
 * marked {@code *} with the reason under the table, JSON {@code "partial"}.
 */
public final class LeadsView implements View {

  /** The stages shown: leads, MQL, SQL. */
  static final List<String> STAGES = List.of("LEAD", "MQL", "SQL");

  private final Period period;
  private final FunnelReport current;
  private final Period compare;
  private final FunnelReport base;
  private final List<LeadTrend> trend;
  private final Map<Period, List<String>> partial;

  private LeadsView(Period period, FunnelReport current, Period compare, FunnelReport base,
      List<LeadTrend> trend, Map<Period, List<String>> partial) {
    this.period = period;
    this.current = current;
    this.compare = compare;
    this.base = base;
    this.trend = List.copyOf(trend);
    this.partial = partial;
  }

  /**
   * The view of two periods' event funnels and the trend ending with the period.
   *
   * @param partial why each period shown is partial (an empty list, or no entry, when complete),
   *                in period order
   */
  public static LeadsView of(Period period, FunnelReport current, Period compare,
      FunnelReport base, List<LeadTrend> trend, Map<Period, List<String>> partial) {
    return new LeadsView(period, current, compare, base, trend, new java.util.TreeMap<>(partial));
  }

  /** {@code (current - base) / base}; NaN when base is 0. */
  public static double change(double current, double base) {
    return base == 0 ? Double.NaN : (current - base) / base;
  }

  private static double share(FunnelReport r, String stage) {
    long leads = r.count("LEAD");
    return leads == 0 ? Double.NaN : (double) r.count(stage) / leads;
  }

  private boolean partial(Period p) {
    return !partial.getOrDefault(p, List.of()).isEmpty();
  }

  private String label(Period p) {
    return p.label() + (partial(p) ? "*" : "");
  }

  private static String name(String stage) {
    return stage.equals("LEAD") ? "leads" : stage;
  }

  /** Counts of a period, its comparison and the change. */
  record Counts(long period, long compare, double change) {}

  /** A share of a period and its comparison. */
  record Shares(double period, double compare) {}

  /** A period of the trend. */
  record TrendJson(String period, long leads, long mql, long sql, double shareQualified,
      double shareToSales, boolean partial) {}

  /** The section's JSON: the two periods, their counts and shares, the trend. */
  record Json(String period, String compare, boolean periodPartial, boolean comparePartial,
      Counts leads, Counts mql, Counts sql, Shares shareQualified, Shares shareToSales,
      List<TrendJson> trend) {}

  private Counts counts(String stage) {
    long a = current.count(stage);
    long b = base.count(stage);
    return new Counts(a, b, change(a, b));
  }

  @Override
  public Object json() {
    List<TrendJson> t = new ArrayList<>();
    for (LeadTrend x : trend) {
      t.add(new TrendJson(x.period().label(), x.leads(), x.mql(), x.sql(), x.shareQualified(),
          x.shareToSales(), partial(x.period())));
    }
    return new Json(period.label(), compare.label(), partial(period), partial(compare),
        counts("LEAD"), counts("MQL"), counts("SQL"),
        new Shares(share(current, "MQL"), share(base, "MQL")),
        new Shares(share(current, "SQL"), share(base, "SQL")), t);
  }

  /** The two periods side by side: counts with their change, then the shares. */
  public TextTable comparison() {
    TextTable t = TextTable.of("", label(period), label(compare), "change");
    for (String st : STAGES) {
      Counts c = counts(st);
      t = t.plus(name(st), c.period(), c.compare(), Cell.change(c.change()));
    }
    t = t.plus("share qualified (MQL/leads)", Cell.percent(share(current, "MQL")),
        Cell.percent(share(base, "MQL")), null);
    return t.plus("share to sales (SQL/leads)", Cell.percent(share(current, "SQL")),
        Cell.percent(share(base, "SQL")), null);
  }

  /** The trend: a row per period, oldest first, a partial one marked {@code *}. */
  public TextTable trendTable() {
    TextTable t = TextTable.of("period", "leads", "MQL", "SQL", "MQL/leads", "SQL/leads");
    for (LeadTrend x : trend) {
      t = t.plus(label(x.period()), x.leads(), x.mql(), x.sql(), Cell.percent(x.shareQualified()),
          Cell.percent(x.shareToSales()));
    }
    return t;
  }

  /** The lines saying why periods are partial, one each; empty when none is. */
  private String footnote() {
    StringBuilder b = new StringBuilder();
    partial.forEach((p, why) -> {
      if (!why.isEmpty()) {
        b.append("* ").append(p.label()).append(" is partial: ").append(String.join("; ", why))
            .append('\n');
      }
    });
    return b.toString();
  }

  private String trendHeading() {
    return "Trend, last " + trend.size() + " " + period.granularity().label() + "s (event basis)";
  }

  @Override
  public String text() {
    return period.label() + " against " + compare.label() + " (event basis)\n"
        + comparison().render() + "\n" + trendHeading() + "\n" + trendTable().render() + footnote();
  }

  @Override
  public Map<String, TextTable> tables() {
    Map<String, TextTable> t = new LinkedHashMap<>();
    t.put("comparison", comparison());
    t.put("trend", trendTable());
    return t;
  }

  @Override
  public String csv() {
    Map<String, TextTable> t = new LinkedHashMap<>();
    t.put("comparison", comparison());
    t.put("trend", trendTable());
    return Views.csv(t);
  }

  /** Grouped bars on one scale: per period a bar each for leads, MQL and SQL. */
  public Svg chart() {
    List<String> periods = new ArrayList<>();
    List<Double> leads = new ArrayList<>();
    List<Double> mql = new ArrayList<>();
    List<Double> sql = new ArrayList<>();
    for (LeadTrend t : trend) {
      periods.add(t.period().label());
      leads.add((double) t.leads());
      mql.add((double) t.mql());
      sql.add((double) t.sql());
    }
    String title = "Leads, MQL and SQL, " + trend.get(0).period().label() + " to "
        + label(trend.get(trend.size() - 1).period());
    return Charts.grouped(ChartOptions.titled(title).valueAxis("Leads"), periods,
        List.of(new Series("leads", leads), new Series("MQL", mql), new Series("SQL", sql)));
  }

  @Override
  public Optional<Svg> svg() {
    return trend.isEmpty() ? Optional.empty() : Optional.of(chart());
  }

  @Override
  public Section html(Section s) {
    String vs = " vs " + compare.label();
    List<KeyFigure> f = new ArrayList<>();
    for (String st : STAGES) {
      Counts c = counts(st);
      f.add(new KeyFigure(st.equals("LEAD") ? "Leads" : st, Formats.count(c.period()),
          Formats.change(c.change()) + vs + " (" + Formats.count(c.compare()) + ")"));
    }
    f.add(new KeyFigure("Share qualified (MQL/leads)", Formats.percent(share(current, "MQL")),
        Formats.percent(share(base, "MQL")) + " in " + compare.label()));
    f.add(new KeyFigure("Share to sales (SQL/leads)", Formats.percent(share(current, "SQL")),
        Formats.percent(share(base, "SQL")) + " in " + compare.label()));
    s = s.paragraph(period.label() + " against " + compare.label() + ", event basis.").figures(f);
    if (!trend.isEmpty()) {
      s = s.chart(chart());
    }
    TextTable t = trendTable();
    s = s.table(trendHeading(), t.header(), t.textRows());
    for (String line : footnote().split("\n")) {
      if (!line.isEmpty()) {
        s = s.paragraph(line);
      }
    }
    return s;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "LeadsView[%s vs %s]", period.label(), compare.label());
  }
}
