package dev.funnel.core.money;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import com.code_intelligence.jazzer.mutation.annotation.WithLength;
import java.math.BigDecimal;

/**
 * Jazzer fuzz target of the {@link UnitEconomicsState} byte form: {@code fromBytes}, {@code merge} and
 * {@code result} of any bytes (issue 15, item 5). The default build replays the inputs under
 * {@code src/test/resources/dev/funnel/core/money/UnitEconomicsStateFuzzTestInputs} (valid states and the
 * forged scale of 16,777,216, among others); {@code ./mvnw -Pfuzz} fuzzes for its
 * {@code maxDuration}.
 *
 * <p>Property: {@code fromBytes} throws only {@link IllegalArgumentException}; a state it reads
 * writes the same state back; merging it with a small known state, in either order, gives equal
 * states or {@link ArithmeticException} (a count past a long); the result is a report or
 * {@link ArithmeticException}, and its total spend and revenue are the exact sums over the
 * channels.
 */
class UnitEconomicsStateFuzzTest {

  private static final UnitEconomicsState KNOWN = UnitEconomicsState.empty()
      .addSpend("seo", null, new BigDecimal("10.50"))
      .addLead("seo", null).addCustomer("seo", null)
      .addRevenue("seo", null, new BigDecimal("99.99"), true)
      .addRevenue("(none)", "x", new BigDecimal("-5"), false);

  @FuzzTest(maxDuration = "10m")
  void fromBytesMergeResult(@NotNull @WithLength(max = 65536) byte[] data) {
    UnitEconomicsState t;
    try {
      t = UnitEconomicsState.fromBytes(data);
    } catch (IllegalArgumentException e) {
      return; // the documented refusal
    }
    byte[] written = t.toBytes();
    assertArrayEquals(written, UnitEconomicsState.fromBytes(written).toBytes());
    assertEquals(t, UnitEconomicsState.fromBytes(written));
    UnitEconomicsState merged;
    try {
      merged = t.merge(KNOWN);
      assertEquals(merged, KNOWN.merge(t));
      merged = merged.merge(t);
    } catch (ArithmeticException e) {
      return; // a count past a long
    }
    UnitReport r;
    try {
      r = merged.result("USD", null, "fuzz");
    } catch (ArithmeticException e) {
      return;
    }
    BigDecimal spend = BigDecimal.ZERO;
    BigDecimal revenue = BigDecimal.ZERO;
    for (UnitRow row : r.channels()) {
      spend = spend.add(row.spend());
      revenue = revenue.add(row.revenue());
    }
    assertEquals(0, spend.compareTo(r.total().spend()));
    assertEquals(0, revenue.compareTo(r.total().revenue()));
  }
}
