package dev.funnel.core.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Invariants of the decomposition, checked on generated tables. */
class BridgePropertiesTest {

  private static final double EPS = 1e-9;

  private static Bridge bridge(Method m) {
    return Bridge.builder().method(m).build();
  }

  private static double scale(BridgeResult r) {
    return Math.max(1, Math.max(Math.abs(r.base()), Math.abs(r.current())));
  }

  @Test
  void everyMethodIsExactOnPositiveTables() {
    qt().withExamples(200).forAll(Tables.tables(4, 6, 0.05, 20)).checkAssert(t -> {
      for (Method m : Method.values()) {
        BridgeResult r = bridge(m).decompose(t);
        assertFalse(r.fallback(), m.label());
        assertEquals(r.current() - r.base(), Tables.sum(r), EPS * scale(r), m.label());
        if (m.multiplicative()) {
          assertEquals(r.current() / r.base(), Tables.product(r),
              EPS * r.current() / r.base(), m.label());
        }
      }
    });
  }

  @Test
  void shapleyAndChainAreExactForAnySigns() {
    qt().withExamples(200).forAll(Tables.tables(4, 7, -20, 20)).checkAssert(t -> {
      for (Method m : List.of(Method.SHAPLEY, Method.CHAIN, Method.LMDI_I_ADDITIVE)) {
        BridgeResult r = bridge(m).decompose(t);
        assertEquals(r.change(), Tables.sum(r), EPS * scale(r), m.label());
      }
    });
  }

  @Test
  void lmdiIsTimeReversible() {
    qt().withExamples(200).forAll(Tables.tables(4, 6, 0.05, 20)).checkAssert(t -> {
      for (Method m : List.of(Method.LMDI_I_ADDITIVE, Method.LMDI_II_ADDITIVE)) {
        BridgeResult ab = bridge(m).decompose(t);
        BridgeResult ba = bridge(m).decompose(Tables.reversed(t));
        for (String f : t.factors()) {
          assertEquals(-ab.effect(f), ba.effect(f), EPS * scale(ab), m.label() + " " + f);
        }
      }
      BridgeResult ab = bridge(Method.LMDI_I_MULTIPLICATIVE).decompose(t);
      BridgeResult ba = bridge(Method.LMDI_I_MULTIPLICATIVE).decompose(Tables.reversed(t));
      for (String f : t.factors()) {
        assertEquals(1, ab.ratio(f) * ba.ratio(f), 1e-12, f);
      }
    });
  }

  @Test
  void lmdiOneIsConsistentInAggregation() {
    qt().withExamples(200).forAll(Tables.tables(5, 5, 0.05, 20)).checkAssert(t -> {
      BridgeResult whole = Bridge.lmdi().decompose(t);
      for (String f : t.factors()) {
        double sum = 0;
        for (String s : t.segments()) {
          BridgeResult part = Bridge.lmdi().decompose(Tables.segment(t, s));
          sum += part.effect(f);
          assertEquals(part.effect(f), whole.segmentEffect(s, f), EPS * scale(whole));
        }
        assertEquals(sum, whole.effect(f), EPS * scale(whole), f);
      }
    });
  }

  @Test
  void shapleyIsTheAverageOfChainOverAllOrders() {
    qt().withExamples(60).forAll(Tables.tables(3, 6, -5, 5)).checkAssert(t -> {
      BridgeResult shapley = bridge(Method.SHAPLEY).decompose(t);
      List<List<String>> orders = permutations(t.factors());
      double[] mean = new double[t.factors().size()];
      for (List<String> order : orders) {
        BridgeResult chain = Bridge.builder().method(Method.CHAIN).order(order).build()
            .decompose(t);
        for (int k = 0; k < mean.length; k++) {
          mean[k] += chain.effect(t.factors().get(k)) / orders.size();
        }
      }
      for (int k = 0; k < mean.length; k++) {
        assertEquals(mean[k], shapley.effect(t.factors().get(k)), EPS * scale(shapley));
      }
    });
  }

  @Test
  void segmentAppearingFromZeroKeepsEveryMethodExact() {
    qt().withExamples(200).forAll(Tables.tables(3, 5, 0.05, 20), integers().between(1, 4),
        doubles().between(0.1, 30)).checkAssert((t, zeros, value) -> {
          FactorTable withNew = t;
          int k = t.factors().size();
          for (int j = 0; j < k; j++) {
            withNew = withNew.plus("new", t.factors().get(j), j < zeros ? 0 : value, value);
          }
          for (Method m : Method.values()) {
            BridgeResult r = bridge(m).decompose(withNew);
            assertEquals(r.change(), Tables.sum(r), EPS * scale(r), m.label());
          }
          BridgeResult r = Bridge.lmdi().decompose(withNew);
          // the new segment's whole current value is shared by the factors that were zero
          double share = Math.pow(value, k) / Math.min(zeros, k);
          for (int j = 0; j < k; j++) {
            assertEquals(j < zeros ? share : 0, r.segmentEffect("new", t.factors().get(j)),
                EPS * Math.max(1, share));
          }
        });
  }

  @Test
  void zerosAnywhereKeepLmdiExact() {
    qt().withExamples(300).forAll(Tables.tablesWithZeros(4, 5)).checkAssert(t -> {
      for (Method m : Method.values()) {
        Bridge b = bridge(m);
        BridgeResult r;
        try {
          r = b.decompose(t);
        } catch (IllegalArgumentException e) {
          // only the multiplicative forms may refuse, and only for a zero total
          assertTrue(m.multiplicative() && e.getMessage().contains("positive totals"),
              m.label() + ": " + e.getMessage());
          continue;
        }
        assertEquals(r.change(), Tables.sum(r), EPS * scale(r), m.label());
        assertTrue(!r.fallback() || m.lmdiTwo(), m.label() + " " + r.fallbackReason());
      }
    });
  }

  @Test
  void rowOrderDoesNotChangeResults() {
    qt().withExamples(100).forAll(Tables.tables(4, 5, 0.05, 20)).checkAssert(t -> {
      List<FactorRow> rows = new ArrayList<>(t.rows());
      java.util.Collections.reverse(rows);
      FactorTable shuffled = FactorTable.of(rows);
      for (Method m : List.of(Method.LMDI_I_ADDITIVE, Method.LMDI_II_MULTIPLICATIVE)) {
        BridgeResult a = bridge(m).decompose(t);
        BridgeResult b = bridge(m).decompose(shuffled);
        for (String f : t.factors()) {
          assertEquals(a.effect(f), b.effect(f), 0.0, f);
        }
      }
    });
  }

  static List<List<String>> permutations(List<String> items) {
    if (items.isEmpty()) {
      return List.of(List.of());
    }
    List<List<String>> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      List<String> rest = new ArrayList<>(items);
      String head = rest.remove(i);
      for (List<String> p : permutations(rest)) {
        List<String> o = new ArrayList<>();
        o.add(head);
        o.addAll(p);
        out.add(o);
      }
    }
    return out;
  }
}
