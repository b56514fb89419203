package dev.funnel.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import com.code_intelligence.jazzer.mutation.annotation.WithLength;
import dev.funnel.core.quality.TableRead;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Jazzer fuzz target of the NDJSON reader: one input of up to 64 KiB read as every table, in both
 * modes. The default build replays the inputs under {@code
 * src/test/resources/dev/funnel/io/NdjsonReaderFuzzTestInputs}; {@code ./mvnw -Pfuzz} fuzzes.
 *
 * <p>Property: NDJSON has no header, so nothing refuses a whole table: lenient reading never
 * throws, counts every line that is a row ({@code read == accepted + rejected}) and delivers
 * exactly the accepted rows; strict reading throws only an {@link InvalidDataException} (one
 * line, a row's code, not a whole table's) and does so exactly when lenient reading rejected a
 * row; otherwise it delivers the same rows in the same order.
 */
class NdjsonReaderFuzzTest {

  private static final DatasetReader LENIENT = DatasetReader.lenient();
  private static final DatasetReader STRICT = DatasetReader.strict();

  @DictionaryEntries({"{\"lead_id\":", "\"created_at\":", "\"channel\":", "\"customer_id\":",
      "\"paid_at\":", "\"amount\":", "\"currency\":", "\"stage\":", "\"at\":", "\"date\":",
      "\"period\":", "\"metric\":", "\"target\":", "\"path\":", "\"total_conversions\":",
      "\"touch_id\":", "\"kind\":", "\"type\":", "}", "null", "true", "[]", "{}", "1e400",
      "\"2026-01-01T00:00:00Z\"", "\"2026-03-01\"", "\"9999-12-31\"", "\"EUR\"", "\\u0000",
      "\\ud800", "\"MQL\"", "\"WON\"", "\" > \""})
  @FuzzTest(maxDuration = "10m")
  void bothModesAgreeOnEveryLine(@NotNull @WithLength(max = 65536) byte[] data) {
    for (Rows<?> rows : new Rows<?>[] {Rows.LEADS, Rows.STAGES, Rows.ACTIVITIES, Rows.TOUCHES,
        Rows.PAYMENTS, Rows.SPEND, Rows.PLAN, Rows.PATHS}) {
      check(rows, data);
    }
  }

  private static <T> void check(Rows<T> rows, byte[] data) {
    List<T> lenientRows = new ArrayList<>();
    TableRead t = LENIENT.forEach(rows, new ByteArrayInputStream(data), FileFormat.NDJSON, "fuzz",
        lenientRows::add);
    assertEquals(t.read(), t.accepted() + t.rejected());
    assertEquals(t.accepted(), lenientRows.size());
    t.examples().forEach(r -> assertFalse(r.describe().contains("\n"), r.describe()));
    List<T> strictRows = new ArrayList<>();
    try {
      TableRead s = STRICT.forEach(rows, new ByteArrayInputStream(data), FileFormat.NDJSON, "fuzz",
          strictRows::add);
      assertEquals(0, t.rejected(), rows + ": strict read what lenient rejected");
      assertEquals(t.read(), s.read());
      assertEquals(lenientRows, strictRows);
    } catch (InvalidDataException e) {
      FuzzDatasets.oneLine(e);
      assertFalse(e.wholeTable(), e.getMessage());
      assertTrue(t.rejected() > 0, rows + ": strict refused what lenient read: " + e.getMessage());
      assertTrue(t.rejectedByCode().containsKey(e.rejection().code()), e.getMessage());
    }
  }
}
