package dev.funnel.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.funnel.core.quality.TableRead;
import java.io.ByteArrayInputStream;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Jazzer fuzz test of lenient reading. In the default build it runs in regression mode: only the
 * seed inputs under {@code src/test/resources/dev/funnel/io/CsvReaderFuzzTestInputs} and the empty
 * input, in milliseconds. Fuzz for real with {@code JAZZER_FUZZ=1 ./mvnw -pl funnel-io -am test
 * -Dtest=CsvReaderFuzzTest}.
 *
 * <p>Property: lenient reading of arbitrary bytes, as any table and in either format, never throws
 * (in-memory input cannot fail with the only documented exception, {@link
 * java.io.UncheckedIOException}), and every data row is counted: {@code read == accepted +
 * rejected}, with exactly {@code accepted} rows delivered.
 */
class CsvReaderFuzzTest {

  private static final DatasetReader LENIENT = DatasetReader.lenient();

  @FuzzTest(maxDuration = "60s")
  void lenientReadingCountsEveryRow(byte[] data) {
    for (Rows<?> rows : new Rows<?>[] {Rows.LEADS, Rows.STAGES, Rows.ACTIVITIES, Rows.TOUCHES,
        Rows.PAYMENTS, Rows.SPEND, Rows.PLAN, Rows.PATHS}) {
      for (FileFormat f : FileFormat.values()) {
        AtomicLong delivered = new AtomicLong();
        TableRead t = LENIENT.forEach(rows, new ByteArrayInputStream(data), f, "fuzz",
            v -> delivered.incrementAndGet());
        assertEquals(t.read(), t.accepted() + t.rejected());
        assertEquals(t.accepted(), delivered.get());
      }
    }
  }
}
