package dev.funnel.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.core.bridge.FactorRow;
import dev.funnel.core.bridge.FactorTable;
import dev.funnel.core.quality.Rejection;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The factor file of a bridge, read with the dataset tables' tokenizer and policies. */
class FactorTableReaderTest {

  private static FactorRead strict(String text) {
    return FactorTableReader.strict().read(new StringReader(text), FileFormat.CSV, "factors.csv");
  }

  private static FactorRead lenient(String text) {
    return FactorTableReader.lenient().read(new StringReader(text), FileFormat.CSV, "factors.csv");
  }

  private static Rejection refused(FactorTableReader reader, String text) {
    return assertThrows(InvalidDataException.class,
        () -> reader.read(new StringReader(text), FileFormat.CSV, "factors.csv")).rejection();
  }

  /** The LMDIR test data: two sub-categories by three factors. */
  private static final String LMDIR = """
      segment,factor,base,current
      sub1,a,1,4
      sub1,b,10,5
      sub1,c,2,3
      sub2,a,4,5
      sub2,b,5,6
      sub2,c,3,4
      """;

  @Test
  void readsTheRowsIntoTheTable() {
    FactorRead r = strict(LMDIR);
    assertEquals(FactorTable.of(new FactorRow("sub1", "a", 1, 4), new FactorRow("sub1", "b", 10, 5),
        new FactorRow("sub1", "c", 2, 3), new FactorRow("sub2", "a", 4, 5),
        new FactorRow("sub2", "b", 5, 6), new FactorRow("sub2", "c", 3, 4)), r.table());
    assertEquals(6, r.read());
    assertEquals(6, r.accepted());
    assertEquals(0, r.rejected());
    assertEquals("factors.csv", r.file());
  }

  @Test
  void quotingBlankSegmentsOrderCaseDelimiterAndByteOrderMark() {
    // quoted fields with the delimiter and a doubled quote inside; an empty segment is the one
    // unnamed segment; columns in any order and case, an unknown column ignored
    FactorRead q = strict("\uFEFFFactor;Current;Segment;Note;Base\r\n"
        + "\"leads; all\";12;\"\";x;10\r\n"
        + "\"deal \"\"size\"\"\";\"5.5\";;y;5\r\n");
    assertEquals(FactorTable.of(new FactorRow("", "leads; all", 10, 12),
        new FactorRow("", "deal \"size\"", 5, 5.5)), q.table());
    // the segment column may be left out
    assertEquals(FactorTable.of(new FactorRow(null, "a", 1, 2)),
        strict("factor\tbase\tcurrent\na\t1\t2\n").table());
    // cells that meet add up, as FactorTable.of does
    assertEquals(FactorTable.of(new FactorRow("s", "a", 3, 5)),
        strict("segment,factor,base,current\ns,a,1,2\ns,a,2,3\n").table());
  }

  @Test
  void strictReadingNamesFileLineColumnFieldValueAndReason() {
    Rejection bad = refused(FactorTableReader.strict(), "segment,factor,base,current\n,a,1,2\n,b,1,x\n");
    assertEquals("factors.csv", bad.file());
    assertEquals(3, bad.line());
    assertEquals(4, bad.column());
    assertEquals("current", bad.field());
    assertEquals("x", bad.value());
    assertEquals("unparsable_number", bad.code());

    Rejection noFactor = refused(FactorTableReader.strict(), "segment,factor,base,current\ns,,1,2\n");
    assertEquals(2, noFactor.line());
    assertEquals("factor", noFactor.field());
    assertEquals("missing_value", noFactor.code());

    assertEquals("wrong_column_count",
        refused(FactorTableReader.strict(), "segment,factor,base,current\n,a,1\n").code());
    assertEquals("unclosed_quote",
        refused(FactorTableReader.strict(), "segment,factor,base,current\n\"s,a,1,2\n").code());
    assertEquals("out_of_range", refused(FactorTableReader.strict(),
        "segment,factor,base,current\ns,a,1" + "0".repeat(400) + ",2\n").code());
    // the message is one line with all of it
    InvalidDataException e = assertThrows(InvalidDataException.class,
        () -> strict("segment,factor,base,current\n,a,1,x\n"));
    assertTrue(e.getMessage().startsWith(
        "invalid data in factors.csv at line 2, column 4 (field current, value 'x'): "), e.getMessage());
  }

  @Test
  void lenientReadingSkipsAndCountsBadRows() {
    FactorRead r = lenient("segment,factor,base,current\n"
        + ",a,1,2\n"
        + ",b,1,x\n"
        + ",c,,3\n"
        + ",d,1\n"
        + ",e,2,4\n");
    assertEquals(FactorTable.of(new FactorRow("", "a", 1, 2), new FactorRow("", "e", 2, 4)),
        r.table());
    assertEquals(5, r.read());
    assertEquals(2, r.accepted());
    assertEquals(3, r.rejected());
    assertEquals(Map.of("unparsable_number", 1L, "missing_value", 1L, "wrong_column_count", 1L),
        r.rejectedByCode());
    assertEquals(3, r.examples().size());
    assertEquals(3, r.examples().get(0).line());
  }

  @Test
  void aFileThatCannotBeReadFailsInBothModes() {
    for (FactorTableReader reader : new FactorTableReader[] {FactorTableReader.strict(),
        FactorTableReader.lenient()}) {
      assertEquals("empty_file", refused(reader, "").code());
      Rejection missing = refused(reader, "segment,factor,base\n,a,1\n");
      assertEquals("missing_column", missing.code());
      assertEquals("current", missing.field());
      assertEquals("no_rows", refused(reader, "segment,factor,base,current\n").code());
    }
    assertEquals("no_rows", refused(FactorTableReader.lenient(),
        "segment,factor,base,current\n,a,x,1\n").code());
    assertThrows(IllegalArgumentException.class, () -> FactorTableReader.strict().delimiter('|'));
  }

  @Test
  void readsFilesByExtension(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("f.csv");
    Files.writeString(csv, LMDIR, StandardCharsets.UTF_8);
    assertEquals(strict(LMDIR).table(), FactorTableReader.strict().read(csv).table());
    assertEquals(csv.toString(), FactorTableReader.strict().read(csv).file());
    Path nd = dir.resolve("f.ndjson");
    Files.writeString(nd, "{\"segment\": \"s\", \"factor\": \"a\", \"base\": 1, \"current\": 2.5}\n",
        StandardCharsets.UTF_8);
    assertEquals(FactorTable.of(new FactorRow("s", "a", 1, 2.5)),
        FactorTableReader.strict().read(nd).table());
    Path other = dir.resolve("f.xlsx");
    Files.writeString(other, LMDIR, StandardCharsets.UTF_8);
    assertThrows(IllegalArgumentException.class, () -> FactorTableReader.strict().read(other));
  }
}
