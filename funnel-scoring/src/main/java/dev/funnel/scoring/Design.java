package dev.funnel.scoring;

import java.util.Arrays;

/**
 * A design matrix in compressed sparse rows, with a response and a weight per row: the input of
 * {@link LogisticRegression}. Column 0 is the intercept (value 1 in every row, stored); the other
 * columns hold only their non-zero values. Rows are appended with {@link Builder}; immutable once
 * built.
 *
 * <p>Why sparse: the lead model's one-hot categories put one non-zero in each block of levels, so
 * a row of some fifty columns has about twenty non-zeros, and the Hessian of a Newton step costs
 * the square of the non-zeros per row instead of the square of the columns.
 */
final class Design {

  final int rows;
  final int cols;
  /** Row {@code i}'s entries are {@code [start[i], start[i + 1])}. */
  final int[] start;
  /** Column of each entry, ascending within a row. */
  final int[] index;
  final double[] value;
  final double[] y;
  final double[] w;

  private Design(int rows, int cols, int[] start, int[] index, double[] value, double[] y, double[] w) {
    this.rows = rows;
    this.cols = cols;
    this.start = start;
    this.index = index;
    this.value = value;
    this.y = y;
    this.w = w;
  }

  /**
   * Every {@code k}-th row (rows 0, k, 2k, ...) with its weight multiplied by {@code k}: a sample
   * whose weighted sums estimate the whole design's (the warm start of
   * {@link LogisticRegression}). The sample depends only on the row order, which the callers build
   * from the data's canonical order.
   */
  Design every(int k) {
    if (k <= 1) {
      return this;
    }
    int m = (rows + k - 1) / k;
    int[] st = new int[m + 1];
    int nnz = 0;
    for (int i = 0, r = 0; i < rows; i += k, r++) {
      st[r] = nnz;
      nnz += start[i + 1] - start[i];
    }
    st[m] = nnz;
    int[] idx = new int[nnz];
    double[] val = new double[nnz];
    double[] yy = new double[m];
    double[] ww = new double[m];
    for (int i = 0, r = 0; i < rows; i += k, r++) {
      int len = start[i + 1] - start[i];
      System.arraycopy(index, start[i], idx, st[r], len);
      System.arraycopy(value, start[i], val, st[r], len);
      yy[r] = y[i];
      ww[r] = w[i] * k;
    }
    return new Design(m, cols, st, idx, val, yy, ww);
  }

  /** Whether the weighted response is neither always 0 nor always 1. */
  boolean responseVaries() {
    double sw = 0;
    double swy = 0;
    for (int i = 0; i < rows; i++) {
      sw += w[i];
      swy += w[i] * y[i];
    }
    return swy > 0 && swy < sw;
  }

  /** A dense matrix without an intercept column, given column 0 = 1 in front. */
  static Design dense(double[][] x, double[] y, double[] w) {
    if (x.length != y.length || (w != null && w.length != y.length)) {
      throw new IllegalArgumentException("x has " + x.length + " rows, y " + y.length
          + (w == null ? "" : ", weights " + w.length) + "; they must agree");
    }
    int p = x.length == 0 ? 0 : x[0].length;
    Builder b = new Builder(p + 1, x.length);
    int[] idx = new int[p];
    double[] val = new double[p];
    for (int i = 0; i < x.length; i++) {
      if (x[i].length != p) {
        throw new IllegalArgumentException("row " + i + " of x has " + x[i].length + " values, row 0 has " + p);
      }
      int n = 0;
      for (int j = 0; j < p; j++) {
        double v = x[i][j];
        if (!Double.isFinite(v)) {
          throw new IllegalArgumentException("x[" + i + "][" + j + "] is " + v + "; values must be finite");
        }
        if (v != 0) {
          idx[n] = j + 1;
          val[n++] = v;
        }
      }
      b.add(idx, val, n, y[i], w == null ? 1 : w[i]);
    }
    return b.build();
  }

  /** Appends rows; the intercept entry is added to each row. Not thread-safe. */
  static final class Builder {
    private final int cols;
    private int rows;
    private int[] start;
    private int[] index;
    private double[] value;
    private double[] y;
    private double[] w;
    private int nnz;

    Builder(int cols, int expectedRows) {
      if (cols < 1) {
        throw new IllegalArgumentException("a design needs the intercept column");
      }
      this.cols = cols;
      int r = Math.max(16, expectedRows);
      start = new int[r + 1];
      y = new double[r];
      w = new double[r];
      index = new int[r * 4];
      value = new double[r * 4];
    }

    /**
     * Adds a row: the intercept, then {@code n} entries of strictly ascending columns in
     * {@code [1, cols)}.
     */
    Builder add(int[] idx, double[] val, int n, double response, double weight) {
      if (!(response >= 0 && response <= 1)) {
        throw new IllegalArgumentException("row " + rows + ": the response must be in [0, 1], got " + response);
      }
      if (!(weight >= 0) || Double.isInfinite(weight)) {
        throw new IllegalArgumentException("row " + rows + ": the weight must be finite and >= 0, got " + weight);
      }
      if (rows == y.length) {
        int r = y.length * 2;
        start = Arrays.copyOf(start, r + 1);
        y = Arrays.copyOf(y, r);
        w = Arrays.copyOf(w, r);
      }
      if (nnz + n + 1 > index.length) {
        int c = Math.max(index.length * 2, nnz + n + 1);
        index = Arrays.copyOf(index, c);
        value = Arrays.copyOf(value, c);
      }
      start[rows] = nnz;
      index[nnz] = 0;
      value[nnz++] = 1;
      int last = 0;
      for (int k = 0; k < n; k++) {
        if (idx[k] <= last || idx[k] >= cols) {
          throw new IllegalArgumentException("row " + rows + ": columns must ascend inside [1, " + cols + "), got " + idx[k]);
        }
        last = idx[k];
        index[nnz] = idx[k];
        value[nnz++] = val[k];
      }
      y[rows] = response;
      w[rows] = weight;
      rows++;
      start[rows] = nnz;
      return this;
    }

    Design build() {
      return new Design(rows, cols, Arrays.copyOf(start, rows + 1), Arrays.copyOf(index, nnz),
          Arrays.copyOf(value, nnz), Arrays.copyOf(y, rows), Arrays.copyOf(w, rows));
    }

    /**
     * The design with its columns renumbered by {@code map} (column {@code j} becomes
     * {@code map[j]}, ascending where kept; -1 drops it; the intercept stays column 0), in one copy
     * of the entries: how the lead model drops the columns that turned out constant.
     */
    Design build(int[] map, int newCols) {
      if (map.length != cols || map[0] != 0) {
        throw new IllegalArgumentException("a column map keeps the intercept and covers " + cols
            + " columns");
      }
      int kept = 0;
      for (int k = 0; k < nnz; k++) {
        if (map[index[k]] >= 0) {
          kept++;
        }
      }
      int[] st = new int[rows + 1];
      int[] idx = new int[kept];
      double[] val = new double[kept];
      int n = 0;
      for (int i = 0; i < rows; i++) {
        st[i] = n;
        for (int k = start[i], end = start[i + 1]; k < end; k++) {
          int to = map[index[k]];
          if (to >= 0) {
            idx[n] = to;
            val[n++] = value[k];
          }
        }
      }
      st[rows] = n;
      return new Design(rows, newCols, st, idx, val, Arrays.copyOf(y, rows), Arrays.copyOf(w, rows));
    }
  }
}
