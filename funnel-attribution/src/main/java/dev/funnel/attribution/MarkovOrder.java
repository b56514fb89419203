package dev.funnel.attribution;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Computes an {@link OrderSelection}; see there for the method. */
final class MarkovOrder {
  private MarkovOrder() {}

  static OrderSelection choose(JourneySet js, int maxOrder, int folds, boolean keepRepeats) {
    if (maxOrder < 1 || maxOrder > 10) {
      throw new IllegalArgumentException("the highest order to try must be 1..10, got " + maxOrder);
    }
    if (folds < 2 || folds > 100) {
      throw new IllegalArgumentException("folds must be 2..100, got " + folds);
    }
    // each journey row's steps after the repeat rule
    int n = js.size();
    int[][] steps = new int[n][];
    for (int j = 0; j < n; j++) {
      int[] p = js.pathArrays()[j];
      int[] s = new int[p.length];
      int len = 0;
      for (int c : p) {
        if (keepRepeats || len == 0 || s[len - 1] != c) {
          s[len++] = c;
        }
      }
      steps[j] = Arrays.copyOf(s, len);
    }
    // conversions and nulls of row j in fold f: dealt round-robin from a row-dependent offset
    long[][] conv = new long[n][folds];
    long[][] nul = new long[n][folds];
    for (int j = 0; j < n; j++) {
      deal(js.conv[j], j, conv[j]);
      deal(js.nulls[j], j + 1, nul[j]);
    }
    List<OrderSelection.OrderFit> fits = new ArrayList<>();
    int best = 1;
    double bestAuc = Double.NEGATIVE_INFINITY;
    for (int k = 1; k <= maxOrder; k++) {
      List<String> keys = new ArrayList<>(n);
      Map<String, long[]> total = new HashMap<>(); // state -> {conv, null} over all folds
      for (int j = 0; j < n; j++) {
        String key = lastState(steps[j], k);
        keys.add(key);
        long[] t = total.computeIfAbsent(key, x -> new long[2]);
        t[0] += js.conv[j];
        t[1] += js.nulls[j];
      }
      long allConv = 0;
      long allNull = 0;
      for (int j = 0; j < n; j++) {
        allConv += js.conv[j];
        allNull += js.nulls[j];
      }
      // scores of the held-out conversions and nulls: per (fold, row)
      List<double[]> scored = new ArrayList<>(); // {score, positives, negatives}
      double logLoss = 0;
      long journeys = 0;
      for (int f = 0; f < folds; f++) {
        Map<String, long[]> held = new HashMap<>();
        long heldConv = 0;
        long heldNull = 0;
        for (int j = 0; j < n; j++) {
          long[] h = held.computeIfAbsent(keys.get(j), x -> new long[2]);
          h[0] += conv[j][f];
          h[1] += nul[j][f];
          heldConv += conv[j][f];
          heldNull += nul[j][f];
        }
        long trainConv = allConv - heldConv;
        long trainNull = allNull - heldNull;
        double base = trainConv + trainNull > 0
            ? (double) trainConv / (trainConv + trainNull) : 0.5;
        for (int j = 0; j < n; j++) {
          long c = conv[j][f];
          long x = nul[j][f];
          if (c + x == 0) {
            continue;
          }
          long[] t = total.get(keys.get(j));
          long[] h = held.get(keys.get(j));
          long tc = t[0] - h[0];
          long tn = t[1] - h[1];
          double p = tc + tn > 0 ? (double) tc / (tc + tn) : base;
          scored.add(new double[] {p, c, x});
          double q = Math.min(1 - 1e-12, Math.max(1e-12, p));
          logLoss -= c * Math.log(q) + x * Math.log1p(-q);
          journeys += c + x;
        }
      }
      double auc = auc(scored);
      fits.add(new OrderSelection.OrderFit(k, total.size(), auc,
          journeys > 0 ? logLoss / journeys : Double.NaN, journeys));
      if (auc > bestAuc + 1e-9) {
        bestAuc = auc;
        best = k;
      }
    }
    return new OrderSelection(fits, best, folds);
  }

  /** Deals {@code count} units over the folds round-robin, starting at fold {@code offset}. */
  private static void deal(long count, int offset, long[] out) {
    int folds = out.length;
    long each = count / folds;
    int rest = (int) (count % folds);
    for (int f = 0; f < folds; f++) {
      out[f] = each;
    }
    for (int r = 0; r < rest; r++) {
      out[(offset + r) % folds]++;
    }
  }

  /** The last {@code k} steps as a key (an empty path is the start). */
  private static String lastState(int[] steps, int k) {
    int from = Math.max(0, steps.length - k);
    return Arrays.toString(Arrays.copyOfRange(steps, from, steps.length));
  }

  /**
   * The weighted AUC of rows {score, positives, negatives}: P(score of a positive > score of a
   * negative) + half the probability of a tie; NaN without both.
   */
  static double auc(List<double[]> rows) {
    rows.sort((a, b) -> Double.compare(a[0], b[0]));
    double pos = 0;
    double neg = 0;
    for (double[] r : rows) {
      pos += r[1];
      neg += r[2];
    }
    if (pos == 0 || neg == 0) {
      return Double.NaN;
    }
    double below = 0; // negatives with a lower score
    double sum = 0;
    for (int i = 0; i < rows.size(); ) {
      int j = i;
      double p = 0;
      double q = 0;
      while (j < rows.size() && rows.get(j)[0] == rows.get(i)[0]) {
        p += rows.get(j)[1];
        q += rows.get(j)[2];
        j++;
      }
      sum += p * (below + q / 2);
      below += q;
      i = j;
    }
    return sum / (pos * neg);
  }
}
