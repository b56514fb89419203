package dev.funnel.attribution;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds the order-k chain of a journey set straight from its channel indices, for speed: a state
 * (a tuple of up to k channels) is coded as a number with one base-(channels + 1) digit per
 * position, left-aligned and zero-padded, so numeric order is the tuple order of
 * {@link TransitionState} and both routes hand the solver identical arrays. When the code would
 * not fit in a long it falls back to {@link TransitionState}.
 *
 * <p>The chain is built from the set's distinct paths ({@link UniquePaths}) with their summed
 * weights, not journey by journey: the transition counts are integer sums, so both give the same
 * counts exactly and the solver the same arrays (tested against the per-journey route).
 */
final class MarkovChain {
  private MarkovChain() {}

  /** The removal effects of the chain of {@code js} under the weights {@code w}. */
  static RemovalEffects removalEffects(JourneySet js, Weights w, int order, boolean keepRepeats,
      int maxStates) {
    return effects(js, w, order, keepRepeats, maxStates, false);
  }

  /**
   * The removal effects of the chain of {@code js} on the journeys' expected value instead of
   * their conversion probability ({@link MarkovValue#VALUE_WEIGHTED}): the same chain, each
   * conversion from a state weighted by its journey's value.
   *
   * @throws IllegalArgumentException when a converting journey has a negative value
   */
  static RemovalEffects valueRemovalEffects(JourneySet js, Weights w, int order,
      boolean keepRepeats, int maxStates) {
    return effects(js, w, order, keepRepeats, maxStates, true);
  }

  private static RemovalEffects effects(JourneySet js, Weights w, int order, boolean keepRepeats,
      int maxStates, boolean byValue) {
    UniquePaths u = js.uniquePaths(keepRepeats);
    long[] conv = new long[u.paths.length];
    long[] nulls = new long[u.paths.length];
    double[] value = byValue ? new double[u.paths.length] : null;
    for (int j = 0; j < u.of.length; j++) {
      int g = u.of[j];
      conv[g] = Math.addExact(conv[g], w.conv()[j]);
      nulls[g] = Math.addExact(nulls[g], w.nulls()[j]);
      if (byValue && w.conv()[j] > 0) {
        if (w.value()[j] < 0) {
          throw new IllegalArgumentException("the value-weighted Markov model needs values >= 0;"
              + " a journey converts with value " + w.value()[j]);
        }
        value[g] += w.value()[j];
      }
    }
    return removalEffects(js.channels, u.paths, conv, nulls, value, order, keepRepeats,
        maxStates);
  }

  /** {@link #removalEffects(String[], int[][], long[], long[], double[], int, boolean, int)} on conversions. */
  static RemovalEffects removalEffects(String[] channelNames, int[][] paths, long[] pathConv,
      long[] pathNulls, int order, boolean keepRepeats, int maxStates) {
    return removalEffects(channelNames, paths, pathConv, pathNulls, null, order, keepRepeats,
        maxStates);
  }

  /**
   * The removal effects of the chain of weighted paths: path i walked {@code conv[i] + nulls[i]}
   * times, ending {@code conv[i]} times in conversion and {@code nulls[i]} times in null. The paths
   * may be single journeys or distinct paths with summed weights.
   *
   * @param channelNames the channel names, sorted; paths hold indices into it
   * @param maxStates    the most states the solve takes ({@link MarkovSolver})
   * @throws IllegalArgumentException when the chain has more than {@code maxStates} states
   */
  static RemovalEffects removalEffects(String[] channelNames, int[][] paths, long[] pathConv,
      long[] pathNulls, double[] pathValue, int order, boolean keepRepeats, int maxStates) {
    int channels = channelNames.length;
    long base = channels + 1L;
    if (order * (Math.log(base) / Math.log(2)) > 62) {
      if (pathValue != null) {
        throw new IllegalArgumentException("the value-weighted Markov model takes orders whose "
            + "states fit a 62-bit code; " + channels + " channels at order " + order
            + " do not");
      }
      TransitionState tc = TransitionState.empty(order, keepRepeats);
      for (int j = 0; j < paths.length; j++) {
        if (pathConv[j] + pathNulls[j] > 0) {
          List<String> names = new ArrayList<>(paths[j].length);
          for (int c : paths[j]) {
            names.add(channelNames[c]);
          }
          tc.add(names, pathConv[j], pathNulls[j]);
        }
      }
      return tc.removalEffects(maxStates);
    }
    long[] place = new long[order];
    place[order - 1] = 1;
    for (int i = order - 2; i >= 0; i--) {
      place[i] = place[i + 1] * base;
    }
    LongTable ids = new LongTable(1024);
    long[] codes = new long[1024];
    int n = 1;
    ids.put(0L, 0);
    LongTable edges = new LongTable(4096);
    long[] conv = new long[16];
    long[] nulls = new long[16];
    double[] reward = new double[16];
    int[] steps = new int[16];
    for (int j = 0; j < paths.length; j++) {
      long c = pathConv[j];
      long nl = pathNulls[j];
      long weight = c + nl;
      if (weight == 0) {
        continue;
      }
      int[] p = paths[j];
      if (steps.length < p.length) {
        steps = new int[p.length];
      }
      int len = 0;
      for (int ch : p) {
        if (keepRepeats || len == 0 || steps[len - 1] != ch) {
          steps[len++] = ch;
        }
      }
      int from = 0;
      for (int i = 0; i < len; i++) {
        int lo = Math.max(0, i - order + 1);
        long code = 0;
        for (int t = lo; t <= i; t++) {
          code += (steps[t] + 1L) * place[t - lo];
        }
        int id = (int) ids.get(code, -1);
        if (id < 0) {
          id = n++;
          ids.put(code, id);
          if (id >= codes.length) {
            codes = Arrays.copyOf(codes, codes.length * 2);
          }
          codes[id] = code;
        }
        edges.add(((long) from << 32) | id, weight);
        from = id;
      }
      if (from >= conv.length) {
        int size = Math.max(from + 1, conv.length * 2);
        conv = Arrays.copyOf(conv, size);
        nulls = Arrays.copyOf(nulls, size);
        reward = Arrays.copyOf(reward, size);
      }
      conv[from] = Math.addExact(conv[from], c);
      nulls[from] = Math.addExact(nulls[from], nl);
      if (pathValue != null) {
        reward[from] += pathValue[j];
      }
    }
    conv = Arrays.copyOf(conv, Math.max(n, conv.length));
    nulls = Arrays.copyOf(nulls, Math.max(n, nulls.length));
    reward = Arrays.copyOf(reward, Math.max(n, reward.length));
    // canonical state order: by code (the start, code 0, first)
    Integer[] order0 = new Integer[n];
    for (int i = 0; i < n; i++) {
      order0[i] = i;
    }
    final long[] cs = codes;
    Arrays.sort(order0, (a, b) -> Long.compare(cs[a], cs[b]));
    int[] rank = new int[n];
    for (int r = 0; r < n; r++) {
      rank[order0[r]] = r;
    }
    int[] degree = new int[n];
    long[] edgeKeys = edges.keys();
    for (long key : edgeKeys) {
      degree[rank[(int) (key >>> 32)]]++;
    }
    int[][] rows = new int[n][];
    for (int i = 0; i < n; i++) {
      rows[i] = new int[degree[i]];
    }
    int[] fill = new int[n];
    for (long key : edgeKeys) {
      int f = rank[(int) (key >>> 32)];
      rows[f][fill[f]++] = rank[(int) key];
    }
    int[][] to = new int[n][];
    long[][] counts = new long[n][];
    long[] cv = new long[n];
    long[] nu = new long[n];
    double[] rw = new double[n];
    int[][] stateChannels = new int[n][];
    for (int r = 0; r < n; r++) {
      int old = order0[r];
      cv[r] = conv[old];
      nu[r] = nulls[old];
      rw[r] = reward[old];
      long code = codes[old];
      int[] sc = new int[order];
      int k = 0;
      for (int t = 0; t < order; t++) {
        long d = (code / place[t]) % base;
        if (d > 0) {
          sc[k++] = (int) d - 1;
        }
      }
      stateChannels[r] = Arrays.copyOf(sc, k);
      int[] row = rows[r];
      Arrays.sort(row);
      to[r] = row;
      counts[r] = new long[row.length];
      for (int i = 0; i < row.length; i++) {
        int t = row[i];
        counts[r][i] = edges.get(((long) old << 32) | order0[t], 0);
      }
    }
    if (pathValue != null) {
      return MarkovSolver.solveValue(channelNames, stateChannels, to, counts, cv, nu, rw, order,
          maxStates);
    }
    return MarkovSolver.solve(channelNames, stateChannels, to, counts, cv, nu, order, maxStates);
  }
}
