package dev.funnel.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.funnel.core.Journey;
import dev.funnel.core.Touch;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The columnar route of the rule-based models ({@link Attribution#attribute}) against the
 * per-journey route ({@link CreditEngine#compute} with {@link RuleWeights} weights), on random
 * path sets and random timed journeys: every channel's conversion and value credit agrees to 1e-12
 * relative, and the credits sum to the conversions and the value.
 */
class CompactRouteTest {

  private static final List<AttributionOptions> OPTIONS = new ArrayList<>(InvariantsTest.OPTIONS);

  static {
    OPTIONS.add(AttributionOptions.builder().directChannels(Set.of("c0", "c1")).halfLifeDays(2.5).build());
  }

  private static final List<Model> RULES = List.of(Model.FIRST, Model.LAST, Model.LAST_NON_DIRECT,
      Model.LINEAR, Model.POSITION, Model.TIME_DECAY, Model.CUSTOM);

  static void assertSameAsPerJourney(JourneySet js) {
    for (AttributionOptions o : OPTIONS) {
      for (Model m : RULES) {
        if (m == Model.TIME_DECAY && !js.timed()) {
          continue;
        }
        AttributionResult fast = Attribution.attribute(js, m, o);
        CreditEngine.Credits slow = CreditEngine.compute(js, Weights.of(js), m, o);
        for (int i = 0; i < js.channels.length; i++) {
          ChannelCredit c = fast.channel(js.channels[i]).orElseThrow();
          close(slow.conv()[i], c.conversions(), m + " conversions of " + c.channel());
          close(slow.value()[i], c.value(), m + " value of " + c.channel());
        }
        InvariantsTest.assertSums(js, fast);
      }
    }
  }

  private static void close(double expected, double actual, String what) {
    assertTrue(Math.abs(expected - actual) <= 1e-12 * Math.max(Math.abs(expected), Math.abs(actual)),
        what + ": per journey " + expected + ", columnar " + actual);
  }

  @Test
  void pathSetsGiveTheSameCreditAsThePerJourneyRoute() {
    qt().withExamples(80).forAll(longs().all(), integers().between(1, 9), integers().between(1, 60))
        .checkAssert((seed, channels, rows) -> {
          Random rnd = new Random(seed);
          assertSameAsPerJourney(JourneySet.fromPaths(MarkovTest.randomPaths(rnd, channels, rows, 9)));
        });
  }

  @Test
  void timedJourneysGiveTheSameCreditAsThePerJourneyRoute() {
    qt().withExamples(60).forAll(longs().all(), integers().between(1, 60))
        .checkAssert((seed, leads) -> assertSameAsPerJourney(JourneySet.fromJourneys(journeys(new Random(seed), leads))));
  }

  @Test
  void aSecondCallReusesTheColumnsAndGivesTheSameResult() {
    JourneySet js = JourneySet.fromJourneys(journeys(new Random(3), 200));
    AttributionResult a = Attribution.attribute(js, Model.TIME_DECAY);
    CompactJourneys columns = js.compact();
    AttributionResult b = Attribution.attribute(js, Model.TIME_DECAY);
    assertTrue(columns == js.compact());
    assertEquals(a.channels(), b.channels());
    assertEquals(js.conversions(), Attribution.attribute(js, Model.FIRST).creditedConversions(), 1e-9);
  }

  /** Random timed journeys over channels c0..c5 (c0 and c1 direct in one options set). */
  static List<Journey> journeys(Random rnd, int leads) {
    List<Journey> out = new ArrayList<>();
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    for (int i = 0; i < leads; i++) {
      String id = "L" + i;
      int n = 1 + rnd.nextInt(9);
      List<Touch> touches = new ArrayList<>();
      long at = 0;
      for (int k = 0; k < n; k++) {
        at += rnd.nextInt(20 * 86400);
        touches.add(Touch.of(id, t0.plusSeconds(at), "c" + rnd.nextInt(6)));
      }
      int kind = rnd.nextInt(3);
      out.add(new Journey(id, touches,
          kind == 0 ? null : t0.plusSeconds(at).plus(Duration.ofMinutes(rnd.nextInt(5000))),
          kind == 2 ? BigDecimal.valueOf(rnd.nextInt(100_000) - 20_000, 2) : null));
    }
    return out;
  }
}
