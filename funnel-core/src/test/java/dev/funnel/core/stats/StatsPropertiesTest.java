package dev.funnel.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatsPropertiesTest {

  @Test
  void wilsonContainsTheRateAndStaysInTheUnitInterval() {
    qt().forAll(integers().between(1, 5000), integers().between(0, 1000))
        .checkAssert((n, permille) -> {
          long x = (long) n * permille / 1000;
          WilsonInterval w = Stats.wilson(x, n, 0.95);
          assertTrue(0 <= w.lower() && w.lower() <= w.rate() && w.rate() <= w.upper() && w.upper() <= 1);
          WilsonInterval wider = Stats.wilson(x, n, 0.99);
          assertTrue(wider.lower() <= w.lower() + 1e-15 && wider.upper() >= w.upper() - 1e-15);
        });
  }

  @Test
  void bayesianComplementAndLossIdentity() {
    qt().withExamples(60)
        .forAll(integers().between(0, 100), integers().between(1, 80), integers().between(0, 100),
            integers().between(1, 80))
        .checkAssert((fa, na, fb, nb) -> {
          int xa = na * fa / 100;
          int xb = nb * fb / 100;
          BayesianAB ab = Stats.bayesian(xa, na, xb, nb);
          BayesianAB ba = Stats.bayesian(xb, nb, xa, na);
          assertEquals(1.0, ab.probabilityBBeatsA() + ba.probabilityBBeatsA(), 1e-9);
          // E[max(B-A,0)] - E[max(A-B,0)] = E[B] - E[A] with Beta(1 + x, 1 + n - x) posteriors
          double meanA = (1.0 + xa) / (2.0 + na);
          double meanB = (1.0 + xb) / (2.0 + nb);
          assertEquals(meanB - meanA, ab.lossChoosingA() - ab.lossChoosingB(), 1e-9);
          assertEquals(ab.lossChoosingA(), ba.lossChoosingB(), 1e-9);
        });
  }

  @Test
  void benjaminiHochbergIsMonotoneAndNeverBelowTheRawPValue() {
    qt().forAll(lists().of(doubles().between(0, 1)).ofSizeBetween(1, 40)).checkAssert(ps -> {
      double[] p = ps.stream().mapToDouble(Double::doubleValue).toArray();
      double[] adj = Stats.benjaminiHochberg(p);
      Integer[] order = new Integer[p.length];
      Arrays.setAll(order, i -> i);
      Arrays.sort(order, (a, b) -> Double.compare(p[a], p[b]));
      for (int i = 0; i < p.length; i++) {
        assertTrue(adj[i] >= p[i] - 1e-15 && adj[i] <= 1);
        if (i > 0) {
          assertTrue(adj[order[i]] >= adj[order[i - 1]] - 1e-15);
        }
      }
      // step-up rule: reject exactly the k smallest, k the largest i with p_(i) <= i q / m
      int k = 0;
      for (int i = 0; i < p.length; i++) {
        if (p[order[i]] <= (i + 1) * 0.1 / p.length) {
          k = i + 1;
        }
      }
      for (int i = 0; i < p.length; i++) {
        assertEquals(i < k, adj[order[i]] <= 0.1 + 1e-15, "rank " + i + " of " + List.of(p.length));
      }
    });
  }
}
