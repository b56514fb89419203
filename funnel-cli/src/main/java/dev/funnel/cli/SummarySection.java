package dev.funnel.cli;

import dev.funnel.cli.view.DatasetView;

/**
 * What the dataset is: its tables and row counts, the days of its first and last event (in the
 * dataset time zone; plan targets and pre-aggregated paths carry no event time and do not count),
 * its currency and time zone, and the report's as-of instant in that zone ({@link DatasetView}).
 * The tables, rows and days describe the export as read, including rows after the as-of instant,
 * which the other sections do not use.
 */
final class SummarySection implements ReportSection {

  @Override
  public String key() {
    return "dataset";
  }

  @Override
  public String title() {
    return "Dataset";
  }

  /** The section's view. */
  DatasetView view(ReportInput in) {
    TimedRows.Span span = in.scope().span();
    Window w = in.window();
    return DatasetView.of(new DatasetView.Facts(in.source(), in.dataset(), span.first(),
        span.last(), in.scope().asOf(), in.scope().asOfLabel(), w.from(), w.to()));
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
