package dev.funnel.io;

import static dev.funnel.io.Fixtures.dataset;
import static dev.funnel.io.Fixtures.lenient;
import static dev.funnel.io.Fixtures.read;
import static dev.funnel.io.Fixtures.strictFails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.core.DatasetTable;
import dev.funnel.core.Lead;
import dev.funnel.core.quality.TableRead;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lenient reading counts every rejected row and keeps only the first few as examples. */
class LenientCountingTest {

  @TempDir Path dir;

  @Test
  void countsAllButKeepsFiveExamplesPerCode() {
    StringBuilder b = new StringBuilder("lead_id,created_at\n");
    for (int i = 0; i < 8; i++) {
      b.append("L").append(i).append(",bad\n");
    }
    for (int i = 0; i < 3; i++) {
      b.append(",2026-01-01\n");
    }
    b.append("OK,2026-01-01\n");
    dataset(dir, "leads.csv", b.toString());
    TableRead t = read(lenient(dir), DatasetTable.LEADS);
    assertEquals(12, t.read());
    assertEquals(1, t.accepted());
    assertEquals(Map.of("unparsable_time", 8L, "missing_value", 3L), t.rejectedByCode());
    assertEquals(8, t.examples().size(), "5 + 3 examples");
    assertEquals(List.of(2L, 3L, 4L, 5L, 6L, 10L, 11L, 12L),
        t.examples().stream().map(r -> r.line()).toList());

    TableRead none = DatasetReader.builder().lenient(true).examplesPerCode(0).build()
        .read(dir).readOf(DatasetTable.LEADS).orElseThrow();
    assertEquals(11, none.rejected());
    assertTrue(none.examples().isEmpty());
  }

  @Test
  void brokenHeaderQuotingFailsInBothModes() {
    dataset(dir, "leads.csv", "lead_id,\"created_at\"x\nL1,2026-01-01\nL2,2026-01-02\n");
    assertEquals("invalid_header", Fixtures.failsInBothModes(dir).code());
  }

  @Test
  void aRunawayQuotedFieldIsCutAtTheLimitAndReadingGoesOn() {
    StringBuilder b = new StringBuilder("lead_id,created_at,campaign\nL1,2026-01-01,\"");
    String line = "x".repeat(99) + "\n";
    while (b.length() < CsvTokenizer.MAX_QUOTED + 5000) {
      b.append(line);
    }
    b.append("L2,2026-01-02,ok\n");
    List<Lead> got = new ArrayList<>();
    TableRead t = DatasetReader.lenient().forEach(Rows.LEADS, new StringReader(b.toString()),
        FileFormat.CSV, "big.csv", got::add);
    assertEquals(1, t.rejectedByCode().get("unclosed_quote"));
    assertTrue(t.rejectedByCode().get("wrong_column_count") > 10_000,
        "the lines inside the runaway field are read again as rows");
    assertEquals(List.of("L2"), got.stream().map(Lead::id).toList());
    assertEquals(t.read(), t.accepted() + t.rejected());
  }

  @Test
  void ndjsonWithBomAndCrlf() {
    dataset(dir, "leads.ndjson", "\uFEFF{\"lead_id\":\"L1\",\"created_at\":\"2026-01-01\"}\r\n"
        + "{\"LEAD_ID\":\"L2\",\"Created_At\":\"2026-01-02\"}\r\n");
    assertEquals(2, lenient(dir).dataset().leads().size());
  }
}
