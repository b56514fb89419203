package dev.funnel.cli;

import dev.funnel.io.Json;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code funnel report DATA | --demo}: the whole dashboard, every section of {@link Report#SECTIONS}
 * for the dataset cut to {@code --from}/{@code --to}.
 */
final class ReportCommand implements Command {

  @Override
  public String name() {
    return "report";
  }

  @Override
  public String summary() {
    return "the whole dashboard: every section for a dataset";
  }

  @Override
  public String operands() {
    return "DATA | --demo";
  }

  @Override
  public String details() {
    return "DATA is a dataset directory (spec/dataset.md); --demo generates the built-in demo\n"
        + "dataset in memory instead. Sections: "
        + String.join(", ", Report.SECTIONS.stream().map(ReportSection::title).toList()) + ".\n"
        + "--from/--to cut every table to the window; the rows read and rejected in the quality\n"
        + "section still describe the whole files.";
  }

  @Override
  public List<Option> options() {
    return List.of(Option.FORMAT, Option.ZONE, Option.FROM, Option.TO, Option.OUT, Option.AS_OF, Option.LENIENT,
        DatasetSource.DELIMITER, DatasetSource.DEMO, DatasetSource.SEED, DatasetSource.LEADS);
  }

  @Override
  public List<Format> formats() {
    return List.of(Format.TEXT, Format.JSON);
  }

  @Override
  public int run(Arguments args, Session session) {
    Format format = args.format();
    Window window = args.window();
    Instant asOf = args.asOf(args.zone());
    DatasetSource src = DatasetSource.of(args);
    ReportInput in = new ReportInput(src.label(), window.slice(src.dataset()), src.reads(), window, asOf);
    src.summarize(session.err());
    if (format == Format.JSON) {
      Map<String, Object> json = Report.json(in);
      if (src.lenient()) {
        json.put("rejected", src.rejectedJson());
      }
      session.emit(Json.pretty(json));
    } else {
      session.emit(Report.text(in));
    }
    return Funnel.OK;
  }
}
