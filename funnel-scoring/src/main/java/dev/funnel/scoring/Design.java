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
  }
}
