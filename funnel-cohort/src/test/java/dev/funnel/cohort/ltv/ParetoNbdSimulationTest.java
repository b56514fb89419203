package dev.funnel.cohort.ltv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Customers simulated from known Pareto/NBD parameters; the fit recovers them within 3 SE. */
class ParetoNbdSimulationTest {

  @Test
  void recoversSimulatedParameters() {
    double r = 0.7;
    double alpha = 8;
    double s = 0.9;
    double beta = 12;
    SplittableRandom rnd = new SplittableRandom(1987);
    List<RfmCustomer> customers = new ArrayList<>();
    for (int i = 0; i < 4000; i++) {
      int days = 7 * 30 + rnd.nextInt(7 * 22); // observed 30 to 52 weeks, in whole days
      double lambda = Simulation.gamma(rnd, r, alpha) / 7; // per day
      double mu = Simulation.gamma(rnd, s, beta) / 7;
      double death = Simulation.exponential(rnd, mu);
      double end = Math.min(death, days);
      int x = 0;
      double last = 0;
      for (double t = Simulation.exponential(rnd, lambda); t <= end;
          t += Simulation.exponential(rnd, lambda)) {
        x++;
        last = t;
      }
      int lastDay = Math.min((int) Math.ceil(last), days);
      customers.add(new RfmCustomer("c" + i, x, x == 0 ? 0 : lastDay / 7.0, days / 7.0, 0));
    }
    ParetoNbdFit f = Ltv.paretoNbd(new RfmSummary(RfmUnit.WEEK, customers));
    assertTrue(f.convergence().converged(), f.convergence().toString());
    double[] truth = {r, alpha, s, beta};
    Estimate[] est = {f.r(), f.alpha(), f.s(), f.beta()};
    for (int i = 0; i < 4; i++) {
      assertEquals(truth[i], est[i].value(), 3 * est[i].standardError(), est[i].toString());
    }
  }
}
