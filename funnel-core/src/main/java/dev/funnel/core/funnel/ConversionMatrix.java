package dev.funnel.core.funnel;

import dev.funnel.core.display.Tabular;
import dev.funnel.core.display.TextTable;
import dev.funnel.core.stats.BetaBinomialPrior;
import dev.funnel.core.stats.Stats;
import dev.funnel.core.stats.TwoProportionTest;
import dev.funnel.core.stats.WilsonInterval;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Sources by stage conversions, with bottleneck flags that do not cry wolf on small cells
 * (docs/spec/metrics.md, "Conversion matrix").
 *
 * <p>Built from a cohort-basis {@link FunnelReport} with a breakdown: the cell for source s and
 * the column {@code FROM->TO} (consecutive stages by default, any forward pair on request) has
 * {@code entered} = the source's leads that reached FROM and {@code converted} = those that
 * reached TO (both on the cohort basis, so the rate is a share). Per column, the overall rate is
 * {@code sum converted / sum entered}; each cell's rate is shrunk toward it with an
 * empirical-Bayes {@link BetaBinomialPrior} estimated from that column's cells;
 * {@code index = rate / overall} and {@code shrunkIndex = shrunkRate / overall}. Each cell is
 * tested against the rest of its column (two-proportion z-test, pooled statistic); the p-values
 * of the whole matrix are adjusted with Benjamini-Hochberg at the false discovery rate
 * {@code fdr}. A cell is a bottleneck only when its adjusted p-value is at most {@code fdr}, its
 * rate is below the rest of the column, its shrunk index is below 1 (small cells are both shrunk
 * and hard to make significant) and its gap to the rest reaches the {@link MinimumGap} (large
 * cells make tiny gaps significant: 55.2% against 56.4% at 24,000 leads is real but immaterial).
 * Every cell carries its gap {@code rest - rate} with Newcombe's hybrid score interval (Newcombe
 * 1998, "Interval estimation for the difference between independent proportions: comparison of
 * eleven methods", Statistics in Medicine 17, method 10: from the Wilson intervals
 * {@code (l1, u1)} of the rest and {@code (l2, u2)} of the cell,
 * {@code [gap - sqrt((p1-l1)^2 + (u2-p2)^2), gap + sqrt((u1-p1)^2 + (p2-l2)^2)]}), which stays
 * inside [-1, 1] and keeps its coverage for small cells where the Wald interval does not.
 *
 * @param basis       always {@link Basis#COHORT}
 * @param fdr         the false discovery rate used for the flags
 * @param minimumGap  the practical size a flagged gap needs
 * @param sources     row keys in report order
 * @param transitions column labels {@code FROM->TO}, in the order asked for
 * @param overall     the overall rate of each column
 * @param cells       row-major cells (source by source, each with every transition)
 */
public record ConversionMatrix(
    Basis basis, double fdr, MinimumGap minimumGap, List<String> sources, List<String> transitions,
    List<Double> overall, List<MatrixCell> cells) implements Tabular {

  public ConversionMatrix {
    sources = List.copyOf(sources);
    transitions = List.copyOf(transitions);
    overall = List.copyOf(overall);
    cells = List.copyOf(cells);
  }

  /**
   * The matrix of a cohort-basis report broken down by one or two dimensions, one column per pair
   * of consecutive stages, with the {@link MinimumGap#DEFAULT} minimum gap.
   *
   * @throws IllegalArgumentException on an event-basis report (its ratios are not shares), a report
   *     without a breakdown, or an fdr outside (0, 1)
   */
  public static ConversionMatrix of(FunnelReport report, double fdr) {
    List<String> steps = new ArrayList<>();
    for (int k = 0; k + 1 < report.stages().size(); k++) {
      steps.add(report.stages().get(k).stage() + "->" + report.stages().get(k + 1).stage());
    }
    return of(report, fdr, steps);
  }

  /**
   * The matrix with chosen columns, each {@code FROM->TO} with FROM before TO in the catalog
   * (e.g. {@code MQL->SQL} for scoring and audience, {@code SQL->WON} for the offer and reaction
   * time).
   *
   * @throws IllegalArgumentException as {@link #of(FunnelReport, double)}, and on a malformed,
   *     unknown or backward column
   */
  public static ConversionMatrix of(FunnelReport report, double fdr, List<String> columns) {
    return of(report, fdr, columns, MinimumGap.DEFAULT);
  }

  /**
   * The matrix of consecutive stages with a chosen minimum gap ({@link MinimumGap#NONE}: flags on
   * significance alone).
   */
  public static ConversionMatrix of(FunnelReport report, double fdr, MinimumGap minimumGap) {
    List<String> steps = new ArrayList<>();
    for (int k = 0; k + 1 < report.stages().size(); k++) {
      steps.add(report.stages().get(k).stage() + "->" + report.stages().get(k + 1).stage());
    }
    return of(report, fdr, steps, minimumGap);
  }

  /**
   * The matrix with chosen columns and minimum gap.
   *
   * @throws IllegalArgumentException as {@link #of(FunnelReport, double, List)}, or on a null
   *     minimum gap
   */
  public static ConversionMatrix of(FunnelReport report, double fdr, List<String> columns,
      MinimumGap minimumGap) {
    if (minimumGap == null) {
      throw new IllegalArgumentException("a minimum gap is required (MinimumGap.NONE for none)");
    }
    if (report.basis() != Basis.COHORT) {
      throw new IllegalArgumentException(
          "the conversion matrix needs a cohort-basis funnel: event-basis ratios are not shares");
    }
    if (report.query().by().isEmpty()) {
      throw new IllegalArgumentException("the conversion matrix needs a funnel broken down by a dimension");
    }
    if (!(fdr > 0 && fdr < 1)) {
      throw new IllegalArgumentException("false discovery rate must be in (0, 1), got " + fdr);
    }
    int steps = columns.size();
    int[] fromIdx = new int[steps];
    int[] toIdx = new int[steps];
    List<String> transitions = new ArrayList<>();
    for (int k = 0; k < steps; k++) {
      String[] pair = columns.get(k).split("->");
      if (pair.length != 2) {
        throw new IllegalArgumentException("a column is FROM->TO, got '" + columns.get(k) + "'");
      }
      fromIdx[k] = report.stages().indexOf(Conversions.find(report.stages(), pair[0]));
      toIdx[k] = report.stages().indexOf(Conversions.find(report.stages(), pair[1]));
      if (fromIdx[k] >= toIdx[k]) {
        throw new IllegalArgumentException(
            "column " + columns.get(k) + " must run forward in the catalog");
      }
      transitions.add(
          report.stages().get(fromIdx[k]).stage() + "->" + report.stages().get(toIdx[k]).stage());
    }
    List<GroupFunnel> groups = report.groups();
    int rows = groups.size();
    List<String> sources = new ArrayList<>();
    groups.forEach(g -> sources.add(g.key()));
    List<Double> overall = new ArrayList<>();
    double[] p = new double[rows * steps];
    double[] shrunk = new double[rows * steps];
    double[] shrunkIndex = new double[rows * steps];
    boolean[] below = new boolean[rows * steps];
    double[] rest = new double[rows * steps];
    double[] gapLow = new double[rows * steps];
    double[] gapHigh = new double[rows * steps];
    for (int k = 0; k < steps; k++) {
      long[] x = new long[rows];
      long[] n = new long[rows];
      long sx = 0;
      long sn = 0;
      for (int i = 0; i < rows; i++) {
        n[i] = groups.get(i).stages().get(fromIdx[k]).count();
        x[i] = groups.get(i).stages().get(toIdx[k]).count();
        sx += x[i];
        sn += n[i];
      }
      double all = Conversions.ratio(sx, sn);
      overall.add(all);
      BetaBinomialPrior prior = Stats.shrinkage(x, n);
      for (int i = 0; i < rows; i++) {
        int c = i * steps + k;
        shrunk[c] = n[i] == 0 ? Double.NaN : prior.shrink(x[i], n[i]);
        shrunkIndex[c] = shrunk[c] / all;
        TwoProportionTest t = Stats.twoProportion(sx - x[i], sn - n[i], x[i], n[i], 1 - fdr);
        p[c] = n[i] == 0 || sn - n[i] == 0 ? Double.NaN : t.pValue();
        below[c] = t.difference() < 0;
        rest[c] = Conversions.ratio(sx - x[i], sn - n[i]);
        double[] ci = newcombe(sx - x[i], sn - n[i], x[i], n[i], 1 - fdr);
        gapLow[c] = ci[0];
        gapHigh[c] = ci[1];
      }
    }
    double[] adj = Stats.benjaminiHochberg(p);
    List<MatrixCell> cells = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      List<StageCount> st = groups.get(i).stages();
      for (int k = 0; k < steps; k++) {
        int c = i * steps + k;
        long n = st.get(fromIdx[k]).count();
        long x = st.get(toIdx[k]).count();
        double rate = Conversions.ratio(x, n);
        double gap = rest[c] - rate;
        boolean practical = minimumGap.metBy(gap, rest[c]);
        cells.add(new MatrixCell(sources.get(i), st.get(fromIdx[k]).stage(), st.get(toIdx[k]).stage(),
            n, x, rate, shrunk[c], rate / overall.get(k), shrunkIndex[c], p[c], adj[c], rest[c],
            gap, gapLow[c], gapHigh[c], practical,
            adj[c] <= fdr && below[c] && shrunkIndex[c] < 1 && practical));
      }
    }
    return new ConversionMatrix(Basis.COHORT, fdr, minimumGap, sources, transitions, overall,
        cells);
  }

  /**
   * Newcombe's (1998) hybrid score interval, method 10, for {@code p1 - p2} with
   * {@code p1 = x1/n1}, {@code p2 = x2/n2}: {@code [d - sqrt((p1-l1)^2 + (u2-p2)^2),
   * d + sqrt((u1-p1)^2 + (p2-l2)^2)]}, {@code (l, u)} the Wilson score intervals at the level;
   * NaN bounds when a side has no trials.
   */
  static double[] newcombe(long x1, long n1, long x2, long n2, double confidence) {
    if (n1 == 0 || n2 == 0) {
      return new double[] {Double.NaN, Double.NaN};
    }
    WilsonInterval a = Stats.wilson(x1, n1, confidence);
    WilsonInterval b = Stats.wilson(x2, n2, confidence);
    double d = a.rate() - b.rate();
    return new double[] {
        d - Math.sqrt(sq(a.rate() - a.lower()) + sq(b.upper() - b.rate())),
        d + Math.sqrt(sq(a.upper() - a.rate()) + sq(b.rate() - b.lower()))};
  }

  private static double sq(double v) {
    return v * v;
  }

  /** The cells significantly below the rest of their column whose gap is under the minimum. */
  public List<MatrixCell> belowMinimumGap() {
    return cells.stream().filter(c -> c.significantlyBelow(fdr) && c.shrunkIndex() < 1
        && !c.practical()).toList();
  }

  /** The cell of a source and a transition {@code FROM->TO}. */
  public MatrixCell cell(String source, String transition) {
    int i = sources.indexOf(source);
    int k = transitions.indexOf(transition);
    if (i < 0 || k < 0) {
      throw new IllegalArgumentException("no cell " + source + " x " + transition + "; sources "
          + sources + ", transitions " + transitions);
    }
    return cells.get(i * transitions.size() + k);
  }

  /** The flagged cells. */
  public List<MatrixCell> bottlenecks() {
    return cells.stream().filter(MatrixCell::bottleneck).toList();
  }

  @Override
  public String summary() {
    return String.format(Locale.ROOT, "Conversion matrix: %d sources x %d steps, %d bottlenecks",
        sources.size(), transitions.size(), bottlenecks().size());
  }

  /** The rule of the flags in words: {@code "FDR 0.05 and a gap of at least 10% of the rest's rate"}. */
  public String rule() {
    return "FDR " + TextTable.number(fdr) + " and a gap of at least " + minimumGap.label();
  }

  @Override
  public TextTable table() {
    List<Object[]> out = new ArrayList<>();
    for (MatrixCell c : cells) {
      out.add(new Object[] {c.source(), c.from() + "->" + c.to(), c.entered(), c.converted(),
          c.rate(), c.shrunkRate(), c.index(), c.shrunkIndex(), c.adjustedPValue(), c.gap(),
          c.gapLower(), c.gapUpper(), c.bottleneck() ? "yes" : ""});
    }
    return TextTable.of("source", "step", "entered", "converted", "rate", "shrunk", "index",
        "shrunk index", "adj. p", "gap", "gap low", "gap high", "bottleneck").plusAll(out);
  }

  @Override
  public String toString() {
    return Tabular.preview(this);
  }
}
