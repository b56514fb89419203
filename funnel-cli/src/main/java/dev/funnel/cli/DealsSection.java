package dev.funnel.cli;

import dev.funnel.io.html.Section;
import dev.funnel.io.html.KeyFigure;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Period;
import dev.funnel.core.sales.DealSize;
import dev.funnel.core.sales.Pipeline;
import dev.funnel.core.sales.PipelineStage;
import dev.funnel.core.sales.Sales;
import dev.funnel.core.sales.SalesForecast;
import dev.funnel.core.sales.SalesVelocity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * New deals and forecast revenue ({@link Sales}, docs/spec/metrics.md): deals won in the period and in
 * the comparison period (event basis: the period the lead reached WON) up to the report's as-of
 * instant, the average won deal of the period, the open pipeline as of the as-of instant (by
 * default the end of the period) with its probability-weighted value and its coverage of the
 * period's all-channel revenue target (NaN, JSON null, without a plan), and the sales velocity as
 * of the same instant: the numbers of {@code funnel sales --period P}.
 */
final class DealsSection extends ComputedSection<DealsSection.Result> {

  /** Everything the section shows. */
  record Result(Period period, long won, Period compare, long wonBefore, DealSize deals,
      Pipeline pipeline, SalesVelocity velocity) {}

  @Override
  public String key() {
    return "deals";
  }

  @Override
  public String title() {
    return "New deals and forecast revenue";
  }

  @Override
  List<DatasetTable> tables() {
    return List.of(DatasetTable.LEADS, DatasetTable.STAGES, DatasetTable.PAYMENTS);
  }

  @Override
  Result compute(ReportInput in) {
    ReportScope s = in.scope();
    Period p = s.period();
    String won = in.dataset().catalog().won().name();
    SalesForecast f = Sales.forecast(in.dataset(), s.asOf(), p);
    return new Result(p, s.eventFunnel(p).count(won), s.compare(), s.eventFunnel(s.compare()).count(won),
        Sales.dealSize(in.dataset(), s.from(p), s.to(p), s.asOf()), f.pipeline(), f.velocity());
  }

  @Override
  String text(Result r, ReportInput in) {
    StringBuilder b = new StringBuilder();
    b.append(String.format(java.util.Locale.ROOT, "won deals: %d in %s, %d in %s (change %s)%n",
        r.won(), r.period().label(), r.wonBefore(), r.compare().label(),
        LeadsSection.signed(LeadsSection.change(r.won(), r.wonBefore()))));
    b.append(r.deals().summary()).append(" in ").append(r.period().label()).append('\n');
    Pipeline p = r.pipeline();
    b.append('\n').append(p.summary()).append(" as of ").append(in.scope().asOfLabel()).append('\n');
    b.append("plan (revenue target of ").append(r.period().label()).append("): ")
        .append(p.plan() == null ? "none" : p.plan().toPlainString()).append('\n');
    b.append(p.table().render());
    b.append('\n').append(r.velocity().summary()).append('\n').append(r.velocity().table().render());
    return b.toString();
  }

  @Override
  Map<String, Object> json(Result r, ReportInput in) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("period", r.period().label());
    m.put("compare", r.compare().label());
    m.put("won", r.won());
    m.put("wonCompare", r.wonBefore());
    m.put("wonChange", LeadsSection.change(r.won(), r.wonBefore()));
    m.put("dealSize", SalesCommand.json(r.deals()));
    m.put("pipeline", SalesCommand.json(r.pipeline()));
    m.put("velocity", SalesCommand.json(r.velocity()));
    return m;
  }

  /** An ordered JSON object of name-value pairs (values may be null). */
  static Map<String, Object> jsonOf(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i + 1 < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  @Override
  Section html(Result r, ReportInput in, Section s) {
    Pipeline p = r.pipeline();
    s = s.figures(List.of(
        new KeyFigure("Won deals", Long.toString(r.won()), LeadsSection.signed(
            LeadsSection.change(r.won(), r.wonBefore())) + " vs " + r.compare().label()),
        new KeyFigure("Average deal", HtmlReport.figure(r.deals().average())),
        new KeyFigure("Weighted pipeline", HtmlReport.figure(p.weighted()), p.deals()
            + " open deals, " + HtmlReport.figure(p.value()) + " open"),
        new KeyFigure("Coverage of plan", HtmlReport.times(p.coverage()),
            p.plan() == null ? "no revenue target" : "target " + HtmlReport.figure(p.plan())),
        new KeyFigure("Sales velocity", HtmlReport.figure(r.velocity().perDay()), "per day")));
    List<List<String>> rows = new ArrayList<>();
    for (PipelineStage st : p.stages()) {
      rows.add(List.of(st.stage(), Long.toString(st.deals()), HtmlReport.figure(st.value()),
          HtmlReport.n(st.winProbability()), HtmlReport.figure(st.weighted())));
    }
    return s.table("Open pipeline as of " + in.scope().asOfLabel(),
        List.of("stage", "deals", "value", "win probability", "weighted"), rows);
  }
}
