package dev.funnel.attribution;

/**
 * The rule-based models' channel credits over the columnar form ({@link CompactJourneys}): one
 * tight pass per model over the weighted entries, no allocation per journey.
 *
 * <p>Each model gives exactly the credit of the per-journey route ({@link RuleWeights} weights,
 * summed in entry order, see {@link CreditEngine}): the weights are computed by the same arithmetic
 * and added to the same channels in the same order, so the doubles agree bit for bit. First, last
 * and last non-direct add the whole conversion to one touch; linear (per touch) adds {@code 1/n};
 * linear per channel {@code 1/d/count}; position reuses one weight vector per path length; time
 * decay computes {@code 2^(-(age - youngest) / half-life)} normalised per journey (model sources on
 * {@link RuleWeights}). W-shaped and custom weights use the per-journey weights over the same
 * columns.
 */
final class RuleCredit {
  private RuleCredit() {}

  static CreditEngine.Credits compute(JourneySet js, Model m, AttributionOptions o) {
    RuleWeights.check(m, js);
    CompactJourneys cj = js.compact();
    int channels = js.channels.length;
    double[] conv = new double[channels];
    double[] value = new double[channels];
    switch (m) {
      case FIRST -> first(cj, conv, value);
      case LAST -> last(cj, conv, value);
      case LAST_NON_DIRECT -> lastNonDirect(cj, direct(js, o), conv, value);
      case LINEAR -> {
        if (o.linearPerChannel()) {
          linearPerChannel(cj, channels, conv, value);
        } else {
          linear(cj, conv, value);
        }
      }
      case POSITION -> position(cj, o, conv, value);
      case TIME_DECAY -> timeDecay(cj, o.halfLifeDays(), conv, value);
      default -> perJourney(js, cj, m, o, conv, value);
    }
    return new CreditEngine.Credits(conv, value, null, null, null);
  }

  private static void first(CompactJourneys cj, double[] conv, double[] value) {
    int[] start = cj.start;
    int[] ch = cj.channel;
    long[] c = cj.conv;
    double[] v = cj.value;
    for (int j : cj.weighted) {
      int k = ch[start[j]];
      conv[k] += c[j];
      value[k] += v[j];
    }
  }

  private static void last(CompactJourneys cj, double[] conv, double[] value) {
    int[] start = cj.start;
    int[] ch = cj.channel;
    long[] c = cj.conv;
    double[] v = cj.value;
    for (int j : cj.weighted) {
      int k = ch[start[j + 1] - 1];
      conv[k] += c[j];
      value[k] += v[j];
    }
  }

  private static boolean[] direct(JourneySet js, AttributionOptions o) {
    boolean[] d = new boolean[js.channels.length];
    for (int i = 0; i < d.length; i++) {
      d[i] = o.isDirect(js.channels[i]);
    }
    return d;
  }

  /** The last touch that is not direct; the last touch when every touch is direct. */
  private static void lastNonDirect(CompactJourneys cj, boolean[] direct, double[] conv,
      double[] value) {
    int[] start = cj.start;
    int[] ch = cj.channel;
    long[] c = cj.conv;
    double[] v = cj.value;
    for (int j : cj.weighted) {
      int from = start[j];
      int to = start[j + 1] - 1;
      int at = to;
      for (int i = to; i >= from; i--) {
        if (!direct[ch[i]]) {
          at = i;
          break;
        }
      }
      int k = ch[at];
      conv[k] += c[j];
      value[k] += v[j];
    }
  }

  private static void linear(CompactJourneys cj, double[] conv, double[] value) {
    int[] start = cj.start;
    int[] ch = cj.channel;
    long[] c = cj.conv;
    double[] v = cj.value;
    for (int j : cj.weighted) {
      int from = start[j];
      int to = start[j + 1];
      double w = 1.0 / (to - from);
      double cw = c[j] * w;
      double vw = v[j] * w;
      for (int i = from; i < to; i++) {
        int k = ch[i];
        conv[k] += cw;
        value[k] += vw;
      }
    }
  }

  private static void linearPerChannel(CompactJourneys cj, int channels, double[] conv,
      double[] value) {
    int[] start = cj.start;
    int[] ch = cj.channel;
    long[] c = cj.conv;
    double[] v = cj.value;
    int[] count = new int[channels];
    for (int j : cj.weighted) {
      int from = start[j];
      int to = start[j + 1];
      int distinct = 0;
      for (int i = from; i < to; i++) {
        if (count[ch[i]]++ == 0) {
          distinct++;
        }
      }
      double d = distinct;
      double cj1 = c[j];
      double vj = v[j];
      for (int i = from; i < to; i++) {
        int k = ch[i];
        double w = 1.0 / d / count[k];
        conv[k] += cj1 * w;
        value[k] += vj * w;
      }
      for (int i = from; i < to; i++) {
        count[ch[i]] = 0;
      }
    }
  }

  private static void position(CompactJourneys cj, AttributionOptions o, double[] conv,
      double[] value) {
    double[][] byLength = new double[cj.longest + 1][];
    for (int n = 1; n <= cj.longest; n++) {
      byLength[n] = new double[n];
      RuleWeights.position(o, byLength[n]);
    }
    int[] start = cj.start;
    int[] ch = cj.channel;
    long[] c = cj.conv;
    double[] v = cj.value;
    for (int j : cj.weighted) {
      int from = start[j];
      double[] w = byLength[start[j + 1] - from];
      double cj1 = c[j];
      double vj = v[j];
      for (int i = 0; i < w.length; i++) {
        int k = ch[from + i];
        conv[k] += cj1 * w[i];
        value[k] += vj * w[i];
      }
    }
  }

  private static void timeDecay(CompactJourneys cj, double halfLife, double[] conv,
      double[] value) {
    int[] start = cj.start;
    int[] ch = cj.channel;
    double[] age = cj.age;
    long[] c = cj.conv;
    double[] v = cj.value;
    double[] w = new double[cj.longest];
    for (int j : cj.weighted) {
      int from = start[j];
      int n = start[j + 1] - from;
      double youngest = Double.POSITIVE_INFINITY;
      for (int i = 0; i < n; i++) {
        youngest = Math.min(youngest, age[from + i]);
      }
      double s = 0;
      for (int i = 0; i < n; i++) {
        w[i] = Math.pow(2.0, -(age[from + i] - youngest) / halfLife);
        s += w[i];
      }
      double cj1 = c[j];
      double vj = v[j];
      for (int i = 0; i < n; i++) {
        double wi = w[i] / s;
        int k = ch[from + i];
        conv[k] += cj1 * wi;
        value[k] += vj * wi;
      }
    }
  }

  /** W-shaped and custom: the per-journey weights, summed over the columns. */
  private static void perJourney(JourneySet js, CompactJourneys cj, Model m, AttributionOptions o,
      double[] conv, double[] value) {
    int[] start = cj.start;
    int[] ch = cj.channel;
    for (int j : cj.weighted) {
      double[] w = RuleWeights.of(m, o, js, j);
      double cj1 = cj.conv[j];
      double vj = cj.value[j];
      for (int i = 0; i < w.length; i++) {
        int k = ch[start[j] + i];
        conv[k] += cj1 * w[i];
        value[k] += vj * w[i];
      }
    }
  }
}
