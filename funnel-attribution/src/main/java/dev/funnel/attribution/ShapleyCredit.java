package dev.funnel.attribution;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The Shapley value of each channel for a coalition value function ({@link ShapleyValue}).
 *
 * <p>Exact (at most {@code shapleyExactLimit} channels): the journeys are grouped by channel set,
 * the subset sums of conversions and journeys over all 2^n coalitions are built with the
 * sum-over-subsets recursion, and phi_c = sum over S not containing c of
 * |S|! (n - |S| - 1)! / n! * (v(S + c) - v(S)) (Shapley 1953), in O(n 2^n).
 *
 * <p>Estimated (more channels): the mean marginal contribution over random permutations
 * (Castro, Gomez and Tejada 2009, "Polynomial calculation of the Shapley value based on
 * sampling"), with the permutations drawn from a {@link SplittableRandom} seeded by the options;
 * the standard error is the sample standard deviation of a channel's marginal contributions over
 * the square root of the number of permutations. Each permutation's contributions sum to v(N)
 * exactly, so the estimates are efficient too.
 *
 * <p>Every variant returns phi normalised to shares that sum to 1 (phi_c / v(N)); v(empty) = 0.
 */
final class ShapleyCredit {
  private ShapleyCredit() {}

  /** Shares per channel index, and standard errors of the shares (null when exact). */
  record Shares(double[] share, double[] standardError) {}

  /**
   * The shares of the conversion game, or (when {@code byValue}) of the value game: the same
   * coalition worth with each journey counting its value instead of its conversions (for the
   * rate worth, value per journey).
   */
  static Shares of(JourneySet js, Weights w, AttributionOptions o, boolean byValue) {
    int n = js.channels.length;
    if (o.shapleyValue() == ShapleyValue.PER_JOURNEY) {
      return perJourney(js, w, byValue);
    }
    boolean rate = o.shapleyValue() == ShapleyValue.SUBSET_CONVERSION_RATE;
    if (n <= o.shapleyExactLimit()) {
      int size = 1 << n;
      double[] c = new double[size];
      double[] t = new double[size];
      for (int j = 0; j < js.size(); j++) {
        int mask = 0;
        for (int ch : js.pathArrays()[j]) {
          mask |= 1 << ch;
        }
        c[mask] += worthOf(w, j, byValue);
        t[mask] += w.conv()[j] + w.nulls()[j];
      }
      return new Shares(exact(n, c, t, rate), null);
    }
    Map<List<Integer>, double[]> groups = new HashMap<>();
    for (int j = 0; j < js.size(); j++) {
      double t = w.conv()[j] + w.nulls()[j];
      if (t == 0) {
        continue;
      }
      int[] set = Arrays.stream(js.pathArrays()[j]).distinct().sorted().toArray();
      List<Integer> key = Arrays.stream(set).boxed().toList();
      double[] g = groups.computeIfAbsent(key, k -> new double[2]);
      g[0] += worthOf(w, j, byValue);
      g[1] += t;
    }
    return sampled(n, groups, rate, o.shapleyPermutations(), o.seed());
  }

  /** What journey j brings to a coalition: its conversions, or its value. */
  private static double worthOf(Weights w, int j, boolean byValue) {
    return byValue ? (w.conv()[j] > 0 ? w.value()[j] : 0.0) : w.conv()[j];
  }

  private static double worth(double conv, double journeys, boolean rate) {
    if (!rate) {
      return conv;
    }
    return journeys > 0 ? conv / journeys : 0.0;
  }

  /**
   * Exact shares from the conversions {@code c} and journeys {@code t} per exact channel set (a bit
   * mask); both arrays are turned into subset sums in place.
   */
  static double[] exact(int n, double[] c, double[] t, boolean rate) {
    int size = 1 << n;
    for (int i = 0; i < n; i++) {
      int bit = 1 << i;
      for (int m = 0; m < size; m++) {
        if ((m & bit) != 0) {
          c[m] += c[m ^ bit];
          t[m] += t[m ^ bit];
        }
      }
    }
    double[] v = new double[size];
    for (int m = 0; m < size; m++) {
      v[m] = worth(c[m], t[m], rate);
    }
    // weight of a coalition of size s not containing the player: s!(n-s-1)!/n! = 1/(n C(n-1, s))
    double[] weight = new double[n];
    double binom = 1;
    for (int s = 0; s < n; s++) {
      weight[s] = 1.0 / (n * binom);
      binom = binom * (n - 1 - s) / (s + 1);
    }
    double[] phi = new double[n];
    for (int m = 0; m < size; m++) {
      int s = Integer.bitCount(m);
      for (int i = 0; i < n; i++) {
        int bit = 1 << i;
        if ((m & bit) == 0) {
          phi[i] += weight[s] * (v[m | bit] - v[m]);
        }
      }
    }
    return normalise(phi, v[size - 1]);
  }

  private static Shares sampled(int n, Map<List<Integer>, double[]> groups, boolean rate,
      int permutations, long seed) {
    List<int[]> sets = new ArrayList<>(groups.size());
    List<double[]> counts = new ArrayList<>(groups.size());
    groups.entrySet().stream()
        .sorted((a, b) -> Arrays.compare(
            a.getKey().stream().mapToInt(Integer::intValue).toArray(),
            b.getKey().stream().mapToInt(Integer::intValue).toArray()))
        .forEach(e -> {
          sets.add(e.getKey().stream().mapToInt(Integer::intValue).toArray());
          counts.add(e.getValue());
        });
    SplittableRandom rng = new SplittableRandom(seed);
    int[] perm = new int[n];
    int[] pos = new int[n];
    double[] addC = new double[n];
    double[] addT = new double[n];
    double[] mean = new double[n];
    double[] m2 = new double[n];
    double vAll = 0;
    for (int r = 0; r < permutations; r++) {
      for (int i = 0; i < n; i++) {
        perm[i] = i;
      }
      for (int i = n - 1; i > 0; i--) {
        int k = rng.nextInt(i + 1);
        int tmp = perm[i];
        perm[i] = perm[k];
        perm[k] = tmp;
      }
      for (int i = 0; i < n; i++) {
        pos[perm[i]] = i;
      }
      Arrays.fill(addC, 0);
      Arrays.fill(addT, 0);
      for (int g = 0; g < sets.size(); g++) {
        int step = 0;
        for (int ch : sets.get(g)) {
          step = Math.max(step, pos[ch]);
        }
        addC[step] += counts.get(g)[0];
        addT[step] += counts.get(g)[1];
      }
      double c = 0;
      double t = 0;
      double prev = 0;
      for (int i = 0; i < n; i++) {
        c += addC[i];
        t += addT[i];
        double v = worth(c, t, rate);
        double x = v - prev;
        prev = v;
        int ch = perm[i];
        double d = x - mean[ch];
        mean[ch] += d / (r + 1);
        m2[ch] += d * (x - mean[ch]);
      }
      vAll = prev;
    }
    double[] se = new double[n];
    for (int i = 0; i < n; i++) {
      se[i] = Math.sqrt(m2[i] / (permutations - 1) / permutations);
    }
    double[] share = normalise(mean, vAll);
    double[] seShare = new double[n];
    for (int i = 0; i < n; i++) {
      seShare[i] = vAll != 0 ? se[i] / Math.abs(vAll) : 0.0;
    }
    return new Shares(share, seShare);
  }

  /** Zhao et al. (2018) simplified Shapley: each journey's conversions split over its distinct channels. */
  private static Shares perJourney(JourneySet js, Weights w, boolean byValue) {
    double[] phi = new double[js.channels.length];
    double total = 0;
    for (int j = 0; j < js.size(); j++) {
      double cj = worthOf(w, j, byValue);
      if (cj == 0) {
        continue;
      }
      int[] set = Arrays.stream(js.pathArrays()[j]).distinct().toArray();
      for (int ch : set) {
        phi[ch] += cj / set.length;
      }
      total += cj;
    }
    return new Shares(normalise(phi, total), null);
  }

  private static double[] normalise(double[] phi, double total) {
    double[] s = new double[phi.length];
    if (total == 0) {
      return s;
    }
    for (int i = 0; i < phi.length; i++) {
      s[i] = phi[i] / total;
    }
    return s;
  }
}
