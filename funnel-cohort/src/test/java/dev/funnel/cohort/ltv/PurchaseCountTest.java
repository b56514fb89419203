package dev.funnel.cohort.ltv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The distribution of a new customer's repeat purchases, P(X(t) = n), in every BG/NBD form: it
 * sums to one, its mean is the 2F1 closed form of E[X(t)] (an independent formula), and a
 * simulation of the generative process agrees; the Pareto/NBD's unconditional E[X(t)] against
 * the published closed form and a simulation.
 */
class PurchaseCountTest {

  private static final double R = BgNbdPredictionTest.R;
  private static final double ALPHA = BgNbdPredictionTest.ALPHA;
  private static final double A = BgNbdPredictionTest.A;
  private static final double B = BgNbdPredictionTest.B;

  private static void sumsToOneWithTheClosedFormMean(BgNbdFit f, double t) {
    double total = 0;
    double mean = 0;
    for (int n = 0; n < 20_000; n++) {
      double p = f.probabilityOfPurchases(n, t);
      total += p;
      mean += n * p;
      if (n > 50 && p < 1e-18) {
        break;
      }
    }
    assertEquals(1.0, total, 1e-10, "t = " + t);
    assertEquals(f.expectedPurchases(t), mean, 1e-8 * (1 + mean), "t = " + t);
  }

  @Test
  void everyFormSumsToOneAndHasTheClosedFormMean() {
    for (double t : new double[] {0.5, 10, 39, 78}) {
      sumsToOneWithTheClosedFormMean(BgNbdPredictionTest.fit(R, ALPHA, A, B), t);
      sumsToOneWithTheClosedFormMean(BgNbdPredictionTest.fit(2.5, 3.0, 3.2, 7.5), t);
      sumsToOneWithTheClosedFormMean(BgNbdConstantDropoutTest.limit(R, ALPHA, 0.3), t);
      sumsToOneWithTheClosedFormMean(BgNbdAllOrNothingTest.limit(R, ALPHA, 0.4), t);
    }
    assertEquals(1.0, BgNbdPredictionTest.fit(R, ALPHA, A, B).probabilityOfPurchases(0, 0));
    assertThrows(IllegalArgumentException.class,
        () -> BgNbdPredictionTest.fit(R, ALPHA, A, B).probabilityOfPurchases(-1, 5));
  }

  @Test
  void bgNbdCountsAsRBtyd() {
    // R package BTYD, bgnbd.pmf at r = 0.243, alpha = 4.414, a = 0.793, b = 2.426 (as quoted by
    // lifetimes' tests): P(X(2) = 10) and P(X(30) = n) for n = 11..20
    BgNbdFit f = BgNbdPredictionTest.fit(R, ALPHA, A, B);
    assertEquals(1.07869e-07, f.probabilityOfPurchases(10, 2), 5e-13);
    double[] pmf = {0.0019995214, 0.0015170236, 0.0011633150, 0.0009003148, 0.0007023638,
        0.0005517902, 0.0004361913, 0.0003467171, 0.0002769613, 0.0002222260};
    for (int n = 11; n <= 20; n++) {
      assertEquals(pmf[n - 11], f.probabilityOfPurchases(n, 30), 5e-11, "n = " + n);
    }
    // and Hardie's spreadsheet's conditional expectation for x = 2, t_x = 30.43, T = 38.86
    assertEquals(1.226, f.expectedPurchases(39, 2, 30.43, 38.86), 5e-4);
  }

  @Test
  void bgNbdCountsAgreeWithASimulation() {
    double r = 2.5;
    double alpha = 3.0;
    double a = 3.2;
    double b = 7.5;
    double t = 10;
    BgNbdFit f = BgNbdPredictionTest.fit(r, alpha, a, b);
    SplittableRandom rnd = new SplittableRandom(17);
    int customers = 200_000;
    long[] count = new long[6];
    for (int c = 0; c < customers; c++) {
      double lambda = Simulation.gamma(rnd, r, alpha);
      double p = Simulation.beta(rnd, a, b);
      int n = 0;
      double at = Simulation.exponential(rnd, lambda);
      while (at <= t) { // a purchase, then the customer drops out with probability p
        n++;
        if (rnd.nextDouble() < p) {
          break;
        }
        at += Simulation.exponential(rnd, lambda);
      }
      if (n < count.length) {
        count[n]++;
      }
    }
    for (int n = 0; n < count.length; n++) {
      double share = (double) count[n] / customers;
      double expected = f.probabilityOfPurchases(n, t);
      // four standard errors of a share of 200,000
      assertEquals(expected, share, 4 * Math.sqrt(expected * (1 - expected) / customers) + 1e-4,
          "n = " + n);
    }
  }

  @Test
  void paretoNbdUnconditionalMeanAsPublishedAndSimulated() {
    double r = 0.553;
    double alpha = 10.578;
    double s = 0.606;
    double beta = 11.669;
    ParetoNbdFit f = ParetoNbdPredictionTest.fit(r, alpha, s, beta);
    for (double t : new double[] {1, 39, 78}) {
      // Schmittlein, Morrison and Colombo (1987): r beta / (alpha (s-1)) [1 - (beta/(beta+t))^(s-1)]
      double closed = r * beta / (alpha * (s - 1)) * (1 - Math.pow(beta / (beta + t), s - 1));
      assertEquals(closed, f.expectedPurchases(t), 1e-12 * closed, "t = " + t);
    }
    SplittableRandom rnd = new SplittableRandom(23);
    int customers = 400_000;
    double t = 39;
    double sum = 0;
    double sq = 0;
    for (int c = 0; c < customers; c++) {
      double lambda = Simulation.gamma(rnd, 2.0, 1.5);
      double mu = Simulation.gamma(rnd, 3.0, 40);
      double life = Math.min(Simulation.exponential(rnd, mu), t);
      double n = 0;
      for (double at = Simulation.exponential(rnd, lambda); at <= life;
          at += Simulation.exponential(rnd, lambda)) {
        n++;
      }
      sum += n;
      sq += n * n;
    }
    double mean = sum / customers;
    double se = Math.sqrt((sq / customers - mean * mean) / customers);
    assertEquals(ParetoNbdPredictionTest.fit(2.0, 1.5, 3.0, 40).expectedPurchases(t), mean, 4 * se);
  }
}
