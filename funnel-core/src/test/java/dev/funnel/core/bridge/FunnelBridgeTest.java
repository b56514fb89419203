package dev.funnel.core.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.core.Dataset;
import dev.funnel.core.Lead;
import dev.funnel.core.Money;
import dev.funnel.core.Payment;
import dev.funnel.core.Period;
import dev.funnel.core.PlanTarget;
import dev.funnel.core.StageCatalog;
import dev.funnel.core.StageChange;
import dev.funnel.core.funnel.Dimension;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The funnel bridge on small hand-built datasets whose factor values are worked out by hand. */
class FunnelBridgeTest {

  static final Period JAN = Period.parse("2026-01");
  static final Period FEB = Period.parse("2026-02");
  static final StageCatalog CAT = StageCatalog.DEFAULT;

  /** Rows of a hand-built dataset, added in any order. */
  static final class Crm {
    final List<Lead> leads = new ArrayList<>();
    final List<StageChange> stages = new ArrayList<>();
    final List<Payment> payments = new ArrayList<>();
    final List<PlanTarget> plan = new ArrayList<>();
    int n;

    /** A lead created at {@code created} reaching each {@code stage@time} given. */
    String lead(String channel, String created, String... stageAt) {
      String id = "L" + (++n);
      leads.add(Lead.of(id, Instant.parse(created + "T10:00:00Z"), channel));
      for (String s : stageAt) {
        String[] p = s.split("@");
        stages.add(StageChange.of(id, CAT.stage(p[0]), Instant.parse(p[1] + "T12:00:00Z")));
      }
      return id;
    }

    void pay(String lead, String day, String amount) {
      payments.add(new Payment("P" + payments.size(), lead, lead,
          Instant.parse(day + "T15:00:00Z"), Money.of(amount, "USD"), null));
    }

    void target(Period p, String metric, String value) {
      plan.add(new PlanTarget(p, metric, new BigDecimal(value), null));
    }

    Dataset dataset(boolean shuffled) {
      Dataset.Builder b = Dataset.builder();
      List<Object> all = new ArrayList<>();
      all.addAll(leads);
      all.addAll(stages);
      all.addAll(payments);
      all.addAll(plan);
      if (shuffled) {
        Collections.reverse(all);
      }
      for (Object o : all) {
        if (o instanceof Lead l) {
          b.lead(l);
        } else if (o instanceof StageChange s) {
          b.stageChange(s);
        } else if (o instanceof Payment p) {
          b.payment(p);
        } else {
          b.planTarget((PlanTarget) o);
        }
      }
      return b.build();
    }
  }

  /**
   * January: 10 leads, 5 reach MQL (one of them only through SQL, which implies MQL), 2 SQL,
   * 1 won, payments 1000 + 500. February: 8 new leads; MQL 4 (one created in January), SQL 4,
   * won 2; payments 2000 + 1200 and a refund of 200.
   */
  static Crm oneSegment() {
    Crm c = new Crm();
    String a = c.lead("web", "2026-01-03", "MQL@2026-01-05", "SQL@2026-01-08", "WON@2026-01-20");
    c.lead("web", "2026-01-04", "SQL@2026-01-09"); // skips MQL: MQL and SQL in January
    c.lead("web", "2026-01-05", "MQL@2026-01-06");
    c.lead("web", "2026-01-06", "MQL@2026-01-07", "LOST@2026-01-15");
    c.lead("web", "2026-01-07", "MQL@2026-01-30", "SQL@2026-02-02", "WON@2026-02-10");
    String late = c.lead("web", "2026-01-08", "MQL@2026-02-01", "SQL@2026-02-03");
    for (int i = 0; i < 4; i++) {
      c.lead("web", "2026-01-1" + i);
    }
    c.pay(a, "2026-01-22", "1000");
    c.pay(a, "2026-01-28", "500");
    // February: 8 leads; MQL: 3 of them + 'late'; SQL: 2 of them + 2 January leads; won 2
    c.lead("web", "2026-02-02", "MQL@2026-02-03", "SQL@2026-02-04", "WON@2026-02-20");
    c.lead("web", "2026-02-03", "MQL@2026-02-04", "SQL@2026-02-05");
    c.lead("web", "2026-02-04", "MQL@2026-02-05");
    for (int i = 0; i < 5; i++) {
      c.lead("web", "2026-02-1" + i);
    }
    c.pay("L5", "2026-02-12", "2000");
    c.pay("L11", "2026-02-22", "1200");
    c.pay(a, "2026-02-25", "-200");
    assertEquals("L6", late);
    return c;
  }

  private static void assertFactor(FactorTable t, String segment, String factor, double base,
      double current) {
    assertEquals(base, t.base(segment, factor), 1e-12, factor + " base");
    assertEquals(current, t.current(segment, factor), 1e-12, factor + " current");
  }

  static void assertExact(FunnelBridgeResult r) {
    double change = r.change().doubleValue();
    double sum = r.effects().stream().mapToDouble(FactorEffect::effect).sum();
    double scale = Math.max(1, Math.abs(r.currentRevenue().doubleValue())
        + Math.abs(r.baseRevenue().doubleValue()));
    assertEquals(change, sum, 1e-9 * scale, "effects sum to the change in revenue");
    assertEquals(r.baseRevenue().doubleValue(), r.bridge().base(), 1e-9 * scale, "base revenue");
    assertEquals(r.currentRevenue().doubleValue(), r.bridge().current(), 1e-9 * scale,
        "current revenue");
  }

  @Test
  void factorsAreRatiosOfEventCounts() {
    FunnelBridgeResult r = FunnelBridge.builder().build().periods(oneSegment().dataset(false), JAN, FEB);
    FactorTable t = r.factors();
    assertEquals(List.of("leads", "lead->mql", "mql->sql", "win rate", "average deal"), t.factors());
    assertFactor(t, "", "leads", 10, 8);
    assertFactor(t, "", "lead->mql", 5 / 10.0, 4 / 8.0);
    assertFactor(t, "", "mql->sql", 2 / 5.0, 4 / 4.0);
    assertFactor(t, "", "win rate", 1 / 2.0, 2 / 4.0);
    assertFactor(t, "", "average deal", 1500, 3000 / 2.0);
    assertEquals(new BigDecimal("1500"), r.baseRevenue());
    assertEquals(new BigDecimal("3000"), r.currentRevenue());
    assertEquals(List.of(), r.notes());
    assertExact(r);
    // one segment, LMDI-I: effect of factor k = L(V1, V0) ln(x1 / x0)
    double l = (3000 - 1500) / Math.log(2.0);
    assertEquals(l * Math.log(0.8), r.effect("leads"), 1e-9);
    assertEquals(l * Math.log(2.5), r.effect("mql->sql"), 1e-9);
    assertEquals(0, r.effect("lead->mql"), 1e-9);
    assertEquals(0, r.effect("win rate"), 1e-9);
    assertEquals(0, r.effect("average deal"), 1e-9);
  }

  @Test
  void rowOrderDoesNotMatter() {
    FunnelBridge fb = FunnelBridge.builder().by(Dimension.CHANNEL).newVsExisting().build();
    FunnelBridgeResult a = fb.periods(twoChannels().dataset(false), JAN, FEB);
    FunnelBridgeResult b = fb.periods(twoChannels().dataset(true), JAN, FEB);
    assertEquals(a.factors(), b.factors());
    assertEquals(a.effects(), b.effects());
  }

  @Test
  void everyMethodAddsUpAndChainFollowsTheOrder() {
    Dataset d = oneSegment().dataset(false);
    for (Method m : List.of(Method.SHAPLEY, Method.CHAIN, Method.LMDI_II_ADDITIVE)) {
      FunnelBridgeResult r = FunnelBridge.builder().bridge(Bridge.builder().method(m).build())
          .build().periods(d, JAN, FEB);
      assertEquals(m, r.bridge().method());
      assertExact(r);
    }
    // chain in the table order: leads first at base conversions: (8 - 10) x 0.5 x 0.4 x 0.5 x 1500
    FunnelBridgeResult chain = FunnelBridge.builder()
        .bridge(Bridge.builder().method(Method.CHAIN).build()).build().periods(d, JAN, FEB);
    assertEquals(-2 * 0.5 * 0.4 * 0.5 * 1500, chain.effect("leads"), 1e-9);
    assertEquals(8 * 0.5 * (1.0 - 0.4) * 0.5 * 1500, chain.effect("mql->sql"), 1e-9);
  }

  @Test
  void stagesCanBeChosenFromTheCatalog() {
    FunnelBridgeResult r = FunnelBridge.builder().stages("SQL").build()
        .periods(oneSegment().dataset(false), JAN, FEB);
    assertEquals(List.of("leads", "lead->sql", "win rate", "average deal"), r.factors().factors());
    assertFactor(r.factors(), "", "lead->sql", 2 / 10.0, 4 / 8.0);
    assertExact(r);
    assertThrows(IllegalArgumentException.class, () -> FunnelBridge.builder().stages("SQL", "MQL")
        .build().periods(oneSegment().dataset(false), JAN, FEB));
    assertThrows(IllegalArgumentException.class, () -> FunnelBridge.builder().stages("LOST")
        .build().periods(oneSegment().dataset(false), JAN, FEB));
  }

  @Test
  void visitsReplaceLeadsAsTheVolume() {
    FunnelBridgeResult r = FunnelBridge.builder().visits(JAN, "", 200).visits(FEB, null, 100)
        .build().periods(oneSegment().dataset(false), JAN, FEB);
    assertEquals(List.of("visits", "visit->lead", "lead->mql", "mql->sql", "win rate",
        "average deal"), r.factors().factors());
    assertFactor(r.factors(), "", "visits", 200, 100);
    assertFactor(r.factors(), "", "visit->lead", 10 / 200.0, 8 / 100.0);
    assertExact(r);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> FunnelBridge.builder().visits(JAN, "", 200).build()
            .periods(oneSegment().dataset(false), JAN, FEB));
    assertTrue(e.getMessage().contains("2026-02"), e.getMessage());
  }

  /**
   * Two channels. January: web 4 leads, 2 MQL, 2 SQL, 1 won, 800 paid; ads 6 leads, 3 MQL, 1 SQL,
   * 1 won, 600 paid. February: web 2 leads, 1 MQL, 1 SQL, 1 won, 1000 paid by a new customer and
   * 300 by the January web customer; ads 6 leads, 2 MQL, 2 SQL, no won, and 100 paid by a lead
   * that never reached WON (revenue without a won deal). The January ads customer churns.
   */
  static Crm twoChannels() {
    Crm c = new Crm();
    String w1 = c.lead("web", "2026-01-02", "SQL@2026-01-03", "WON@2026-01-10");
    c.lead("web", "2026-01-02", "SQL@2026-01-04");
    c.lead("web", "2026-01-03");
    c.lead("web", "2026-01-03");
    String a1 = c.lead("ads", "2026-01-02", "SQL@2026-01-03", "WON@2026-01-11");
    c.lead("ads", "2026-01-02", "MQL@2026-01-04");
    c.lead("ads", "2026-01-02", "MQL@2026-01-04");
    for (int i = 0; i < 3; i++) {
      c.lead("ads", "2026-01-05");
    }
    c.pay(w1, "2026-01-12", "800");
    c.pay(a1, "2026-01-13", "600");
    String w2 = c.lead("web", "2026-02-02", "SQL@2026-02-03", "WON@2026-02-10");
    c.lead("web", "2026-02-02");
    String a2 = c.lead("ads", "2026-02-02", "SQL@2026-02-03");
    c.lead("ads", "2026-02-02", "SQL@2026-02-03");
    for (int i = 0; i < 4; i++) {
      c.lead("ads", "2026-02-05");
    }
    c.pay(w2, "2026-02-12", "1000");
    c.pay(w1, "2026-02-13", "300");
    c.pay(a2, "2026-02-14", "100");
    return c;
  }

  @Test
  void channelsCarryTheSourceMix() {
    FunnelBridgeResult r = FunnelBridge.builder().by(Dimension.CHANNEL).build()
        .periods(twoChannels().dataset(false), JAN, FEB);
    FactorTable t = r.factors();
    assertEquals(List.of("leads", "source mix", "lead->mql", "mql->sql", "win rate",
        "average deal", "revenue outside the funnel"), t.factors());
    assertFactor(t, "web", "leads", 10, 8);
    assertFactor(t, "ads", "leads", 10, 8);
    assertFactor(t, "web", "source mix", 0.4, 0.25);
    assertFactor(t, "ads", "source mix", 0.6, 0.75);
    assertFactor(t, "web", "lead->mql", 0.5, 0.5);
    assertFactor(t, "web", "mql->sql", 1, 1);
    assertFactor(t, "web", "win rate", 0.5, 1);
    // without the split the January web customer's 300 is web revenue of February
    assertFactor(t, "web", "average deal", 800, 1300);
    assertFactor(t, "ads", "lead->mql", 0.5, 2 / 6.0);
    assertFactor(t, "ads", "mql->sql", 1 / 3.0, 1);
    assertFactor(t, "ads", "win rate", 1, 0);
    // ads in February: 100 paid, no won deal: booked outside the funnel, and said so
    assertFactor(t, "(outside the funnel)", "revenue outside the funnel", 0, 100);
    assertFactor(t, "web", "revenue outside the funnel", 1, 1);
    assertFactor(t, "(outside the funnel)", "leads", 1, 1);
    assertEquals(1, r.notes().size());
    assertTrue(r.notes().get(0).contains("'ads' in 2026-02: revenue 100"), r.notes().get(0));
    assertEquals(new BigDecimal("1400"), r.baseRevenue());
    assertEquals(new BigDecimal("1400"), r.currentRevenue());
    assertExact(r);
    assertEquals(100, r.effect("revenue outside the funnel"), 1e-9);
    assertEquals(100, r.bridge().segmentEffect("(outside the funnel)", "revenue outside the funnel"),
        1e-9);
  }

  @Test
  void churnIsTheRetentionEffectOfExistingCustomers() {
    FunnelBridgeResult r = FunnelBridge.builder().newVsExisting().build()
        .periods(twoChannels().dataset(false), JAN, FEB);
    FactorTable t = r.factors();
    assertEquals(List.of("leads", "lead->mql", "mql->sql", "win rate", "average deal",
        "active base", "retention", "revenue per active customer"), t.factors());
    // January: nobody paid before, all 1400 is new; February: 1100 new, 300 from w1
    assertFactor(t, "new customers", "leads", 10, 8);
    assertFactor(t, "new customers", "lead->mql", 0.5, 3 / 8.0);
    assertFactor(t, "new customers", "mql->sql", 3 / 5.0, 1);
    assertFactor(t, "new customers", "win rate", 2 / 3.0, 1 / 3.0);
    assertFactor(t, "new customers", "average deal", 700, 1100);
    assertFactor(t, "new customers", "active base", 1, 1);
    assertFactor(t, "existing customers", "active base", 0, 2);
    assertFactor(t, "existing customers", "retention", 0, 0.5);
    assertFactor(t, "existing customers", "revenue per active customer", 0, 300);
    assertFactor(t, "existing customers", "leads", 1, 1);
    assertExact(r);
    // the existing segment appears from zero: the analytical limit gives its 300 to the factors
    // that were zero, split equally (ZeroPolicy.ANALYTICAL_LIMIT)
    assertEquals(100, r.effect("active base"), 1e-9);
    assertEquals(100, r.effect("retention"), 1e-9);
    assertEquals(100, r.effect("revenue per active customer"), 1e-9);

    FunnelBridgeResult byChannel = FunnelBridge.builder().by(Dimension.CHANNEL).newVsExisting()
        .build().periods(twoChannels().dataset(false), JAN, FEB);
    FactorTable c = byChannel.factors();
    assertFactor(c, "web / existing", "active base", 0, 1);
    assertFactor(c, "web / existing", "retention", 0, 1);
    assertFactor(c, "ads / existing", "active base", 0, 1);
    assertFactor(c, "ads / existing", "retention", 0, 0);
    assertFactor(c, "web / new", "average deal", 800, 1000);
    assertExact(byChannel);
  }

  @Test
  void aRetainedBaseShowsChurnAsNegativeRetention() {
    // March against February: base {w1, a1, w2, a2}; only w2 pays in March
    Crm c = twoChannels();
    c.pay("L11", "2026-03-05", "1000");
    Period mar = Period.parse("2026-03");
    FunnelBridgeResult r = FunnelBridge.builder().newVsExisting().build()
        .periods(c.dataset(false), FEB, mar);
    assertFactor(r.factors(), "existing customers", "active base", 2, 4);
    assertFactor(r.factors(), "existing customers", "retention", 0.5, 0.25);
    assertFactor(r.factors(), "existing customers", "revenue per active customer", 300, 1000);
    assertExact(r);
    assertTrue(r.effect("retention") < 0, "churn lowers revenue");
  }

  @Test
  void planIsTheBaseOfPlanVsActual() {
    Crm c = oneSegment();
    c.target(FEB, "leads", "10");
    c.target(FEB, "mql", "6");
    c.target(FEB, "sql", "3");
    c.target(FEB, "won", "1.5");
    c.target(FEB, "revenue", "2400");
    c.target(FEB, "spend", "999");
    FunnelBridgeResult r = FunnelBridge.builder().build().planVsActual(c.dataset(false), FEB);
    assertEquals("plan 2026-02", r.baseLabel());
    assertFactor(r.factors(), "", "leads", 10, 8);
    assertFactor(r.factors(), "", "lead->mql", 0.6, 0.5);
    assertFactor(r.factors(), "", "mql->sql", 0.5, 1);
    assertFactor(r.factors(), "", "win rate", 0.5, 0.5);
    assertFactor(r.factors(), "", "average deal", 1600, 1500);
    assertEquals(new BigDecimal("2400"), r.baseRevenue());
    assertExact(r);

    Crm partial = oneSegment();
    partial.target(FEB, "leads", "10");
    partial.target(FEB, "revenue", "2400");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> FunnelBridge.builder().build().planVsActual(partial.dataset(false), FEB));
    assertTrue(e.getMessage().contains("no target for 'mql' in 2026-02"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> FunnelBridge.builder().newVsExisting().build().planVsActual(c.dataset(false), FEB));
    assertTrue(e.getMessage().contains("existing customers"), e.getMessage());
    assertThrows(IllegalStateException.class,
        () -> FunnelBridge.builder().build().planVsActual(twoChannels().dataset(false), FEB));
  }

  @Test
  void countsMergeAndDecomposeLikeTheWhole() {
    List<String> st = List.of("LEAD", "SQL", "WON");
    FunnelCounts a = new FunnelCounts(st, List.of(6.0, 2.0, 1.0), Double.NaN,
        new BigDecimal("500.25"), 0, 0, BigDecimal.ZERO, 0);
    FunnelCounts b = new FunnelCounts(st, List.of(4.0, 1.0, 1.0), Double.NaN,
        new BigDecimal("299.75"), 0, 0, BigDecimal.ZERO, 0);
    FunnelCounts whole = new FunnelCounts(st, List.of(10.0, 3.0, 2.0), Double.NaN,
        new BigDecimal("800.00"), 0, 0, BigDecimal.ZERO, 0);
    assertEquals(whole.reached(), a.plus(b).reached());
    assertEquals(0, whole.revenue().compareTo(b.plus(a).revenue()));
    assertEquals(a, a.plus(FunnelCounts.empty(st)));
    FunnelCounts now = new FunnelCounts(st, List.of(12.0, 3.0, 3.0), Double.NaN,
        new BigDecimal("900"), 0, 0, BigDecimal.ZERO, 0);
    FunnelBridge fb = FunnelBridge.builder().build();
    FunnelBridgeResult merged = fb.decompose("q1", Map.of("", a.plus(b)), "q2", Map.of("", now));
    FunnelBridgeResult direct = fb.decompose("q1", Map.of("", whole), "q2", Map.of("", now));
    assertEquals(direct.effects(), merged.effects());
    assertFactor(merged.factors(), "", "lead->sql", 0.3, 0.25);
    assertFactor(merged.factors(), "", "average deal", 400, 300);
    assertExact(merged);
    assertThrows(IllegalArgumentException.class, () -> a.plus(FunnelCounts.empty(List.of("A", "B"))));
    assertThrows(IllegalArgumentException.class, () -> new FunnelCounts(st, List.of(1.0, 2.0, -1.0),
        Double.NaN, BigDecimal.ONE, 0, 0, BigDecimal.ZERO, 0));
    assertThrows(IllegalArgumentException.class, () -> new FunnelCounts(st, List.of(1.0, 1.0, 1.0),
        Double.NaN, BigDecimal.ONE, 3, 0, BigDecimal.TEN, 0));
  }

  @Test
  void velocityAddsCycleSpeed() {
    // February gains a lead won one day after SQL, paying 600: won 3, cycles 8 + 16 + 1 days
    Crm c = oneSegment();
    String fast = c.lead("web", "2026-02-05", "SQL@2026-02-05", "WON@2026-02-06");
    c.pay(fast, "2026-02-07", "600");
    FunnelBridgeResult r = FunnelBridge.builder().velocity().build()
        .periods(c.dataset(false), JAN, FEB);
    FactorTable t = r.factors();
    assertEquals(List.of("leads", "lead->mql", "mql->sql", "win rate", "average deal",
        "cycle speed"), t.factors());
    assertEquals("sales velocity", r.quantity());
    assertFactor(t, "", "leads", 10, 9);
    assertFactor(t, "", "win rate", 0.5, 3 / 5.0);
    assertFactor(t, "", "average deal", 1500, 1200);
    assertFactor(t, "", "cycle speed", 1 / 12.0, 3 / 25.0);
    // velocity = revenue / mean cycle: 1500 / 12 and 3600 / (25 / 3)
    assertEquals(125, r.bridge().base(), 1e-9);
    assertEquals(432, r.bridge().current(), 1e-9);
    double sum = r.effects().stream().mapToDouble(FactorEffect::effect).sum();
    assertEquals(432 - 125, sum, 1e-9);
    double l = (432 - 125) / Math.log(432 / 125.0);
    assertEquals(l * Math.log((3 / 25.0) * 12), r.effect("cycle speed"), 1e-9);
    assertTrue(r.summary().startsWith("Sales velocity bridge 2026-01 -> 2026-02: 125 -> 432"),
        r.summary());
    assertThrows(IllegalArgumentException.class,
        () -> FunnelBridge.builder().velocity().by(Dimension.CHANNEL).build());
    assertThrows(IllegalArgumentException.class,
        () -> FunnelBridge.builder().velocity().newVsExisting().build());
    c.target(FEB, "leads", "10");
    assertThrows(IllegalArgumentException.class,
        () -> FunnelBridge.builder().velocity().build().planVsActual(c.dataset(false), FEB));
    List<String> st = List.of("LEAD", "SQL", "WON");
    FunnelCounts instant = new FunnelCounts(st, List.of(3.0, 2.0, 1.0), Double.NaN,
        BigDecimal.TEN, 0, 0, BigDecimal.ZERO, 0);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> FunnelBridge.builder().velocity().build()
            .decompose("a", Map.of("", instant), "b", Map.of("", instant)));
    assertTrue(e.getMessage().contains("mean cycle is 0 days"), e.getMessage());
  }
}
