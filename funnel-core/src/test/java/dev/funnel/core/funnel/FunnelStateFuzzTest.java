package dev.funnel.core.funnel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import com.code_intelligence.jazzer.mutation.annotation.WithLength;
import java.util.List;

/**
 * Jazzer fuzz target of the {@link FunnelState} byte form: {@code fromBytes}, {@code merge} and
 * {@code result} of any bytes (issue 15, item 5). The default build replays the inputs under
 * {@code src/test/resources/dev/funnel/core/funnel/FunnelStateFuzzTestInputs} (valid states and
 * the forged ones of the hostile-input tests); {@code ./mvnw -Pfuzz} fuzzes for its
 * {@code maxDuration}.
 *
 * <p>Property: {@code fromBytes} throws only {@link IllegalArgumentException}; a state it reads
 * writes the same state back (read, write, read gives equal bytes); merging it with itself throws
 * at most {@link ArithmeticException} (a count past a long) and doubles every count; its result,
 * within a small period limit (the work budget: 50 periods, 5,000 period rows), is a report or
 * one of the documented exceptions ({@link IllegalArgumentException} for the limit,
 * {@link ArithmeticException} for a total past a long), and its total counts per stage are at
 * least those of any group.
 */
class FunnelStateFuzzTest {

  @FuzzTest(maxDuration = "10m")
  void fromBytesMergeResult(@NotNull @WithLength(max = 65536) byte[] data) {
    FunnelState t;
    try {
      t = FunnelState.fromBytes(data);
    } catch (IllegalArgumentException e) {
      return; // the documented refusal
    }
    byte[] written = t.toBytes();
    assertArrayEquals(written, FunnelState.fromBytes(written).toBytes());
    assertEquals(t, FunnelState.fromBytes(written));
    FunnelReport once = result(t);
    FunnelState twice;
    try {
      twice = t.merge(t);
    } catch (ArithmeticException e) {
      return; // a count past a long
    }
    FunnelReport doubled = result(twice);
    if (once != null && doubled != null) {
      for (int k = 0; k < once.stages().size(); k++) {
        assertEquals(2 * once.stages().get(k).count(), doubled.stages().get(k).count());
      }
    }
  }

  /** The report within the budget, or null when it refuses with a documented exception. */
  private static FunnelReport result(FunnelState t) {
    FunnelReport r;
    try {
      r = t.result(50);
    } catch (IllegalArgumentException | ArithmeticException e) {
      return null;
    }
    List<StageCount> total = r.stages();
    for (GroupFunnel g : r.groups()) {
      for (int k = 0; k < total.size(); k++) {
        assertEquals(true, g.stages().get(k).count() <= total.get(k).count());
      }
    }
    return r;
  }
}
