package dev.funnel.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.core.Lead;
import dev.funnel.core.StageCatalog;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link RowDecoder} refuses a header as the reader refuses the same header in a file; with no file
 * behind the cells, the table names the source ({@code leads:1:3: ...}).
 */
class RowDecoderHeaderTest {

  private static IllegalArgumentException refused(List<String> header) {
    return assertThrows(IllegalArgumentException.class,
        () -> RowDecoder.of(Rows.LEADS, header, ZoneOffset.UTC, StageCatalog.DEFAULT));
  }

  @Test
  void aKnownColumnNamedTwiceIsRefused() {
    String m = refused(List.of("lead_id", "created_at", "Lead_ID")).getMessage();
    assertTrue(m.startsWith("leads:1:3: field lead_id 'lead_id' - "), m);
    assertTrue(m.contains("columns 1 and 3"), m);
    assertTrue(m.endsWith("[duplicate_column]"), m);
  }

  @Test
  void anUnknownColumnNamedTwiceIsRefusedToo() {
    // it once kept the first cell's value and dropped the second without a word
    String m = refused(List.of("lead_id", "created_at", "region", " Region ")).getMessage();
    assertTrue(m.startsWith("leads:1:4: field region 'region' - "), m);
    assertTrue(m.contains("the header names column region twice (columns 3 and 4)"), m);
    assertTrue(m.endsWith("[duplicate_column]"), m);
  }

  @Test
  void theMessageIsOneLineWhateverTheName() {
    String m = refused(List.of("lead_id", "created_at", "a\nb", "A\nB")).getMessage();
    assertFalse(m.contains("\n"), m);
    assertTrue(m.contains("a\\nb"), m);
  }

  @Test
  void emptyNamesAreNotNamesAndDistinctUnknownsAreKept() {
    RowDecoder<Lead> d = RowDecoder.of(Rows.LEADS,
        List.of("lead_id", "created_at", "", "region", "", "city"), ZoneOffset.UTC,
        StageCatalog.DEFAULT);
    Lead l = d.decode(new String[] {"L1", "2026-01-01", "x", "north", "y", "Oslo"});
    assertEquals(Map.of("region", "north", "city", "Oslo"), l.attributes());
  }

  @Test
  void aMissingRequiredColumnNamesLineOne() {
    String m = refused(List.of("lead_id", "create")).getMessage();
    assertTrue(m.startsWith("leads:1: field created_at - the header has no column created_at"),
        m);
    assertTrue(m.endsWith("[missing_column]"), m);
  }
}
