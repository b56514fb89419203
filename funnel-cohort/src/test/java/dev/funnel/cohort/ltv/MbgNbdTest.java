package dev.funnel.cohort.ltv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The MBG/NBD against BTYDplus' published CDNOW fit, its gradient against finite differences, and
 * its predictions against a simulation of the generative process.
 */
class MbgNbdTest {

  @Test
  void cdnowFitAsBtydPlus() throws IOException {
    // BTYDplus (as quoted by lifetimes' tests): r = 0.525, alpha = 6.183, a = 0.891, b = 1.614
    MbgNbdFit f = Ltv.mbgNbd(ReferenceSampleFiles.summary());
    assertTrue(f.convergence().converged(), f.toString());
    assertEquals(0.525, f.r().value(), 1e-3);
    assertEquals(6.183, f.alpha().value(), 1e-3);
    assertEquals(0.891, f.a().value(), 1e-3);
    assertEquals(1.614, f.b().value(), 1e-3);
    // a one-off buyer is not certainly alive in the MBG/NBD (it is in the BG/NBD)
    assertTrue(f.probabilityAlive(0, 0, 38.86) < 1);
    BgNbdFit bg = Ltv.bgNbd(ReferenceSampleFiles.summary());
    assertEquals(1.0, bg.probabilityAlive(0, 0, 38.86));
  }

  @Test
  void gradientMatchesFiniteDifferences() throws IOException {
    BgNbdLikelihood l = BgNbdLikelihood.modified(Triples.of(ReferenceSampleFiles.summary()));
    double[] theta = {Math.log(0.6), Math.log(5), Math.log(0.8), Math.log(2.1)};
    double[] g = new double[4];
    l.value(theta, g);
    for (int i = 0; i < 4; i++) {
      double h = 1e-6;
      double[] up = theta.clone();
      double[] down = theta.clone();
      up[i] += h;
      down[i] -= h;
      double fd = (l.value(up, null) - l.value(down, null)) / (2 * h);
      assertEquals(fd, g[i], 1e-5 * (1 + Math.abs(fd)), "parameter " + i);
    }
  }

  @Test
  void predictionsAgreeWithASimulation() {
    double r = 2.0;
    double alpha = 4.0;
    double a = 2.5;
    double b = 6.0;
    MbgNbdFit f = new MbgNbdFit(new Estimate("r", r, 0), new Estimate("alpha", alpha, 0),
        new Estimate("a", a, 0), new Estimate("b", b, 0), 0, 0, 0,
        new Convergence(true, 0, 0, 0, "given"), RfmUnit.WEEK);
    SplittableRandom rnd = new SplittableRandom(31);
    int customers = 300_000;
    double t = 12;
    double sum = 0;
    double sq = 0;
    for (int c = 0; c < customers; c++) {
      double lambda = Simulation.gamma(rnd, r, alpha);
      double p = Simulation.beta(rnd, a, b);
      int n = 0;
      if (rnd.nextDouble() >= p) { // the MBG/NBD's drop-out chance at the first purchase
        for (double at = Simulation.exponential(rnd, lambda); at <= t;
            at += Simulation.exponential(rnd, lambda)) {
          n++;
          if (rnd.nextDouble() < p) {
            break;
          }
        }
      }
      sum += n;
      sq += (double) n * n;
    }
    double mean = sum / customers;
    double se = Math.sqrt((sq / customers - mean * mean) / customers);
    assertEquals(mean, f.expectedPurchases(t), 4 * se);
    // a customer who is certainly a new one: no history means the unconditional expectation
    assertEquals(f.expectedPurchases(t), f.expectedPurchases(t, 0, 0, 0) / f.probabilityAlive(0, 0, 0)
        * f.probabilityAlive(0, 0, 0), 1e-12);
  }

  @Test
  void aliveGridIsTheModelsProbabilityCellByCell() throws IOException {
    RfmSummary s = ReferenceSampleFiles.summary();
    BgNbdFit bg = Ltv.bgNbd(s);
    AliveGrid g = Ltv.aliveGrid(bg, 38.86, 10, 4);
    assertEquals(11, g.frequencies().length);
    assertEquals(5, g.recencies().length);
    assertEquals(38.86, g.recencies()[4]);
    assertEquals(bg.probabilityAlive(3, 38.86 / 2, 38.86), g.alive(3, 2), 0.0);
    assertEquals(1.0, g.alive(0, 0)); // a one-off buyer is alive in the BG/NBD
    assertTrue(Double.isNaN(g.alive(0, 1)) && Double.isNaN(g.alive(1, 0)));
    // more purchases long ago make death likelier: down a column of early recency
    assertTrue(g.alive(10, 1) < g.alive(2, 1));
    MbgNbdFit mbg = Ltv.mbgNbd(s);
    assertTrue(Ltv.aliveGrid(mbg, 38.86, 3, 2).alive(0, 0) < 1);
    double[][] copy = g.alive();
    copy[3][2] = -1;
    assertEquals(bg.probabilityAlive(3, 38.86 / 2, 38.86), g.alive(3, 2), 0.0);
  }
}
