package dev.funnel.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file cut short inside its last value reads as a valid but wrong last row; with no line break
 * after it, the read says so ({@link DatasetRead#warnings()}) instead of staying silent.
 */
class CutShortFileTest {

  @TempDir Path tmp;

  @Test
  void aLastRowWithoutALineBreakIsNoted() throws IOException {
    Files.writeString(tmp.resolve("payments.csv"),
        "payment_id,customer_id,paid_at,amount\np1,c1,2026-03-01T10:00:00Z,12.50\np2,c2,2026-03-02T10:00:00Z,12");
    DatasetRead r = DatasetReader.strict().read(tmp);
    assertEquals(2, r.dataset().payments().size());
    assertEquals(List.of("payments.csv: the last row (line 3) has no line break after it; if the"
        + " file was cut short, its last value may be incomplete"), r.warnings());
  }

  @Test
  void aFileThatEndsWithALineBreakIsNot() throws IOException {
    Files.writeString(tmp.resolve("payments.csv"),
        "payment_id,customer_id,paid_at,amount\r\np1,c1,2026-03-01T10:00:00Z,12.50\r\n\n");
    assertEquals(List.of(), DatasetReader.strict().read(tmp).warnings());
    Files.writeString(tmp.resolve("payments.csv"), "payment_id,customer_id,paid_at,amount");
    assertEquals(List.of(), DatasetReader.strict().read(tmp).warnings()); // a header alone
  }
}
