package dev.funnel.core.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class FactorTableTest {

  @Test
  void mergingTablesWithDisjointSegmentsGivesTheWholeTable() {
    qt().withExamples(100).forAll(Tables.tables(5, 4, 0.05, 20)).checkAssert(t -> {
      List<String> segments = t.segments();
      FactorTable left = FactorTable.empty();
      FactorTable right = FactorTable.empty();
      for (FactorRow r : t.rows()) {
        if (segments.indexOf(r.segment()) % 2 == 0) {
          left = left.plus(r);
        } else {
          right = right.plus(r);
        }
      }
      FactorTable merged = left.merge(right);
      assertEquals(new HashSet<>(t.rows()), new HashSet<>(merged.rows()));
      assertEquals(new HashSet<>(t.rows()), new HashSet<>(right.merge(left).rows()));
      assertEquals(Bridge.lmdi().decompose(t).effects(), Bridge.lmdi().decompose(merged).effects());
    });
  }

  @Test
  void cellsThatMeetAddUp() {
    FactorTable a = FactorTable.of(new FactorRow("web", "leads", 10, 12));
    FactorTable b = FactorTable.of(new FactorRow(" web ", "leads", 5, 1));
    FactorTable m = a.merge(b);
    assertEquals(15, m.base("web", "leads"), 0);
    assertEquals(13, m.current("web", "leads"), 0);
    assertEquals(m, a.plus("web", "leads", 5, 1));
    assertEquals(m, FactorTable.of(new FactorRow("web", "leads", 10, 12),
        new FactorRow("web", "leads", 5, 1)));
    assertTrue(Double.isNaN(m.base("web", "deals")));
  }

  @Test
  void aSingleSegmentMayHaveNoName() {
    FactorTable t = FactorTable.of(new FactorRow(null, "a", 1, 2), new FactorRow("", "b", 3, 3));
    assertEquals(List.of(""), t.segments());
    BridgeResult r = Bridge.lmdi().decompose(t);
    assertEquals(3, r.effect("a"), 1e-12);
    assertEquals(0, r.effect("b"), 0);
    assertEquals(3, r.segmentEffect("", "a"), 1e-12);
  }

  @Test
  void factorsKeepTheirInputOrderAndSegmentsAreSorted() {
    FactorTable t = FactorTable.of(new FactorRow("b", "zeta", 1, 2),
        new FactorRow("a", "alpha", 1, 1), new FactorRow("b", "alpha", 1, 1),
        new FactorRow("a", "zeta", 1, 2));
    assertEquals(List.of("zeta", "alpha"), t.factors());
    assertEquals(List.of("a", "b"), t.segments());
    BridgeResult r = Bridge.lmdi().decompose(t);
    assertEquals(List.of("zeta", "alpha"), r.effects().stream().map(FactorEffect::factor).toList());
    assertEquals(2, r.effect("zeta"), 1e-12);
  }

  @Test
  void badInputIsRefusedWithAReason() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new FactorRow("web", "leads", Double.NaN, 1));
    assertTrue(e.getMessage().contains("leads"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> new FactorRow("web", "leads", 1, Double.POSITIVE_INFINITY));
    assertThrows(IllegalArgumentException.class, () -> new FactorRow("web", " ", 1, 1));
    assertThrows(IllegalArgumentException.class,
        () -> FactorTable.of(new FactorRow("", "x", Double.MAX_VALUE, 1),
            new FactorRow("", "x", Double.MAX_VALUE, 1)));

    FactorTable missing = FactorTable.of(new FactorRow("web", "leads", 1, 2),
        new FactorRow("web", "rate", 0.1, 0.2), new FactorRow("ads", "leads", 3, 4));
    e = assertThrows(IllegalArgumentException.class, () -> Bridge.lmdi().decompose(missing));
    assertTrue(e.getMessage().contains("'ads'") && e.getMessage().contains("'rate'"),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Bridge.lmdi().decompose(FactorTable.empty()));
    assertTrue(e.getMessage().contains("no rows"), e.getMessage());
  }
}
