package dev.funnel.attribution;

import java.util.Arrays;

/**
 * Per-touch weights of the rule-based models for one journey; every weight vector sums to 1.
 *
 * <p>Sources: first, last, last-non-direct, linear, position-based (U-shaped) and time decay are
 * the rule-based models of Google Analytics' attribution modelling (GA "Model comparison tool"
 * documentation) and of ChannelAttribution's {@code heuristic_models}; W-shaped is the
 * Bizible/Marketo multi-touch rule (first touch, lead creation, opportunity creation 30% each,
 * 10% over the rest). Conventions chosen here are stated on each method.
 */
final class RuleWeights {
  private RuleWeights() {}

  /** Checks the journey set carries what the model needs, with a message saying why not. */
  static void check(Model m, JourneySet js) {
    if (m == Model.W_SHAPED && !js.marked()) {
      throw new IllegalArgumentException(
          "the W-shaped model needs per-touch markers (the lead-creation and opportunity-creation "
              + "touches), which paths and pre-cut journeys do not carry; build the journeys from a "
              + "dataset's touches and stages (JourneySet.fromDataset)");
    }
    if (m == Model.TIME_DECAY && !js.timed()) {
      throw new IllegalArgumentException(
          "the time-decay model needs touch timestamps, which the paths table does not carry; "
              + "build the journeys from touches (JourneySet.fromDataset or fromJourneys)");
    }
  }

  /** The weights of journey {@code j} under a rule-based model. */
  static double[] of(Model m, AttributionOptions o, JourneySet js, int j) {
    int[] p = js.pathArrays()[j];
    int n = p.length;
    double[] w = new double[n];
    switch (m) {
      case FIRST -> w[0] = 1;
      case LAST -> w[n - 1] = 1;
      case LAST_NON_DIRECT -> w[lastNonDirect(o, js, p)] = 1;
      case LINEAR -> linear(o, p, w);
      case POSITION -> position(o, w);
      case W_SHAPED -> wShaped(js.leadMark[j], js.oppMark[j], w);
      case TIME_DECAY -> timeDecay(o, js.ageArrays()[j], w);
      case CUSTOM -> custom(o, js, j, w);
      default -> throw new IllegalArgumentException(m + " is not a rule-based model");
    }
    return w;
  }

  /** The last touch that is not direct; the last touch when every touch is direct. */
  private static int lastNonDirect(AttributionOptions o, JourneySet js, int[] p) {
    for (int i = p.length - 1; i >= 0; i--) {
      if (!o.isDirect(js.channels[p[i]])) {
        return i;
      }
    }
    return p.length - 1;
  }

  /** 1/n per touch; or, per channel, 1/d per distinct channel, split over that channel's touches. */
  private static void linear(AttributionOptions o, int[] p, double[] w) {
    if (!o.linearPerChannel()) {
      Arrays.fill(w, 1.0 / p.length);
      return;
    }
    java.util.Map<Integer, Integer> count = new java.util.HashMap<>();
    for (int c : p) {
      count.merge(c, 1, Integer::sum);
    }
    double d = count.size();
    for (int i = 0; i < p.length; i++) {
      w[i] = 1.0 / d / count.get(p[i]);
    }
  }

  /**
   * U-shape: first and last touch get their shares, the middle touches split the rest equally;
   * one touch gets everything; two touches split first:last (50/50 with the default 40/40).
   */
  static void position(AttributionOptions o, double[] w) {
    int n = w.length;
    if (n == 1) {
      w[0] = 1;
    } else if (n == 2) {
      double f = o.positionFirst();
      double l = o.positionLast();
      w[0] = f / (f + l);
      w[1] = l / (f + l);
    } else {
      double mid = o.positionMiddle() / (n - 2);
      Arrays.fill(w, mid);
      w[0] = o.positionFirst();
      w[n - 1] = o.positionLast();
      normalise(w);
    }
  }

  /**
   * W-shape: the first touch, the lead-creation touch and the opportunity-creation touch get 0.3
   * each (markers on the same touch add up), the other touches share 0.1 equally; a marker that is
   * absent for the journey drops out; the weights are then normalised to sum to 1 (so a journey
   * whose touches are all marked splits by its markers alone).
   */
  private static void wShaped(int leadMark, int oppMark, double[] w) {
    boolean[] marked = new boolean[w.length];
    w[0] += 0.3;
    marked[0] = true;
    if (leadMark >= 0) {
      w[leadMark] += 0.3;
      marked[leadMark] = true;
    }
    if (oppMark >= 0) {
      w[oppMark] += 0.3;
      marked[oppMark] = true;
    }
    int others = 0;
    for (boolean b : marked) {
      others += b ? 0 : 1;
    }
    for (int i = 0; i < w.length; i++) {
      if (!marked[i]) {
        w[i] = 0.1 / others;
      }
    }
    normalise(w);
  }

  /** Weight 2^(-age in days / half-life), normalised; the age is measured to the conversion. */
  private static void timeDecay(AttributionOptions o, double[] ages, double[] w) {
    double h = o.halfLifeDays();
    double youngest = Double.POSITIVE_INFINITY;
    for (double a : ages) {
      youngest = Math.min(youngest, a);
    }
    for (int i = 0; i < w.length; i++) {
      // shifting every age by the youngest cancels in the normalisation and avoids underflow
      w[i] = Math.pow(2.0, -(ages[i] - youngest) / h);
    }
    normalise(w);
  }

  private static void custom(AttributionOptions o, JourneySet js, int j, double[] w) {
    for (int i = 0; i < w.length; i++) {
      w[i] = o.customWeight(i);
    }
    double s = 0;
    for (double x : w) {
      s += x;
    }
    if (s == 0) {
      throw new IllegalArgumentException("the custom position weights "
          + Arrays.toString(o.customWeights()) + " give the " + w.length + "-touch journey '"
          + js.id(j) + "' no weight at all");
    }
    normalise(w);
  }

  private static void normalise(double[] w) {
    double s = 0;
    for (double x : w) {
      s += x;
    }
    for (int i = 0; i < w.length; i++) {
      w[i] /= s;
    }
  }
}
