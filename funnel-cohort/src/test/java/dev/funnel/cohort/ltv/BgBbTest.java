package dev.funnel.cohort.ltv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.numbers.gamma.LogGamma;
import org.junit.jupiter.api.Test;

/**
 * The BG/BB on the donation data of Fader, Hardie and Shang (2010): 11,104 first-time donors of
 * 1995 and their repeat donations in 1996-2001 (n = 6), as published with the paper (resource
 * donations.csv: frequency, recency, opportunities, donors).
 */
class BgBbTest {

  static List<BgBbPattern> donations() throws IOException {
    List<BgBbPattern> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        BgBbTest.class.getResourceAsStream("donations.csv"), StandardCharsets.UTF_8))) {
      r.readLine();
      for (String line; (line = r.readLine()) != null; ) {
        String[] f = line.split(",");
        out.add(new BgBbPattern(Integer.parseInt(f[0]), Integer.parseInt(f[1]),
            Integer.parseInt(f[2]), Long.parseLong(f[3])));
      }
    }
    return out;
  }

  @Test
  void donationFitAsPublished() throws IOException {
    // FHS 2010, table 2: alpha 1.204, beta 0.750, gamma 0.657, delta 2.783, LL -33,225.6
    List<BgBbPattern> d = donations();
    BgBbFit f = Ltv.bgBb(d);
    assertTrue(f.convergence().converged(), f.toString());
    assertEquals(11_104, f.customers());
    assertEquals(1.204, f.alpha().value(), 1e-3);
    assertEquals(0.750, f.beta().value(), 1e-3);
    assertEquals(0.657, f.gamma().value(), 1e-3);
    assertEquals(2.783, f.delta().value(), 1e-3);
    assertEquals(-33_225.6, f.logLikelihood(), 0.05);
    List<BgBbPattern> shuffled = new ArrayList<>(d);
    Collections.shuffle(shuffled, new java.util.Random(2));
    assertEquals(f, Ltv.bgBb(shuffled));
  }

  @Test
  void gradientMatchesFiniteDifferences() throws IOException {
    BgBbLikelihood l = new BgBbLikelihood(donations());
    double[] theta = {0.1, -0.2, -0.4, 1.0};
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

  private static BgBbFit at(double a, double b, double g, double d) {
    return new BgBbFit(new Estimate("alpha", a, 0), new Estimate("beta", b, 0),
        new Estimate("gamma", g, 0), new Estimate("delta", d, 0), 0, 0, 0,
        new Convergence(true, 0, 0, 0, "given"));
  }

  @Test
  void predictionsAgreeWithClosedFormsAndSimulation() {
    BgBbFit f = at(1.204, 0.750, 0.657, 2.783);
    // the distribution of X(n) sums to one and has the mean of eq. 7
    for (int n : new int[] {1, 6, 11}) {
      double total = 0;
      double mean = 0;
      for (int x = 0; x <= n; x++) {
        total += f.probabilityOfTransactions(x, n);
        mean += x * f.probabilityOfTransactions(x, n);
      }
      assertEquals(1.0, total, 1e-12);
      assertEquals(f.expectedTransactions(n), mean, 1e-12);
      // eq. 7's closed form: a/(a+b) d/(g-1) [1 - G(g+d) G(1+d+n) / (G(g+d+n) G(1+d))]
      double closed = 1.204 / (1.204 + 0.750) * 2.783 / (0.657 - 1)
          * (1 - Math.exp(LogGamma.value(0.657 + 2.783) + LogGamma.value(1 + 2.783 + n)
          - LogGamma.value(0.657 + 2.783 + n) - LogGamma.value(1 + 2.783)));
      assertEquals(closed, f.expectedTransactions(n), 1e-12);
    }
    // eq. 13's closed form for a donor with history (x, t_x, n) = (3, 5, 6), 5 more years
    int x = 3;
    int tx = 5;
    int n = 6;
    int future = 5;
    double a = 1.204;
    double b = 0.750;
    double g = 0.657;
    double d = 2.783;
    double lnB1 = org.apache.commons.numbers.gamma.LogBeta.value(a + x + 1, b + n - x)
        - org.apache.commons.numbers.gamma.LogBeta.value(a, b);
    double bracket = Math.exp(LogGamma.value(1 + d + n) - LogGamma.value(g + d + n))
        - Math.exp(LogGamma.value(1 + d + n + future) - LogGamma.value(g + d + n + future));
    double alive = f.probabilityAlive(x, tx, n);
    double lnJoint = org.apache.commons.numbers.gamma.LogBeta.value(a + x, b + n - x)
        - org.apache.commons.numbers.gamma.LogBeta.value(a, b)
        + org.apache.commons.numbers.gamma.LogBeta.value(g, d + n + 1)
        - org.apache.commons.numbers.gamma.LogBeta.value(g, d);
    double lnL = lnJoint - Math.log(alive);
    double eq13 = Math.exp(lnB1 - lnL) * d / (g - 1)
        * Math.exp(LogGamma.value(g + d) - LogGamma.value(1 + d)) * bracket;
    assertEquals(eq13, f.expectedTransactions(future, x, tx, n), 1e-12 * eq13);
    // simulation of new donors: transactions in 6 opportunities
    SplittableRandom rnd = new SplittableRandom(8);
    int donors = 200_000;
    double sum = 0;
    long[] count = new long[7];
    for (int c = 0; c < donors; c++) {
      double p = Simulation.beta(rnd, a, b);
      double theta = Simulation.beta(rnd, g, d);
      int k = 0;
      for (int t = 1; t <= 6; t++) {
        if (rnd.nextDouble() < theta) {
          break;
        }
        if (rnd.nextDouble() < p) {
          k++;
        }
      }
      sum += k;
      count[k]++;
    }
    assertEquals(f.expectedTransactions(6), sum / donors, 0.02);
    for (int k = 0; k <= 6; k++) {
      double share = (double) count[k] / donors;
      double pk = f.probabilityOfTransactions(k, 6);
      assertEquals(pk, share, 4 * Math.sqrt(pk * (1 - pk) / donors) + 1e-4, "x = " + k);
    }
  }
}
