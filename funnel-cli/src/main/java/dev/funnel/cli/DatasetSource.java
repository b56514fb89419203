package dev.funnel.cli;

import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.demo.DemoData;
import dev.funnel.core.display.Formats;
import dev.funnel.core.quality.Rejection;
import dev.funnel.core.quality.TableRead;
import dev.funnel.io.DatasetRead;
import dev.funnel.io.DatasetReader;
import dev.funnel.io.Json;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a command's dataset comes from: a directory read with {@link DatasetReader} (strict unless
 * {@code --lenient}; {@code --zone} and {@code --delimiter} passed on), or the built-in demo
 * dataset generated in memory ({@code --demo [--seed N] [--leads N] [--payments-per-lead X]}).
 *
 * @param label   where it came from, for people
 * @param dataset the accepted rows
 * @param reads    what reading each table did; empty for the demo
 * @param lenient  whether invalid rows were skipped instead of stopping the command
 * @param warnings what reading noticed but read anyway (a table file named in upper case)
 */
record DatasetSource(String label, Dataset dataset, List<TableRead> reads, boolean lenient,
    List<String> warnings) {

  /** {@code --delimiter C}: the CSV delimiter when detection is not wanted. */
  static final Option DELIMITER =
      new Option("delimiter", "C", "CSV delimiter: ',', ';' or 'tab' (default: detected from the header)");
  /** {@code --dates FROM..TO}: the reader's plausible window of dates. */
  static final Option DATES = new Option("dates", "FROM..TO",
      "plausible dates of rows (default 1900-01-01..2199-12-31); a row outside is invalid"
          + " (implausible_time)");
  /** {@code --demo}: use the built-in demo dataset instead of DATA. */
  static final Option DEMO = new Option("demo", null, "use the built-in demo dataset instead of DATA");
  /** {@code --seed N}: the demo generator's seed. */
  static final Option SEED = new Option("seed", "N", "demo data seed (default " + DemoData.DEFAULT_SEED + ")");
  /** {@code --leads N}: the demo generator's number of leads. */
  static final Option LEADS = new Option("leads", "N", "demo data leads (default " + DemoData.DEFAULT_LEADS + ")");
  /** {@code --payments-per-lead X}: the demo generator's repeat-purchase payments. */
  static final Option PAYMENTS_PER_LEAD = new Option("payments-per-lead", "X",
      "demo data: repeat buyers, ~X payments per lead (1-100; default ~0.2)");

  DatasetSource {
    reads = List.copyOf(reads);
    warnings = List.copyOf(warnings);
  }

  /**
   * Reads the dataset directory named by the one operand.
   *
   * @param lenient skip and count invalid rows instead of throwing at the first
   * @throws UsageException when DATA is missing or is not a directory
   * @throws dev.funnel.io.InvalidDataException in strict mode, at the first invalid row
   */
  static DatasetSource read(Arguments args, boolean lenient) {
    return read(args, lenient, null);
  }

  /**
   * Reads the tables a command needs from the dataset directory named by the one operand.
   *
   * @param tables the tables to read; null for all
   */
  static DatasetSource read(Arguments args, boolean lenient, Set<DatasetTable> tables) {
    return read(args, lenient, tables, Map.of());
  }

  /**
   * The free-text columns a command that reads some tables leaves out: payment ids and products
   * (no such command names a payment or groups by product; the quality check and the report,
   * which read every table, show payment ids in their examples).
   */
  static final Map<DatasetTable, List<String>> UNUSED = Map.of(
      DatasetTable.PAYMENTS, List.of("payment_id", "product"));

  /**
   * As {@link #read(Arguments, boolean, Set)}, also leaving out {@code leaveOut}'s free-text
   * columns (added to {@link #UNUSED} when {@code tables} is not null); see
   * {@link DatasetReader.Builder#leaveOut}.
   */
  static DatasetSource read(Arguments args, boolean lenient, Set<DatasetTable> tables,
      Map<DatasetTable, List<String>> leaveOut) {
    if (args.dataset() != null) {
      return inMemory(args);
    }
    String data = args.operand("DATA");
    Path dir = Path.of(data);
    if (!Files.isDirectory(dir)) {
      throw args.usage(Files.exists(dir)
          ? "DATA must be a dataset directory, '" + data + "' is a file"
          : "no such dataset directory '" + data + "'");
    }
    DatasetReader.Builder b = DatasetReader.builder().zone(args.zone()).lenient(lenient)
        .tables(tables);
    if (tables != null) {
      UNUSED.forEach((t, c) -> b.leaveOut(t, c.toArray(new String[0])));
    }
    leaveOut.forEach((t, c) -> b.leaveOut(t, c.toArray(new String[0])));
    String d = args.value(DELIMITER);
    if (d != null) {
      b.delimiter(delimiter(args, d));
    }
    String w = args.value(DATES);
    if (w != null) {
      String[] ends = w.split("\\.\\.", -1);
      try {
        if (ends.length != 2) {
          throw new IllegalArgumentException("not FROM..TO");
        }
        b.dates(java.time.LocalDate.parse(ends[0].strip()), java.time.LocalDate.parse(ends[1].strip()));
      } catch (RuntimeException e) {
        throw args.usage("--dates takes FROM..TO, two ISO dates (1990-01-01..2030-12-31), got '" + w
            + "'");
      }
    }
    DatasetRead r = b.build().read(dir);
    return new DatasetSource(data, r.dataset(), r.tables(), lenient, r.warnings());
  }

  /**
   * The dataset given in memory ({@link Arguments#dataset()}); DATA, --demo and the demo options
   * are then usage errors.
   */
  private static DatasetSource inMemory(Arguments args) {
    if (!args.operands().isEmpty() || args.has(DEMO) || args.has(SEED) || args.has(LEADS)
        || args.has(PAYMENTS_PER_LEAD)) {
      throw args.usage("the dataset is given in memory: no DATA, --demo, --seed, --leads or --payments-per-lead");
    }
    Dataset d = args.dataset();
    return new DatasetSource("dataset in memory (" + d.leads().size() + " leads)", d, List.of(), false,
        List.of());
  }

  /** The character of a {@code --delimiter} value. */
  static char delimiter(Arguments args, String d) {
    switch (d) {
      case ",": return ',';
      case ";": return ';';
      case "tab": case "\t": case "\\t": return '\t';
      default: throw args.usage("bad --delimiter '" + d + "': use ',', ';' or 'tab'");
    }
  }

  /**
   * The demo generator of {@code --seed}, {@code --leads}, {@code --payments-per-lead} and
   * {@code --zone}.
   */
  static DemoData demo(Arguments args) {
    long seed = args.integer(SEED, DemoData.DEFAULT_SEED, Long.MIN_VALUE, Long.MAX_VALUE);
    long leads = args.integer(LEADS, DemoData.DEFAULT_LEADS, 0, 100_000_000);
    ZoneId zone = args.zone();
    DemoData.Builder b = DemoData.builder().seed(seed).leads(leads).zone(zone);
    String perLead = args.value(PAYMENTS_PER_LEAD);
    if (perLead != null) {
      double x;
      try {
        x = Double.parseDouble(perLead.trim());
      } catch (NumberFormatException e) {
        throw args.usage("bad --payments-per-lead '" + perLead + "': expected a number");
      }
      if (!(x >= 1 && x <= 100)) {
        throw args.usage("--payments-per-lead must be between 1 and 100, got " + perLead);
      }
      b.paymentsPerLead(x);
    }
    return b.build();
  }

  /** How the demo was configured, for people: seed, leads and the payments model when not the default. */
  static String describe(DemoData demo) {
    return "seed " + demo.seed() + ", " + demo.leads() + " leads"
        + (demo.paymentsPerLead().isPresent()
            ? ", ~" + Formats.number(demo.paymentsPerLead().getAsDouble()) + " payments per lead" : "");
  }

  /**
   * The dataset of a command that reads DATA or, with {@code --demo}, generates the demo.
   *
   * @throws UsageException on DATA together with --demo, neither, or demo options without --demo
   */
  static DatasetSource of(Arguments args) {
    return of(args, null);
  }

  /**
   * As {@link #of(Arguments)}, reading only {@code tables} from DATA (null: all); the demo and a
   * dataset in memory are used whole.
   */
  static DatasetSource of(Arguments args, Set<DatasetTable> tables) {
    return of(args, tables, Map.of());
  }

  /** As {@link #of(Arguments, Set)}, leaving out these free-text columns as well. */
  static DatasetSource of(Arguments args, Set<DatasetTable> tables,
      Map<DatasetTable, List<String>> leaveOut) {
    if (args.dataset() != null) {
      return inMemory(args);
    }
    if (args.has(DEMO)) {
      if (!args.operands().isEmpty()) {
        throw args.usage("give DATA or --demo, not both");
      }
      DemoData demo = demo(args);
      return new DatasetSource("built-in demo (" + describe(demo) + ")",
          demo.dataset(), List.of(), false, List.of());
    }
    for (Option o : List.of(SEED, LEADS, PAYMENTS_PER_LEAD)) {
      if (args.has(o)) {
        throw args.usage("--" + o.name() + " applies to --demo only");
      }
    }
    if (args.operands().isEmpty()) {
      throw args.usage("missing DATA (a dataset directory) or --demo");
    }
    return read(args, args.has(Option.LENIENT), tables, leaveOut);
  }

  /** Rows rejected over all tables. */
  long rejected() {
    return reads.stream().mapToLong(TableRead::rejected).sum();
  }

  /**
   * What people should know about the read, on stderr: the warnings (in both modes), then in
   * lenient mode the rejection summary, a first line with the total and one line per table with
   * rejections: its file, rows skipped of rows read, the count per reason code and the first
   * example. Nothing when there is nothing to say. Every line is one line whatever the data held.
   */
  void summarize(PrintStream err) {
    warn(err);
    if (!lenient || rejected() == 0) {
      return;
    }
    long n = rejected();
    err.println("funnel: skipped " + n + " invalid row" + (n == 1 ? "" : "s") + " (--lenient):");
    for (TableRead t : reads) {
      if (t.rejected() == 0) {
        continue;
      }
      StringBuilder b = new StringBuilder("  ").append(Rejection.oneLine(t.file())).append(": ")
          .append(t.rejected()).append(" of ").append(t.read()).append(" rows skipped: ");
      String sep = "";
      for (Map.Entry<String, Long> e : t.rejectedByCode().entrySet()) {
        b.append(sep).append(e.getKey()).append(' ').append(e.getValue());
        sep = ", ";
      }
      if (!t.examples().isEmpty()) {
        b.append("; e.g. ").append(t.examples().get(0).describe());
      }
      err.println(b);
    }
  }

  /** The warnings of the read on stderr, one line each ({@code funnel: warning: ...}). */
  void warn(PrintStream err) {
    for (String w : warnings) {
      err.println("funnel: warning: " + Rejection.oneLine(w));
    }
  }

  /** The lenient rejection summary as JSON: per table and reason code, count and examples. */
  Object rejectedJson() {
    return Json.readReport(reads).get("rejected");
  }
}
