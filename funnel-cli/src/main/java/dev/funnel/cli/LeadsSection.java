package dev.funnel.cli;

import dev.funnel.io.html.Section;
import dev.funnel.io.html.KeyFigure;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Period;
import dev.funnel.core.display.TextTable;
import dev.funnel.core.funnel.FunnelReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Leads and their dynamics: leads, MQL and SQL of the period against the comparison period, on the
 * event basis of {@link dev.funnel.core.funnel.StageFunnel} (a stage counts in the period its lead
 * first reached it, in the dataset zone), the change {@code (current - compare) / compare} (NaN,
 * JSON null, when the comparison is 0), the share qualified {@code MQL / leads} and the share handed
 * to sales {@code SQL / leads} (docs/spec/metrics.md; event-basis ratios of one period, not cohort
 * shares).
 *
 * <p>The trend: the same counts and shares for each of the last {@link #TREND_PERIODS} periods of
 * the report's granularity up to and including the reported one, from one event-basis funnel over
 * their union counted per period ({@link LeadTrend}); a period without events counts zero.
 *
 * <p>Everything is as of the report's as-of instant (windows cut there, {@link ReportScope#to}).
 * A partial period ({@link ReportScope#partial}: the as-of instant, or the end or start of the
 * leads or the stage changes, falls inside it) is marked: {@code *} after its label in the text
 * with the reason below, {@code "partial": true} in JSON.
 */
final class LeadsSection extends ComputedSection<LeadsSection.Result> {

  /** How many periods the trend shows, ending with the reported one. */
  static final int TREND_PERIODS = 6;

  /**
   * The funnels of the two periods, the trend up to the reported period, and why each period
   * shown is partial (empty lists for complete ones; keyed by period).
   */
  record Result(Period period, FunnelReport current, Period compare, FunnelReport base,
      List<LeadTrend> trend, Map<Period, List<String>> partial) {

    boolean partial(Period p) {
      return !partial.getOrDefault(p, List.of()).isEmpty();
    }

    /** The period's label, with {@code *} when it is partial. */
    String label(Period p) {
      return p.label() + (partial(p) ? "*" : "");
    }

    /** The footnote of the partial periods, one line each; empty when none is. */
    String footnote() {
      StringBuilder b = new StringBuilder();
      partial.forEach((p, why) -> {
        if (!why.isEmpty()) {
          b.append("* ").append(p.label()).append(" is partial: ").append(String.join("; ", why))
              .append('\n');
        }
      });
      return b.toString();
    }
  }

  static final List<String> STAGES = List.of("LEAD", "MQL", "SQL");

  @Override
  public String key() {
    return "leads";
  }

  @Override
  public String title() {
    return "Leads and dynamics";
  }

  @Override
  List<DatasetTable> tables() {
    return List.of(DatasetTable.LEADS, DatasetTable.STAGES);
  }

  @Override
  Result compute(ReportInput in) {
    ReportScope s = in.scope();
    List<LeadTrend> trend = LeadTrend.of(in.dataset(), s.period(), TREND_PERIODS, s.until());
    Map<Period, List<String>> partial = new java.util.TreeMap<>();
    for (LeadTrend x : trend) {
      partial.put(x.period(), s.partial(x.period()));
    }
    partial.put(s.compare(), s.partial(s.compare()));
    return new Result(s.period(), s.eventFunnel(s.period()), s.compare(), s.eventFunnel(s.compare()),
        trend, partial);
  }

  /** {@code (current - base) / base}; NaN when base is 0. */
  static double change(double current, double base) {
    return base == 0 ? Double.NaN : (current - base) / base;
  }

  /** A change as a signed percentage, {@code -} when undefined. */
  static String signed(double change) {
    String p = FunnelSection.percent(change);
    return change > 0 ? "+" + p : p;
  }

  private static double share(FunnelReport r, String stage) {
    long leads = r.count("LEAD");
    return leads == 0 ? Double.NaN : (double) r.count(stage) / leads;
  }

  @Override
  String text(Result r, ReportInput in) {
    TextTable t = TextTable.of("", r.label(r.period()), r.label(r.compare()), "change");
    for (String st : STAGES) {
      long a = r.current().count(st);
      long b = r.base().count(st);
      t = t.plus(st.equals("LEAD") ? "leads" : st, a, b, signed(change(a, b)));
    }
    t = t.plus("share qualified (MQL/leads)", FunnelSection.percent(share(r.current(), "MQL")),
        FunnelSection.percent(share(r.base(), "MQL")), null);
    t = t.plus("share to sales (SQL/leads)", FunnelSection.percent(share(r.current(), "SQL")),
        FunnelSection.percent(share(r.base(), "SQL")), null);
    return r.period().label() + " against " + r.compare().label() + " (event basis)\n" + t.render()
        + "\nTrend, last " + r.trend().size() + " " + r.period().granularity().label()
        + "s (event basis)\n" + trendTable(r).render() + r.footnote();
  }

  /** The trend as a table: a row per period, oldest first, a partial one marked {@code *}. */
  static TextTable trendTable(Result r) {
    return trendTable(r.trend(), r::label);
  }

  /** The trend as a table: a row per period, oldest first. */
  static TextTable trendTable(List<LeadTrend> trend) {
    return trendTable(trend, Period::label);
  }

  private static TextTable trendTable(List<LeadTrend> trend,
      java.util.function.Function<Period, String> label) {
    TextTable t = TextTable.of("period", "leads", "MQL", "SQL", "MQL/leads", "SQL/leads");
    for (LeadTrend x : trend) {
      t = t.plus(label.apply(x.period()), x.leads(), x.mql(), x.sql(),
          FunnelSection.percent(x.shareQualified()), FunnelSection.percent(x.shareToSales()));
    }
    return t;
  }

  @Override
  Map<String, Object> json(Result r, ReportInput in) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("period", r.period().label());
    m.put("compare", r.compare().label());
    m.put("periodPartial", r.partial(r.period()));
    m.put("comparePartial", r.partial(r.compare()));
    for (String st : STAGES) {
      long a = r.current().count(st);
      long b = r.base().count(st);
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("period", a);
      x.put("compare", b);
      x.put("change", change(a, b));
      m.put(st.equals("LEAD") ? "leads" : st.toLowerCase(java.util.Locale.ROOT), x);
    }
    Map<String, Object> q = new LinkedHashMap<>();
    q.put("period", share(r.current(), "MQL"));
    q.put("compare", share(r.base(), "MQL"));
    m.put("shareQualified", q);
    Map<String, Object> sq = new LinkedHashMap<>();
    sq.put("period", share(r.current(), "SQL"));
    sq.put("compare", share(r.base(), "SQL"));
    m.put("shareToSales", sq);
    List<Map<String, Object>> trend = new java.util.ArrayList<>();
    for (LeadTrend x : r.trend()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("period", x.period().label());
      row.put("leads", x.leads());
      row.put("mql", x.mql());
      row.put("sql", x.sql());
      row.put("shareQualified", x.shareQualified());
      row.put("shareToSales", x.shareToSales());
      row.put("partial", r.partial(x.period()));
      trend.add(row);
    }
    m.put("trend", trend);
    return m;
  }

  @Override
  Section html(Result r, ReportInput in, Section s) {
    String vs = " vs " + r.compare().label();
    List<KeyFigure> f = new java.util.ArrayList<>();
    for (String st : STAGES) {
      long a = r.current().count(st);
      long b = r.base().count(st);
      f.add(new KeyFigure(st.equals("LEAD") ? "Leads" : st, Long.toString(a),
          signed(change(a, b)) + vs + " (" + b + ")"));
    }
    f.add(new KeyFigure("Share qualified (MQL/leads)", FunnelSection.percent(share(r.current(), "MQL")),
        FunnelSection.percent(share(r.base(), "MQL")) + " in " + r.compare().label()));
    f.add(new KeyFigure("Share to sales (SQL/leads)", FunnelSection.percent(share(r.current(), "SQL")),
        FunnelSection.percent(share(r.base(), "SQL")) + " in " + r.compare().label()));
    List<LeadTrend> t = r.trend();
    s = s.paragraph(r.period().label() + " against " + r.compare().label() + ", event basis.")
        .figures(f)
        .chart(ResultCharts.leadTrend("Leads, MQL and SQL, " + t.get(0).period().label() + " to "
            + r.label(t.get(t.size() - 1).period()), t));
    for (String line : r.footnote().split("\n")) {
      if (!line.isEmpty()) {
        s = s.paragraph(line);
      }
    }
    return s;
  }
}
