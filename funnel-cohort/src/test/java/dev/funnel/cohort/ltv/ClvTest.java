package dev.funnel.cohort.ltv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Invariants of the discrete DERT sum. */
class ClvTest {

  static final BgNbdFit BG = BgNbdPredictionTest.fit(0.243, 4.414, 0.793, 2.426);
  static final GammaGammaFit GG =
      new GammaGammaFit(
          new Estimate("p", 6.25, 0), new Estimate("q", 3.74, 0), new Estimate("gamma", 15.44, 0),
          0, 0, 0, new Convergence(true, 0, 0, 0, "given"));
  static final RfmSummary SUMMARY =
      new RfmSummary(
          RfmUnit.WEEK,
          List.of(
              new RfmCustomer("1", 2, 30.43, 38.86, 22.35),
              new RfmCustomer("2", 1, 1.71, 38.86, 11.77),
              new RfmCustomer("3", 0, 0, 38.86, 0)));

  @Test
  void withoutDiscountingTheSumTelescopesToTheHorizonExpectation() {
    ClvTable t = Ltv.clv(SUMMARY, BG, GG, ClvTerms.monthly(12, 0.0, 0.3));
    double horizonWeeks = 365.25 / 7;
    for (int i = 0; i < 3; i++) {
      RfmCustomer c = SUMMARY.customers().get(i);
      double expected = 0.3 * GG.expectedSpend(c) * BG.expectedPurchases(horizonWeeks, c);
      assertEquals(expected, t.customers().get(i).clv(), 1e-9 * expected);
    }
  }

  @Test
  void discountingIsBoundedByTheFirstAndLastPeriodFactors() {
    double i = 0.01;
    ClvTable undiscounted = Ltv.clv(SUMMARY, BG, GG, ClvTerms.monthly(24, 0.0, 1));
    ClvTable discounted = Ltv.clv(SUMMARY, BG, GG, ClvTerms.monthly(24, i, 1));
    for (int k = 0; k < 3; k++) {
      double u = undiscounted.customers().get(k).clv();
      double d = discounted.customers().get(k).clv();
      assertTrue(d < u / (1 + i) && d > u / Math.pow(1 + i, 24), u + " vs " + d);
    }
    ClvTable one = Ltv.clv(SUMMARY, BG, GG, new ClvTerms(1, 7, 0.05, 1));
    RfmCustomer c = SUMMARY.customers().get(0);
    assertEquals(
        GG.expectedSpend(c) * BG.expectedPurchases(1, c) / 1.05, one.customers().get(0).clv(),
        1e-12);
  }

  /**
   * The lifetime figures beside the discrete sum: the continuous DERT at the rate equivalent to
   * 1% a month, and margin x spend x DERT. Over 240 months the discrete sum, which discounts each
   * month's purchases at its end, lies between {@code D_H / 1.01} (a month's discount) and
   * {@code D_H}, the continuous DERT truncated at the horizon H, computed here by parts as
   * {@code e^(-delta H) E[Y(H)] + delta integral_0^H e^(-delta t) E[Y(t)] dt} (Gauss-Legendre),
   * and {@code D_H} is below the lifetime DERT.
   */
  @Test
  void theLifetimeFiguresAreTheContinuousDertAndBoundTheDiscreteSum() {
    ClvTerms terms = ClvTerms.monthly(240, 0.01, 0.3);
    double delta = terms.continuousRate(RfmUnit.WEEK);
    assertEquals(Math.log(1.01) * 7 / (365.25 / 12), delta, 1e-15);
    ClvTable t = Ltv.clv(SUMMARY, BG, GG, terms);
    assertEquals(delta, t.continuousRate());
    double sum = 0;
    for (int k = 0; k < 3; k++) {
      RfmCustomer c = SUMMARY.customers().get(k);
      CustomerValue v = t.customers().get(k);
      double dert = BG.discountedResidualTransactions(delta, c);
      assertEquals(dert, v.residualTransactions(), 1e-12 * dert);
      assertEquals(0.3 * GG.expectedSpend(c) * dert, v.lifetimeValue(), 1e-9 * v.lifetimeValue());
      double horizon = 240 * (365.25 / 12) / 7;
      org.hipparchus.analysis.integration.IterativeLegendreGaussIntegrator g =
          new org.hipparchus.analysis.integration.IterativeLegendreGaussIntegrator(16, 1e-12,
              1e-14);
      double truncated = Math.exp(-delta * horizon) * BG.expectedPurchases(horizon, c);
      for (int piece = 0; piece < 48; piece++) {
        truncated += g.integrate(Integer.MAX_VALUE,
            u -> delta * Math.exp(-delta * u) * BG.expectedPurchases(u, c), piece * horizon / 48,
            (piece + 1) * horizon / 48);
      }
      double discrete = v.clv() / (0.3 * v.expectedSpend());
      assertTrue(discrete < truncated && discrete > truncated / 1.01 && truncated < dert,
          discrete + " " + truncated + " " + dert);
      sum += dert;
    }
    assertEquals(sum / 3, t.meanResidualTransactions(), 1e-12);
    // no positive rate, no lifetime figures
    ClvTable flat = Ltv.clv(SUMMARY, BG, GG, ClvTerms.monthly(12, 0, 1));
    assertTrue(Double.isNaN(flat.customers().get(0).residualTransactions()));
    assertTrue(Double.isNaN(flat.definedLifetimeMean()));
  }

  @Test
  void mismatchedUnitsAreRejected() {
    RfmSummary days = new RfmSummary(RfmUnit.DAY, SUMMARY.customers());
    assertThrows(
        IllegalArgumentException.class, () -> Ltv.clv(days, BG, GG, ClvTerms.monthly(1, 0, 1)));
    assertThrows(IllegalArgumentException.class, () -> ClvTerms.monthly(0, 0, 1));
  }

  @Test
  void paretoNbdPurchasesGiveTheSameTelescopingSum() {
    ParetoNbdFit pnbd = new ParetoNbdFit(new Estimate("r", 0.55, 0), new Estimate("alpha", 10.58, 0),
        new Estimate("s", 0.61, 0), new Estimate("beta", 11.67, 0), 0, 3, 3,
        new Convergence(true, 0, 0, 0, "given"), RfmUnit.WEEK);
    ClvTable t = Ltv.clv(SUMMARY, pnbd, GG, ClvTerms.monthly(12, 0.0, 0.3), Double.NaN);
    double horizonWeeks = 365.25 / 7;
    for (int i = 0; i < 3; i++) {
      RfmCustomer c = SUMMARY.customers().get(i);
      double expected = 0.3 * GG.expectedSpend(c) * pnbd.expectedPurchases(horizonWeeks, c);
      assertTrue(expected > 0, "customer " + i);
      assertEquals(expected, t.customers().get(i).clv(), 1e-9 * expected);
      assertEquals(pnbd.probabilityAlive(c), t.customers().get(i).probabilityAlive(), 1e-15);
    }
    ClvTable one = Ltv.clv(SUMMARY, pnbd, GG, new ClvTerms(1, 7, 0.05, 1), Double.NaN);
    RfmCustomer c = SUMMARY.customers().get(0);
    assertEquals(GG.expectedSpend(c) * pnbd.expectedPurchases(1, c) / 1.05,
        one.customers().get(0).clv(), 1e-12);
    RfmSummary days = new RfmSummary(RfmUnit.DAY, SUMMARY.customers());
    assertThrows(IllegalArgumentException.class,
        () -> Ltv.clv(days, pnbd, GG, ClvTerms.monthly(1, 0, 1), Double.NaN));
  }

  @Test
  void aClvFromAFitThatDidNotConvergeCarriesTheCaveat() {
    assertTrue(Ltv.clv(SUMMARY, BG, GG, ClvTerms.monthly(12, 0.01, 1)).caveats().isEmpty());
    Convergence stuck = new Convergence(false, 40, 3, Double.NaN, "newton");
    ParetoNbdFit pnbd = new ParetoNbdFit(new Estimate("r", 0.55, 0), new Estimate("alpha", 10.58, 0),
        new Estimate("s", 0.61, 0), new Estimate("beta", 11.67, 0), 0, 3, 3, stuck, RfmUnit.WEEK);
    ClvTable t = Ltv.clv(SUMMARY, pnbd, GG, ClvTerms.monthly(12, 0.01, 1), Double.NaN);
    assertEquals(1, t.caveats().size(), t.caveats().toString());
    assertTrue(t.caveats().get(0).contains("Pareto/NBD fit did NOT converge"), t.caveats().get(0));
    assertTrue(!t.fromConvergedFits() && t.summary().contains("CAVEAT: the Pareto/NBD fit"),
        t.summary());
    GammaGammaFit ggStuck = new GammaGammaFit(GG.p(), GG.q(), GG.gamma(), 0, 0, 0, stuck);
    assertEquals(2, Ltv.clv(SUMMARY, pnbd, ggStuck, ClvTerms.monthly(12, 0.01, 1), Double.NaN)
        .caveats().size());
  }
}
