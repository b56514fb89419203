package dev.funnel.core.stats;

import dev.funnel.core.display.Tabular;
import dev.funnel.core.display.TextTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * The log-rank test that several groups share one survival curve ("is enterprise really slower
 * to close than SMB?"), from each group's {@link KaplanMeier} state.
 *
 * <p>At every distinct event time {@code t_j} with {@code n_j} observations at risk and
 * {@code d_j} events in all, group g (with {@code n_gj} at risk) expects
 * {@code E_gj = d_j n_gj / n_j} events; the hypergeometric covariance is
 * {@code V_gh = d_j (n_j - d_j) / (n_j - 1) * (n_gj / n_j) (delta_gh - n_hj / n_j)}. The statistic
 * {@code (O - E)' V^-1 (O - E)} over the first k - 1 groups is chi-squared with k - 1 degrees of
 * freedom under the null (N. Mantel, 1966, Cancer Chemotherapy Reports 50(3); R. Peto and J. Peto,
 * 1972, JRSS A 135(2); Klein and Moeschberger, "Survival Analysis", 2nd ed., 2003, section 7.3).
 * Ties follow {@link KaplanMeier}: a censoring at an event time is still at risk there. The
 * statistic is NaN (and the p-value too) when fewer than two groups have observations or the
 * covariance is singular (no event time with two groups at risk).
 *
 * @param groups           per group: observations, observed and expected events
 * @param chiSquare        the statistic
 * @param degreesOfFreedom k - 1, k the groups with observations
 * @param pValue           P(chi-squared > statistic)
 */
public record LogRankTest(List<Group> groups, double chiSquare, int degreesOfFreedom,
    double pValue) implements Tabular {

  /**
   * One group of the test.
   *
   * @param name         the group's name
   * @param observations its observations
   * @param observed     its events
   * @param expected     the events it would have under the null
   */
  public record Group(String name, long observations, long observed, double expected) {}

  public LogRankTest {
    groups = List.copyOf(groups);
  }

  /**
   * The test of the groups (in the map's iteration order; groups without observations are left
   * out).
   */
  public static LogRankTest of(Map<String, KaplanMeier> states) {
    List<String> names = new ArrayList<>();
    List<java.util.NavigableMap<Double, long[]>> counts = new ArrayList<>();
    TreeSet<Double> times = new TreeSet<>();
    for (Map.Entry<String, KaplanMeier> e : states.entrySet()) {
      java.util.NavigableMap<Double, long[]> c = e.getValue().counts();
      if (c.isEmpty()) {
        continue;
      }
      names.add(e.getKey());
      counts.add(c);
      times.addAll(c.keySet());
    }
    int k = names.size();
    long[] atRisk = new long[k];
    long[] observations = new long[k];
    long[] observed = new long[k];
    for (int g = 0; g < k; g++) {
      for (long[] c : counts.get(g).values()) {
        atRisk[g] += c[0] + c[1];
        observed[g] += c[0];
      }
      observations[g] = atRisk[g];
    }
    double[] expected = new double[k];
    double[][] v = new double[k][k];
    for (double t : times) {
      long n = 0;
      long d = 0;
      long[] dg = new long[k];
      long[] cg = new long[k];
      for (int g = 0; g < k; g++) {
        long[] c = counts.get(g).get(t);
        if (c != null) {
          dg[g] = c[0];
          cg[g] = c[1];
        }
        n += atRisk[g];
        d += dg[g];
      }
      if (d > 0) {
        double spread = n > 1 ? (double) d * (n - d) / (n - 1) : 0;
        for (int g = 0; g < k; g++) {
          double share = (double) atRisk[g] / n;
          expected[g] += d * share;
          for (int h = 0; h < k; h++) {
            v[g][h] += spread * share * ((g == h ? 1 : 0) - (double) atRisk[h] / n);
          }
        }
      }
      for (int g = 0; g < k; g++) {
        atRisk[g] -= dg[g] + cg[g];
      }
    }
    List<Group> out = new ArrayList<>();
    for (int g = 0; g < k; g++) {
      out.add(new Group(names.get(g), observations[g], observed[g], expected[g]));
    }
    double chi = Double.NaN;
    double p = Double.NaN;
    if (k >= 2) {
      double[] diff = new double[k - 1];
      double[][] m = new double[k - 1][k - 1];
      for (int g = 0; g < k - 1; g++) {
        diff[g] = observed[g] - expected[g];
        System.arraycopy(v[g], 0, m[g], 0, k - 1);
      }
      double[] x = solve(m, diff.clone());
      if (x != null) {
        chi = 0;
        for (int g = 0; g < k - 1; g++) {
          chi += diff[g] * x[g];
        }
        p = ChiSquaredDistribution.of(k - 1).survivalProbability(chi);
      }
    }
    return new LogRankTest(out, chi, Math.max(k - 1, 0), p);
  }

  /** Solves m x = b by Gaussian elimination with partial pivoting; null when singular. */
  private static double[] solve(double[][] m, double[] b) {
    int n = b.length;
    double scale = 0;
    for (double[] row : m) {
      for (double x : row) {
        scale = Math.max(scale, Math.abs(x));
      }
    }
    for (int col = 0; col < n; col++) {
      int pivot = col;
      for (int r = col + 1; r < n; r++) {
        if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
          pivot = r;
        }
      }
      if (!(Math.abs(m[pivot][col]) > 1e-12 * scale)) {
        return null;
      }
      double[] tr = m[col];
      m[col] = m[pivot];
      m[pivot] = tr;
      double tb = b[col];
      b[col] = b[pivot];
      b[pivot] = tb;
      for (int r = col + 1; r < n; r++) {
        double f = m[r][col] / m[col][col];
        for (int c = col; c < n; c++) {
          m[r][c] -= f * m[col][c];
        }
        b[r] -= f * b[col];
      }
    }
    double[] x = new double[n];
    for (int r = n - 1; r >= 0; r--) {
      double s = b[r];
      for (int c = r + 1; c < n; c++) {
        s -= m[r][c] * x[c];
      }
      x[r] = s / m[r][r];
    }
    return x;
  }

  @Override
  public String summary() {
    return String.format(Locale.ROOT, "Log-rank test: chi-squared %s on %d df, p = %s",
        TextTable.number(chiSquare), degreesOfFreedom, TextTable.number(pValue));
  }

  @Override
  public TextTable table() {
    TextTable t = TextTable.of("group", "observations", "observed", "expected");
    for (Group g : groups) {
      t = t.plus(g.name(), g.observations(), g.observed(), g.expected());
    }
    return t;
  }

  @Override
  public String toString() {
    return Tabular.preview(this);
  }
}
