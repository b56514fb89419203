package dev.funnel.io;

import dev.funnel.core.CurrencyRates;
import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Money;
import dev.funnel.core.Payment;
import dev.funnel.core.Spend;
import dev.funnel.core.StageCatalog;
import dev.funnel.core.quality.Rejection;
import dev.funnel.core.quality.TableRead;
import dev.funnel.core.columnar.ColumnsBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Reads datasets in the canonical layout of docs/spec/dataset.md: a directory with one file per table,
 * {@code NAME.csv} or {@code NAME.ndjson}; or one table from a file or stream, row by row.
 *
 * <p><b>Strict</b> reading (the default) throws {@link InvalidDataException} at the first invalid
 * row or header, naming file, line, column, field, value and reason. <b>Lenient</b> reading
 * rejects invalid rows, counts them by reason code, keeps the first few as examples and reports a
 * {@link TableRead} per table. A table that cannot be read at all fails in both modes. Reading
 * throws only {@link InvalidDataException} (invalid data: a row in strict mode, a table in both),
 * {@link java.io.UncheckedIOException} (the input could not be read) and
 * {@link IllegalArgumentException} (a directory that is not a dataset); every message is one line.
 *
 * <p>Conventions, each decided here:
 *
 * <ul>
 *   <li>Table files are found by name ignoring case: {@code LEADS.CSV} is the leads table, read
 *       with a warning ({@link DatasetRead#warnings()}); two entries for one table ({@code x.csv}
 *       and {@code x.ndjson}, or {@code x.csv} and {@code X.csv}) are an {@link
 *       IllegalArgumentException}. A table's entry that is not a regular readable file (a
 *       directory, a symbolic link to nothing or to itself, a FIFO, a device such as
 *       {@code /dev/null}) is an {@link InvalidDataException} with code {@code not_a_file}, in
 *       both modes: a table is never silently dropped.
 *   <li>A CSV header that lacks a required column, names a column twice (known or not; case and
 *       blanks ignored) or has broken quoting fails the read in both modes ({@code
 *       missing_column}, {@code duplicate_column}, {@code invalid_header}): the table cannot be
 *       read, and the other figures computed without it would mislead.
 *   <li>A CSV file with no header line (0 bytes, or only empty lines) fails in both modes
 *       ({@code empty_file}); a header alone is a present, empty table. An NDJSON file has no
 *       header: an empty one is an empty table, and a field named twice in one object (case
 *       ignored) rejects that line ({@code malformed_json}).
 *   <li>Lines with no characters are skipped, not rows. Unknown columns are never an error: leads
 *       keep them as {@link dev.funnel.core.Lead#attributes()}, other tables ignore them.
 *   <li>Currencies: without {@link CurrencyRates}, strict reading fails at the first amount whose
 *       currency differs from the first currency read ({@code mixed_currency}); lenient reading of
 *       a dataset keeps the majority currency of payments and spend together (ties: the
 *       alphabetically first) and rejects rows in other currencies. Lenient reading of a single
 *       table with {@code forEach} cannot see ahead, so it keeps the first currency read. With
 *       rates, a currency they cannot convert is rejected ({@code unknown_currency}). Rows
 *       without a currency take the dataset's.
 *   <li>A second row with an already read {@code lead_id} is rejected ({@code duplicate_lead_id}).
 *       Rows of other tables that name unknown leads are kept: the quality report counts them.
 *   <li>Malformed UTF-8 is read as U+FFFD replacement characters.
 * </ul>
 *
 * <p>Immutable and thread-safe; every read has its own state.
 */
public final class DatasetReader {

  private final ZoneId zone;
  private final StageCatalog catalog;
  private final char delimiter;
  private final boolean lenient;
  private final CurrencyRates rates;
  private final int examplesPerCode;
  private final Set<DatasetTable> only;
  private final long pipelineBytes;
  private final boolean direct;
  private final Map<DatasetTable, Set<String>> leftOut;
  private final long splitBytes;
  private final java.time.LocalDate earliest;
  private final java.time.LocalDate latest;

  private DatasetReader(Builder b) {
    this.earliest = b.earliest;
    this.latest = b.latest;
    this.direct = b.direct;
    Map<DatasetTable, Set<String>> out = new EnumMap<>(DatasetTable.class);
    b.leftOut.forEach((t, c) -> out.put(t, Set.copyOf(c)));
    this.leftOut = Collections.unmodifiableMap(out);
    this.splitBytes = b.splitBytes;
    this.zone = b.zone;
    this.catalog = b.catalog;
    this.delimiter = b.delimiter;
    this.lenient = b.lenient;
    this.rates = b.rates;
    this.examplesPerCode = b.examplesPerCode;
    this.pipelineBytes = b.pipelineBytes;
    this.only = b.only == null ? null : Collections.unmodifiableSet(EnumSet.copyOf(b.only));
  }

  /**
   * The tables {@link #read(Path)} reads, given what was asked for: all of them, or the chosen ones;
   * in lenient reading without rates, payments and spend go together, since the dataset's currency
   * is the majority of both.
   */
  private Set<DatasetTable> wanted() {
    if (only == null) {
      return EnumSet.allOf(DatasetTable.class);
    }
    EnumSet<DatasetTable> w = EnumSet.copyOf(only);
    if (lenient && rates == null
        && (w.contains(DatasetTable.PAYMENTS) || w.contains(DatasetTable.SPEND))) {
      w.add(DatasetTable.PAYMENTS);
      w.add(DatasetTable.SPEND);
    }
    return w;
  }

  /** Options: UTC, the default catalog, delimiter detected, strict, no rates, 5 examples per code. */
  public static Builder builder() {
    return new Builder();
  }

  /** A strict reader with the default options. */
  public static DatasetReader strict() {
    return builder().build();
  }

  /** A lenient reader with the default options. */
  public static DatasetReader lenient() {
    return builder().lenient(true).build();
  }

  /** Whether this reader rejects and counts invalid rows instead of throwing. */
  public boolean isLenient() {
    return lenient;
  }

  /**
   * Reads the table files of a dataset directory: every table, or only those chosen with
   * {@link Builder#tables(Set)} (the others are not opened, and the dataset does not have them).
   *
   * @throws IllegalArgumentException when {@code dir} is not a directory, has no table file, or
   *     has two files for a table ({@code NAME.csv} and {@code NAME.ndjson}, or names differing
   *     in case only)
   * @throws InvalidDataException in strict mode at the first invalid row; in both modes when a
   *     table's file is not a regular readable file, a CSV file is empty or its header is invalid
   * @throws UncheckedIOException when a file cannot be read
   */
  public DatasetRead read(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("not a dataset directory: " + Rejection.oneLine(dir.toString()));
    }
    List<String> warnings = new ArrayList<>();
    Map<DatasetTable, Path> files = tableFiles(dir, warnings);
    if (files.isEmpty()) {
      throw new IllegalArgumentException(
          "no table files in " + Rejection.oneLine(dir.toString()) + ": expected leads, stages,"
              + " activities, touches, payments, spend, plan or paths, as .csv or .ndjson");
    }
    files.keySet().retainAll(wanted());
    for (Path f : files.values()) {
      requireReadableFile(f);
    }
    long csvBytes = 0;
    for (Path f : files.values()) {
      try {
        csvBytes += Files.size(f);
      } catch (IOException e) {
        // the read itself reports the file
      }
    }
    boolean halves = roomForHalves(csvBytes);
    boolean majority = lenient && rates == null;
    ReadContext ctx = new ReadContext(zone, catalog, rates, !majority, earliest, latest);
    Dataset.Builder b = Dataset.builder().zone(zone).catalog(catalog);
    if (rates != null) {
      b.rates(rates);
    }
    Map<DatasetTable, Tally> tallies = new TreeMap<>();
    List<Kept<Payment>> payments = new ArrayList<>();
    List<Kept<Spend>> spend = new ArrayList<>();
    for (Map.Entry<DatasetTable, Path> e : readingOrder(files)) {
      DatasetTable t = e.getKey();
      Path f = e.getValue();
      b.table(t);
      b.expect(t, estimateRows(f));
      Tally tally = new Tally(t, f.getFileName().toString(), examplesPerCode);
      tallies.put(t, tally);
      boolean direct = this.direct && FileFormat.of(f) == FileFormat.CSV;
      ColumnsBuilder cols = ColumnsBuilder.of(b);
      switch (t) {
        case LEADS:
          if (direct) {
            readDirect(LeadCodec.INSTANCE, ctx, tally, f, (into, v) -> {
              if (into.hasLead(into.code(ColumnsBuilder.Key.LEAD, v.id()))) {
                throw new Reject("duplicate_lead_id", 0, v.id(), LeadCodec.DUPLICATE);
              }
              into.lead(v);
            }, t, cols, halves);
          } else {
            readFile(LeadCodec.INSTANCE, ctx, tally, f, (v, l, c) -> v, b::lead);
          }
          break;
        case STAGES:
          if (direct) {
            readDirect(StageCodec.INSTANCE, ctx, tally, f, ColumnsBuilder::stage, t, cols, halves);
          } else {
            readFile(StageCodec.INSTANCE, ctx, tally, f, (v, l, c) -> v, b::stageChange);
          }
          break;
        case ACTIVITIES:
          if (direct) {
            readDirect(ActivityCodec.INSTANCE, ctx, tally, f, ColumnsBuilder::activity, t, cols, halves);
          } else {
            readFile(ActivityCodec.INSTANCE, ctx, tally, f, (v, l, c) -> v, b::activity);
          }
          break;
        case TOUCHES:
          if (direct) {
            readDirect(TouchCodec.INSTANCE, ctx, tally, f, ColumnsBuilder::touch, t, cols, halves);
          } else {
            readFile(TouchCodec.INSTANCE, ctx, tally, f, (v, l, c) -> v, b::touch);
          }
          break;
        case PAYMENTS:
          if (direct && !majority) {
            readDirect(PaymentCodec.INSTANCE, ctx, tally, f, ColumnsBuilder::payment, t, cols, halves);
          } else if (majority) {
            readFile(PaymentCodec.INSTANCE, ctx, tally, f,
                (v, l, c) -> new Kept<>(v, v.amount(), l, c.position(5)), payments::add);
          } else {
            readFile(PaymentCodec.INSTANCE, ctx, tally, f, (v, l, c) -> v, b::payment);
          }
          break;
        case SPEND:
          if (majority) {
            readFile(SpendCodec.INSTANCE, ctx, tally, f,
                (v, l, c) -> new Kept<>(v, v.amount(), l, c.position(4)), spend::add);
          } else {
            readFile(SpendCodec.INSTANCE, ctx, tally, f, (v, l, c) -> v, b::spend);
          }
          break;
        case PLAN: readFile(PlanCodec.INSTANCE, ctx, tally, f, (v, l, c) -> v, b::planTarget); break;
        case PATHS: readFile(PathCodec.INSTANCE, ctx, tally, f, (v, l, c) -> v, b::path); break;
        default: throw new AssertionError(t);
      }
    }
    String keep = majority ? majorityCurrency(payments, spend) : null;
    for (Kept<Payment> k : payments) {
      if (admit(k, keep, tallies.get(DatasetTable.PAYMENTS))) {
        b.payment(k.value);
      }
    }
    for (Kept<Spend> k : spend) {
      if (admit(k, keep, tallies.get(DatasetTable.SPEND))) {
        b.spend(k.value);
      }
    }
    List<TableRead> reads = new ArrayList<>();
    for (Tally t : tallies.values()) {
      reads.add(t.result());
    }
    ctx.leadIds.clear(); // the duplicate check is done; its ids need not outlive the read
    for (Tally t : tallies.values()) {
      warnings.addAll(t.warnings());
    }
    return new DatasetRead(b.build(), reads, warnings);
  }

  /**
   * The order the tables are read in: the table order, except that without a leads table the
   * largest file of lead rows (stages, activities or touches) goes first. Lead ids are coded in
   * order of arrival, and an export lists them in order, so the table that names the most leads
   * codes them in one ascending run and the others find theirs by a short search; read after a
   * table that names fewer, its new ids would fall between known ones and every id would be
   * looked up by hash. The order changes no result: codes are put in id order when the dataset is
   * built, and the tallies and warnings are reported in table order.
   */
  private static List<Map.Entry<DatasetTable, Path>> readingOrder(Map<DatasetTable, Path> files) {
    List<Map.Entry<DatasetTable, Path>> order = new ArrayList<>(files.entrySet());
    if (files.containsKey(DatasetTable.LEADS)) {
      return order;
    }
    Map.Entry<DatasetTable, Path> first = null;
    long most = -1;
    for (Map.Entry<DatasetTable, Path> e : order) {
      DatasetTable t = e.getKey();
      if (t != DatasetTable.STAGES && t != DatasetTable.ACTIVITIES && t != DatasetTable.TOUCHES) {
        continue;
      }
      long size;
      try {
        size = Files.size(e.getValue());
      } catch (IOException x) {
        size = 0; // the read itself reports the file
      }
      if (size > most) {
        most = size;
        first = e;
      }
    }
    if (first != null) {
      order.remove(first);
      order.add(0, first);
    }
    return order;
  }

  /**
   * The table files of a directory: an entry whose name, ignoring case, is {@code NAME.csv} or
   * {@code NAME.ndjson} for a table NAME. A name that differs from the canonical lower-case one
   * ({@code LEADS.CSV}) is read with a warning, the same on every file system, so a table is never
   * ignored for the case of its name.
   *
   * @throws IllegalArgumentException when two entries name the same table ({@code leads.csv} and
   *     {@code leads.ndjson}, or {@code leads.csv} and {@code Leads.csv})
   * @throws UncheckedIOException when the directory cannot be listed
   */
  private static Map<DatasetTable, Path> tableFiles(Path dir, List<String> warnings) {
    Map<String, DatasetTable> byName = new TreeMap<>();
    for (DatasetTable t : DatasetTable.values()) {
      byName.put(t.fileName() + ".csv", t);
      byName.put(t.fileName() + ".ndjson", t);
    }
    Map<DatasetTable, Path> files = new TreeMap<>();
    List<Path> entries = new ArrayList<>();
    try (java.nio.file.DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      ds.forEach(entries::add);
    } catch (IOException | java.nio.file.DirectoryIteratorException e) {
      throw new UncheckedIOException("cannot list the dataset directory " + Rejection.oneLine(dir.toString()),
          e instanceof IOException io ? io : ((java.nio.file.DirectoryIteratorException) e).getCause());
    }
    entries.sort(null); // a stable order for the messages
    for (Path p : entries) {
      String name = p.getFileName().toString();
      DatasetTable t = byName.get(name.toLowerCase(Locale.ROOT));
      if (t == null) {
        continue;
      }
      Path other = files.putIfAbsent(t, p);
      if (other != null) {
        throw new IllegalArgumentException("both " + Rejection.oneLine(other.getFileName().toString())
            + " and " + Rejection.oneLine(name) + " in " + Rejection.oneLine(dir.toString())
            + " are the " + t.fileName() + " table; keep one");
      }
      if (!name.equals(name.toLowerCase(Locale.ROOT))) {
        warnings.add("read " + Rejection.oneLine(name) + " as the " + t.fileName()
            + " table: table files are named in lower case ("
            + name.toLowerCase(Locale.ROOT) + ")");
      }
    }
    return files;
  }

  /**
   * Checks that a table's path is a regular file this process can read: a directory, a symbolic
   * link to nothing or to itself, a FIFO or a device (a link to {@code /dev/null}) would otherwise
   * be read as an empty table or block forever.
   *
   * @throws InvalidDataException naming the file and what it is instead ({@code not_a_file}), in
   *     both modes: the table cannot be read at all
   */
  static void requireReadableFile(Path f) {
    String problem = null;
    if (Files.isSymbolicLink(f)) {
      try {
        Path target = f.toRealPath();
        if (!Files.isRegularFile(target)) {
          problem = "is a symbolic link to " + Rejection.oneLine(target.toString()) + ", "
              + (Files.isDirectory(target) ? "a directory" : "a device, FIFO or socket")
              + ", not a regular file";
        }
      } catch (java.nio.file.NoSuchFileException e) {
        problem = "is a symbolic link to nothing (its target does not exist)";
      } catch (java.nio.file.FileSystemException e) {
        problem = "is a symbolic link that cannot be followed ("
            + Rejection.oneLine(String.valueOf(e.getReason())) + "; a loop?)";
      } catch (IOException e) {
        problem = "is a symbolic link that cannot be followed ("
            + Rejection.oneLine(String.valueOf(e.getMessage())) + ")";
      }
    } else if (Files.isDirectory(f)) {
      problem = "is a directory, not a file";
    } else if (!Files.isRegularFile(f)) {
      problem = "is not a regular file (a device, FIFO or socket)";
    }
    if (problem == null && !Files.isReadable(f)) {
      problem = "cannot be read (permission denied)";
    }
    if (problem != null) {
      String name = f.getFileName().toString();
      throw new InvalidDataException(new Rejection(name, 0, 0, null, null, "not_a_file",
          Rejection.oneLine(name) + " " + problem + "; a table file must be a regular, readable file"));
    }
  }

  /** A payment or spend row held back until the dataset's currency is known. */
  private record Kept<T>(T value, Money amount, long line, int position) {}

  private static String majorityCurrency(List<Kept<Payment>> payments, List<Kept<Spend>> spend) {
    Map<String, Long> counts = new TreeMap<>();
    for (Kept<Payment> k : payments) {
      if (k.amount.hasCurrency()) {
        counts.merge(k.amount.currency(), 1L, Long::sum);
      }
    }
    for (Kept<Spend> k : spend) {
      if (k.amount.hasCurrency()) {
        counts.merge(k.amount.currency(), 1L, Long::sum);
      }
    }
    String best = null;
    long most = 0;
    for (Map.Entry<String, Long> e : counts.entrySet()) {
      if (e.getValue() > most) {
        best = e.getKey();
        most = e.getValue();
      }
    }
    return counts.size() > 1 ? best : null;
  }

  private static boolean admit(Kept<?> k, String keep, Tally tally) {
    if (keep == null || !k.amount.hasCurrency() || k.amount.currency().equals(keep)) {
      return true;
    }
    tally.unaccept(new Rejection(tally.file, k.line, k.position, "currency", k.amount.currency(),
        "mixed_currency", "the dataset is in " + keep + " (the majority of payments and spend);"
            + " mixing currencies needs conversion rates (CurrencyRates)"));
    return false;
  }

  /**
   * About how many rows a file holds: its size over the mean line length of its first 64 KiB,
   * plus 5%; a size hint for the columns (a wrong guess costs memory or a copy, not a result).
   */
  static long estimateRows(Path f) {
    try (InputStream in = Files.newInputStream(f)) {
      long size = Files.size(f);
      byte[] head = in.readNBytes(1 << 16);
      int lines = 0;
      for (byte x : head) {
        if (x == '\n') {
          lines++;
        }
      }
      if (lines == 0 || head.length == 0) {
        return 0;
      }
      return (long) (size / ((double) head.length / lines) * 1.05) + 16;
    } catch (IOException e) {
      return 0; // the read itself reports the file
    }
  }

  /** Turns a decoded row into what the dataset keeps of it (on the parsing thread). */
  private interface Capture<T, R> {
    R capture(T value, long line, RowCells cells);
  }

  /**
   * Reads one file: rows are decoded and captured, then handed to {@code apply} in file order. A
   * file of at least {@link #PIPELINE_BYTES} (by default) is parsed on a thread of its own while the calling
   * thread applies the rows (the parse and the columnar append then run on two cores); the result
   * is the same as a sequential read, and an exception of either side ends the read as it would
   * sequentially.
   */
  private <T, R> void readFile(Codec<T> codec, ReadContext ctx, Tally tally, Path f,
      Capture<T, R> capture, Consumer<R> apply) {
    long size;
    try {
      size = Files.size(f);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + f, e);
    }
    if (size < pipelineBytes) {
      parse(codec, ctx, tally, f, (v, l, c) -> apply.accept(capture.capture(v, l, c)));
      return;
    }
    RowPipeline<R> pipe = new RowPipeline<>();
    pipe.run(() -> parse(codec, ctx, tally, f, (v, l, c) -> pipe.put(capture.capture(v, l, c))),
        apply, "funnel-read-" + f.getFileName());
  }

  /**
   * Reads a CSV file by the fast route: plain records go from the tokenizer's bytes straight into
   * the columns ({@link DirectRows}); the others through the codec to {@code slow}. A file of at
   * least {@link #SPLIT_BYTES} is read in two halves on two threads ({@link #readSplit}).
   */
  private <T> void readDirect(Codec<T> codec, ReadContext ctx, Tally tally, Path f,
      Slow<T> slow, DatasetTable t, ColumnsBuilder cols, boolean halves) {
    long size;
    try {
      size = Files.size(f);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + f, e);
    }
    long split = size >= splitBytes && halves ? splitPoint(f, size) : -1;
    try (InputStream in = Files.newInputStream(f)) {
      TableReader<T> r = new TableReader<>(codec, ctx, !lenient, tally,
          (v, l, c) -> slow.append(cols, v), (map, extra) -> DirectRows.of(t, cols, ctx, map, extra))
          .leaveOut(leftOut(codec));
      if (split > 0) {
        r.pause(readSplit(codec, ctx, tally, f, split, slow, t, cols));
      }
      r.read(in, FileFormat.CSV, delimiter);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + f, e);
    }
  }

  /** How a record that the fast route does not take is appended to a builder. */
  private interface Slow<T> {
    void append(ColumnsBuilder cols, T value);
  }

  /**
   * Whether the heap has room to read files in halves: the dataset takes about half a byte per
   * byte of CSV, a second half beside it and the layout after it up to as much again, so the
   * maximum heap must be at least twice the bytes of the files read (otherwise, under a small
   * {@code -Xmx}, files are read on one thread, as a sequential read). Decided from the files and
   * the heap limit only, never from the heap's current use, so a read does the same whatever
   * garbage the host has.
   */
  static boolean roomForHalves(long csvBytes) {
    return Runtime.getRuntime().maxMemory() / 2 >= csvBytes;
  }

  /** Files at least this large are read in two halves on two threads (8 MiB). */
  static final long SPLIT_BYTES = 8 << 20;

  /**
   * Where the second half of a file starts: after the first line feed past the middle (and past
   * the header); -1 when there is none near it (a file with CR line breaks, one huge line).
   */
  private static long splitPoint(Path f, long size) {
    try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(f)) {
      java.nio.ByteBuffer bb = java.nio.ByteBuffer.allocate(1 << 20);
      long at = size / 2;
      ch.read(bb, at);
      bb.flip();
      for (int i = 0; i < bb.limit(); i++) {
        if (bb.get(i) == '\n') {
          long split = at + i + 1;
          return split < size ? split : -1;
        }
      }
      return -1;
    } catch (IOException e) {
      return -1; // the read itself reports the file
    }
  }

  /**
   * Starts reading the second half of a file, from {@code split}, on a thread of its own into a
   * builder of its own, and returns the pause of the first half's read: when the first half
   * reaches {@code split} exactly (no quoted field spans it), the second half read cleanly (no
   * row rejected, no failure) and agrees with the first on what is order-dependent (no lead read
   * in both halves; under the first-currency rule, one currency), the second half's rows are
   * appended after the first half's, as a sequential read would have appended them. Otherwise
   * its work is dropped and the first half's read goes on to the end, so the result, the counts,
   * the examples and the first failure are always those of a sequential read.
   */
  private <T> TableReader.Pause readSplit(Codec<T> codec, ReadContext ctx, Tally tally, Path f,
      long split, Slow<T> slow, DatasetTable t, ColumnsBuilder cols) {
    ColumnsBuilder part = cols.part();
    part.expect(t, estimateRows(f) / 2);
    ReadContext partCtx = new ReadContext(ctx.zone, ctx.catalog, ctx.rates, ctx.firstCurrencyRule,
        ctx.earliest, ctx.latest);
    Tally partTally = new Tally(t, tally.file, 0);
    Throwable[] failure = new Throwable[1];
    long[] partFirstLine = new long[1];
    Thread second = new Thread(() -> {
      try (InputStream in = secondHalf(f, split, partFirstLine)) {
        new TableReader<>(codec, partCtx, true, partTally, (v, l, c) -> slow.append(part, v),
            (map, extra) -> DirectRows.of(t, part, partCtx, map, extra))
            .leaveOut(leftOut(codec)).read(in, FileFormat.CSV, delimiter);
      } catch (Throwable e) {
        failure[0] = e;
      }
    }, "funnel-read-" + f.getFileName() + "-2");
    second.setDaemon(true);
    second.start();
    return new TableReader.Pause() {
      @Override
      public long at() {
        return split;
      }

      @Override
      public boolean paused(long stoppedAt, long nextLine) {
        RowPipeline.join(second);
        if (stoppedAt != split || failure[0] != null || !partTally.clean()) {
          return true;
        }
        if (ctx.firstCurrencyRule && partCtx.currency != null) {
          if (ctx.currency == null) {
            ctx.currency = partCtx.currency;
          } else if (!ctx.currency.equals(partCtx.currency)) {
            return true;
          }
        }
        if (t == DatasetTable.LEADS && !cols.leadsDisjoint(part)) {
          return true;
        }
        cols.absorb(part, t);
        tally.read += partTally.read;
        tally.accepted += partTally.accepted;
        if (partTally.unterminatedLine >= 0) { // the part counted its lines from its header's
          tally.unterminatedLine = partTally.unterminatedLine - partFirstLine[0] + nextLine;
        }
        return false;
      }
    };
  }

  /**
   * The header of a CSV file followed by its bytes from {@code split} on; {@code firstLine[0]} is
   * set to the line its first row after the header has there.
   */
  private InputStream secondHalf(Path f, long split, long[] firstLine) throws IOException {
    byte[] header;
    try (InputStream in = Files.newInputStream(f)) {
      CsvTokenizer tok = new CsvTokenizer(in, delimiter);
      tok.next();
      long end = tok.position();
      firstLine[0] = tok.nextLine();
      try (InputStream again = Files.newInputStream(f)) {
        header = again.readNBytes((int) Math.min(end, split));
      }
    }
    InputStream rest = Files.newInputStream(f);
    try {
      rest.skipNBytes(split);
    } catch (IOException e) {
      rest.close();
      throw e;
    }
    if (header.length > 0 && header[header.length - 1] != '\n' && header[header.length - 1] != '\r') {
      header = java.util.Arrays.copyOf(header, header.length + 1);
      header[header.length - 1] = '\n';
    }
    return new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(header), rest);
  }


  /** The codec columns this reader leaves out of a table ({@link Builder#leaveOut}), or null. */
  private boolean[] leftOut(Codec<?> codec) {
    Set<String> names = leftOut.get(codec.table);
    if (names == null) {
      return null;
    }
    boolean[] out = new boolean[codec.columns.length];
    for (String n : names) {
      out[codec.index(n)] = true;
    }
    return out;
  }

  /**
   * The columns {@link Builder#leaveOut} accepts: free text that no row is rejected for and no
   * other column's reading depends on (ids, times, amounts, stages, kinds and currencies decide
   * whether a row is read).
   */
  static final Map<DatasetTable, Set<String>> FREE_TEXT = Map.of(
      DatasetTable.LEADS, Set.of("campaign", "segment", "owner"),
      DatasetTable.STAGES, Set.of("reason", "owner"),
      DatasetTable.ACTIVITIES, Set.of("owner", "outcome"),
      DatasetTable.TOUCHES, Set.of("campaign"),
      DatasetTable.PAYMENTS, Set.of("payment_id", "product"));

  /** Files at least this large are parsed on a thread of their own (1 MiB). */
  static final long PIPELINE_BYTES = 1 << 20;

  private <T> void parse(Codec<T> codec, ReadContext ctx, Tally tally, Path f, TableReader.Sink<T> sink) {
    try (InputStream in = Files.newInputStream(f)) {
      new TableReader<>(codec, ctx, !lenient, tally, sink).leaveOut(leftOut(codec))
          .read(in, FileFormat.of(f), delimiter);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + f, e);
    }
  }

  /**
   * Streams the rows of one table file to {@code sink} without keeping them; the format comes
   * from the extension ({@link FileFormat#of(Path)}).
   *
   * @return what was read, accepted and rejected
   * @throws IllegalArgumentException when the extension is neither CSV nor NDJSON
   * @throws InvalidDataException in strict mode at the first invalid row; in both modes when a
   *     CSV file has no header line or an invalid header
   * @throws UncheckedIOException when the file cannot be read
   */
  public <T> TableRead forEach(Rows<T> rows, Path file, Consumer<? super T> sink) {
    FileFormat format = FileFormat.of(file);
    try (InputStream in = Files.newInputStream(file)) {
      return forEach(rows, in, format, file.getFileName().toString(), sink);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /**
   * Streams the rows of one table from UTF-8 bytes; the stream is not closed.
   *
   * @param name the file name used in messages
   */
  public <T> TableRead forEach(Rows<T> rows, InputStream in, FileFormat format, String name,
      Consumer<? super T> sink) {
    Objects.requireNonNull(sink, "sink");
    ReadContext ctx = new ReadContext(zone, catalog, rates, true, earliest, latest);
    return TableReader.read(rows.codec, ctx, !lenient, examplesPerCode, in,
        Objects.requireNonNull(format, "format"), name, delimiter, (v, l, c) -> sink.accept(v));
  }

  /**
   * Streams the rows of one table from text; the reader is not closed.
   *
   * @param name the file name used in messages
   */
  public <T> TableRead forEach(Rows<T> rows, Reader in, FileFormat format, String name,
      Consumer<? super T> sink) {
    return forEach(rows, new Utf8Stream(Objects.requireNonNull(in, "in")), format, name, sink);
  }

  /**
   * Reads all rows of one table into a list.
   *
   * @return the rows in file order and what was read
   */
  public <T> TableRows<T> readAll(Rows<T> rows, Path file) {
    List<T> out = new ArrayList<>();
    TableRead r = forEach(rows, file, out::add);
    return new TableRows<>(out, r);
  }

  /**
   * Reads all rows of one table from text into a list; the reader is not closed.
   *
   * @param name the file name used in messages
   */
  public <T> TableRows<T> readAll(Rows<T> rows, Reader in, FileFormat format, String name) {
    List<T> out = new ArrayList<>();
    TableRead r = forEach(rows, in, format, name, out::add);
    return new TableRows<>(out, r);
  }

  @Override
  public String toString() {
    return "DatasetReader[" + (lenient ? "lenient" : "strict") + ", zone " + zone
        + ", delimiter " + (delimiter == 0 ? "detected" : "'" + delimiter + "'")
        + (rates == null ? "" : ", rates to " + rates.target())
        + (only == null ? "" : ", tables " + only)
        + (leftOut.isEmpty() ? "" : ", leaving out " + new TreeMap<>(leftOut)) + "]";
  }

  /** Options of a {@link DatasetReader}. */
  public static final class Builder {
    private ZoneId zone = ZoneOffset.UTC;
    private StageCatalog catalog = StageCatalog.DEFAULT;
    private char delimiter;
    private boolean lenient;
    private CurrencyRates rates;
    private int examplesPerCode = 5;
    private EnumSet<DatasetTable> only;
    private long pipelineBytes = PIPELINE_BYTES;
    private boolean direct = true;
    private final Map<DatasetTable, Set<String>> leftOut = new EnumMap<>(DatasetTable.class);
    private long splitBytes = SPLIT_BYTES;

    private Builder() {}

    private java.time.LocalDate earliest = ReadContext.EARLIEST;
    private java.time.LocalDate latest = ReadContext.LATEST;

    /**
     * The plausible window of dates (default 1900-01-01 to 2199-12-31, as UTC days): a row whose
     * time or date falls outside it is invalid ({@code implausible_time}: rejected in lenient
     * reading, an error in strict), so a mistyped year such as 9999 or 0001 is caught at the file
     * and line instead of stretching every result laid out by period.
     *
     * @throws IllegalArgumentException when a bound is null or {@code earliest} is after
     *     {@code latest}
     */
    public Builder dates(java.time.LocalDate earliest, java.time.LocalDate latest) {
      if (earliest == null || latest == null || earliest.isAfter(latest)) {
        throw new IllegalArgumentException(
            "a window of dates needs earliest <= latest, got " + earliest + " to " + latest);
      }
      this.earliest = earliest;
      this.latest = latest;
      return this;
    }

    /** CSV files at least this large are read in two halves on two threads; for tests. */
    Builder splitBytes(long bytes) {
      this.splitBytes = bytes;
      return this;
    }

    /** Whether CSV tables take the fast route into the columns (the default); for tests of both. */
    /**
     * Reads free-text columns of a table as if its file did not have them: their values are
     * absent in the dataset and nothing else changes, on every route and in both modes, since no
     * row is rejected for such a cell. A caller that never uses a column saves decoding and
     * keeping it (payment ids: about 15 bytes of heap a payment). The columns that may be left
     * out: leads {@code campaign, segment, owner}; stages {@code reason, owner}; activities
     * {@code owner, outcome}; touches {@code campaign}; payments {@code payment_id, product}.
     * Applies to {@link DatasetReader#read(Path)}; single-table reads keep every column. Calls add
     * up.
     *
     * @throws IllegalArgumentException for another column or table, naming the ones allowed
     */
    public Builder leaveOut(DatasetTable table, String... columns) {
      Set<String> allowed = table == null ? null : FREE_TEXT.get(table);
      for (String c : columns) {
        if (allowed == null || c == null || !allowed.contains(c)) {
          throw new IllegalArgumentException("cannot leave out " + table + " column " + c
              + ": only the free-text columns " + new TreeMap<>(FREE_TEXT));
        }
        leftOut.computeIfAbsent(table, k -> new java.util.TreeSet<>()).add(c);
      }
      return this;
    }

    Builder direct(boolean direct) {
      this.direct = direct;
      return this;
    }

    /** Files at least this large are parsed on a thread of their own; for tests of both routes. */
    Builder pipelineBytes(long bytes) {
      this.pipelineBytes = bytes;
      return this;
    }

    /** The dataset time zone: timestamps without an offset are local time in it (default UTC). */
    public Builder zone(ZoneId zone) {
      this.zone = Objects.requireNonNull(zone, "zone");
      return this;
    }

    /** The stage catalog stage names are resolved against (default {@link StageCatalog#DEFAULT}). */
    public Builder catalog(StageCatalog catalog) {
      this.catalog = Objects.requireNonNull(catalog, "catalog");
      return this;
    }

    /**
     * The CSV delimiter: {@code ','}, {@code ';'} or {@code '\t'}; by default it is detected from
     * the header line.
     *
     * @throws IllegalArgumentException for other characters
     */
    public Builder delimiter(char delimiter) {
      if (delimiter != ',' && delimiter != ';' && delimiter != '\t') {
        throw new IllegalArgumentException(
            "delimiter must be ',', ';' or tab, got '" + delimiter + "'");
      }
      this.delimiter = delimiter;
      return this;
    }

    /** Detect the delimiter from each file's header line (the default). */
    public Builder detectDelimiter() {
      this.delimiter = 0;
      return this;
    }

    /** Lenient (reject, count, go on) or strict (throw at the first invalid row, the default). */
    public Builder lenient(boolean lenient) {
      this.lenient = lenient;
      return this;
    }

    /** Conversion rates: amounts in several currencies are converted to {@code rates.target()}. */
    public Builder rates(CurrencyRates rates) {
      this.rates = rates;
      return this;
    }

    /**
     * Rejections kept as examples per reason code and table in lenient mode (default 5).
     *
     * @throws IllegalArgumentException when negative
     */
    public Builder examplesPerCode(int n) {
      if (n < 0) {
        throw new IllegalArgumentException("examplesPerCode must be >= 0, got " + n);
      }
      this.examplesPerCode = n;
      return this;
    }

    /**
     * Reads only these tables from a directory: a command that needs leads and stages does not
     * parse payments. Null (the default) reads every table. In lenient reading without rates,
     * asking for payments or spend reads both (the dataset's currency is their majority).
     */
    public Builder tables(Set<DatasetTable> tables) {
      this.only = tables == null ? null : EnumSet.copyOf(tables.isEmpty()
          ? EnumSet.noneOf(DatasetTable.class) : tables);
      return this;
    }

    /** The reader with these options. */
    public DatasetReader build() {
      return new DatasetReader(this);
    }
  }
}
