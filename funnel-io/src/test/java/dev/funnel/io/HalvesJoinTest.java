package dev.funnel.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.funnel.core.CurrencyRates;
import dev.funnel.core.Dataset;
import dev.funnel.core.columnar.Columns;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file read in two halves joins the second half's columns to the first's a column at a time
 * (ColumnsBuilder#absorb); on clean files, where the join is always taken, the dataset equals the
 * one read whole, which never joins. The files carry what a join must keep: sub-millisecond times
 * in either half only, amounts too long for a long, absent amounts and payment ids, two
 * currencies converted by rates (mixed, or one in each half), non-ASCII text, and so many channels, campaigns and products
 * that the second half's codes need a wider column than the first's.
 */
class HalvesJoinTest {

  @TempDir Path tmp;

  private static final CurrencyRates RATES =
      CurrencyRates.of("USD", Map.of("EUR", new BigDecimal("1.1")));

  @Test
  void halvesJoinedEqualTheWholeRead() throws IOException {
    Random rnd = new Random(20261208);
    for (int c = 0; c < 30; c++) {
      Path dir = Files.createDirectory(tmp.resolve("d" + c));
      write(dir, rnd);
      DatasetRead whole = DatasetReader.builder().rates(RATES).build().read(dir);
      DatasetRead halves = DatasetReader.builder().rates(RATES).splitBytes(1).build().read(dir);
      assertEquals(describe(whole.dataset()), describe(halves.dataset()), "case " + c);
      assertEquals(whole.tables().toString(), halves.tables().toString(), "case " + c);
      for (dev.funnel.core.quality.TableRead t : whole.tables()) {
        assertEquals(t.read(), t.accepted(), () -> "clean files, so the halves join: " + t);
      }
    }
  }

  private static String describe(Dataset d) {
    Columns c = Columns.of(d);
    StringBuilder ids = new StringBuilder(); // as the column holds them: absent is not blank
    for (int r = 0; r < c.payments().size(); r++) {
      ids.append(c.payments().paymentId(r)).append(' ');
    }
    return "payment ids " + ids + "\nleads " + d.leads() + "\nstages " + d.stages() + "\nactivities " + d.activities()
        + "\ntouches " + d.touches() + "\npayments " + d.payments() + "\nchannels "
        + c.channels() + "\ncampaigns " + c.campaigns() + "\nproducts " + c.products();
  }

  private static void write(Path dir, Random rnd) throws IOException {
    int n = 100 + rnd.nextInt(400);
    // how many distinct labels: past 127 the codes of the later rows need two bytes
    int labels = rnd.nextBoolean() ? 3 + rnd.nextInt(20) : 200 + rnd.nextInt(200);
    int subFrom = rnd.nextInt(3) == 0 ? n + 1 : rnd.nextInt(n); // sub-ms times in [subFrom, subTo)
    int subTo = subFrom > n || rnd.nextBoolean() ? n : subFrom + rnd.nextInt(n - subFrom + 1);
    int currencies = rnd.nextInt(3);
    Instant t0 = Instant.parse("2026-01-05T08:00:00Z");
    StringBuilder leads = new StringBuilder(
        "lead_id,created_at,channel,campaign,segment,owner,customer_id\n");
    StringBuilder stages = new StringBuilder("lead_id,stage,at,reason,amount,owner\n");
    StringBuilder activities = new StringBuilder("lead_id,at,type,owner,outcome\n");
    StringBuilder touches = new StringBuilder("lead_id,at,channel,campaign,kind,cost\n");
    StringBuilder payments = new StringBuilder(
        "payment_id,customer_id,lead_id,paid_at,amount,currency,product\n");
    for (int i = 0; i < n; i++) {
      String id = String.format("L%05d", i);
      String label = "ch" + (long) i * labels / n; // later rows bring new labels
      boolean sub = i >= subFrom && i < subTo;
      Instant at = t0.plusSeconds(5400L * i);
      leads.append(id).append(',').append(time(at, sub, 0)).append(',').append(label).append(",c")
          .append(rnd.nextInt(labels)).append(",").append(rnd.nextBoolean() ? "smb" : "")
          .append(",Олена,").append(rnd.nextInt(4) == 0 ? "" : "C" + i / 3).append('\n');
      String[] path = {"MQL", "SQL", "WON"};
      for (int k = 0; k < rnd.nextInt(4); k++) {
        stages.append(id).append(',').append(path[k]).append(',').append(time(at, sub, k + 1))
            .append(',').append(k == 1 && rnd.nextBoolean() ? "fit" : "").append(',')
            .append(k < 2 ? "" : amount(rnd)).append(",sdr.").append(rnd.nextInt(5)).append('\n');
      }
      for (int k = rnd.nextInt(3); k > 0; k--) {
        activities.append(id).append(',').append(time(at, sub, k)).append(",call,ae.")
            .append(k).append(',').append(rnd.nextBoolean() ? "Reached" : "").append('\n');
      }
      for (int k = rnd.nextInt(4); k > 0; k--) {
        touches.append(id).append(',').append(time(at, sub, -k)).append(',').append(label)
            .append(",c").append(rnd.nextInt(labels)).append(',')
            .append(rnd.nextInt(4) == 0 ? "offline" : "online").append(',')
            .append(rnd.nextBoolean() ? "" : amount(rnd)).append('\n');
      }
      for (int k = rnd.nextInt(4); k > 0; k--) {
        int who = rnd.nextInt(4); // 0: no customer id, 1: no lead id, otherwise both
        payments.append(rnd.nextInt(3) == 0 ? "" : "P" + i + "-" + k).append(',')
            .append(who == 0 ? "" : "C" + i / 3).append(',')
            .append(who == 1 ? "" : id).append(',').append(time(at, sub, 10 + k))
            .append(',').append(amount(rnd)).append(',').append(currency(rnd, currencies, i, n))
            .append(",prod-").append(rnd.nextInt(labels)).append('\n');
      }
    }
    Files.write(dir.resolve("leads.csv"), leads.toString().getBytes(StandardCharsets.UTF_8));
    Files.write(dir.resolve("stages.csv"), stages.toString().getBytes(StandardCharsets.UTF_8));
    Files.write(dir.resolve("activities.csv"),
        activities.toString().getBytes(StandardCharsets.UTF_8));
    Files.write(dir.resolve("touches.csv"), touches.toString().getBytes(StandardCharsets.UTF_8));
    Files.write(dir.resolve("payments.csv"), payments.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** {@code at} plus {@code hours}, with a sub-millisecond part when {@code sub}. */
  private static String time(Instant at, boolean sub, int hours) {
    Instant t = at.plusSeconds(3600L * hours);
    return sub ? t.plusNanos(123_456_789L).toString() : t.toString();
  }

  /**
   * A payment's currency: mode 0 mixes two currencies, mode 1 has one, mode 2 one in each half of
   * the file (each half then has a single currency of its own).
   */
  private static String currency(Random rnd, int mode, int i, int n) {
    return switch (mode) {
      case 0 -> rnd.nextInt(3) == 0 ? "EUR" : "USD";
      case 1 -> "USD";
      default -> i < n / 2 ? "USD" : "EUR";
    };
  }

  /** An amount: usually cents, sometimes too long for a long. */
  private static String amount(Random rnd) {
    return rnd.nextInt(6) == 0 ? "1234567890123456789012." + rnd.nextInt(10)
        : rnd.nextInt(100_000) / 100 + "." + String.format("%02d", rnd.nextInt(100));
  }
}
