package dev.funnel.cli;

import dev.funnel.cli.view.Composite;
import dev.funnel.cli.view.FunnelView;
import dev.funnel.cli.view.MatrixView;
import dev.funnel.cli.view.View;
import dev.funnel.core.DatasetCut;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Period;
import dev.funnel.core.funnel.ConversionMatrix;
import dev.funnel.core.funnel.Dimension;
import dev.funnel.core.funnel.FunnelQuery;
import dev.funnel.core.funnel.FunnelReport;
import dev.funnel.core.funnel.StageFunnel;
import java.util.List;
import java.util.Map;

/**
 * The stage funnel of the period and its conversions: the event-basis {@link StageFunnel} (its view,
 * {@link FunnelView}, as {@code funnel funnel} shows it), and the conversion matrix by channel
 * ({@link ConversionMatrix}) of the leads created in the period (cohort basis, so each cell is a
 * share) with its bottleneck flags at a false discovery rate of {@value ConversionMatrix#DEFAULT_FDR}. Both as of the
 * report: the funnel counts the hand-offs in the period up to the as-of instant, the matrix the
 * stages the period's leads had reached by it ({@link DatasetCut#cohort}).
 */
final class FunnelSection extends ComputedSection<FunnelSection.Result> {


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
        FunnelQuery.cohort().by(Dimension.CHANNEL), ConversionMatrix.DEFAULT_FDR);
    return new Result(p, s.eventFunnel(p), m);
  }

  @Override
  View view(Result r, ReportInput in) {
    String p = r.period().label();
    ConversionMatrix m = r.matrix();
    return Composite.of(Map.of("period", p))
        .part("funnel", p + ", event basis",
            FunnelView.of(r.funnel()).titled("Funnel, " + p + " (event basis)"))
        .part("matrix", "", MatrixView.of(m, "channel").captioned("Conversion by channel, leads"
            + " created in " + p + " (cohort basis, stages reached by " + in.scope().asOfLabel()
            + ")\n! = bottleneck: " + m.rule()));
  }
}
