package dev.funnel.cli;

import dev.funnel.core.Dataset;
import dev.funnel.cli.view.QualityView;
import java.time.Instant;
import java.util.List;

/**
 * {@code funnel quality DATA}: the data-quality report. Always reads leniently, since reporting
 * invalid rows is its job: rows read, accepted and rejected per table, and every issue by code.
 */
final class QualityCommand implements Command {

  @Override
  public String name() {
    return "quality";
  }

  @Override
  public String summary() {
    return "data-quality report: rows rejected and issues found, by reason";
  }

  @Override
  public String operands() {
    return "DATA";
  }

  @Override
  public String details() {
    return "Reads DATA leniently (an invalid row is counted, not fatal) and reports, per table,\n"
        + "the rows read, accepted and rejected, then every issue with its count and examples.\n"
        + "Every table it looked for is listed, found or not. Timestamps after --as-of are\n"
        + "future; by default --as-of is the latest timestamp of the data (never the clock, so\n"
        + "the same data gives the same report on any day).";
  }

  @Override
  public List<Option> options() {
    return List.of(Option.FORMAT, Option.ZONE, Option.OUT, Option.AS_OF, DatasetSource.DELIMITER,
        DatasetSource.DATES);
  }

  @Override
  public List<Format> formats() {
    return List.of(Format.TEXT, Format.JSON, Format.CSV);
  }

  @Override
  public int run(Arguments args, Session session) {
    Format format = args.format();
    Instant given = args.asOf(args.zone());
    DatasetSource src = DatasetSource.read(args, true);
    src.warn(session.err());
    Instant asOf = asOf(given, src.dataset());
    ReportInput in = new ReportInput(src.label(), src.dataset(), src.reads(), Window.ALL,
        asOf == null ? Instant.EPOCH : asOf);
    Output.emit(session, format,
        QualityView.of(in.scope().quality(in.reads()), in.reads()).asOf(asOf), (Object) null);
    return ExitCodes.OK;
  }

  /**
   * The report's "now": {@code --as-of} when given, else the latest timestamp of the data (lead
   * creation, stage changes, activities, touches, payments, the end of the last spend day); null
   * when the data has none, and then nothing can be in the future.
   */
  static Instant asOf(Instant given, Dataset d) {
    return given != null ? given : TimedRows.endOfData(d);
  }
}
