package dev.funnel.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.funnel.core.Lead;
import dev.funnel.core.Money;
import dev.funnel.core.Payment;
import dev.funnel.core.Touch;
import dev.funnel.core.TouchKind;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Seeded random rows with hostile text (delimiters, quotes, line breaks, formula starts, non-ASCII)
 * written and read back in both formats: the rows read equal the rows written.
 */
class RandomRoundTripTest {

  private static final String ALPHABET = "ab ,;\t\"'\n\r=+-@é日€0.#";

  private static String text(Random rnd, boolean nullable) {
    if (nullable && rnd.nextInt(4) == 0) {
      return null;
    }
    while (true) {
      StringBuilder b = new StringBuilder();
      int n = 1 + rnd.nextInt(8);
      for (int i = 0; i < n; i++) {
        b.append(ALPHABET.charAt(rnd.nextInt(ALPHABET.length())));
      }
      String s = b.toString().strip();
      if (!s.isEmpty()) {
        return s;
      }
    }
  }

  private static BigDecimal amount(Random rnd) {
    return BigDecimal.valueOf(rnd.nextLong() % 10_000_000L, rnd.nextInt(5));
  }

  private static Instant time(Random rnd) {
    return Instant.ofEpochSecond(rnd.nextInt(2_000_000_000), rnd.nextBoolean() ? 0 : rnd.nextInt(1_000_000_000));
  }

  private static <T> List<T> roundTrip(Rows<T> rows, List<T> values, FileFormat f) {
    StringWriter w = new StringWriter();
    DatasetWriter.write(rows, values, w, f);
    List<T> back = new ArrayList<>();
    DatasetReader.strict().forEach(rows, new StringReader(w.toString()), f, "mem", back::add);
    return back;
  }

  @Test
  void randomRowsSurviveBothFormats() {
    Random rnd = new Random(42);
    for (int round = 0; round < 200; round++) {
      List<Lead> leads = new ArrayList<>();
      List<Payment> payments = new ArrayList<>();
      List<Touch> touches = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        Map<String, String> attrs = new TreeMap<>();
        if (rnd.nextBoolean()) {
          attrs.put("x_" + i, text(rnd, false));
        }
        leads.add(new Lead(text(rnd, false) + "#" + i, time(rnd), text(rnd, true), text(rnd, true),
            text(rnd, true), text(rnd, true), text(rnd, true), attrs));
        payments.add(new Payment(text(rnd, true), text(rnd, false), text(rnd, true), time(rnd),
            new Money(amount(rnd), rnd.nextBoolean() ? "EUR" : null), text(rnd, true)));
        touches.add(new Touch(text(rnd, false), time(rnd), text(rnd, false), text(rnd, true),
            rnd.nextBoolean() ? TouchKind.ONLINE : TouchKind.OFFLINE,
            rnd.nextBoolean() ? null : Money.of(amount(rnd).abs())));
      }
      for (FileFormat f : FileFormat.values()) {
        assertEquals(leads, roundTrip(Rows.LEADS, leads, f), f + " round " + round);
        assertEquals(payments, roundTrip(Rows.PAYMENTS, payments, f), f + " round " + round);
        assertEquals(touches, roundTrip(Rows.TOUCHES, touches, f), f + " round " + round);
      }
    }
  }
}
