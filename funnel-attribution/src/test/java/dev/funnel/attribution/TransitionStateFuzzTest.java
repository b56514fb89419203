package dev.funnel.attribution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import com.code_intelligence.jazzer.mutation.annotation.WithLength;

/**
 * Jazzer fuzz target of the {@link TransitionState} byte form: {@code fromBytes}, {@code merge}
 * and {@code removalEffects} of any bytes (issue 15, item 5). The default build replays the inputs
 * under {@code src/test/resources/dev/funnel/attribution/TransitionStateFuzzTestInputs};
 * {@code ./mvnw -Pfuzz} fuzzes for its {@code maxDuration}.
 *
 * <p>Property: {@code fromBytes} throws only {@link IllegalArgumentException}; a state it reads
 * writes the same bytes back; merging it into a copy throws at most {@link ArithmeticException}
 * and then leaves the copy as it was; the removal effects of a state it accepts (one the counting
 * could have made, so its absorption system is regular) are a probability in [0, 1] and effects
 * in [0, 1], never an exception.
 */
class TransitionStateFuzzTest {

  @FuzzTest(maxDuration = "10m")
  void fromBytesMergeResult(@NotNull @WithLength(max = 65536) byte[] data) {
    TransitionState tc;
    try {
      tc = TransitionState.fromBytes(data);
    } catch (IllegalArgumentException e) {
      return; // the documented refusal
    }
    byte[] written = tc.toBytes();
    assertArrayEquals(written, TransitionState.fromBytes(written).toBytes());
    TransitionState copy = TransitionState.fromBytes(written);
    try {
      copy.merge(tc);
    } catch (ArithmeticException e) {
      assertArrayEquals(written, copy.toBytes(), "a failed merge changes nothing");
    }
    RemovalEffects r = tc.removalEffects();
    double p = r.conversionProbability();
    assertTrue(Double.isNaN(p) || (p >= 0 && p <= 1 + 1e-9), "probability " + p);
    for (double e : r.effects().values()) {
      assertTrue(Double.isNaN(e) || (e >= 0 && e <= 1), "effect " + e);
    }
  }
}
