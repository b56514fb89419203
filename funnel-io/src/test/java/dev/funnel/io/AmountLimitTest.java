package dev.funnel.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.funnel.core.DatasetTable;
import dev.funnel.core.quality.TableRead;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Amounts are limited to {@link Decimals#MAX_DIGITS} digits: a megabyte run of digits once hung
 * every command ({@code new BigDecimal(String)} is quadratic) and a scale past 9,999 broke every
 * JSON output. The limit is checked from the cell's length, before any parsing.
 */
class AmountLimitTest {

  @TempDir Path tmp;

  @Test
  void theLongestAmountIsReadAndOneDigitMoreIsNot() {
    String max = "9".repeat(Decimals.MAX_DIGITS - 2) + ".25";
    assertEquals(new BigDecimal(max), Decimals.parse(max));
    assertEquals(Decimals.MAX_DIGITS, new BigDecimal(max).precision());
    assertNull(Decimals.parse("1" + "0".repeat(Decimals.MAX_DIGITS + 2)));
    assertNull(Decimals.parse("0." + "1".repeat(Decimals.MAX_DIGITS + 1)));
  }

  @Test
  void aMegabyteOfDigitsIsOneRejectedRowInLenientReadingAndAnErrorInStrict() throws IOException {
    String digits = "7".repeat(1 << 20);
    Files.writeString(tmp.resolve("payments.csv"), "payment_id,customer_id,paid_at,amount,currency\n"
        + "p1,c1,2026-03-01T10:00:00Z,12.50,USD\n"
        + "p2,c2,2026-03-02T10:00:00Z," + digits + ",USD\n"
        + "p3,c3,2026-03-03T10:00:00Z,0." + digits + ",USD\n");
    DatasetRead r = DatasetReader.lenient().read(tmp);
    TableRead t = r.tables().stream().filter(x -> x.table() == DatasetTable.PAYMENTS).findFirst().get();
    assertEquals(3, t.read());
    assertEquals(1, t.accepted());
    assertEquals(2L, t.rejectedByCode().get("unparsable_number"));
    assertEquals(new BigDecimal("12.50"), r.dataset().payments().get(0).amount().amount());
    InvalidDataException e = assertThrows(InvalidDataException.class,
        () -> DatasetReader.strict().read(tmp));
    assertEquals(3, e.rejection().line());
    assertEquals("an amount has at most 1000 digits", e.rejection().reason());
  }
}
