package dev.funnel.cli;

import dev.funnel.cli.view.QualityView;

/**
 * Data quality ({@link dev.funnel.core.quality.DataQuality}): per table, rows read, accepted and
 * rejected; every issue by code with its count and first examples; and the share of revenue
 * without a known source ({@link QualityView}). It describes the export as read, not the business
 * as of the report's instant: every row is checked, and a timestamp counts as in the future when
 * it is after the report's {@link ReportScope#futureAfter} (for {@code funnel report} the later of
 * the as-of instant and the end of the data, so the rows after a past period's end are not errors;
 * for {@code funnel quality}, its {@code --as-of}).
 */
final class QualitySection implements ReportSection {

  @Override
  public String key() {
    return "quality";
  }

  @Override
  public String title() {
    return "Data quality";
  }

  /** The section's view. */
  QualityView view(ReportInput in) {
    return QualityView.of(in.scope().quality(in.reads()), in.reads());
  }

  @Override
  public String text(ReportInput in) {
    return view(in).text();
  }

  @Override
  public Object json(ReportInput in) {
    return view(in).json();
  }

  @Override
  public dev.funnel.io.html.Section html(ReportInput in, dev.funnel.io.html.Section s) {
    return view(in).html(s);
  }

  @Override
  public java.util.Map<String, dev.funnel.core.display.TextTable> tables(ReportInput in) {
    return view(in).tables();
  }
}
