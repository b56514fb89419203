package dev.funnel.cohort.ltv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Customers simulated from known BG/NBD parameters; the fit recovers them within 3 SE. */
class BgNbdSimulationTest {

  @Test
  void recoversSimulatedParameters() {
    double r = 0.6;
    double alpha = 5.0;
    double a = 0.9;
    double b = 3.0;
    SplittableRandom rnd = new SplittableRandom(20050401L);
    List<RfmCustomer> customers = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      double T = 26 + rnd.nextInt(27); // staggered first purchases: 26..52 weeks observed
      double lambda = Simulation.gamma(rnd, r, alpha);
      double p = Simulation.beta(rnd, a, b);
      double[] h = Simulation.bgNbdCustomer(rnd, lambda, p, T);
      customers.add(new RfmCustomer("c" + i, (int) h[0], h[1], T, 0));
    }
    BgNbdFit f = Ltv.bgNbd(new RfmSummary(RfmUnit.WEEK, customers));
    assertTrue(f.convergence().converged(), f.convergence().toString());
    double[] truth = {r, alpha, a, b};
    Estimate[] est = {f.r(), f.alpha(), f.a(), f.b()};
    for (int i = 0; i < 4; i++) {
      assertTrue(est[i].standardError() > 0, est[i].toString());
      assertEquals(truth[i], est[i].value(), 3 * est[i].standardError(), est[i].toString());
    }
  }

  @Test
  void sameCustomersInAnyOrderGiveTheSameFit() {
    SplittableRandom rnd = new SplittableRandom(7);
    List<RfmCustomer> customers = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      double lambda = Simulation.gamma(rnd, 0.5, 4);
      double p = Simulation.beta(rnd, 1, 3);
      double[] h = Simulation.bgNbdCustomer(rnd, lambda, p, 40);
      customers.add(new RfmCustomer("c" + i, (int) h[0], Math.round(h[1]), 40, 0));
    }
    BgNbdFit f1 = Ltv.bgNbd(new RfmSummary(RfmUnit.WEEK, customers));
    java.util.Collections.shuffle(customers, new java.util.Random(3));
    BgNbdFit f2 = Ltv.bgNbd(new RfmSummary(RfmUnit.WEEK, customers));
    assertEquals(f1, f2);
    assertTrue(f1.triples() < 3000);
  }
}
