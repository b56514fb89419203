package dev.funnel.cohort.ltv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.numbers.gamma.Erfc;
import org.hipparchus.analysis.integration.IterativeLegendreGaussIntegrator;
import org.junit.jupiter.api.Test;

/**
 * Continuous-time DERT of the Pareto/NBD and the BG/NBD (and their limit models) against the
 * definition integrated numerically: {@code DERT = integral_0^inf e^(-delta t) dE[Y(t)]
 * = delta integral_0^inf e^(-delta t) E[Y(t) | x, t_x, T] dt} (by parts; E[Y(0)] = 0 and E[Y]
 * grows slower than e^(delta t)), with E[Y(t) | ...] the fits' conditional expectations (the
 * Pareto/NBD's elementary form, the BG/NBD's eq. 10 with its 2F1), integrated by Hipparchus'
 * adaptive Gauss-Legendre rule over [0, 40/delta] in 80 pieces (the rest is below
 * {@code e^-40} times a power of t). The confluent hypergeometric
 * function underneath is checked against its closed forms at s = 1, 1/2 and 2 and its asymptotic
 * series.
 */
class DiscountedResidualTransactionsTest {

  /** 15% a year, continuously compounded, per week (Fader, Hardie and Lee 2005, iso-value curves). */
  static final double WEEKLY = Math.log(1.15) / 52;

  static Estimate e(String name, double v) {
    return new Estimate(name, v, Double.NaN);
  }

  static final Convergence GIVEN = new Convergence(true, 0, 0, 0, "given");

  /** The definition, integrated numerically. */
  static double oracle(double delta, DoubleUnaryOperator expected) {
    IterativeLegendreGaussIntegrator g = new IterativeLegendreGaussIntegrator(16, 1e-13, 1e-16);
    double sum = 0;
    double piece = 0.5 / delta;
    for (int k = 0; k < 80; k++) {
      sum += g.integrate(Integer.MAX_VALUE,
          t -> delta * Math.exp(-delta * t) * expected.applyAsDouble(t), k * piece,
          (k + 1) * piece);
    }
    return sum;
  }

  /** E1(z) by its convergent series (Abramowitz and Stegun 5.1.11), for z up to 3. */
  static double e1(double z) {
    double sum = 0;
    double term = 1;
    for (int k = 1; k < 200; k++) {
      term *= -z / k;
      sum += term / k;
    }
    return -0.5772156649015329 - Math.log(z) - sum;
  }

  @Test
  void tricomiUMatchesItsClosedForms() {
    for (double z : new double[] {1e-8, 1e-3, 0.01, 0.3, 1, 2.5, 3}) {
      // U(1, 1; z) = e^z E1(z); U(1/2, 1/2; z) = sqrt(pi) e^z erfc(sqrt z) (DLMF 13.6.6);
      // U(2, 2; z) = 1/z - e^z E1(z) (Gamma(-1, z) = e^-z / z - E1(z))
      double u1 = Math.exp(z) * e1(z);
      assertEquals(u1, ResidualTransactions.tricomiU(1, z), 1e-13 * u1, "U(1,1;" + z + ")");
      double uHalf = Math.sqrt(Math.PI) * Math.exp(z) * Erfc.value(Math.sqrt(z));
      assertEquals(uHalf, ResidualTransactions.tricomiU(0.5, z), 1e-13 * uHalf, "U(1/2;" + z + ")");
      double u2 = 1 / z - u1;
      assertEquals(u2, ResidualTransactions.tricomiU(2, z), 1e-12 * u2, "U(2,2;" + z + ")");
    }
    // large z: U(s, s; z) ~ z^-s (1 - s/z + s(s+1)/z^2 - s(s+1)(s+2)/z^3) (DLMF 13.7.3)
    for (double s : new double[] {0.05, 0.6, 3.7, 40}) {
      double z = 1e5;
      double series = Math.pow(z, -s) * (1 - s / z + s * (s + 1) / (z * z)
          - s * (s + 1) * (s + 2) / (z * z * z));
      assertEquals(series, ResidualTransactions.tricomiU(s, z), 1e-13 * series, "s " + s);
    }
    // without discounting the integral is 1/(s-1)
    assertEquals(1 / 1.5, ResidualTransactions.tail(1e-14, 2.5), 1e-11);
    assertThrows(IllegalArgumentException.class, () -> ResidualTransactions.tail(0, 1));
  }

  @Test
  void betaMeansAreExactForPolynomialsAndSingularWeights() {
    // E[p] = a/(a+b), E[p^2] = a(a+1)/((a+b)(a+b+1)), also with weights singular at both ends
    for (double[] ab : new double[][] {{0.793, 2.426}, {0.05, 0.3}, {3, 0.02}, {40, 60}}) {
      double a = ab[0];
      double b = ab[1];
      assertEquals(a / (a + b), ResidualTransactions.betaMean(a, b, p -> p), 1e-12);
      assertEquals(a * (a + 1) / ((a + b) * (a + b + 1)),
          ResidualTransactions.betaMean(a, b, p -> p * p), 1e-12);
      // E[1/(1 + 3p)] = 2F1(1, a; a+b; -3): the Pfaff form (1/4) 2F1(1, b; a+b; 3/4) by its series
      double series = 0;
      double term = 1;
      for (int k = 0; k < 400; k++) {
        series += term;
        term *= (1 + k) * (b + k) / ((a + b + k) * (k + 1)) * 0.75;
      }
      assertEquals(series / 4, ResidualTransactions.betaMean(a, b, p -> 1 / (1 + 3 * p)),
          1e-11, "a " + a + " b " + b);
    }
  }

  /** The Pareto/NBD of CDNOW (FHL 2005: r 0.553, alpha 10.578, s 0.606, beta 11.669). */
  static ParetoNbdFit pareto(double s, double beta) {
    return new ParetoNbdFit(e("r", 0.553), e("alpha", 10.578), e("s", s), e("beta", beta), 0, 0,
        0, GIVEN, RfmUnit.WEEK);
  }

  static final double[][] HISTORIES = {{0, 0, 38.86}, {2, 30.43, 38.86}, {1, 1.71, 38.86},
      {7, 35, 38}, {29, 38.7, 38.86}, {3, 5, 70}};

  @Test
  void paretoNbdDertEqualsTheDiscountedConditionalExpectation() {
    for (ParetoNbdFit f : new ParetoNbdFit[] {pareto(0.606, 11.669), pareto(2.5, 30)}) {
      for (double delta : new double[] {WEEKLY, 0.05}) {
        for (double[] h : HISTORIES) {
          int x = (int) h[0];
          double want = oracle(delta, t -> f.expectedPurchases(t, x, h[1], h[2]));
          double got = f.discountedResidualTransactions(delta, x, h[1], h[2]);
          assertEquals(want, got, 1e-9 * want, f.s().value() + " " + delta + " " + x);
        }
      }
    }
    // the limit models
    ParetoNbdFit homogeneous = new ParetoNbdFit(e("r", Double.POSITIVE_INFINITY),
        e("alpha", Double.POSITIVE_INFINITY), e("s", 0.08), e("beta", 0.03), 0, 0, 0, GIVEN,
        RfmUnit.WEEK, ParetoNbdFit.HOMOGENEOUS_RATE, e("lambda", 0.176));
    ParetoNbdFit constant = new ParetoNbdFit(e("r", 0.553), e("alpha", 10.578),
        e("s", Double.POSITIVE_INFINITY), e("beta", Double.POSITIVE_INFINITY), 0, 0, 0, GIVEN,
        RfmUnit.WEEK, ParetoNbdFit.CONSTANT_DROPOUT_RATE, e("lambda", 0.0523), e("mu", 0.04));
    ParetoNbdFit none = new ParetoNbdFit(e("r", 0.553), e("alpha", 10.578), e("s", 0),
        e("beta", Double.POSITIVE_INFINITY), 0, 0, 0, GIVEN, RfmUnit.WEEK,
        ParetoNbdFit.NO_DROPOUT);
    for (ParetoNbdFit f : new ParetoNbdFit[] {homogeneous, constant, none}) {
      for (double[] h : new double[][] {{2, 30.43, 38.86}, {0, 0, 20}}) {
        int x = (int) h[0];
        double want = oracle(WEEKLY, t -> f.expectedPurchases(t, x, h[1], h[2]));
        assertEquals(want, f.discountedResidualTransactions(WEEKLY, x, h[1], h[2]), 1e-9 * want,
            f.boundary());
      }
    }
    assertEquals((0.553 + 2) / (10.578 + 38.86) / WEEKLY,
        none.discountedResidualTransactions(WEEKLY, 2, 30.43, 38.86), 1e-9);
  }

  static BgNbdFit bgNbd(double a, double b) {
    return new BgNbdFit(e("r", 0.243), e("alpha", 4.414), e("a", a), e("b", b), 0, 0, 0, GIVEN,
        RfmUnit.WEEK);
  }

  @Test
  void bgNbdDertEqualsTheDiscountedConditionalExpectation() {
    // the CDNOW fit (FHL 2005: r 0.243, alpha 4.414, a 0.793, b 2.426), a > 1, and a + b < 1
    // (the weekly rate integrates eq. 10 out to 15,000 weeks, where its 2F1 series is long:
    // two histories there, all at 0.05)
    for (BgNbdFit f : new BgNbdFit[] {bgNbd(0.793, 2.426), bgNbd(2.2, 5), bgNbd(0.3, 0.5)}) {
      for (double delta : new double[] {WEEKLY, 0.05}) {
        for (double[] h : delta == WEEKLY ? new double[][] {HISTORIES[0], HISTORIES[1]}
            : HISTORIES) {
          int x = (int) h[0];
          double want = oracle(delta, t -> f.expectedPurchases(t, x, h[1], h[2]));
          double got = f.discountedResidualTransactions(delta, x, h[1], h[2]);
          assertEquals(want, got, 1e-9 * want, f.a().value() + " " + delta + " " + x);
        }
      }
    }
  }

  @Test
  void bgNbdLimitModelsToo() {
    BgNbdFit none = new BgNbdFit(e("r", 0.997), e("alpha", 9.65), e("a", 0),
        e("b", Double.POSITIVE_INFINITY), 0, 0, 0, GIVEN, RfmUnit.WEEK, BgNbdFit.NO_DROPOUT,
        e("pi", 0));
    BgNbdFit constant = new BgNbdFit(e("r", 0.8), e("alpha", 6), e("a", Double.POSITIVE_INFINITY),
        e("b", Double.POSITIVE_INFINITY), 0, 0, 0, GIVEN, RfmUnit.WEEK,
        BgNbdFit.CONSTANT_DROPOUT, e("pi", 0.18));
    BgNbdFit twoPoint = new BgNbdFit(e("r", 0.8), e("alpha", 6), e("a", 0), e("b", 0), 0, 0, 0,
        GIVEN, RfmUnit.WEEK, BgNbdFit.ALL_OR_NOTHING, e("pi", 0.06));
    for (BgNbdFit f : new BgNbdFit[] {none, constant, twoPoint}) {
      for (double[] h : new double[][] {{0, 0, 30}, {3, 20, 30}}) {
        int x = (int) h[0];
        double want = oracle(WEEKLY, t -> f.expectedPurchases(t, x, h[1], h[2]));
        assertEquals(want, f.discountedResidualTransactions(WEEKLY, x, h[1], h[2]), 1e-9 * want,
            f.boundary() + " x " + x);
      }
    }
  }

  @Test
  void moreDiscountMeansFewerDiscountedTransactionsAndBadRatesAreRefused() {
    BgNbdFit f = bgNbd(0.793, 2.426);
    double previous = Double.POSITIVE_INFINITY;
    for (double delta : new double[] {1e-4, 1e-3, WEEKLY, 0.01, 0.1, 1}) {
      double d = f.discountedResidualTransactions(delta, 2, 30.43, 38.86);
      assertTrue(d > 0 && d < previous, delta + ": " + d);
      previous = d;
    }
    assertThrows(IllegalArgumentException.class,
        () -> f.discountedResidualTransactions(0, 2, 30.43, 38.86));
    assertThrows(IllegalArgumentException.class,
        () -> pareto(0.606, 11.669).discountedResidualTransactions(Double.NaN, 0, 0, 1));
    assertThrows(IllegalArgumentException.class,
        () -> f.discountedResidualTransactions(WEEKLY, 2, 40, 38.86));
  }
}
