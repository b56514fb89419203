package dev.funnel.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

/** The standard normal of the main code gives Commons Statistics' doubles, bit for bit. */
class StandardNormalTest {
  private static final NormalDistribution N01 = NormalDistribution.of(0, 1);

  @Test
  void survivalEqualsTheReference() {
    for (int i = -4000; i <= 4000; i++) {
      double z = i / 400.0;
      assertEquals(N01.survivalProbability(z), StandardNormal.survival(z), 0.0, "z = " + z);
    }
    assertEquals(N01.survivalProbability(40), StandardNormal.survival(40), 0.0);
  }

  @Test
  void quantileEqualsTheReference() {
    for (int i = 0; i <= 10_000; i++) {
      double p = i / 10_000.0;
      assertEquals(N01.inverseCumulativeProbability(p), StandardNormal.quantile(p), 0.0, "p = " + p);
    }
    for (double c : new double[] {0.8, 0.9, 0.95, 0.975, 0.99, 0.999, 0.999999}) {
      double p = 0.5 + c / 2;
      assertEquals(N01.inverseCumulativeProbability(p), StandardNormal.quantile(p), 0.0, "p = " + p);
    }
  }

  @Test
  void quantileRefusesWhatIsNoProbability() {
    assertThrows(IllegalArgumentException.class, () -> StandardNormal.quantile(1.5));
    assertThrows(IllegalArgumentException.class, () -> StandardNormal.quantile(Double.NaN));
  }
}
