package dev.funnel.io;

import static dev.funnel.io.Fixtures.dataset;
import static dev.funnel.io.Fixtures.failsInBothModes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.core.DatasetTable;
import dev.funnel.core.quality.Rejection;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No table vanishes (issue 15, item 4): a table's path that is not a regular readable file was
 * skipped without a word (exit 0, the table absent), and {@code LEADS.CSV} was ignored on Linux.
 * Now each is an error in both modes naming the file and what it is, or (upper case) read with a
 * warning; and every message of a failed read is one line.
 */
class TableDiscoveryTest {

  @TempDir Path dir;

  private static final String LEADS = "lead_id,created_at\nL1,2026-01-01\n";

  private Rejection notAFile() {
    Rejection r = failsInBothModes(dir);
    assertEquals("not_a_file", r.code());
    assertEquals("payments.csv", r.file());
    assertEquals(0, r.line());
    return r;
  }

  @Test
  void aDirectoryInPlaceOfATableFails() throws IOException {
    dataset(dir, "leads.csv", LEADS);
    Files.createDirectory(dir.resolve("payments.csv"));
    assertEquals("payments.csv is a directory, not a file; a table file must be a regular, readable"
        + " file", notAFile().reason());
    InvalidDataException e = assertThrows(InvalidDataException.class, () -> DatasetReader.strict().read(dir));
    assertEquals("invalid data in payments.csv: payments.csv is a directory, not a file; a table file"
        + " must be a regular, readable file [not_a_file]", e.getMessage());
  }

  @Test
  void aDanglingSymbolicLinkFails() throws IOException {
    dataset(dir, "leads.csv", LEADS);
    Files.createSymbolicLink(dir.resolve("payments.csv"), dir.resolve("gone.csv"));
    assertEquals("payments.csv is a symbolic link to nothing (its target does not exist); a table"
        + " file must be a regular, readable file", notAFile().reason());
  }

  @Test
  void aSymbolicLinkLoopFails() throws IOException {
    dataset(dir, "leads.csv", LEADS);
    Files.createSymbolicLink(dir.resolve("payments.csv"), dir.resolve("loop.csv"));
    Files.createSymbolicLink(dir.resolve("loop.csv"), dir.resolve("payments.csv"));
    assertTrue(notAFile().reason().startsWith("payments.csv is a symbolic link that cannot be followed"));
  }

  @Test
  void aLinkToDevNullFails() throws IOException {
    Path devNull = Path.of("/dev/null");
    Assumptions.assumeTrue(Files.exists(devNull), "needs /dev/null");
    dataset(dir, "leads.csv", LEADS);
    Files.createSymbolicLink(dir.resolve("payments.csv"), devNull);
    assertEquals("payments.csv is a symbolic link to /dev/null, a device, FIFO or socket, not a"
        + " regular file; a table file must be a regular, readable file", notAFile().reason());
  }

  @Test
  void aFifoFailsInsteadOfBlocking() throws Exception {
    dataset(dir, "leads.csv", LEADS);
    Path fifo = dir.resolve("payments.csv");
    Process p;
    try {
      p = new ProcessBuilder("mkfifo", fifo.toString()).redirectErrorStream(true).start();
    } catch (IOException e) {
      Assumptions.abort("needs mkfifo: " + e.getMessage());
      return;
    }
    Assumptions.assumeTrue(p.waitFor() == 0 && Files.exists(fifo), "mkfifo failed");
    assertEquals("payments.csv is not a regular file (a device, FIFO or socket); a table file must"
        + " be a regular, readable file", notAFile().reason());
  }

  @Test
  void aTableNotAskedForIsNotChecked() throws IOException {
    dataset(dir, "leads.csv", LEADS, "stages.csv", "lead_id,stage,at\n");
    Files.createDirectory(dir.resolve("payments.csv"));
    DatasetRead r = DatasetReader.builder()
        .tables(EnumSet.of(DatasetTable.LEADS, DatasetTable.STAGES)).build().read(dir);
    assertEquals(1, r.dataset().leads().size());
  }

  @Test
  void aTableNamedInUpperCaseIsReadWithAWarning() {
    dataset(dir, "LEADS.CSV", LEADS, "Payments.ndjson",
        "{\"customer_id\":\"C\",\"paid_at\":\"2026-01-02\",\"amount\":5}\n");
    for (DatasetReader reader : List.of(DatasetReader.strict(), DatasetReader.lenient())) {
      DatasetRead r = reader.read(dir);
      assertEquals(1, r.dataset().leads().size());
      assertEquals(1, r.dataset().payments().size());
      assertEquals("LEADS.CSV", r.readOf(DatasetTable.LEADS).orElseThrow().file());
      assertEquals(List.of(
          "read LEADS.CSV as the leads table: table files are named in lower case (leads.csv)",
          "read Payments.ndjson as the payments table: table files are named in lower case"
              + " (payments.ndjson)"), r.warnings());
    }
  }

  @Test
  void twoFilesForOneTableAreRefused() {
    dataset(dir, "leads.csv", LEADS, "Leads.CSV", LEADS);
    Assumptions.assumeTrue(Files.exists(dir.resolve("leads.csv")) && Files.exists(dir.resolve("Leads.CSV")));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> DatasetReader.lenient().read(dir));
    assertTrue(e.getMessage().startsWith("both Leads.CSV and leads.csv in "), e.getMessage());
    assertTrue(e.getMessage().endsWith(" are the leads table; keep one"), e.getMessage());
  }

  @Test
  void messagesAreOneLineWhateverTheValueHolds() {
    dataset(dir, "leads.csv", "lead_id,created_at\n\"L1\nfunnel: all good\",\"2026-01-01\nX\"\n");
    InvalidDataException e = assertThrows(InvalidDataException.class, () -> DatasetReader.strict().read(dir));
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
    assertTrue(e.getMessage().contains("value '2026-01-01\\nX'"), e.getMessage());
    assertEquals("2026-01-01\nX", e.rejection().value(), "the rejection keeps the value as read");
    Rejection example = DatasetReader.lenient().read(dir).readOf(DatasetTable.LEADS).orElseThrow()
        .examples().get(0);
    assertFalse(example.describe().contains("\n"), example.describe());
  }

  @Test
  void aFieldNamedTwiceInAnNdjsonObjectRejectsTheLine() {
    byte[] rows = ("{\"lead_id\":\"L1\",\"created_at\":\"2026-01-01\",\"Lead_ID\":\"L2\"}\n"
        + "{\"lead_id\":\"L3\",\"created_at\":\"2026-01-01\",\"region\":\"n\",\"REGION\":\"s\"}\n"
        + "{\"lead_id\":\"L4\",\"created_at\":\"2026-01-01\",\"region\":\"n\"}\n")
        .getBytes(StandardCharsets.UTF_8);
    List<dev.funnel.core.Lead> got = new java.util.ArrayList<>();
    var t = DatasetReader.lenient().forEach(Rows.LEADS, new ByteArrayInputStream(rows),
        FileFormat.NDJSON, "leads.ndjson", got::add);
    assertEquals(Map.of("malformed_json", 2L), t.rejectedByCode());
    assertEquals("L4", got.get(0).id());
    assertEquals("field lead_id appears twice in the object", t.examples().get(0).reason());
  }
}
