package dev.funnel.attribution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import com.code_intelligence.jazzer.mutation.annotation.WithLength;
import dev.funnel.core.JourneyPath;

/**
 * Jazzer fuzz target of the {@link PathState} byte form: {@code fromBytes}, {@code merge} and a
 * result (linear attribution over {@link JourneySet#fromCounts}) of any bytes (issue 15, item 5).
 * The default build replays the inputs under
 * {@code src/test/resources/dev/funnel/attribution/PathStateFuzzTestInputs}; {@code ./mvnw
 * -Pfuzz} fuzzes for its {@code maxDuration}.
 *
 * <p>Property: {@code fromBytes} throws only {@link IllegalArgumentException} (it threw {@link
 * ArithmeticException} for a path repeated with large counts); a state it reads writes the same
 * bytes back; merging it into a copy of itself throws at most {@link ArithmeticException} and then
 * leaves the copy as it was, else doubles every count; the linear credit of the conversions sums
 * to the conversions.
 */
class PathStateFuzzTest {

  @FuzzTest(maxDuration = "10m")
  void fromBytesMergeResult(@NotNull @WithLength(max = 65536) byte[] data) {
    PathState pc;
    try {
      pc = PathState.fromBytes(data);
    } catch (IllegalArgumentException e) {
      return; // the documented refusal
    }
    byte[] written = pc.toBytes();
    assertArrayEquals(written, PathState.fromBytes(written).toBytes());
    PathState copy = PathState.fromBytes(written);
    try {
      copy.merge(pc);
      for (JourneyPath p : copy.paths()) {
        assertEquals(0, p.conversions() % 2);
        assertEquals(0, p.nulls() % 2);
      }
    } catch (ArithmeticException e) {
      assertArrayEquals(written, copy.toBytes(), "a failed merge changes nothing");
    }
    long conversions = 0;
    for (JourneyPath p : pc.paths()) {
      conversions += p.conversions();
      if (conversions < 0 || conversions > (1L << 52)) {
        return; // beyond exact doubles: the credit is not checked to the unit
      }
    }
    AttributionResult r;
    try {
      r = Attribution.attribute(JourneySet.fromCounts(pc), Model.LINEAR);
    } catch (IllegalArgumentException | ArithmeticException e) {
      return;
    }
    double credited = 0;
    for (ChannelCredit c : r.channels()) {
      credited += c.conversions();
    }
    assertEquals(conversions, credited, 1e-6 * Math.max(1, conversions));
  }
}
