package dev.funnel.cli;

import dev.funnel.core.Activity;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Lead;
import dev.funnel.core.Payment;
import dev.funnel.core.PlanTarget;
import dev.funnel.core.Spend;
import dev.funnel.core.StageChange;
import dev.funnel.core.Touch;
import dev.funnel.core.demo.DemoData;
import dev.funnel.core.demo.DemoSink;
import dev.funnel.core.display.TextTable;
import dev.funnel.io.DatasetWriter;
import dev.funnel.io.FileFormat;
import dev.funnel.io.Rows;
import dev.funnel.io.TableWriter;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
        + "and settings always write the same files. --payments-per-lead X switches the payments\n"
        + "to a repeat-purchase (self-serve, e-commerce) business: customers order again and\n"
        + "again, about X payment rows per lead on average (docs/demo.md).";
  }

  @Override
  public List<Option> options() {
    return List.of(DIR, DatasetSource.SEED, DatasetSource.LEADS, DatasetSource.PAYMENTS_PER_LEAD,
        Option.FORMAT, Option.ZONE);
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
    Map<DatasetTable, Long> written = write(demo, dir, format);
    TextTable t = TextTable.of("file", "rows");
    long rows = 0;
    for (Map.Entry<DatasetTable, Long> e : written.entrySet()) {
      t = t.plus(e.getKey().fileName() + "." + format.extension(), e.getValue());
      rows += e.getValue();
    }
    StringBuilder b = new StringBuilder();
    b.append("Wrote the demo dataset (").append(DatasetSource.describe(demo)).append(", ")
        .append(rows).append(" rows) to ").append(dir).append('\n');
    b.append(t.render());
    String zone = demo.zone().equals(ZoneOffset.UTC) ? "" : " --zone " + demo.zone().getId();
    b.append("Next: funnel report ").append(dir).append(zone).append('\n');
    session.emit(b.toString());
    return ExitCodes.OK;
  }

  /**
   * Streams the generated rows into one file per table as they are made (memory does not grow
   * with the number of leads); every table but paths is written, an empty one with its header.
   *
   * @return rows written per table, in table order
   */
  private static Map<DatasetTable, Long> write(DemoData demo, Path dir, FileFormat format) {
    Set<DatasetTable> tables = EnumSet.complementOf(EnumSet.of(DatasetTable.PATHS));
    Map<DatasetTable, Path> files = DatasetWriter.prepare(dir, format, tables);
    TableWriter<Lead> leads = TableWriter.open(Rows.LEADS, files.get(DatasetTable.LEADS), format, List.of());
    try (leads;
        TableWriter<StageChange> stages = TableWriter.open(Rows.STAGES, files.get(DatasetTable.STAGES), format, List.of());
        TableWriter<Activity> activities = TableWriter.open(Rows.ACTIVITIES, files.get(DatasetTable.ACTIVITIES), format, List.of());
        TableWriter<Touch> touches = TableWriter.open(Rows.TOUCHES, files.get(DatasetTable.TOUCHES), format, List.of());
        TableWriter<Payment> payments = TableWriter.open(Rows.PAYMENTS, files.get(DatasetTable.PAYMENTS), format, List.of());
        TableWriter<Spend> spend = TableWriter.open(Rows.SPEND, files.get(DatasetTable.SPEND), format, List.of());
        TableWriter<PlanTarget> plan = TableWriter.open(Rows.PLAN, files.get(DatasetTable.PLAN), format, List.of())) {
      demo.stream(new DemoSink() {
        @Override
        public void lead(Lead l) {
          leads.write(l);
        }

        @Override
        public void stageChange(StageChange s) {
          stages.write(s);
        }

        @Override
        public void activity(Activity a) {
          activities.write(a);
        }

        @Override
        public void touch(Touch x) {
          touches.write(x);
        }

        @Override
        public void payment(Payment p) {
          payments.write(p);
        }

        @Override
        public void spend(Spend s) {
          spend.write(s);
        }

        @Override
        public void planTarget(PlanTarget p) {
          plan.write(p);
        }
      });
      Map<DatasetTable, Long> rows = new EnumMap<>(DatasetTable.class);
      rows.put(DatasetTable.LEADS, leads.rows());
      rows.put(DatasetTable.STAGES, stages.rows());
      rows.put(DatasetTable.ACTIVITIES, activities.rows());
      rows.put(DatasetTable.TOUCHES, touches.rows());
      rows.put(DatasetTable.PAYMENTS, payments.rows());
      rows.put(DatasetTable.SPEND, spend.rows());
      rows.put(DatasetTable.PLAN, plan.rows());
      return rows;
    }
  }
}
