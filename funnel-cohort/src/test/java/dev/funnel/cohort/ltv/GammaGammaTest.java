package dev.funnel.cohort.ltv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.numbers.gamma.LogGamma;
import org.junit.jupiter.api.Test;

class GammaGammaTest {

  @Test
  void recoversSimulatedParameters() {
    double p = 4.0;
    double q = 3.0;
    double gamma = 20.0;
    SplittableRandom rnd = new SplittableRandom(424242);
    List<RfmCustomer> customers = new ArrayList<>();
    for (int i = 0; i < 8000; i++) {
      int x = 1 + rnd.nextInt(8);
      double nu = Simulation.gamma(rnd, q, gamma);
      double sum = 0;
      for (int j = 0; j < x; j++) {
        sum += Simulation.gamma(rnd, p, nu);
      }
      customers.add(new RfmCustomer("c" + i, x, 1, 2, sum / x));
    }
    customers.add(new RfmCustomer("none", 0, 0, 2, 0)); // carries no spend information
    GammaGammaFit f = Ltv.gammaGamma(new RfmSummary(RfmUnit.WEEK, customers));
    assertTrue(f.convergence().converged(), f.convergence().toString());
    assertEquals(8000, f.customers());
    assertEquals(1, f.excluded());
    double[] truth = {p, q, gamma};
    Estimate[] est = {f.p(), f.q(), f.gamma()};
    for (int i = 0; i < 3; i++) {
      assertEquals(truth[i], est[i].value(), 3 * est[i].standardError(), est[i].toString());
    }
  }

  /** Posterior mean of p / nu by quadrature over nu: the prior Gamma(q, gamma) times the data. */
  @Test
  void expectedSpendIsThePosteriorMeanByQuadrature() {
    double p = 6.25;
    double q = 3.74;
    double g = 15.44;
    GammaGammaFit f =
        new GammaGammaFit(
            new Estimate("p", p, 0), new Estimate("q", q, 0), new Estimate("gamma", g, 0), 0, 0,
            0, new Convergence(true, 0, 0, 0, "given"));
    int x = 2;
    double zbar = 22.35;
    int n = 400_000;
    double upper = 4.0; // nu beyond 4 carries negligible posterior mass here
    double h = upper / n;
    double num = 0;
    double den = 0;
    for (int i = 0; i < n; i++) {
      double nu = (i + 0.5) * h;
      // log of prior density x likelihood of zbar given nu (constants cancel)
      double lw = (q - 1) * Math.log(nu) - g * nu + p * x * Math.log(nu) - nu * x * zbar;
      double w = Math.exp(lw + 60);
      num += w * p / nu;
      den += w;
    }
    assertEquals(num / den, f.expectedSpend(x, zbar), 1e-6 * (num / den));
    assertEquals(p * g / (q - 1), f.populationMeanSpend(), 1e-12);
    assertTrue(Double.isFinite(LogGamma.value(q)));
    assertThrows(IllegalArgumentException.class, () -> f.expectedSpend(-1, 3));
    // a repeat buyer whose refunds outweigh purchases is treated like the fit treats him
    assertEquals(
        f.populationMeanSpend(), f.expectedSpend(new RfmCustomer("r", 2, 1, 3, -4.0)), 1e-12);
  }

  @Test
  void noRepeatBuyersIsAClearError() {
    RfmSummary s = new RfmSummary(RfmUnit.WEEK, List.of(new RfmCustomer("a", 0, 0, 3, 0)));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Ltv.gammaGamma(s));
    assertTrue(e.getMessage().contains("repeat"), e.getMessage());
  }
}
