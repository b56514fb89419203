package dev.funnel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.funnel.attribution.Attribution;
import dev.funnel.attribution.AttributionOptions;
import dev.funnel.attribution.AttributionResult;
import dev.funnel.attribution.ChannelCredit;
import dev.funnel.attribution.JourneySet;
import dev.funnel.attribution.Model;
import dev.funnel.attribution.RemovalEffects;
import dev.funnel.core.JourneyPath;
import dev.funnel.io.DatasetReader;
import dev.funnel.io.Rows;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue #4 on ChannelAttribution's example path file ({@code ../shared/data/channelattribution/
 * paths.csv}, {@code ;}-separated, 10,000 paths over 12 channels; shared/data/README.md): our
 * credit, read through funnel-io as a user would, against independent computations.
 *
 * <p><b>Heuristic models.</b> ChannelAttribution's {@code heuristic_models} (R and Python package
 * by Davide Altomare and David Loris; source read: {@code R/src/ChannelAttribution.cpp},
 * function {@code heuristic_models_cpp}, repository DavideAltomare/ChannelAttribution) splits
 * each path on the separator and trims the channel names; first touch gives the path's
 * conversions and value to its first channel, last touch to its last channel; linear touch gives
 * each distinct channel of the path (number of its occurrences) / (path length) of the path's
 * conversions and value, that is 1/n per touch <em>including repeats</em>, not 1/d per distinct
 * channel. Here the same definitions are computed in DuckDB SQL ({@code string_split} on
 * {@code ' > '}) and compared with our {@code first}, {@code last} and {@code linear} (per touch,
 * the default) models.
 *
 * <p><b>Exact Markov.</b> Our order-1 removal effects and credit (consecutive repeats collapsed,
 * as ChannelAttribution also does when it builds its chain) against an exact rational solution:
 * the transition counts are summed in SQL from the paths (start to first channel, channel to
 * channel, last channel to conversion and to null, weighted by the path's conversions and
 * nulls), and the absorption probabilities are solved in this test by Gauss-Jordan elimination
 * over exact fractions (BigInteger), not by our floating-point solver. Removal effect of c =
 * 1 - P(conversion without c) / P(conversion), removing c sends every transition into c to null
 * (Anderl et al. 2016, "Mapping the customer journey"); credit = total x effect / sum of effects.
 */
class PathsFileSharedDataIT {

  static List<JourneyPath> rows;
  static JourneySet js;
  static Duck sql;

  @BeforeAll
  static void read() {
    String shared = System.getProperty("funnel.shared");
    Path file = shared == null ? null : Path.of(shared, "data", "channelattribution", "paths.csv");
    Assumptions.assumeTrue(file != null && Files.isRegularFile(file),
        "skipped: ../shared/data/channelattribution/paths.csv is not available (funnel.shared="
            + shared + ")");
    rows = DatasetReader.strict().readAll(Rows.PATHS, file).rows();
    js = JourneySet.fromPaths(rows);
    sql = new Duck();
    sql.run("""
        CREATE TABLE paths AS SELECT list_transform(string_split(path, ' > '), x -> trim(x)) AS ch,
          CAST(total_conversions AS BIGINT) AS conv,
          CAST(total_conversion_value AS DECIMAL(38, 20)) AS value,
          CAST(coalesce(NULLIF(trim(total_null), ''), '0') AS BIGINT) AS nulls
        FROM read_csv(%s, header = true, all_varchar = true, delim = ';');
        """.formatted(Duck.literal(file)));
  }

  @AfterAll
  static void close() {
    if (sql != null) {
      sql.close();
    }
  }

  /** The published totals, and the exact value sum from SQL, are the library's totals. */
  @Test
  void totals() {
    List<Object[]> t = sql.rows("SELECT count(*), sum(conv), sum(value), sum(nulls) FROM paths");
    Cells.assertSame("paths.csv totals",
        new Cells().put((long) js.size(), "paths").put(js.conversions(), "conversions")
            .put(js.value(), "value").put(js.nulls(), "nulls"),
        new Cells().put(t.get(0)[0], "paths").put(t.get(0)[1], "conversions")
            .put(t.get(0)[2], "value").put(t.get(0)[3], "nulls"), 0);
    assertEquals(19_785, js.conversions());
    assertEquals(68_602, js.nulls());
    assertEquals(new BigDecimal("74802.9716"), js.value().setScale(4, RoundingMode.HALF_UP));
  }

  /** first / last / linear (per touch) = ChannelAttribution's heuristic_models, conversions and value. */
  @Test
  void heuristicModelsOfChannelAttribution() {
    Map<Model, String> want = Map.of(
        Model.FIRST, "SELECT ch[1] AS c, CAST(conv AS DOUBLE) AS w, CAST(value AS DOUBLE) AS v FROM paths",
        Model.LAST, "SELECT ch[-1] AS c, CAST(conv AS DOUBLE) AS w, CAST(value AS DOUBLE) AS v FROM paths",
        Model.LINEAR, """
            SELECT c, CAST(conv AS DOUBLE) / len(ch) AS w, CAST(value AS DOUBLE) / len(ch) AS v
            FROM (SELECT unnest(ch) AS c, ch, conv, value FROM paths)
            """);
    for (Model m : new Model[] {Model.FIRST, Model.LAST, Model.LINEAR}) {
      AttributionResult r = Attribution.attribute(js, m, AttributionOptions.DEFAULTS);
      Cells got = new Cells();
      for (ChannelCredit c : r.channels()) {
        got.put(c.conversions(), c.channel(), "conversions").put(c.value(), c.channel(), "value");
      }
      Cells sqlCells = Cells.of(sql.rows("SELECT c, sum(w), sum(v) FROM (" + want.get(m)
          + ") GROUP BY c"), 1, "conversions", "value");
      Cells.assertSame("heuristic " + m.label() + " on paths.csv", got, sqlCells, 1e-12);
    }
  }

  /** Exact Markov removal effects and credit, against exact rational absorption probabilities. */
  @Test
  void exactMarkovAgainstARationalSolve() {
    List<Object[]> edges = sql.rows("""
        WITH cp AS (SELECT list_filter(ch, (x, i) -> i = 1 OR x <> ch[i - 1]) AS ch, conv, nulls
                    FROM paths),
          e AS (
            SELECT '(start)' AS src, ch[1] AS dst, conv + nulls AS n FROM cp
            UNION ALL
            SELECT ch[i], ch[i + 1], conv + nulls
              FROM (SELECT ch, conv, nulls, unnest(range(1, len(ch))) AS i FROM cp)
            UNION ALL SELECT ch[-1], '(conversion)', conv FROM cp
            UNION ALL SELECT ch[-1], '(null)', nulls FROM cp)
        SELECT src, dst, sum(n) FROM e GROUP BY src, dst HAVING sum(n) > 0
        """);
    TreeSet<String> names = new TreeSet<>();
    for (Object[] e : edges) {
      for (Object s : new Object[] {e[0], e[1]}) {
        if (!((String) s).startsWith("(")) {
          names.add((String) s);
        }
      }
    }
    List<String> channels = new ArrayList<>(names);
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < channels.size(); i++) {
      index.put(channels.get(i), i);
    }
    int n = channels.size();
    // states 0..n-1 channels, n start; columns 0..n-1 channels, n conversion, n+1 null
    BigInteger[][] count = new BigInteger[n + 1][n + 2];
    for (BigInteger[] row : count) {
      java.util.Arrays.fill(row, BigInteger.ZERO);
    }
    for (Object[] e : edges) {
      String src = (String) e[0];
      String dst = (String) e[1];
      int from = src.equals("(start)") ? n : index.get(src);
      int to = dst.equals("(conversion)") ? n : dst.equals("(null)") ? n + 1 : index.get(dst);
      count[from][to] = count[from][to].add(BigInteger.valueOf(((Number) e[2]).longValue()));
    }
    Q p = conversionProbability(count, n, -1);
    Q[] effect = new Q[n];
    Q sum = Q.ZERO;
    for (int c = 0; c < n; c++) {
      Q without = conversionProbability(count, n, c);
      effect[c] = Q.ONE.minus(without.divide(p));
      sum = sum.plus(effect[c]);
    }

    AttributionResult r = Attribution.attribute(js, Model.MARKOV, AttributionOptions.DEFAULTS);
    RemovalEffects re = r.removal();
    // probabilities and effects: an effect is 1 - P_without / P, so a double solve carries an
    // absolute error of a few ulps of 1 and small effects (mi ~ 1e-4) a larger relative one;
    // hence relative 1e-12 or absolute 1e-13, and credits within 1e-12 of the total
    Cells gotP = new Cells().put(re.conversionProbability(), "(all)", "P(conversion)");
    Cells wantP = new Cells().put(p.toDouble(), "(all)", "P(conversion)");
    Cells gotConv = new Cells();
    Cells wantConv = new Cells();
    Cells gotValue = new Cells();
    Cells wantValue = new Cells();
    Q totalConv = Q.of(BigInteger.valueOf(js.conversions()), BigInteger.ONE);
    Q totalValue = Q.of(js.value());
    StringBuilder exact = new StringBuilder("[crosscheck] exact Markov credit (conversions):");
    for (int c = 0; c < n; c++) {
      String ch = channels.get(c);
      exact.append(String.format(java.util.Locale.ROOT, " %s %.2f", ch,
          totalConv.times(effect[c]).divide(sum).toDouble()));
    }
    System.out.println(exact.append(String.format(java.util.Locale.ROOT, "; P(conversion) %.6f",
        p.toDouble())));
    for (int c = 0; c < n; c++) {
      String ch = channels.get(c);
      wantP.put(effect[c].toDouble(), ch, "removal effect");
      wantConv.put(totalConv.times(effect[c]).divide(sum).toDouble(), ch, "conversions");
      wantValue.put(totalValue.times(effect[c]).divide(sum).toDouble(), ch, "value");
    }
    for (Map.Entry<String, Double> e : re.effects().entrySet()) {
      gotP.put(e.getValue(), e.getKey(), "removal effect");
    }
    for (ChannelCredit c : r.channels()) {
      gotConv.put(c.conversions(), c.channel(), "conversions");
      gotValue.put(c.value(), c.channel(), "value");
    }
    Cells.assertSame("exact Markov (order 1) on paths.csv: P(conversion), removal effects", gotP,
        wantP, 1e-12, 1e-13);
    Cells.assertSame("exact Markov (order 1) on paths.csv: conversion credit", gotConv, wantConv,
        1e-12, 1e-12 * js.conversions());
    Cells.assertSame("exact Markov (order 1) on paths.csv: value credit", gotValue, wantValue,
        1e-12, 1e-12 * js.value().doubleValue());
    assertEquals(19_785, r.conversions());
    assertEquals(0, r.value().compareTo((BigDecimal) sql.value("SELECT sum(value) FROM paths")),
        "the exact value total");
    assertEquals(19_785.0, r.creditedConversions(), 19_785 * 1e-12, "credit sums to the conversions");
    assertEquals(r.value().doubleValue(), r.creditedValue(), r.value().doubleValue() * 1e-12,
        "credit sums to the value");
  }

  /**
   * P(reaching conversion from the start), with channel {@code removed} (or none, -1) turned into
   * the null state: solves N_i x_i - sum_j C_ij x_j = C_i,conv over the remaining channels by
   * Gauss-Jordan elimination on exact fractions, then sums the start row.
   */
  static Q conversionProbability(BigInteger[][] count, int n, int removed) {
    List<Integer> keep = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (i != removed) {
        keep.add(i);
      }
    }
    int m = keep.size();
    Q[][] a = new Q[m][m + 1];
    for (int r = 0; r < m; r++) {
      int i = keep.get(r);
      BigInteger out = BigInteger.ZERO;
      for (BigInteger v : count[i]) {
        out = out.add(v);
      }
      for (int s = 0; s < m; s++) {
        int j = keep.get(s);
        BigInteger v = (i == j ? out : BigInteger.ZERO).subtract(count[i][j]);
        a[r][s] = Q.of(v, BigInteger.ONE);
      }
      a[r][m] = Q.of(count[i][n], BigInteger.ONE);
    }
    for (int col = 0; col < m; col++) {
      int pivot = col;
      while (a[pivot][col].isZero()) {
        pivot++;
      }
      Q[] t = a[pivot];
      a[pivot] = a[col];
      a[col] = t;
      Q inv = Q.ONE.divide(a[col][col]);
      for (int k = col; k <= m; k++) {
        a[col][k] = a[col][k].times(inv);
      }
      for (int r = 0; r < m; r++) {
        if (r != col && !a[r][col].isZero()) {
          Q f = a[r][col];
          for (int k = col; k <= m; k++) {
            a[r][k] = a[r][k].minus(f.times(a[col][k]));
          }
        }
      }
    }
    BigInteger startOut = BigInteger.ZERO;
    for (BigInteger v : count[n]) {
      startOut = startOut.add(v);
    }
    Q p = Q.ZERO;
    for (int r = 0; r < m; r++) {
      p = p.plus(Q.of(count[n][keep.get(r)], BigInteger.ONE).times(a[r][m]));
    }
    return p.divide(Q.of(startOut, BigInteger.ONE));
  }

  /** An exact fraction num / den, den > 0, in lowest terms. */
  record Q(BigInteger num, BigInteger den) {
    static final Q ZERO = new Q(BigInteger.ZERO, BigInteger.ONE);
    static final Q ONE = new Q(BigInteger.ONE, BigInteger.ONE);

    static Q of(BigInteger num, BigInteger den) {
      if (den.signum() == 0) {
        throw new ArithmeticException("zero denominator");
      }
      if (den.signum() < 0) {
        num = num.negate();
        den = den.negate();
      }
      BigInteger g = num.gcd(den);
      return g.signum() == 0 || g.equals(BigInteger.ONE) ? new Q(num, den)
          : new Q(num.divide(g), den.divide(g));
    }

    static Q of(BigDecimal d) {
      return d.scale() >= 0 ? of(d.unscaledValue(), BigInteger.TEN.pow(d.scale()))
          : of(d.unscaledValue().multiply(BigInteger.TEN.pow(-d.scale())), BigInteger.ONE);
    }

    Q plus(Q o) {
      return of(num.multiply(o.den).add(o.num.multiply(den)), den.multiply(o.den));
    }

    Q minus(Q o) {
      return of(num.multiply(o.den).subtract(o.num.multiply(den)), den.multiply(o.den));
    }

    Q times(Q o) {
      return of(num.multiply(o.num), den.multiply(o.den));
    }

    Q divide(Q o) {
      return of(num.multiply(o.den), den.multiply(o.num));
    }

    boolean isZero() {
      return num.signum() == 0;
    }

    double toDouble() {
      return new BigDecimal(num).divide(new BigDecimal(den), new MathContext(40)).doubleValue();
    }
  }
}
