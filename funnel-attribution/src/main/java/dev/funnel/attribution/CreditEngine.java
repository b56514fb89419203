package dev.funnel.attribution;

/**
 * Computes channel credits of one model for one weighting of the journeys (the data itself, or a
 * bootstrap replicate). Credits are indexed like {@link JourneySet#channels}.
 *
 * <p>Rule-based models: a converting journey's conversions and value are split over its touches
 * by the model's per-touch weights ({@link RuleWeights}). Markov: channel c gets
 * removal_c / sum of removals times the total conversions, and the value likewise, or (with
 * {@link MarkovValue#VALUE_WEIGHTED}) by the removal effects on the journeys' value. Shapley:
 * channel c gets its Shapley share of the conversion game times the total conversions, and its
 * share of the value game (the same coalition worth with each journey counted by its value)
 * times the total value; the per-journey variant splits each journey's conversions and value over
 * its distinct channels, which is the Shapley value of both games for the subset worth.
 */
final class CreditEngine {
  private CreditEngine() {}

  /**
   * Channel credits.
   *
   * @param conv  conversion credit per channel
   * @param value value credit per channel
   * @param score the model's channel score (removal effect, Shapley share) or null
   * @param se    standard error of the conversion credit (Shapley sampling) or null
   * @param removal the Markov removal effects, or null
   */
  record Credits(double[] conv, double[] value, double[] score, double[] se, RemovalEffects removal) {}

  static Credits compute(JourneySet js, Weights w, Model m, AttributionOptions o) {
    int n = js.channels.length;
    if (m == Model.SHAPLEY && o.shapleyValue() == ShapleyValue.PER_JOURNEY) {
      AttributionOptions linear = o.toBuilder().linearPerChannel(true).build();
      Credits c = rule(js, w, Model.LINEAR, linear);
      double total = w.totalConversions();
      double[] score = new double[n];
      for (int i = 0; i < n; i++) {
        score[i] = total > 0 ? c.conv()[i] / total : 0;
      }
      return new Credits(c.conv(), c.value(), score, null, null);
    }
    if (m.ruleBased()) {
      RuleWeights.check(m, js);
      return rule(js, w, m, o);
    }
    double totalConv = w.totalConversions();
    double totalValue = w.totalValue();
    double[] conv = new double[n];
    double[] value = new double[n];
    if (m == Model.MARKOV) {
      RemovalEffects re = MarkovChain.removalEffects(js, w, o.markovOrder(), o.keepRepeats(),
          o.markovMaxStates());
      double sum = re.total();
      double[] score = new double[n];
      for (int i = 0; i < n; i++) {
        Double e = re.effects().get(js.channels[i]);
        score[i] = e == null || e.isNaN() ? 0.0 : e;
      }
      if (sum > 0 && !Double.isNaN(sum)) {
        for (int i = 0; i < n; i++) {
          conv[i] = score[i] / sum * totalConv;
          value[i] = score[i] / sum * totalValue;
        }
      }
      if (o.markovValue() == MarkovValue.VALUE_WEIGHTED && totalValue != 0) {
        RemovalEffects ve = MarkovChain.valueRemovalEffects(js, w, o.markovOrder(),
            o.keepRepeats(), o.markovMaxStates());
        double vsum = ve.total();
        for (int i = 0; i < n; i++) {
          Double e = ve.effects().get(js.channels[i]);
          double v = e == null || e.isNaN() ? 0.0 : e;
          value[i] = vsum > 0 && !Double.isNaN(vsum) ? v / vsum * totalValue : 0.0;
        }
      }
      return new Credits(conv, value, score, null, re);
    }
    ShapleyCredit.Shares s = ShapleyCredit.of(js, w, o, false);
    // the value is split by the Shapley value of the value game (each journey worth its value)
    ShapleyCredit.Shares sv = totalValue != 0 ? ShapleyCredit.of(js, w, o, true) : s;
    double[] se = null;
    if (s.standardError() != null) {
      se = new double[n];
      for (int i = 0; i < n; i++) {
        se[i] = s.standardError()[i] * totalConv;
      }
    }
    for (int i = 0; i < n; i++) {
      conv[i] = s.share()[i] * totalConv;
      value[i] = sv.share()[i] * totalValue;
    }
    return new Credits(conv, value, s.share(), se, null);
  }

  private static Credits rule(JourneySet js, Weights w, Model m, AttributionOptions o) {
    int n = js.channels.length;
    double[] conv = new double[n];
    double[] value = new double[n];
    for (int j = 0; j < js.size(); j++) {
      long c = w.conv()[j];
      double v = w.value()[j];
      if (c == 0 && v == 0) {
        continue;
      }
      double[] t = RuleWeights.of(m, o, js, j);
      int[] p = js.pathArrays()[j];
      for (int i = 0; i < p.length; i++) {
        conv[p[i]] += c * t[i];
        value[p[i]] += v * t[i];
      }
    }
    return new Credits(conv, value, null, null, null);
  }

  /**
   * Assisted conversions per channel: the conversions of journeys in which the channel appears
   * but is not the channel of the last touch (Google Analytics' "assisted conversions";
   * docs/spec/metrics.md), in [0]; the conversions whose last touch is on the channel, in [1].
   */
  static long[][] influence(JourneySet js) {
    CompactJourneys cj = js.compact();
    long[] a = new long[js.channels.length];
    long[] l = new long[js.channels.length];
    boolean[] seen = new boolean[js.channels.length];
    int[] ch = cj.channel;
    for (int j = 0; j < js.size(); j++) {
      long c = js.conv[j];
      if (c == 0) {
        continue;
      }
      int from = cj.start[j];
      int to = cj.start[j + 1];
      int last = ch[to - 1];
      l[last] += c;
      for (int i = from; i < to; i++) {
        if (ch[i] != last && !seen[ch[i]]) {
          seen[ch[i]] = true;
          a[ch[i]] += c;
        }
      }
      for (int i = from; i < to; i++) {
        seen[ch[i]] = false;
      }
    }
    return new long[][] {a, l};
  }
}
