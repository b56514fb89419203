package dev.funnel.cohort.ltv;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Customers compressed to weighted unique {@code (x, t_x, T)} triples: the BG/NBD and Pareto/NBD
 * likelihoods depend on a customer only through the triple, so a customer base of millions becomes
 * a few thousand weighted rows. Triples are in a canonical order (by x, then t_x, then T) so the
 * likelihood sums in the same order whatever the order of the customers.
 *
 * <p>The distinct values of {@code x} are kept separately ({@link #xs}, {@link #xIndex}) because
 * the gamma-function terms of the likelihoods depend on {@code x} alone.
 */
final class Triples {

  final int[] x;
  final double[] tx;
  final double[] T;
  final double[] weight;
  final int[] xs;
  final int[] xIndex;
  final long customers;

  private Triples(int[] x, double[] tx, double[] T, double[] weight, long customers) {
    this.x = x;
    this.tx = tx;
    this.T = T;
    this.weight = weight;
    this.customers = customers;
    this.xs = Arrays.stream(x).distinct().sorted().toArray();
    this.xIndex = new int[x.length];
    for (int i = 0; i < x.length; i++) {
      xIndex[i] = Arrays.binarySearch(xs, x[i]);
    }
  }

  private record Key(int x, double tx, double T) implements Comparable<Key> {
    @Override
    public int compareTo(Key o) {
      int c = Integer.compare(x, o.x);
      if (c == 0) {
        c = Double.compare(tx, o.tx);
      }
      return c != 0 ? c : Double.compare(T, o.T);
    }
  }

  static Triples of(RfmSummary summary) {
    if (summary.customers().isEmpty()) {
      throw new IllegalArgumentException("cannot fit a model to an empty RFM summary");
    }
    Map<Key, long[]> counts = new HashMap<>();
    for (RfmCustomer c : summary.customers()) {
      counts.computeIfAbsent(new Key(c.x(), c.tx(), c.T()), k -> new long[1])[0]++;
    }
    TreeMap<Key, long[]> sorted = new TreeMap<>(counts);
    int n = sorted.size();
    int[] x = new int[n];
    double[] tx = new double[n];
    double[] t = new double[n];
    double[] w = new double[n];
    int i = 0;
    for (Map.Entry<Key, long[]> e : sorted.entrySet()) {
      x[i] = e.getKey().x();
      tx[i] = e.getKey().tx();
      t[i] = e.getKey().T();
      w[i] = e.getValue()[0];
      i++;
    }
    return new Triples(x, tx, t, w, summary.customers().size());
  }

  int size() {
    return x.length;
  }

  double totalX() {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      s += weight[i] * x[i];
    }
    return s;
  }

  double totalT() {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      s += weight[i] * T[i];
    }
    return s;
  }
}
