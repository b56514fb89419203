package dev.funnel.core.funnel;

import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Lead;
import dev.funnel.core.columnar.Columns;

/**
 * The entry point of the stage funnel (docs/spec/metrics.md, "Funnel and sales metrics"; JSON of
 * {@code funnel} in docs/spec/cli.md).
 *
 * <pre>{@code
 * FunnelReport r = StageFunnel.compute(dataset,
 *     FunnelQuery.event().between(from, to).per(Granularity.MONTH).by(Dimension.CHANNEL));
 * r.conversion("MQL", "WON");
 * }</pre>
 *
 * <p>One route: every entry counts over the dataset's columnar form (docs/columnar.md), one pass
 * over the leads' contiguous stage rows into a flat array of counters, with no record or other
 * object per lead; the counts are those of {@link LeadReach#of(Lead, java.util.List,
 * dev.funnel.core.StageCatalog)} added to a {@link FunnelState} lead by lead (the per-lead step
 * that routes holding a lead's rows outside a dataset, such as Spark, use). The cost is linear in
 * leads plus stage changes. Stage changes of lead ids missing from the leads table are not counted
 * (there is no creation time or channel to place them; the data-quality report lists them).
 */
public final class StageFunnel {
  private StageFunnel() {}

  /**
   * The funnel of the dataset's leads under the query.
   *
   * @throws IllegalArgumentException when its periods exceed {@link
   *     dev.funnel.core.PeriodSpan#DEFAULT_MAX} (see {@link FunnelState#result(int)})
   * @throws IllegalStateException when the dataset has no leads or stages table
   */
  public static FunnelReport compute(Dataset d, FunnelQuery query) {
    return tally(d, query).result();
  }

  /**
   * The conversion matrix of a cohort-basis query broken down by a dimension, with bottleneck
   * flags at the false discovery rate {@code fdr} (0.05 is usual) and the default minimum gap
   * ({@link MinimumGap#DEFAULT}).
   */
  public static ConversionMatrix matrix(Dataset d, FunnelQuery cohortQuery, double fdr) {
    return ConversionMatrix.of(compute(d, cohortQuery), fdr);
  }

  /**
   * The conversion matrix with a chosen minimum gap: a flagged cell is significantly below the
   * rest of its column (BH at {@code fdr}) and by at least {@code minimumGap}.
   */
  public static ConversionMatrix matrix(Dataset d, FunnelQuery cohortQuery, double fdr,
      MinimumGap minimumGap) {
    return ConversionMatrix.of(compute(d, cohortQuery), fdr, minimumGap);
  }

  /** The conversion matrix with chosen columns {@code FROM->TO} (e.g. {@code SQL->WON}). */
  public static ConversionMatrix matrix(
      Dataset d, FunnelQuery cohortQuery, double fdr, java.util.List<String> columns) {
    return ConversionMatrix.of(compute(d, cohortQuery), fdr, columns);
  }

  /** The mergeable partial state of {@link #compute} for the whole dataset. */
  public static FunnelState tally(Dataset d, FunnelQuery query) {
    d.require(DatasetTable.LEADS, "the stage funnel");
    d.require(DatasetTable.STAGES, "the stage funnel");
    return FunnelCounter.tally(Columns.of(d), query);
  }
}
