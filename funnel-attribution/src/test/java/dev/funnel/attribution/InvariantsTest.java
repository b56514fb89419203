package dev.funnel.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.funnel.core.Journey;
import dev.funnel.core.JourneyPath;
import dev.funnel.core.Touch;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Properties every model must have, on random path sets and random timed journeys. */
class InvariantsTest {

  static final List<AttributionOptions> OPTIONS = List.of(
      AttributionOptions.DEFAULTS,
      AttributionOptions.builder().linearPerChannel(true).position(0.3, 0.5).customWeights(2, 0, 1)
          .markovOrder(2).keepRepeats(true).shapleyValue(ShapleyValue.SUBSET_CONVERSION_RATE).build(),
      AttributionOptions.builder().markovOrder(3).shapleyValue(ShapleyValue.PER_JOURNEY)
          .customWeights(0.5).build());

  static void assertSums(JourneySet js, AttributionResult r) {
    double conv = js.conversions();
    double value = js.value().doubleValue();
    assertEquals(conv, r.creditedConversions(), 1e-9 * Math.max(1, conv), r.model().label());
    assertEquals(value, r.creditedValue(), 1e-9 * Math.max(1, Math.abs(value)), r.model().label());
  }

  @Test
  void everyModelsCreditSumsToTheTotalsOnRandomPaths() {
    qt().withExamples(60).forAll(longs().all(), integers().between(1, 9), integers().between(1, 40))
        .checkAssert((seed, channels, rows) -> {
          Random rnd = new Random(seed);
          JourneySet js = JourneySet.fromPaths(MarkovTest.randomPaths(rnd, channels, rows, 6));
          for (AttributionOptions o : OPTIONS) {
            for (Model m : Model.values()) {
              if (m == Model.W_SHAPED || m == Model.TIME_DECAY) {
                continue;
              }
              AttributionResult r = Attribution.attribute(js, m, o);
              assertSums(js, r);
              if (m == Model.MARKOV && js.conversions() > 0) {
                r.removal().effects().values().forEach(e -> assertTrue(e >= 0 && e <= 1, "effect " + e));
              }
            }
          }
        });
  }

  @Test
  void timedModelsSumToTheTotalsOnRandomJourneys() {
    qt().withExamples(40).forAll(longs().all(), integers().between(1, 30))
        .checkAssert((seed, leads) -> {
          Random rnd = new Random(seed);
          List<Journey> journeys = new ArrayList<>();
          Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
          for (int i = 0; i < leads; i++) {
            String id = "L" + i;
            int n = 1 + rnd.nextInt(5);
            List<Touch> touches = new ArrayList<>();
            long at = 0;
            for (int k = 0; k < n; k++) {
              at += rnd.nextInt(20 * 86400);
              touches.add(Touch.of(id, t0.plusSeconds(at), "c" + rnd.nextInt(4)));
            }
            boolean converts = rnd.nextBoolean();
            journeys.add(new Journey(id, touches,
                converts ? t0.plusSeconds(at).plus(Duration.ofHours(rnd.nextInt(48))) : null,
                converts ? BigDecimal.valueOf(rnd.nextInt(10_000), 2) : null));
          }
          JourneySet js = JourneySet.fromJourneys(journeys);
          for (AttributionOptions o : OPTIONS) {
            assertSums(js, Attribution.attribute(js, Model.TIME_DECAY, o));
            assertSums(js, Attribution.attribute(js, Model.SHAPLEY, o));
          }
        });
  }

  @Test
  void oneTouchJourneysGiveFirstEqualToLast() {
    qt().withExamples(30).forAll(longs().all()).checkAssert(seed -> {
      Random rnd = new Random(seed);
      List<JourneyPath> paths = MarkovTest.randomPaths(rnd, 5, 20, 1);
      JourneySet js = JourneySet.fromPaths(paths);
      AttributionResult first = Attribution.attribute(js, Model.FIRST);
      AttributionResult last = Attribution.attribute(js, Model.LAST);
      for (String c : js.channels()) {
        assertEquals(first.channel(c).orElseThrow().conversions(), last.channel(c).orElseThrow().conversions(), 1e-12);
        assertEquals(first.channel(c).orElseThrow().value(), last.channel(c).orElseThrow().value(), 1e-12);
      }
    });
  }

  @Test
  void journeyCreditsAddUpToRuleModelTotals() {
    Random rnd = new Random(8);
    JourneySet js = JourneySet.fromPaths(MarkovTest.randomPaths(rnd, 5, 30, 5));
    for (Model m : List.of(Model.FIRST, Model.LAST, Model.LINEAR, Model.POSITION, Model.LAST_NON_DIRECT)) {
      AttributionResult r = Attribution.attribute(js, m);
      List<JourneyCredit> per = Attribution.journeyCredits(js, m, null);
      for (String c : js.channels()) {
        double sum = per.stream().mapToDouble(j -> j.conversionsOf(c)).sum();
        double value = per.stream().mapToDouble(j -> j.valueOf(c)).sum();
        assertEquals(r.channel(c).orElseThrow().conversions(), sum, 1e-9, m + " " + c);
        assertEquals(r.channel(c).orElseThrow().value(), value, 1e-9, m + " " + c);
      }
    }
    for (Model m : List.of(Model.MARKOV, Model.SHAPLEY)) {
      for (JourneyCredit j : Attribution.journeyCredits(js, m, null)) {
        assertEquals(1.0, j.shares().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-12);
      }
    }
  }
}
