package dev.funnel.cohort;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import com.code_intelligence.jazzer.mutation.annotation.WithLength;

/**
 * Jazzer fuzz target of the {@link CohortState} byte form: {@code fromBytes}, {@code merge},
 * {@code result} and {@code bridge} of any bytes (issue 15, item 5). The default build replays the
 * inputs under {@code src/test/resources/dev/funnel/cohort/CohortStateFuzzTestInputs} (valid
 * states of every basis and the state spanning months 0 to 12,000,000, among others);
 * {@code ./mvnw -Pfuzz} fuzzes for its {@code maxDuration}.
 *
 * <p>Property: {@code fromBytes} throws only {@link IllegalArgumentException}; a state it reads
 * writes the same state back; merging it with itself throws at most {@link ArithmeticException}
 * and is commutative; the table and the bridge, within a small period limit (the work budget:
 * 200 periods), are results or the documented exceptions ({@link IllegalArgumentException} for
 * the limit, {@link ArithmeticException} for a count past a long), and a table's averages run over
 * as many periods as its longest row, with every cohort's size counted once.
 */
class CohortStateFuzzTest {

  @FuzzTest(maxDuration = "10m")
  void fromBytesMergeResult(@NotNull @WithLength(max = 65536) byte[] data) {
    CohortState s;
    try {
      s = CohortState.fromBytes(data);
    } catch (IllegalArgumentException e) {
      return; // the documented refusal
    }
    byte[] written = s.toBytes();
    assertArrayEquals(written, CohortState.fromBytes(written).toBytes());
    assertEquals(s, CohortState.fromBytes(written));
    check(s);
    try {
      CohortState twice = s.merge(CohortState.fromBytes(written));
      assertEquals(twice, CohortState.fromBytes(written).merge(s));
      check(twice);
    } catch (ArithmeticException e) {
      // a count past a long
    }
  }

  private static void check(CohortState s) {
    try {
      CohortTable t = s.result(200);
      int longest = 0;
      long customers = 0;
      for (CohortRow r : t.cohorts()) {
        longest = Math.max(longest, r.periods());
        customers += r.size();
      }
      assertEquals(longest, t.averages().size());
      assertEquals(customers, t.customers());
      assertTrue(t.averages().isEmpty() || t.averages().get(0).customers() == customers);
    } catch (IllegalArgumentException | ArithmeticException e) {
      // the period limit, or a count past a long
    }
    try {
      s.bridge(200);
    } catch (IllegalArgumentException | ArithmeticException e) {
      // the same
    }
  }
}
