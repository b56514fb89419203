package dev.funnel.core.columnar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every instant comes back exactly, whichever width the laid-out column chose. */
class TimesTest {

  private static Times laidOut(List<Instant> in, int[] perm) {
    Times t = new Times(4);
    for (Instant i : in) {
      t.add(i, "t");
    }
    return t.take(perm);
  }

  private static void assertBack(List<Instant> in, int[] perm, int bytesPerRow) {
    Times t = laidOut(in, perm);
    int n = perm == null ? in.size() : perm.length;
    for (int i = 0; i < n; i++) {
      int r = perm == null ? i : perm[i];
      if (r < 0) {
        assertEquals(LeadColumns.NO_TIME, t.millis(i));
      } else {
        assertEquals(in.get(r), t.instant(i));
        assertEquals(in.get(r).toEpochMilli(), t.millis(i));
      }
    }
    long bytes = 0;
    for (Object a : t.arrays()) {
      bytes += ColumnBytes.of(a) - 16;
    }
    assertEquals(bytesPerRow, (bytes + 7) / 8 * 8 >= 8L * n ? 8 : 4, "" + bytes);
  }

  @Test
  void wholeSecondsTakeFourBytesOtherTimesEightOrMore() {
    Instant t0 = Instant.parse("2026-03-01T09:15:00Z");
    assertBack(List.of(t0, t0.plusSeconds(86_400 * 400), t0.minusSeconds(3)), null, 4);
    // gaps (a lead index without a row) and a permutation
    assertBack(List.of(t0, t0.plusSeconds(5)), new int[] {1, -1, 0}, 4);
    // a millisecond, a sub-millisecond part, or more than 68 years apart: 8 bytes or more
    assertBack(List.of(t0, t0.plusMillis(1)), null, 8);
    assertBack(List.of(t0, t0.plusNanos(1)), null, 8);
    assertBack(List.of(t0, t0.plusSeconds(70L * 366 * 86_400)), null, 8);
    assertBack(List.of(Instant.parse("1900-01-01T00:00:00Z"), Instant.parse("1960-01-01T00:00:00Z")), null, 4);
  }
}
