package dev.funnel.cli;

import dev.funnel.io.Json;
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
        + "the rows read, accepted and rejected, then every issue with its count and examples.";
  }

  @Override
  public List<Option> options() {
    return List.of(Option.FORMAT, Option.ZONE, Option.OUT, Option.AS_OF, DatasetSource.DELIMITER);
  }

  @Override
  public List<Format> formats() {
    return List.of(Format.TEXT, Format.JSON);
  }

  @Override
  public int run(Arguments args, Session session) {
    Format format = args.format();
    Instant asOf = args.asOf(args.zone());
    DatasetSource src = DatasetSource.read(args, true);
    ReportInput in = new ReportInput(src.label(), src.dataset(), src.reads(), Window.ALL, asOf);
    QualitySection q = new QualitySection();
    session.emit(format == Format.JSON ? Json.pretty(q.json(in)) : q.text(in));
    return Funnel.OK;
  }
}
