package dev.funnel.scoring;

/**
 * The Cholesky factor {@code L} of a symmetric positive-definite matrix ({@code A = L L'}), for
 * solving Newton systems and inverting the Hessian (Golub and Van Loan 2013, algorithm 4.2.1).
 * Matrices are flat row-major {@code double[n * n]}.
 */
final class Cholesky {

  private final int n;
  private final double[] l;

  private Cholesky(int n, double[] l) {
    this.n = n;
    this.l = l;
  }

  /**
   * Factors {@code a} (only its lower triangle is read).
   *
   * @throws ArithmeticException when a pivot is not positive relative to the largest diagonal
   *     entry (the matrix is singular or indefinite in working precision)
   */
  static Cholesky of(double[] a, int n) {
    double maxDiag = 0;
    for (int i = 0; i < n; i++) {
      maxDiag = Math.max(maxDiag, Math.abs(a[i * n + i]));
    }
    double tiny = 1e-13 * Math.max(maxDiag, Double.MIN_NORMAL);
    double[] l = new double[n * n];
    for (int j = 0; j < n; j++) {
      double d = a[j * n + j];
      for (int k = 0; k < j; k++) {
        d -= l[j * n + k] * l[j * n + k];
      }
      if (!(d > tiny)) {
        throw new ArithmeticException("matrix is not positive definite at pivot " + j);
      }
      double djj = Math.sqrt(d);
      l[j * n + j] = djj;
      for (int i = j + 1; i < n; i++) {
        double s = a[i * n + j];
        for (int k = 0; k < j; k++) {
          s -= l[i * n + k] * l[j * n + k];
        }
        l[i * n + j] = s / djj;
      }
    }
    return new Cholesky(n, l);
  }

  /** The solution {@code x} of {@code A x = b}. */
  double[] solve(double[] b) {
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double s = b[i];
      for (int k = 0; k < i; k++) {
        s -= l[i * n + k] * y[k];
      }
      y[i] = s / l[i * n + i];
    }
    double[] x = new double[n];
    for (int i = n - 1; i >= 0; i--) {
      double s = y[i];
      for (int k = i + 1; k < n; k++) {
        s -= l[k * n + i] * x[k];
      }
      x[i] = s / l[i * n + i];
    }
    return x;
  }

  /** {@code A^-1}, flat row-major. */
  double[] inverse() {
    double[] inv = new double[n * n];
    double[] e = new double[n];
    for (int c = 0; c < n; c++) {
      java.util.Arrays.fill(e, 0);
      e[c] = 1;
      double[] col = solve(e);
      for (int r = 0; r < n; r++) {
        inv[r * n + c] = col[r];
      }
    }
    return inv;
  }
}
