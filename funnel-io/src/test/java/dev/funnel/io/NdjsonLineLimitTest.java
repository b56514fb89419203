package dev.funnel.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.core.Lead;
import dev.funnel.core.quality.Rejection;
import dev.funnel.core.quality.TableRead;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * An NDJSON line is at most 8 Mi characters, as a CSV record is at most 8 MiB: a longer line is
 * one {@code line_too_long} row and the rest of it is skipped without being kept (a gigabyte line
 * once ran the reader out of memory).
 */
class NdjsonLineLimitTest {

  /** A text made as it is read: a line of {@code fill + 2} characters' JSON, then {@code tail}. */
  static Reader longLine(String head, long fill, String tail) {
    return new Reader() {
      long at;
      final long total = head.length() + fill + tail.length();

      @Override
      public int read(char[] cbuf, int off, int len) {
        if (at >= total) {
          return -1;
        }
        int n = 0;
        while (n < len && at < total) {
          cbuf[off + n++] = at < head.length() ? head.charAt((int) at)
              : at < head.length() + fill ? 'a' : tail.charAt((int) (at - head.length() - fill));
          at++;
        }
        return n;
      }

      @Override
      public void close() {}
    };
  }

  static final String HEAD = "{\"lead_id\":\"L1\",\"created_at\":\"2026-01-01\",\"note\":\"";
  static final String TAIL = "\"}\n{\"lead_id\":\"L2\",\"created_at\":\"2026-01-02\"}\n";

  @Test
  void aLineLongerThanTheLimitIsOneRejectedRow() {
    long fill = CsvTokenizer.MAX_RECORD; // valid JSON, one character past the limit with its head
    List<Lead> leads = new ArrayList<>();
    TableRead t = DatasetReader.lenient().forEach(Rows.LEADS, longLine(HEAD, fill, TAIL),
        FileFormat.NDJSON, "leads.ndjson", leads::add);
    assertEquals(2, t.read());
    assertEquals(1, t.accepted());
    assertEquals(Map.of("line_too_long", 1L), t.rejectedByCode());
    assertEquals("L2", leads.get(0).id());
    Rejection r = t.examples().get(0);
    assertEquals(1, r.line());
    assertTrue(r.value().startsWith("{\"lead_id\":\"L1\""), r.value());
    InvalidDataException e = assertThrows(InvalidDataException.class,
        () -> DatasetReader.strict().forEach(Rows.LEADS, longLine(HEAD, fill, TAIL),
            FileFormat.NDJSON, "leads.ndjson", l -> { }));
    assertEquals("line_too_long", e.rejection().code());
    // one character less is a row
    TableRead ok = DatasetReader.lenient().forEach(Rows.LEADS,
        longLine(HEAD, CsvTokenizer.MAX_RECORD - HEAD.length() - 2, TAIL), FileFormat.NDJSON,
        "leads.ndjson", l -> { });
    assertEquals(2, ok.accepted());
  }

  @Test
  void theRestOfALongLineIsNotKept() throws IOException {
    BoundedLines lines = new BoundedLines(longLine("x", 50_000_000, "\nnext\n"), 1_000);
    String first = lines.next();
    assertTrue(lines.tooLong());
    assertEquals(BoundedLines.SHOWN, first.length());
    assertTrue(lines.held() < 10_000, "held " + lines.held() + " characters for a line of 50M");
    assertEquals("next", lines.next());
    assertTrue(!lines.tooLong());
    assertNull(lines.next());
  }

  /** Lines split as BufferedReader.readLine splits them, across buffer boundaries too. */
  @Test
  void linesSplitAsReadLineSplitsThem() throws IOException {
    Random rnd = new Random(3);
    String[] parts = {"\n", "\r", "\r\n", "\n\n", "\r\r\n", "a", "bc", "{\"x\":1}", " ", "é"};
    for (int trial = 0; trial < 200; trial++) {
      StringBuilder b = new StringBuilder();
      int n = rnd.nextInt(trial < 100 ? 50 : 40_000);
      for (int i = 0; i < n; i++) {
        b.append(parts[rnd.nextInt(parts.length)]);
        if (rnd.nextInt(500) == 0) {
          b.append("z".repeat(70_000 + rnd.nextInt(70_000))); // across the 64 Ki buffer
        }
      }
      String text = b.toString();
      BufferedReader expected = new BufferedReader(new StringReader(text));
      BoundedLines actual = new BoundedLines(new StringReader(text), Integer.MAX_VALUE);
      String e;
      do {
        e = expected.readLine();
        assertEquals(e, actual.next(), "trial " + trial);
      } while (e != null);
    }
  }
}
