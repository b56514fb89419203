package dev.funnel.attribution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.core.JourneyPath;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The sufficient statistics merge exactly and survive their byte form. */
class PartialStateTest {

  @Test
  void pathCountsMergeOfPartsEqualsTheWhole() {
    Random rnd = new Random(21);
    List<JourneyPath> rows = MarkovTest.randomPaths(rnd, 5, 300, 4);
    PathState whole = PathState.empty();
    rows.forEach(whole::add);
    List<PathState> parts = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      parts.add(PathState.empty());
    }
    for (int i = 0; i < rows.size(); i++) {
      parts.get(rnd.nextInt(4)).add(rows.get(i));
    }
    PathState merged = PathState.empty();
    Collections.reverse(parts);
    parts.forEach(merged::merge);
    assertEquals(whole, merged);
    assertArrayEquals(whole.toBytes(), merged.toBytes());
    // the models agree too
    for (Model m : List.of(Model.LINEAR, Model.MARKOV, Model.SHAPLEY)) {
      assertEquals(Attribution.attribute(JourneySet.fromCounts(whole), m),
          Attribution.attribute(JourneySet.fromCounts(merged), m), m.label());
      // and aggregating the rows does not change any credit
      AttributionResult raw = Attribution.attribute(JourneySet.fromPaths(rows), m);
      AttributionResult agg = Attribution.attribute(JourneySet.fromCounts(whole), m);
      for (ChannelCredit c : raw.channels()) {
        assertEquals(c.conversions(), agg.channel(c.channel()).orElseThrow().conversions(), 1e-9);
      }
    }
  }

  @Test
  void pathCountsBytesRoundTrip() {
    PathState pc = PathState.empty();
    MarkovTest.randomPaths(new Random(2), 4, 50, 5).forEach(pc::add);
    pc.add(List.of("ünïcode", "b"), 1, new java.math.BigDecimal("-0.001"), 0);
    byte[] bytes = pc.toBytes();
    assertEquals(PathState.VERSION, bytes[0]);
    PathState back = PathState.fromBytes(bytes);
    assertEquals(pc, back);
    assertArrayEquals(bytes, back.toBytes());
    byte[] wrong = bytes.clone();
    wrong[0] = 9;
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PathState.fromBytes(wrong));
    assertTrue(e.getMessage().contains("version"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> PathState.fromBytes(java.util.Arrays.copyOf(bytes, bytes.length - 3)));
  }

  @Test
  void transitionCountsMergeAndRoundTrip() {
    Random rnd = new Random(4);
    List<JourneyPath> rows = MarkovTest.randomPaths(rnd, 4, 200, 6);
    TransitionState whole = TransitionState.empty(2, false);
    TransitionState a = TransitionState.empty(2, false);
    TransitionState b = TransitionState.empty(2, false);
    for (int i = 0; i < rows.size(); i++) {
      JourneyPath p = rows.get(i);
      whole.add(p.channels(), p.conversions(), p.nulls());
      (i % 3 == 0 ? a : b).add(p.channels(), p.conversions(), p.nulls());
    }
    TransitionState merged = TransitionState.empty(2, false).merge(b).merge(a);
    assertEquals(whole, merged);
    assertEquals(whole.removalEffects(), merged.removalEffects());
    byte[] bytes = whole.toBytes();
    assertEquals(TransitionState.VERSION, bytes[0]);
    TransitionState back = TransitionState.fromBytes(bytes);
    assertArrayEquals(bytes, back.toBytes());
    assertEquals(whole.removalEffects(), back.removalEffects());
    assertEquals(Attribution.removalEffects(JourneySet.fromPaths(rows),
        AttributionOptions.builder().markovOrder(2).build()), back.removalEffects());
    assertThrows(IllegalArgumentException.class, () -> whole.merge(TransitionState.empty(1, false)));
  }

  /** The fast coded-state chain hands the solver exactly what TransitionState does. */
  @Test
  void codedChainEqualsTransitionCounts() {
    Random rnd = new Random(31);
    for (int trial = 0; trial < 20; trial++) {
      List<JourneyPath> rows = MarkovTest.randomPaths(rnd, 1 + rnd.nextInt(6), 1 + rnd.nextInt(80), 7);
      int order = 1 + rnd.nextInt(3);
      boolean keep = rnd.nextBoolean();
      TransitionState tc = TransitionState.empty(order, keep);
      rows.forEach(p -> tc.add(p.channels(), p.conversions(), p.nulls()));
      RemovalEffects coded = Attribution.removalEffects(JourneySet.fromPaths(rows),
          AttributionOptions.builder().markovOrder(order).keepRepeats(keep).build());
      assertEquals(tc.removalEffects(), coded, "trial " + trial);
    }
    // 40 channels at order 10 do not fit a long code: the fallback route gives the same answer
    List<JourneyPath> wide = MarkovTest.randomPaths(rnd, 40, 60, 12);
    TransitionState tc = TransitionState.empty(10, false);
    wide.forEach(p -> tc.add(p.channels(), p.conversions(), p.nulls()));
    assertEquals(tc.removalEffects(), Attribution.removalEffects(JourneySet.fromPaths(wide),
        AttributionOptions.builder().markovOrder(10).build()));
  }

  @Test
  void transitionCountsFollowTheStateDefinition() {
    TransitionState tc = TransitionState.empty(2, false);
    tc.add(List.of("a", "a", "b", "c"), 2, 1);
    // collapsed: a b c; states (a), (a,b), (b,c)
    assertEquals(3, tc.count(List.of(), List.of("a")));
    assertEquals(3, tc.count(List.of("a"), List.of("a", "b")));
    assertEquals(3, tc.count(List.of("a", "b"), List.of("b", "c")));
    assertEquals(0, tc.count(List.of("a"), List.of("a", "a")));
    TransitionState kept = TransitionState.empty(1, true).add(List.of("a", "a"), 1, 0);
    assertEquals(1, kept.count(List.of("a"), List.of("a")));
  }
}
