package dev.funnel.core.demo;

/**
 * Customer segments of the demo company: the size of a deal and how long it takes.
 */
enum Segment {
  SMB("smb", 1.05, 1.0, 2_400, "starter"),
  MID("mid", 1.00, 1.6, 12_000, "growth"),
  ENTERPRISE("enterprise", 0.85, 2.8, 55_000, "enterprise");

  /** Name as written in the dataset. */
  final String label;
  /** Factor on the sales-stage conversions (SQL onwards). */
  final double closeFactor;
  /** Factor on every stage delay: bigger buyers decide slower. */
  final double slowness;
  /** Median deal value in dollars (log-normal, sigma {@link #DEAL_SIGMA}). */
  final double medianDeal;
  /** Product sold to the segment. */
  final String product;

  /** Log-scale spread of deal values. */
  static final double DEAL_SIGMA = 0.5;

  Segment(String label, double closeFactor, double slowness, double medianDeal, String product) {
    this.label = label;
    this.closeFactor = closeFactor;
    this.slowness = slowness;
    this.medianDeal = medianDeal;
    this.product = product;
  }

  /** Segment weights for ordinary channels and for channels with bigger accounts. */
  static double[] weights(boolean bigAccounts) {
    return bigAccounts ? new double[] {0.35, 0.40, 0.25} : new double[] {0.62, 0.29, 0.09};
  }

  /** Mean deal value: median times {@code exp(sigma^2 / 2)}, the log-normal mean. */
  double meanDeal() {
    return medianDeal * Math.exp(DEAL_SIGMA * DEAL_SIGMA / 2);
  }
}
