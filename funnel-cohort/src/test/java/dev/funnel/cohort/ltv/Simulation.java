package dev.funnel.cohort.ltv;

import java.util.SplittableRandom;

/** Seeded samplers for the generative processes of the models (test-side oracle). */
final class Simulation {

  private Simulation() {}

  /** Gamma(shape, rate) by Marsaglia and Tsang (2000), with the shape < 1 boost. */
  static double gamma(SplittableRandom rnd, double shape, double rate) {
    if (shape < 1) {
      double u = rnd.nextDouble();
      return gamma(rnd, shape + 1, rate) * Math.pow(u, 1 / shape);
    }
    double d = shape - 1.0 / 3;
    double c = 1 / Math.sqrt(9 * d);
    while (true) {
      double z = rnd.nextGaussian();
      double v = 1 + c * z;
      if (v <= 0) {
        continue;
      }
      v = v * v * v;
      double u = rnd.nextDouble();
      if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) {
        return d * v / rate;
      }
    }
  }

  static double beta(SplittableRandom rnd, double a, double b) {
    double x = gamma(rnd, a, 1);
    double y = gamma(rnd, b, 1);
    return x / (x + y);
  }

  static double exponential(SplittableRandom rnd, double rate) {
    return -Math.log1p(-rnd.nextDouble()) / rate;
  }

  /**
   * One BG/NBD customer observed for T: Poisson purchases at rate lambda, dropout with probability
   * p after each repeat purchase. Returns {x, t_x}.
   */
  static double[] bgNbdCustomer(SplittableRandom rnd, double lambda, double p, double T) {
    double t = 0;
    int x = 0;
    double tx = 0;
    while (true) {
      t += exponential(rnd, lambda);
      if (t > T) {
        break;
      }
      x++;
      tx = t;
      if (rnd.nextDouble() < p) {
        break;
      }
    }
    return new double[] {x, tx};
  }
}
