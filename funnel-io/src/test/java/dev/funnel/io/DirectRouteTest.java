package dev.funnel.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.core.CurrencyRates;
import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.columnar.Columns;
import java.math.BigDecimal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fast route of CSV records into the columns ({@link DirectRows}) against the codec route as
 * the oracle, on random messy datasets: plain and quoted cells, padding, non-ASCII text, control
 * bytes, the formula guard, bad times and numbers, long numbers, case variants, duplicate leads,
 * mixed currencies, quoted line breaks. Strict and lenient reading, whole and in two halves on two
 * threads, must give equal datasets and equal table reads, or fail with the same message.
 */
class DirectRouteTest {

  @TempDir Path tmp;

  private static final CurrencyRates RATES =
      CurrencyRates.of("USD", Map.of("EUR", new BigDecimal("1.1"), "GBP", new BigDecimal("1.3")));

  private static final String[] IDS = {"L1", "L2", "L3", "L4", " L2 ", "Лід7", "\tL3", "'=L4",
      "L\"5", "L,6", "\u3000L8", " \u3000L9", "L\u00016", "", "  ", "l1", "L10\u00e9"};
  private static final String[] TIMES = {"2026-03-01T09:15:00Z", "2026-03-01", "2026-03-01 09:15",
      "2026-03-01T09:15:00.123456+03:00", "2026-03-02T10:00:00.5Z", "bad", "", " 2026-03-02T10:00:00Z ",
      "2026-02-30", "2026-03-01T25:00Z", "9999-12-31", "0001-01-01T00:00:00Z", "1900-01-01", "２０２６-03-01", "2026-03-01T09:15:00,25-0130"};
  private static final String[] STAGES = {"MQL", "mql", " Won ", "LOST", "Опп", "", "SQL",
      "lead", "RETURNED", "Sql "};
  private static final String[] WORDS = {"Price", "price", "ЦІНА", "", "Call", " call ", "E-Mail",
      "'+x", "a\tb", "Ünï", "x\"y", "two\nlines"};
  private static final String[] AMOUNTS = {"100", "12.50", "-5", "1234567890123456789012", "abc",
      "", ".5", "+3", "0.000000000000000001", "999999999999999999", "1.", " 7 ", "-0.00"};
  private static final String[] CURRENCIES = {"USD", "EUR", "USD", "usd", "EUR", "", "US", "€€€",
      " USD ", "gbp", "JPY"};
  private static final String[] KINDS = {"online", "OFFLINE", "x", "", "Online "};
  private static final String[] PIDS = {"P1", "П2", "", "p,3", "P4", "P\"5"};

  @Test
  void fastRouteReadsWhatTheCodecRouteReads() throws IOException {
    randomCases(20261207, 300, "d", (dir, c, lenient, rates, where) -> {
      String fast = outcome(DatasetReader.builder().lenient(lenient).rates(rates).build(), dir);
      String halves = outcome(
          DatasetReader.builder().lenient(lenient).rates(rates).splitBytes(1).build(), dir);
      String slow = outcome(
          DatasetReader.builder().lenient(lenient).rates(rates).direct(false).build(), dir);
      assertEquals(slow, fast, where);
      assertEquals(slow, halves, () -> where.get() + ", in halves");
    });
  }

  /**
   * Leaving free-text columns out ({@link DatasetReader.Builder#leaveOut}, a random choice per
   * case) gives what the full read gives with those fields dropped (the oracle: the same files
   * read whole, the fields nulled, each table compared in a canonical order, since ties between
   * rows order by these fields), the same table reads and warnings, or the same failure; whole,
   * in halves, on the codec route, strict and lenient, with and without rates.
   */
  @Test
  void leavingFreeTextOutIsTheFullReadWithThoseFieldsDropped() throws IOException {
    randomCases(20261208, 150, "p", (dir, c, lenient, rates, where) -> {
      Random pick = new Random(c); // the same choice in every mode of a case
      Map<DatasetTable, List<String>> out = new java.util.EnumMap<>(DatasetTable.class);
      DatasetReader.FREE_TEXT.forEach((t, cols) -> {
        List<String> chosen = new ArrayList<>();
        for (String col : new java.util.TreeSet<>(cols)) {
          if (pick.nextInt(3) > 0) {
            chosen.add(col);
          }
        }
        out.put(t, chosen);
      });
      String full = dropped(DatasetReader.builder().lenient(lenient).rates(rates).build(), dir, out);
      for (DatasetReader.Builder b : List.of(DatasetReader.builder(),
          DatasetReader.builder().splitBytes(1), DatasetReader.builder().direct(false))) {
        out.forEach((t, cols) -> b.leaveOut(t, cols.toArray(new String[0])));
        String without = dropped(b.lenient(lenient).rates(rates).build(), dir, Map.of());
        assertEquals(full, without, () -> where.get() + " leaving out " + out);
      }
    });
  }

  /** A check of one random dataset directory in one reading mode. */
  @FunctionalInterface
  private interface CaseCheck {
    void check(Path dir, int c, boolean lenient, CurrencyRates rates,
        java.util.function.Supplier<String> where);
  }

  /**
   * Runs {@code check} on {@code n} random messy directories ({@link #write}), each in four
   * modes: strict and lenient, without and with rates.
   */
  private void randomCases(long seed, int n, String prefix, CaseCheck check) throws IOException {
    Random rnd = new Random(seed);
    for (int c = 0; c < n; c++) {
      Path dir = Files.createDirectory(tmp.resolve(prefix + c));
      write(dir, rnd);
      for (int mode = 0; mode < 4; mode++) {
        int k = c;
        int m = mode;
        check.check(dir, c, mode % 2 == 1, mode >= 2 ? RATES : null,
            () -> "case " + k + " mode " + m + " in " + dir);
      }
    }
  }

  @Test
  void onlyFreeTextColumnsCanBeLeftOut() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DatasetReader.builder().leaveOut(DatasetTable.TOUCHES, "cost"));
    assertTrue(e.getMessage().contains("free-text"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> DatasetReader.builder().leaveOut(DatasetTable.LEADS, "customer_id"));
    assertThrows(IllegalArgumentException.class,
        () -> DatasetReader.builder().leaveOut(DatasetTable.PLAN, "metric"));
  }

  /** The read's outcome with the named fields nulled and each table in a canonical order. */
  private static String dropped(DatasetReader r, Path dir, Map<DatasetTable, List<String>> out) {
    try {
      DatasetRead read = r.read(dir);
      Dataset d = read.dataset();
      List<String> leads = new ArrayList<>();
      for (dev.funnel.core.Lead l : d.leads()) {
        List<String> o = out.getOrDefault(DatasetTable.LEADS, List.of());
        leads.add(new dev.funnel.core.Lead(l.id(), l.createdAt(), l.channel(),
            o.contains("campaign") ? null : l.campaign(), o.contains("segment") ? null : l.segment(),
            o.contains("owner") ? null : l.owner(), l.customerId(), l.attributes()).toString());
      }
      List<String> stages = new ArrayList<>();
      for (dev.funnel.core.StageChange s : d.stages()) {
        List<String> o = out.getOrDefault(DatasetTable.STAGES, List.of());
        stages.add(new dev.funnel.core.StageChange(s.leadId(), s.stage(), s.at(),
            o.contains("reason") ? null : s.reason(), s.amount(), o.contains("owner") ? null : s.owner())
            .toString());
      }
      List<String> activities = new ArrayList<>();
      for (dev.funnel.core.Activity a : d.activities()) {
        List<String> o = out.getOrDefault(DatasetTable.ACTIVITIES, List.of());
        activities.add(new dev.funnel.core.Activity(a.leadId(), a.at(), a.type(),
            o.contains("owner") ? null : a.owner(), o.contains("outcome") ? null : a.outcome())
            .toString());
      }
      List<String> touches = new ArrayList<>();
      for (dev.funnel.core.Touch t : d.touches()) {
        List<String> o = out.getOrDefault(DatasetTable.TOUCHES, List.of());
        touches.add(new dev.funnel.core.Touch(t.leadId(), t.at(), t.channel(),
            o.contains("campaign") ? null : t.campaign(), t.kind(), t.cost()).toString());
      }
      List<String> payments = new ArrayList<>();
      for (dev.funnel.core.Payment p : d.payments()) {
        List<String> o = out.getOrDefault(DatasetTable.PAYMENTS, List.of());
        payments.add(new dev.funnel.core.Payment(o.contains("payment_id") ? null : p.paymentId(),
            p.customerId(), p.leadId(), p.paidAt(), p.amount(), o.contains("product") ? null : p.product())
            .toString());
      }
      for (List<String> l : List.of(leads, stages, activities, touches, payments)) {
        Collections.sort(l);
      }
      return "leads " + leads + "\nstages " + stages + "\nactivities " + activities
          + "\ntouches " + touches + "\npayments " + payments + "\nspend " + d.spend()
          + "\ncurrency " + d.currency() + "\nreads " + read.tables() + "\nwarnings "
          + read.warnings();
    } catch (InvalidDataException | IllegalArgumentException e) {
      return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
  }

  /** An NDJSON payments table without payment ids: the same payments, every id absent. */
  @Test
  void ndjsonPaymentsWithoutIds() throws IOException {
    Path dir = Files.createDirectory(tmp.resolve("nd"));
    Files.writeString(dir.resolve("payments.ndjson"), ""
        + "{\"payment_id\": \"P1\", \"customer_id\": \"C1\", \"paid_at\": \"2026-03-01T09:15:00Z\", \"amount\": \"12.50\", \"currency\": \"USD\"}\n"
        + "{\"payment_id\": \"P2\", \"customer_id\": \"C2\", \"paid_at\": \"2026-03-02T09:15:00Z\", \"amount\": \"-5\", \"currency\": \"USD\"}\n");
    Map<DatasetTable, List<String>> ids = Map.of(DatasetTable.PAYMENTS, List.of("payment_id"));
    String full = dropped(DatasetReader.strict(), dir, ids);
    DatasetReader reader = DatasetReader.builder().leaveOut(DatasetTable.PAYMENTS, "payment_id").build();
    Dataset without = reader.read(dir).dataset();
    assertEquals(full, dropped(reader, dir, Map.of()));
    assertEquals(2, without.payments().size());
    for (dev.funnel.core.Payment p : without.payments()) {
      assertEquals(null, p.paymentId(), p.toString());
    }
  }

  private static String outcome(DatasetReader r, Path dir) {
    try {
      DatasetRead read = r.read(dir);
      Dataset d = read.dataset();
      return "leads " + d.leads() + "\nstages " + d.stages() + "\nactivities " + d.activities()
          + "\ntouches " + d.touches() + "\npayments " + d.payments() + "\nspend " + d.spend()
          + "\ncurrency " + d.currency() + "\nids " + Columns.of(d).leadIds().size()
          + "\nreads " + read.tables() + "\nwarnings " + read.warnings();
    } catch (InvalidDataException | IllegalArgumentException e) {
      return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
  }

  private static String pick(Random rnd, String[] pool) {
    return pool[rnd.nextInt(pool.length)];
  }

  /** Mostly clean values, sometimes a messy one. */
  private static String value(Random rnd, String[] pool) {
    return rnd.nextInt(4) == 0 ? pick(rnd, pool) : pool[rnd.nextInt(Math.min(3, pool.length))];
  }

  private static void write(Path dir, Random rnd) throws IOException {
    table(dir, rnd, "leads", new String[] {"lead_id", "created_at", "channel", "campaign",
        "segment", "owner", "customer_id", "region"}, r -> new String[] {pick(r, IDS),
        value(r, TIMES), value(r, WORDS), value(r, WORDS), value(r, WORDS), value(r, WORDS),
        r.nextBoolean() ? "" : pick(r, IDS), r.nextInt(5) == 0 ? "north" : ""});
    table(dir, rnd, "stages", new String[] {"lead_id", "stage", "at", "reason", "amount", "owner"},
        r -> new String[] {value(r, IDS), value(r, STAGES), value(r, TIMES), value(r, WORDS),
            r.nextBoolean() ? "" : value(r, AMOUNTS), value(r, WORDS)});
    table(dir, rnd, "activities", new String[] {"lead_id", "at", "type", "owner", "outcome"},
        r -> new String[] {value(r, IDS), value(r, TIMES), value(r, WORDS), value(r, WORDS),
            value(r, WORDS)});
    table(dir, rnd, "touches", new String[] {"lead_id", "at", "channel", "campaign", "kind", "cost"},
        r -> new String[] {value(r, IDS), value(r, TIMES), value(r, WORDS), value(r, WORDS),
            value(r, KINDS), r.nextBoolean() ? "" : value(r, AMOUNTS)});
    table(dir, rnd, "payments", new String[] {"payment_id", "customer_id", "lead_id", "paid_at",
        "amount", "currency", "product"}, r -> new String[] {value(r, PIDS),
        r.nextInt(3) == 0 ? "" : value(r, IDS), r.nextInt(3) == 0 ? "" : value(r, IDS),
        value(r, TIMES), value(r, AMOUNTS), value(r, CURRENCIES), value(r, WORDS)});
  }

  private interface Row {
    String[] make(Random rnd);
  }

  private static void table(Path dir, Random rnd, String name, String[] header, Row row)
      throws IOException {
    if (rnd.nextInt(8) == 0) {
      return; // no such table
    }
    // a random column order, sometimes without an optional column
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < header.length; i++) {
      order.add(i);
    }
    Collections.shuffle(order, rnd);
    if (rnd.nextInt(3) == 0) {
      order.remove(Integer.valueOf(header.length - 1));
    }
    StringBuilder b = new StringBuilder();
    line(b, rnd, order.stream().map(i -> header[i]).toArray(String[]::new));
    int n = rnd.nextInt(rnd.nextInt(5) == 0 ? 60 : 12);
    for (int k = 0; k < n; k++) {
      String[] v = row.make(rnd);
      line(b, rnd, order.stream().map(i -> v[i]).toArray(String[]::new));
    }
    String text = b.toString();
    if (rnd.nextInt(4) == 0) {
      text = text.stripTrailing(); // a file cut short after its last value
    }
    Files.write(dir.resolve(name + ".csv"), text.getBytes(StandardCharsets.UTF_8));
  }

  private static void line(StringBuilder b, Random rnd, String[] cells) {
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        b.append(',');
      }
      String c = cells[i];
      boolean quote = c.contains(",") || c.contains("\"") || c.contains("\n") || rnd.nextInt(6) == 0;
      b.append(quote ? '"' + c.replace("\"", "\"\"") + '"' : c);
    }
    b.append(rnd.nextInt(4) == 0 ? "\r\n" : "\n");
  }
}
