package dev.funnel.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.core.JourneyPath;
import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

/** The bootstrap: reproducible for a seed whatever the threads, resampling journeys. */
class BootstrapTest {

  static final JourneySet JS = JourneySet.fromPaths(MarkovTest.randomPaths(new Random(17), 5, 60, 5));

  @Test
  void sameSeedSameIntervalsOnAnyNumberOfThreads() {
    ForkJoinPool one = new ForkJoinPool(1);
    ForkJoinPool three = new ForkJoinPool(3);
    try {
      for (Model m : List.of(Model.LAST, Model.MARKOV, Model.SHAPLEY)) {
        AttributionResult a = Attribution.bootstrap(JS, m, null, 20, 0.95, 123, one);
        AttributionResult b = Attribution.bootstrap(JS, m, null, 20, 0.95, 123, three);
        assertEquals(a, b, m.label());
        AttributionResult c = Attribution.bootstrap(JS, m, null, 20, 0.95, 124, three);
        assertNotEquals(a, c, "another seed resamples differently");
        // the point estimates are those of the data
        AttributionResult plain = Attribution.attribute(JS, m);
        for (ChannelCredit cc : a.channels()) {
          assertEquals(plain.channel(cc.channel()).orElseThrow().conversions(), cc.conversions(), 0);
          assertTrue(cc.conversionsLow() <= cc.conversionsHigh());
          assertTrue(cc.valueLow() <= cc.valueHigh());
        }
      }
    } finally {
      one.shutdown();
      three.shutdown();
    }
  }

  @Test
  void resamplingKeepsTheNumberOfJourneys() {
    Weights w = Attribution.resample(JS, new SplittableRandom(3));
    long before = JS.conversions() + JS.nulls();
    long after = 0;
    for (int j = 0; j < JS.size(); j++) {
      after += w.conv()[j] + w.nulls()[j];
      // a converting journey of a row carries the row's mean value per conversion
      if (w.conv()[j] > 0) {
        assertEquals(JS.value[j].doubleValue() / JS.conv[j] * w.conv()[j], w.value()[j], 1e-12);
      }
    }
    assertEquals(before, after);
  }

  @Test
  void intervalOfADeterministicChannelIsAPoint() {
    // every journey is "a" alone: whatever is resampled, "a" gets all conversions of the replicate,
    // whose count varies; its share of last-touch credit is always 100%
    JourneySet js = JourneySet.fromPaths(List.of(
        new JourneyPath(List.of("a"), 50, new BigDecimal("500"), 50)));
    AttributionResult r = Attribution.bootstrap(js, Model.LAST, null, 200, 0.95, 1);
    ChannelCredit a = r.channel("a").orElseThrow();
    // the replicate conversions are Binomial(100, 1/2): 95% interval about 50 +- 10
    assertTrue(a.conversionsLow() > 35 && a.conversionsLow() < 50, a.toString());
    assertTrue(a.conversionsHigh() > 50 && a.conversionsHigh() < 65, a.toString());
    assertEquals(a.conversionsLow() * 10, a.valueLow(), 1e-9);
  }

  @Test
  void quantileInterpolatesLinearly() {
    double[] s = {1, 2, 3, 4, 5};
    assertEquals(1.0, Attribution.quantile(s, 0), 0);
    assertEquals(5.0, Attribution.quantile(s, 1), 0);
    assertEquals(2.0, Attribution.quantile(s, 0.25), 1e-15);
    assertEquals(1.1, Attribution.quantile(s, 0.025), 1e-15);
  }

  @Test
  void badArgumentsAreExplained() {
    assertThrows(IllegalArgumentException.class, () -> Attribution.bootstrap(JS, Model.LAST, null, 1, 0.9, 1));
    assertThrows(IllegalArgumentException.class, () -> Attribution.bootstrap(JS, Model.LAST, null, 10, 1.0, 1));
  }
}
