package dev.funnel.cli;

import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.display.TextTable;
import dev.funnel.core.demo.DemoData;
import dev.funnel.io.DatasetWriter;
import dev.funnel.io.FileFormat;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;

/**
 * {@code funnel demo --out DIR}: writes the built-in demo dataset ({@link DemoData}, seeded and
 * deterministic) as a dataset directory, CSV or NDJSON, with {@link DatasetWriter}.
 */
final class DemoCommand implements Command {

  /** {@code --out DIR}: unlike the common {@code --out FILE}, a directory for the table files. */
  static final Option DIR = new Option("out", "DIR", "directory to write the table files into (created if needed)");

  @Override
  public String name() {
    return "demo";
  }

  @Override
  public String summary() {
    return "write a realistic sample dataset (seeded, deterministic)";
  }

  @Override
  public String operands() {
    return "--out DIR";
  }

  @Override
  public String details() {
    return "A B2B SaaS-like funnel: leads from nine channels over 13 months from "
        + DemoData.DEFAULT_START + ", touches,\n"
        + "stage history, activities, payments (" + DemoData.CURRENCY + "), daily spend and a monthly plan, with a\n"
        + "few deliberate data-quality defects for 'funnel quality' to find. The same seed\n"
        + "and settings always write the same files.";
  }

  @Override
  public List<Option> options() {
    return List.of(DIR, DatasetSource.SEED, DatasetSource.LEADS, Option.FORMAT, Option.ZONE);
  }

  @Override
  public List<Format> formats() {
    return List.of(Format.CSV, Format.NDJSON);
  }

  @Override
  public int maxOperands() {
    return 0;
  }

  @Override
  public int run(Arguments args, Session session) {
    String dirText = args.value(DIR);
    if (dirText == null) {
      throw args.usage("missing --out DIR (where to write the dataset)");
    }
    Path dir = args.path(DIR, dirText);
    FileFormat format = args.format() == Format.NDJSON ? FileFormat.NDJSON : FileFormat.CSV;
    DemoData demo = DatasetSource.demo(args);
    Dataset d = demo.dataset();
    DatasetWriter.write(d, dir, format);
    TextTable t = TextTable.of("file", "rows");
    long rows = 0;
    for (DatasetTable table : d.tables()) {
      t = t.plus(table.fileName() + "." + format.extension(), d.size(table));
      rows += d.size(table);
    }
    StringBuilder b = new StringBuilder();
    b.append("Wrote the demo dataset (seed ").append(demo.seed()).append(", ").append(demo.leads())
        .append(" leads, ").append(rows).append(" rows) to ").append(dir).append('\n');
    b.append(t.render());
    String zone = d.zone().equals(ZoneOffset.UTC) ? "" : " --zone " + d.zone().getId();
    b.append("Next: funnel report ").append(dir).append(zone).append('\n');
    session.emit(b.toString());
    return Funnel.OK;
  }
}
