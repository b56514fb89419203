package dev.funnel.cohort.ltv;

import java.util.Arrays;
import java.util.List;

/**
 * Customers compressed to weighted unique {@code (x, t_x, T)} triples: the BG/NBD and Pareto/NBD
 * likelihoods depend on a customer only through the triple, so a customer base of millions becomes
 * a few hundred thousand weighted rows at most (ages are whole days, so there are few distinct
 * values of {@code t_x} and {@code T}). Triples are in a canonical order (by x, then t_x, then T),
 * so the likelihood sums in the same order whatever the order of the customers.
 *
 * <p>The distinct values of {@code x}, {@code t_x} and {@code T} are also kept with an index per
 * triple, because terms of the likelihoods depend on one of them alone and are computed once per
 * distinct value.
 *
 * <p>Compression sorts primitive keys: the distinct {@code t_x} and {@code T} values are
 * numbered ({@link DistinctValues}), and {@code (x, t_x number, T number)} packed into one
 * {@code long}.
 */
final class Triples {

  final int[] x;
  final double[] tx;
  final double[] T;
  final double[] weight;
  final int[] xs;
  final int[] xIndex;
  final double[] txValues;
  final int[] txIndex;
  final double[] tValues;
  final int[] tIndex;
  final long customers;

  private Triples(
      int[] x, double[] tx, double[] T, double[] weight, double[] txValues, double[] tValues,
      long customers) {
    this.x = x;
    this.tx = tx;
    this.T = T;
    this.weight = weight;
    this.customers = customers;
    this.xs = Arrays.stream(x).distinct().sorted().toArray();
    this.txValues = txValues;
    this.tValues = tValues;
    int n = x.length;
    this.xIndex = new int[n];
    this.txIndex = new int[n];
    this.tIndex = new int[n];
    for (int i = 0; i < n; i++) {
      xIndex[i] = Arrays.binarySearch(xs, x[i]);
      txIndex[i] = Arrays.binarySearch(txValues, tx[i]);
      tIndex[i] = Arrays.binarySearch(tValues, T[i]);
    }
  }

  static Triples of(RfmSummary summary) {
    List<RfmCustomer> cs = summary.customers();
    int n = cs.size();
    if (n == 0) {
      throw new IllegalArgumentException("cannot fit a model to an empty RFM summary");
    }
    int[] xAll = new int[n];
    double[] txAll = new double[n];
    double[] tAll = new double[n];
    int maxX = 0;
    for (int i = 0; i < n; i++) {
      RfmCustomer c = cs.get(i);
      xAll[i] = c.x();
      txAll[i] = c.tx() + 0.0; // fold -0.0 into 0.0
      tAll[i] = c.T() + 0.0;
      maxX = Math.max(maxX, c.x());
    }
    DistinctValues txd = new DistinctValues(txAll);
    DistinctValues td = new DistinctValues(tAll);
    double[] txValues = txd.values;
    double[] tValues = td.values;
    int bx = bits(maxX);
    int btx = bits(txValues.length - 1);
    int bt = bits(tValues.length - 1);
    if (bx + btx + bt > 63) {
      throw new IllegalArgumentException(
          "too many distinct histories to compress (" + n + " customers)");
    }
    long[] keys = new long[n];
    for (int i = 0; i < n; i++) {
      long kx = xAll[i];
      long ktx = txd.index[i];
      long kt = td.index[i];
      keys[i] = (kx << (btx + bt)) | (ktx << bt) | kt;
    }
    Arrays.parallelSort(keys);
    int unique = 0;
    for (int i = 0; i < n; i++) {
      if (i == 0 || keys[i] != keys[i - 1]) {
        unique++;
      }
    }
    int[] x = new int[unique];
    double[] tx = new double[unique];
    double[] t = new double[unique];
    double[] w = new double[unique];
    long maskT = (1L << bt) - 1;
    long maskTx = (1L << btx) - 1;
    int u = -1;
    for (int i = 0; i < n; i++) {
      if (i == 0 || keys[i] != keys[i - 1]) {
        u++;
        long k = keys[i];
        x[u] = (int) (k >>> (btx + bt));
        tx[u] = txValues[(int) ((k >>> bt) & maskTx)];
        t[u] = tValues[(int) (k & maskT)];
      }
      w[u]++;
    }
    return new Triples(x, tx, t, w, txValues, tValues, n);
  }

  /** Bits needed to hold values 0..max. */
  private static int bits(long max) {
    return max <= 0 ? 0 : 64 - Long.numberOfLeadingZeros(max);
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
