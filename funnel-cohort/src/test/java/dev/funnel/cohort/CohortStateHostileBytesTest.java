package dev.funnel.cohort;

import static dev.funnel.cohort.CohortFixtures.pay;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.core.Granularity;
import java.nio.ByteBuffer;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * Forged and extreme {@link CohortState} byte forms (issue 15, item 5): a state spanning months 0
 * to 12,000,000 was read and then ran out of memory in {@code result()}; a forged revenue scale
 * made merging slow; payment counts wrapped around on merge.
 */
class CohortStateHostileBytesTest {

  private static CohortState monthly() {
    return Cohorts.empty(Granularity.MONTH, ZoneOffset.UTC);
  }

  @Test
  void aStateSpanningTwelveMillionMonthsIsReadButItsResultRefused() {
    CohortState s = monthly()
        .add(pay("A", "0000-01-15T00:00:00Z", "10.00"))
        .add(pay("B", "+1000000-01-15T00:00:00Z", "10.00"));
    CohortState read = CohortState.fromBytes(s.toBytes());
    assertEquals(s, read);
    CohortState merged = read.merge(CohortState.fromBytes(monthly().add(pay("C", "2026-01-02T00:00:00Z", "1")).toBytes()));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, merged::result);
    assertEquals("the cohort table would span 12,000,001 months (0000-01 to 1000000-01), more than the"
        + " limit of 2,000 periods (maxPeriods): is a date mistyped? Otherwise use a coarser"
        + " granularity or a larger maxPeriods", e.getMessage());
  }

  @Test
  void theBridgeOfSuchAStateIsRefusedToo() {
    CohortState s = monthly()
        .add(pay("A", "0000-01-15T00:00:00Z", "10.00"))
        .add(pay("A", "+1000000-01-15T00:00:00Z", "10.00"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CohortState.fromBytes(s.toBytes()).bridge());
    assertTrue(e.getMessage().startsWith("the recurring-revenue bridge would span 12,000,001 months"),
        e.getMessage());
  }

  /** One customer, one period: the last 25 bytes are payments, orders, then the revenue 10.00. */
  private static byte[] one(long payments, long orders, int revenueScale) {
    byte[] b = monthly().add(pay("A", "2026-01-15T00:00:00Z", "10.00")).toBytes();
    // revenue 10.00: scale 2, 2 bytes (03 E8) of digits
    ByteBuffer buf = ByteBuffer.wrap(b);
    buf.putLong(b.length - 26, payments);
    buf.putLong(b.length - 18, orders);
    buf.putInt(b.length - 10, revenueScale);
    return b;
  }

  @Test
  void aForgedRevenueScaleIsRefusedOnRead() {
    assertEquals(1, CohortState.fromBytes(one(1, 1, 2)).result().cohorts().size());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> CohortState.fromBytes(one(1, 1, 16_777_216)));
    assertEquals("cohort state bytes are malformed: revenue has scale 16777216, beyond the limit of 1000",
        e.getMessage());
  }

  @Test
  void mergeRefusesToWrapACount() {
    CohortState max = CohortState.fromBytes(one(Long.MAX_VALUE, Long.MAX_VALUE, 2));
    assertThrows(ArithmeticException.class, () -> max.merge(max));
    assertEquals(Long.MAX_VALUE, max.result().cohorts().get(0).orders().get(0));
  }
}
