package dev.funnel.attribution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Forged and extreme {@link PathState} and {@link TransitionState} byte forms (issue 15, item 5):
 * {@code fromBytes} throws only {@link IllegalArgumentException} (it threw {@link
 * ArithmeticException} for a path repeated with large counts), merges refuse to wrap a count and
 * leave the state as it was, and a transition state the counting could not have made (a count
 * missing, a loop never reached from the start) is refused before a Markov solve meets it.
 */
class CountsHostileBytesTest {

  /** Path counts bytes: each path is {channels..., conversions, value (scale 0), nulls}. */
  private static byte[] paths(Object[]... rows) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    DataOutputStream o = new DataOutputStream(b);
    o.writeByte(1);
    o.writeInt(rows.length);
    for (Object[] r : rows) {
      @SuppressWarnings("unchecked")
      List<String> ch = (List<String>) r[0];
      o.writeInt(ch.size());
      for (String c : ch) {
        o.writeUTF(c);
      }
      o.writeLong((Long) r[1]);
      o.writeInt((Integer) r[2]); // scale
      o.writeInt(1);
      o.writeByte(5);
      o.writeLong((Long) r[3]);
    }
    return b.toByteArray();
  }

  @Test
  void aRepeatedPathIsAMalformedStateNotAnOverflow() throws IOException {
    byte[] twice = paths(new Object[] {List.of("a"), Long.MAX_VALUE, 0, 0L},
        new Object[] {List.of("a"), Long.MAX_VALUE, 0, 0L});
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> PathState.fromBytes(twice));
    assertEquals("path state bytes are malformed: path a is out of order or repeated", e.getMessage());
    byte[] swapped = paths(new Object[] {List.of("b"), 1L, 0, 0L}, new Object[] {List.of("a"), 1L, 0, 0L});
    assertThrows(IllegalArgumentException.class, () -> PathState.fromBytes(swapped));
    byte[] ok = paths(new Object[] {List.of("a"), 1L, 0, 0L}, new Object[] {List.of("b"), 1L, 0, 2L});
    assertArrayEquals(ok, PathState.fromBytes(ok).toBytes());
  }

  @Test
  void aForgedValueScaleOrABlankChannelIsRefused() throws IOException {
    assertEquals("path state bytes are malformed: value has scale 16777216, beyond the limit of 1000",
        assertThrows(IllegalArgumentException.class, () -> PathState.fromBytes(
            paths(new Object[] {List.of("a"), 1L, 16_777_216, 0L}))).getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> PathState.fromBytes(paths(new Object[] {List.of(" "), 1L, 0, 0L})));
    assertThrows(IllegalArgumentException.class,
        () -> PathState.fromBytes(paths(new Object[] {List.of("a"), -1L, 0, 0L})));
  }

  @Test
  void pathCountsMergeRefusesToWrapAndLeavesTheStateAsItWas() {
    PathState a = PathState.empty().add(List.of("a"), 1, BigDecimal.ONE, 0)
        .add(List.of("b"), Long.MAX_VALUE, BigDecimal.ONE, 0);
    byte[] before = a.toBytes();
    PathState b = PathState.empty().add(List.of("a"), 1, BigDecimal.ONE, 0)
        .add(List.of("b"), 1, BigDecimal.ONE, 0);
    assertThrows(ArithmeticException.class, () -> a.merge(b));
    assertArrayEquals(before, a.toBytes(), "nothing of b was added before the overflow was found");
  }

  @Test
  void transitionCountsMergeRefusesToWrapAndLeavesTheStateAsItWas() {
    TransitionState a = TransitionState.empty(1, false).add(List.of("x"), 1, 0)
        .add(List.of("a", "b"), Long.MAX_VALUE - 1, 0);
    byte[] before = a.toBytes();
    TransitionState b = TransitionState.empty(1, false).add(List.of("x"), 1, 0)
        .add(List.of("a", "b"), 2, 0);
    assertThrows(ArithmeticException.class, () -> a.merge(b));
    assertArrayEquals(before, a.toBytes());
  }

  /** A state's total may exceed a long while each count fits: the probabilities stay right. */
  @Test
  void removalEffectsOfCountsWhoseTotalExceedsALong() {
    long half = 1L << 62;
    TransitionState t = TransitionState.empty(1, false)
        .add(List.of("a"), half, 0).add(List.of("b"), 0, half);
    RemovalEffects r = TransitionState.fromBytes(t.toBytes()).removalEffects();
    assertEquals(0.5, r.conversionProbability(), 1e-15);
    assertEquals(1.0, r.effects().get("a"), 1e-15);
    assertEquals(0.0, r.effects().get("b"), 1e-15);
  }

  /** Transition counts bytes of order 1, collapsing repeats. */
  private static final class Chain {
    final ByteArrayOutputStream b = new ByteArrayOutputStream();
    final DataOutputStream o = new DataOutputStream(b);

    Chain(int states) throws IOException {
      o.writeByte(1);
      o.writeInt(1);
      o.writeByte(0);
      o.writeInt(states);
    }

    Chain state(List<String> s, long conversions, long nulls, Object... targets) throws IOException {
      tuple(s);
      o.writeLong(conversions);
      o.writeLong(nulls);
      o.writeInt(targets.length / 2);
      for (int i = 0; i < targets.length; i += 2) {
        tuple(List.of((String) targets[i]));
        o.writeLong((Long) targets[i + 1]);
      }
      return this;
    }

    private void tuple(List<String> s) throws IOException {
      o.writeInt(s.size());
      for (String c : s) {
        o.writeUTF(c);
      }
    }

    byte[] bytes() {
      return b.toByteArray();
    }
  }

  @Test
  void transitionStatesTheCountingCouldNotHaveMadeAreRefused() throws IOException {
    // start -> a (2), a: 1 conversion, 1 null: what add(["a"], 1, 1) makes
    byte[] ok = new Chain(2).state(List.of(), 0, 0, "a", 2L).state(List.of("a"), 1, 1).bytes();
    assertArrayEquals(TransitionState.empty(1, false).add(List.of("a"), 1, 1).toBytes(), ok);
    assertEquals(0.5, TransitionState.fromBytes(ok).removalEffects().conversionProbability(), 1e-15);

    String[][] cases = {
        // a negative count with no transitions was accepted
        {"conversions is negative (-1)"},
        // journeys vanish in a: 2 enter, 1 ends
        {"2 journeys enter state [a] and 1 leave or end there"},
        // a loop b <-> c never reached from the start, which the solver cannot absorb
        {"2 states are not reached from the start"},
        // a step from a to a, though repeats are collapsed
        {"no journey steps from [a] to [a]"},
        // journeys ending at the start
        {"journeys end at the start state"},
        // a transition counting nobody
        {"the transition from [] to [a] counts no journey"},
    };
    byte[][] bytes = {
        new Chain(2).state(List.of(), 0, 0, "a", 1L).state(List.of("a"), -1, 2).bytes(),
        new Chain(2).state(List.of(), 0, 0, "a", 2L).state(List.of("a"), 1, 0).bytes(),
        new Chain(4).state(List.of(), 0, 0, "a", 1L).state(List.of("a"), 1, 0)
            .state(List.of("b"), 0, 0, "c", 1L).state(List.of("c"), 0, 0, "b", 1L).bytes(),
        new Chain(2).state(List.of(), 0, 0, "a", 1L).state(List.of("a"), 1, 0, "a", 1L).bytes(),
        new Chain(2).state(List.of(), 1, 0, "a", 1L).state(List.of("a"), 1, 0).bytes(),
        new Chain(2).state(List.of(), 0, 0, "a", 0L).state(List.of("a"), 0, 1).bytes(),
    };
    for (int i = 0; i < bytes.length; i++) {
      byte[] b = bytes[i];
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> TransitionState.fromBytes(b), cases[i][0]);
      assertEquals("transition state bytes are malformed: " + cases[i][0], e.getMessage());
    }
  }
}
