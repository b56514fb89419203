package dev.funnel.attribution;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Exact absorption probabilities of the attribution Markov chain and its removal effects.
 *
 * <p>Method (Anderl, Becker, von Wangenheim and Schumann 2016, "Mapping the customer journey:
 * lessons learned from graph-based online attribution modeling", the model of ChannelAttribution):
 * transition probabilities are the transition counts divided by the state's outgoing total; the
 * conversion and null states absorb. P = probability of absorption in conversion from the start,
 * and P_without_c the same with every state containing channel c redirected to null. The removal
 * effect of c is 1 - P_without_c / P.
 *
 * <p>Where ChannelAttribution simulates random walks, the absorption probabilities here solve the
 * linear system x_s = sum_t P(s, t) x_t + P(s, conversion) over the transient states (x_s = 0 for
 * removed states). Up to {@value #DENSE_LIMIT} states it is solved directly by Gaussian
 * elimination with partial pivoting (exact up to floating-point rounding); above, by Gauss-Seidel
 * sweeps from x = 0, which increase monotonically to the solution for this non-negative system,
 * stopped when no unknown changes by more than {@value #TOLERANCE} in a sweep (a stopping rule,
 * not an error bound: chains that loop with probability close to 1 converge slowly and the
 * remaining error can exceed the last change; the tests check 1e-11 against an oracle). The system
 * is non-singular because every observed state lies on an observed path that ends in absorption.
 */
final class MarkovSolver {

  /** Largest number of states solved by dense elimination. */
  static final int DENSE_LIMIT = 600;
  /** Convergence threshold of the iterative solver (largest change of an unknown in a sweep). */
  static final double TOLERANCE = 1e-15;
  static final int MAX_SWEEPS = 1_000_000;

  private final int n;
  private final int[][] to;
  private final double[][] prob;
  private final double[] conv;

  private MarkovSolver(int n, int[][] to, double[][] prob, double[] conv) {
    this.n = n;
    this.to = to;
    this.prob = prob;
    this.conv = conv;
  }

  /**
   * Removal effects of a chain given as arrays over its states, state 0 being the start and the
   * others in tuple order; targets of each row in state order.
   *
   * @param channels      channel names, sorted
   * @param stateChannels for each state, the channel indices of its tuple (empty for the start)
   * @param to            for each state, the target states of its transitions
   * @param counts        the transition counts, parallel to {@code to}
   * @param conversions   for each state, the count of transitions to conversion
   * @param nulls         for each state, the count of transitions to null
   */
  static RemovalEffects solve(String[] channels, int[][] stateChannels, int[][] to, long[][] counts,
      long[] conversions, long[] nulls) {
    int n = to.length;
    double[][] prob = new double[n][];
    double[] conv = new double[n];
    for (int i = 0; i < n; i++) {
      // summed as doubles: a state's counts may each fit a long while their sum does not, and
      // the probabilities are doubles anyway
      double total = (double) conversions[i] + nulls[i];
      for (long c : counts[i]) {
        total += c;
      }
      prob[i] = new double[counts[i].length];
      if (total == 0) {
        continue;
      }
      for (int k = 0; k < prob[i].length; k++) {
        prob[i][k] = counts[i][k] / total;
      }
      conv[i] = conversions[i] / total;
    }
    MarkovSolver s = new MarkovSolver(n, to, prob, conv);
    double p = s.absorb(new boolean[n]);
    boolean[] used = new boolean[channels.length];
    for (int[] sc : stateChannels) {
      for (int c : sc) {
        used[c] = true;
      }
    }
    Map<String, Double> effects = new LinkedHashMap<>();
    Map<String, Double> without = new LinkedHashMap<>();
    for (int c = 0; c < channels.length; c++) {
      if (!used[c]) {
        continue;
      }
      boolean[] removed = new boolean[n];
      for (int i = 0; i < n; i++) {
        for (int x : stateChannels[i]) {
          if (x == c) {
            removed[i] = true;
            break;
          }
        }
      }
      double pc = s.absorb(removed);
      without.put(channels[c], pc);
      effects.put(channels[c], p > 0 ? Math.min(1.0, Math.max(0.0, 1.0 - pc / p)) : Double.NaN);
    }
    return new RemovalEffects(p, effects, without, n - 1,
        n <= DENSE_LIMIT ? "dense Gaussian elimination" : "Gauss-Seidel, tolerance " + TOLERANCE);
  }

  /** P(absorption in conversion from the start) with the removed states sent to null. */
  double absorb(boolean[] removed) {
    if (conv.length == 0) {
      return Double.NaN;
    }
    return n <= DENSE_LIMIT ? dense(removed) : iterative(removed);
  }

  private double dense(boolean[] removed) {
    int[] row = new int[n];
    int m = 0;
    for (int i = 0; i < n; i++) {
      row[i] = removed[i] ? -1 : m++;
    }
    double[][] a = new double[m][m];
    double[] b = new double[m];
    for (int i = 0; i < n; i++) {
      int r = row[i];
      if (r < 0) {
        continue;
      }
      a[r][r] += 1.0;
      b[r] = conv[i];
      for (int k = 0; k < to[i].length; k++) {
        int c = row[to[i][k]];
        if (c >= 0) {
          a[r][c] -= prob[i][k];
        }
      }
    }
    double[] x = gauss(a, b);
    return x[row[0]];
  }

  /** Solves a x = b by Gaussian elimination with partial pivoting; a and b are overwritten. */
  static double[] gauss(double[][] a, double[] b) {
    int m = b.length;
    for (int col = 0; col < m; col++) {
      int piv = col;
      for (int r = col + 1; r < m; r++) {
        if (Math.abs(a[r][col]) > Math.abs(a[piv][col])) {
          piv = r;
        }
      }
      if (a[piv][col] == 0) {
        throw new IllegalStateException("the Markov system is singular at column " + col);
      }
      double[] tmp = a[col];
      a[col] = a[piv];
      a[piv] = tmp;
      double tb = b[col];
      b[col] = b[piv];
      b[piv] = tb;
      double[] pr = a[col];
      for (int r = col + 1; r < m; r++) {
        double f = a[r][col] / pr[col];
        if (f == 0) {
          continue;
        }
        double[] ar = a[r];
        for (int c = col; c < m; c++) {
          ar[c] -= f * pr[c];
        }
        b[r] -= f * b[col];
      }
    }
    double[] x = new double[m];
    for (int r = m - 1; r >= 0; r--) {
      double s = b[r];
      for (int c = r + 1; c < m; c++) {
        s -= a[r][c] * x[c];
      }
      x[r] = s / a[r][r];
    }
    return x;
  }

  private double iterative(boolean[] removed) {
    double[] x = new double[n];
    for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
      double change = 0;
      for (int i = 0; i < n; i++) {
        if (removed[i]) {
          continue;
        }
        double self = 0;
        double s = conv[i];
        for (int k = 0; k < to[i].length; k++) {
          int t = to[i][k];
          if (t == i) {
            self += prob[i][k];
          } else if (!removed[t]) {
            s += prob[i][k] * x[t];
          }
        }
        double v = s / (1.0 - self);
        change = Math.max(change, Math.abs(v - x[i]));
        x[i] = v;
      }
      if (change <= TOLERANCE) {
        return x[0];
      }
    }
    throw new IllegalStateException("the Markov absorption probabilities did not converge in "
        + MAX_SWEEPS + " Gauss-Seidel sweeps (" + n + " states)");
  }

  @Override
  public String toString() {
    return "MarkovSolver[" + n + " states, " + Arrays.stream(to).mapToInt(t -> t.length).sum() + " transitions]";
  }
}
