package dev.funnel.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import com.code_intelligence.jazzer.mutation.annotation.WithLength;
import dev.funnel.core.quality.TableRead;
import java.io.ByteArrayInputStream;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Jazzer fuzz test of lenient reading. In the default build it runs in regression mode: only the
 * seed inputs under {@code src/test/resources/dev/funnel/io/CsvReaderFuzzTestInputs} and the empty
 * input, in milliseconds. Fuzz for real with {@code JAZZER_FUZZ=1 ./mvnw -pl funnel-io -am test
 * -Dtest=CsvReaderFuzzTest}.
 *
 * <p>Property: lenient reading of arbitrary bytes, as any table and in either format, either
 * refuses the whole table with an {@link InvalidDataException} of a table-level code (no header
 * line, a header without a required column, naming one twice or with broken quoting: a table that
 * cannot be read fails in both modes) whose message is one line, or counts every data row:
 * {@code read == accepted + rejected}, with exactly {@code accepted} rows delivered. In-memory input
 * cannot fail with {@link java.io.UncheckedIOException}, and nothing else may be thrown.
 */
class CsvReaderFuzzTest {

  private static final DatasetReader LENIENT = DatasetReader.lenient();

  @FuzzTest(maxDuration = "10m")
  void lenientReadingCountsEveryRow(@NotNull @WithLength(max = 65536) byte[] data) {
    for (Rows<?> rows : new Rows<?>[] {Rows.LEADS, Rows.STAGES, Rows.ACTIVITIES, Rows.TOUCHES,
        Rows.PAYMENTS, Rows.SPEND, Rows.PLAN, Rows.PATHS}) {
      for (FileFormat f : FileFormat.values()) {
        AtomicLong delivered = new AtomicLong();
        TableRead t;
        try {
          t = LENIENT.forEach(rows, new ByteArrayInputStream(data), f, "fuzz",
              v -> delivered.incrementAndGet());
        } catch (InvalidDataException e) {
          assertEquals(FileFormat.CSV, f, e.getMessage());
          assertTrue(e.wholeTable() && !e.rejection().code().equals("not_a_file"), e.getMessage());
          assertFalse(e.getMessage().contains("\n") || e.getMessage().contains("\r"), e.getMessage());
          continue;
        }
        assertEquals(t.read(), t.accepted() + t.rejected());
        assertEquals(t.accepted(), delivered.get());
      }
    }
  }
}
