package dev.funnel.cli;

import dev.funnel.io.html.Section;
import dev.funnel.core.DatasetCut;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Period;
import dev.funnel.core.display.TextTable;
import dev.funnel.core.funnel.ConversionMatrix;
import dev.funnel.core.funnel.Dimension;
import dev.funnel.core.funnel.FunnelQuery;
import dev.funnel.core.funnel.FunnelReport;
import dev.funnel.core.funnel.MatrixCell;
import dev.funnel.core.funnel.StageFunnel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The stage funnel of the period and its conversions: the event-basis {@link StageFunnel} (the
 * JSON of {@code funnel funnel}, {@link FunnelCommand#json}), and the conversion matrix by channel
 * ({@link ConversionMatrix}) of the leads created in the period (cohort basis, so each cell is a
 * share) with its bottleneck flags at a false discovery rate of {@value #FDR}. Both as of the
 * report: the funnel counts the hand-offs in the period up to the as-of instant, the matrix the
 * stages the period's leads had reached by it ({@link DatasetCut#cohort}).
 */
final class FunnelSection extends ComputedSection<FunnelSection.Result> {

  /** The false discovery rate of the bottleneck flags (docs/spec/metrics.md, "Conversion matrix"). */
  static final double FDR = 0.05;

  /** The period's funnel and the matrix by channel. */
  record Result(Period period, FunnelReport funnel, ConversionMatrix matrix) {}

  @Override
  public String key() {
    return "funnel";
  }

  @Override
  public String title() {
    return "Stage funnel and conversions";
  }

  @Override
  List<DatasetTable> tables() {
    return List.of(DatasetTable.LEADS, DatasetTable.STAGES);
  }

  @Override
  Result compute(ReportInput in) {
    ReportScope s = in.scope();
    Period p = s.period();
    ConversionMatrix m = StageFunnel.matrix(DatasetCut.cohort(in.dataset(), s.from(p), s.to(p), s.asOf()),
        FunnelQuery.cohort().by(Dimension.CHANNEL), FDR);
    return new Result(p, s.eventFunnel(p), m);
  }

  @Override
  String text(Result r, ReportInput in) {
    StringBuilder b = new StringBuilder();
    b.append(r.period().label()).append(": ").append(r.funnel().summary()).append('\n');
    TextTable stages = TextTable.of("stage", "count", "from previous", "from first");
    for (var x : r.funnel().stages()) {
      stages = stages.plus(x.stage(), x.count(), x.conversionFromPrevious(), x.conversionFromFirst());
    }
    b.append(stages.render());
    ConversionMatrix m = r.matrix();
    b.append('\n').append("Conversion by channel, leads created in ").append(r.period().label())
        .append(" (cohort basis, stages reached by ").append(in.scope().asOfLabel())
        .append("; ! = bottleneck: ").append(m.rule()).append(")\n");
    b.append(FunnelCommand.matrixGrid(m, "channel"));
    return b.toString();
  }

  /** {@code OPPORTUNITY->PROPOSAL} as {@code OPP>PRO}: the grid fits 100 columns. */
  static String abbreviate(String transition) {
    String[] p = transition.split("->");
    return p.length == 2 ? shortName(p[0]) + ">" + shortName(p[1]) : transition;
  }

  private static String shortName(String stage) {
    return stage.length() <= 4 ? stage : stage.substring(0, 3);
  }

  /** A share as a percentage with one decimal, {@code -} when undefined. */
  static String percent(double share) {
    return Double.isFinite(share) ? String.format(Locale.ROOT, "%.1f%%", 100 * share) : "-";
  }

  @Override
  Map<String, Object> json(Result r, ReportInput in) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("period", r.period().label());
    m.put("funnel", FunnelCommand.json(r.funnel()));
    m.put("matrix", FunnelCommand.matrixJson(r.matrix(), "channel"));
    return m;
  }

  @Override
  Section html(Result r, ReportInput in, Section s) {
    s = s.chart(ResultCharts.funnel("Funnel, " + r.period().label() + " (event basis)",
        r.funnel().stages()));
    ConversionMatrix m = r.matrix();
    List<String> header = new ArrayList<>();
    header.add("channel");
    m.transitions().forEach(t -> header.add(abbreviate(t)));
    List<List<String>> rows = new ArrayList<>();
    int n = m.transitions().size();
    for (int i = 0; i < m.sources().size(); i++) {
      List<String> row = new ArrayList<>();
      row.add(m.sources().get(i));
      for (int k = 0; k < n; k++) {
        MatrixCell c = m.cells().get(i * n + k);
        row.add(percent(c.rate()) + (c.bottleneck() ? " (bottleneck)" : ""));
      }
      rows.add(row);
    }
    List<String> all = new ArrayList<>();
    all.add("(all)");
    m.overall().forEach(x -> all.add(percent(x)));
    rows.add(all);
    s = s.table("Conversion by channel, leads created in " + r.period().label()
        + " (cohort basis, stages reached by " + in.scope().asOfLabel() + "; bottlenecks, "
        + m.rule() + ": " + m.bottlenecks().size() + ")", header, rows);
    for (MatrixCell c : m.bottlenecks()) {
      s = s.paragraph("Bottleneck: " + FunnelCommand.gapLine(c) + ".");
    }
    return s;
  }
}
