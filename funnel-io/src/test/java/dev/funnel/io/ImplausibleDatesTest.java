package dev.funnel.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.funnel.core.DatasetTable;
import dev.funnel.core.quality.TableRead;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A mistyped year (9999-12-31, 0001-01-01) once hung {@code cohorts} and {@code report}, or made
 * megabytes of JSON, while {@code quality} said nothing: the reader's plausible window of dates
 * now rejects such a row at its file, line and column.
 */
class ImplausibleDatesTest {

  @TempDir Path tmp;

  private void write() throws IOException {
    Files.writeString(tmp.resolve("payments.csv"), "payment_id,customer_id,paid_at,amount\n"
        + "p1,c1,2026-03-01T10:00:00Z,12.50\n"
        + "p2,c2,9999-12-31T10:00:00Z,5\n"
        + "p3,c3,0001-01-01,5\n"
        + "p4,c4,2199-12-31T23:59:59Z,1\n");
    Files.writeString(tmp.resolve("spend.csv"), "date,channel,amount\n2026-03-01,seo,10\n"
        + "2300-01-01,seo,10\n");
  }

  @Test
  void rowsOutsideTheWindowAreRejectedWithTheirReason() throws IOException {
    write();
    DatasetRead r = DatasetReader.lenient().read(tmp);
    TableRead pay = table(r, DatasetTable.PAYMENTS);
    assertEquals(4, pay.read());
    assertEquals(2, pay.accepted());
    assertEquals(2L, pay.rejectedByCode().get("implausible_time"));
    assertEquals(1L, table(r, DatasetTable.SPEND).rejectedByCode().get("implausible_time"));
    InvalidDataException e = assertThrows(InvalidDataException.class,
        () -> DatasetReader.strict().read(tmp));
    assertEquals(3, e.rejection().line());
    assertEquals("implausible_time", e.rejection().code());
    assertEquals("9999-12-31T10:00:00Z", e.rejection().value());
  }

  @Test
  void theWindowIsTheReadersToSet() throws IOException {
    write();
    DatasetRead r = DatasetReader.builder().lenient(true)
        .dates(LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31)).build().read(tmp);
    assertEquals(4, table(r, DatasetTable.PAYMENTS).accepted());
    assertThrows(IllegalArgumentException.class,
        () -> DatasetReader.builder().dates(LocalDate.of(2027, 1, 1), LocalDate.of(2026, 1, 1)));
  }

  private static TableRead table(DatasetRead r, DatasetTable t) {
    return r.tables().stream().filter(x -> x.table() == t).findFirst().orElseThrow();
  }
}
