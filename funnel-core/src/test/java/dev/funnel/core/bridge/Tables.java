package dev.funnel.core.bridge;

import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.List;
import org.quicktheories.core.Gen;

/** Generators of complete factor tables for the property tests. */
final class Tables {
  private Tables() {}

  /** Tables of 1..maxSegments segments and 1..maxFactors factors, values in [lo, hi]. */
  static Gen<FactorTable> tables(int maxSegments, int maxFactors, double lo, double hi) {
    return integers().between(1, maxSegments).zip(integers().between(1, maxFactors),
        (n, k) -> new int[] {n, k}).flatMap(nk -> lists().of(doubles().between(lo, hi))
            .ofSize(2 * nk[0] * nk[1]).map(v -> build(nk[0], nk[1], v)));
  }

  /** Like {@link #tables} with values in [0.05, 20], about a quarter of them exactly zero. */
  static Gen<FactorTable> tablesWithZeros(int maxSegments, int maxFactors) {
    Gen<Double> value = doubles().between(0.05, 20).mix(doubles().between(0, 0).map(d -> 0.0), 25);
    return integers().between(1, maxSegments).zip(integers().between(1, maxFactors),
        (n, k) -> new int[] {n, k}).flatMap(nk -> lists().of(value)
            .ofSize(2 * nk[0] * nk[1]).map(v -> build(nk[0], nk[1], v)));
  }

  static FactorTable build(int n, int k, List<Double> v) {
    List<FactorRow> rows = new ArrayList<>();
    int p = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < k; j++) {
        rows.add(new FactorRow("s" + i, "f" + j, v.get(p++), v.get(p++)));
      }
    }
    return FactorTable.of(rows);
  }

  /** The same table with base and current swapped. */
  static FactorTable reversed(FactorTable t) {
    List<FactorRow> rows = new ArrayList<>();
    for (FactorRow r : t.rows()) {
      rows.add(new FactorRow(r.segment(), r.factor(), r.current(), r.base()));
    }
    return FactorTable.of(rows);
  }

  /** The rows of one segment as a table of its own. */
  static FactorTable segment(FactorTable t, String segment) {
    return FactorTable.of(t.rows().stream().filter(r -> r.segment().equals(segment)).toList());
  }

  static double sum(BridgeResult r) {
    return r.effects().stream().mapToDouble(FactorEffect::effect).sum();
  }

  static double product(BridgeResult r) {
    return r.effects().stream().mapToDouble(FactorEffect::ratio).reduce(1, (a, b) -> a * b);
  }
}
