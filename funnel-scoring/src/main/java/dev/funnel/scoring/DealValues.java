package dev.funnel.scoring;

import java.util.HashMap;
import java.util.Map;

/**
 * The expected size of a deal by segment and channel, from the deals won by an instant.
 *
 * <p>A won deal's value is its latest amount at or before the instant (the amount given at WON,
 * or the last one before it). Means are shrunk toward their parent, as a credibility-weighted
 * mean with {@link #PRIOR_DEALS} pseudo-deals at the parent's mean (Buhlmann's credibility with a
 * fixed weight; see Klugman, Panjer and Willmot, Loss Models, chapter 17): the segment's mean
 * toward the overall mean, a segment-and-channel cell toward its segment's. A cell without won
 * deals gets its segment's mean, a segment without any the overall mean; with no won deal at all
 * every value is NaN.
 */
final class DealValues {

  /** Weight of the parent mean, in deals. */
  static final double PRIOR_DEALS = 5;

  private final double overall;
  private final Map<String, double[]> segment = new HashMap<>();
  private final Map<String, double[]> cell = new HashMap<>();

  DealValues(Timeline tl, long asOfMs, int asOfSub) {
    Timeline.State st = tl.state();
    double sum = 0;
    int n = 0;
    // leads in index order: every table's rows are stored in it (sequential reads)
    for (int l = 0; l < tl.leads.size(); l++) {
      if (!tl.leads.hasRow(l)) {
        continue;
      }
      tl.load(st, l, asOfMs, asOfSub, -1);
      if (st.stage < tl.wonIndex || Double.isNaN(st.amount) || st.amount <= 0) {
        continue;
      }
      String seg = FeatureRef.SEGMENT.text(tl, st);
      String ch = FeatureRef.CHANNEL.text(tl, st);
      add(segment, seg, st.amount);
      add(cell, seg + "\u0000" + ch, st.amount);
      sum += st.amount;
      n++;
    }
    overall = n == 0 ? Double.NaN : sum / n;
  }

  private static void add(Map<String, double[]> m, String key, double v) {
    double[] s = m.computeIfAbsent(key, x -> new double[2]);
    s[0] += v;
    s[1]++;
  }

  private static double shrunk(double[] s, double parent) {
    return s == null ? parent : (s[0] + PRIOR_DEALS * parent) / (s[1] + PRIOR_DEALS);
  }

  /** The expected deal size of a segment and channel (NaN without any won deal). */
  double expected(String seg, String ch) {
    double s = shrunk(segment.get(seg), overall);
    return shrunk(cell.get(seg + "\u0000" + ch), s);
  }
}
