package dev.funnel.core.sales;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.core.Activity;
import dev.funnel.core.Dataset;
import dev.funnel.core.Lead;
import dev.funnel.core.Money;
import dev.funnel.core.Payment;
import dev.funnel.core.StageCatalog;
import dev.funnel.core.StageChange;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A hand-computed CRM where SDRs (sam, sue) qualify leads and hand them to AEs (alex, ava), and
 * {@code leads.owner} holds whoever has the lead now. Every expected figure below is worked out
 * by hand in the comments from the rows, not from the code.
 */
class OwnerAttributionTest {

  static final StageCatalog C = StageCatalog.DEFAULT;
  static final double NAN = Double.NaN;
  static final Instant AS_OF = t("2026-03-20T00:00");

  static Instant t(String s) {
    return Instant.parse(s + ":00Z");
  }

  static Lead lead(String id, String owner) {
    return new Lead(id, t("2026-02-01T00:00"), "seo", null, null, owner, null, Map.of());
  }

  static StageChange move(String id, String stage, String at, String owner) {
    return new StageChange(id, C.stage(stage), t(at), null, null, owner);
  }

  static Activity act(String id, String at, String type, String owner, String outcome) {
    return new Activity(id, t(at), type, owner, outcome);
  }

  /**
   * L1 (owner alex): sam works and qualifies it, alex wins it (1000, paid 6 days after SQL); a
 * later second WON row by ops does not move the credit from who closed it.
   * L2 (owner ava): sue works and qualifies it, ava loses it.
   * L3 (owner sam): MQL only, one unreached call by sam.
   * L4 (owner sue): a reached call by sam before MQL, an owner-less call after it, sam moves it to
   * SQL, alex takes it to SAL; open, censored in the cycle.
   * L5 (no owner): no activity before SQL, sue moves it to SQL, ava to SAL and meets them (the
   * lead's first activity, 74h after MQL, but after the SQL hand-off), an owner-less WON (3000,
   * paid 8 days after SQL).
   * L6 (owner sam): an owner-less MQL, nothing else.
   * L7 (no owner): straight to SQL (MQL implied) with no owner, returned to marketing by alex.
   */
  static List<Object> rows() {
    return List.of(
        lead("L1", "alex"), lead("L2", "ava"), lead("L3", "sam"), lead("L4", "sue"),
        lead("L5", null), lead("L6", "sam"), lead("L7", null),
        move("L1", "MQL", "2026-03-01T10:00", "sam"),
        act("L1", "2026-03-01T12:00", "call", "sam", "reached"),
        move("L1", "SQL", "2026-03-02T10:00", "sam"),
        move("L1", "SAL", "2026-03-03T10:00", "alex"),
        act("L1", "2026-03-03T12:00", "meeting", "alex", "held"),
        new StageChange("L1", C.stage("WON"), t("2026-03-06T10:00"), null, Money.of("1000"), "alex"),
        move("L1", "WON", "2026-03-07T10:00", "ops"), // a later re-save by someone else
        new Payment(null, "L1", null, t("2026-03-08T10:00"), Money.of("1000"), null),
        move("L2", "MQL", "2026-03-02T09:00", "sue"),
        act("L2", "2026-03-02T13:00", "email", "sue", null),
        act("L2", "2026-03-03T09:00", "call", "sue", "reached"),
        move("L2", "SQL", "2026-03-04T09:00", "sue"),
        move("L2", "SAL", "2026-03-05T09:00", "ava"),
        new StageChange("L2", C.stage("LOST"), t("2026-03-09T09:00"), "competitor", null, "ava"),
        move("L3", "MQL", "2026-03-03T10:00", "sam"),
        act("L3", "2026-03-03T11:00", "call", "sam", "not_reached"),
        act("L4", "2026-03-04T07:00", "call", "sam", "reached"),
        move("L4", "MQL", "2026-03-04T08:00", null),
        act("L4", "2026-03-04T10:00", "call", null, "not_reached"),
        move("L4", "SQL", "2026-03-05T08:00", "sam"),
        move("L4", "SAL", "2026-03-06T08:00", "alex"),
        move("L5", "MQL", "2026-03-05T10:00", "sue"),
        move("L5", "SQL", "2026-03-07T10:00", "sue"),
        move("L5", "SAL", "2026-03-08T10:00", "ava"),
        act("L5", "2026-03-08T12:00", "meeting", "ava", "held"),
        new StageChange("L5", C.stage("WON"), t("2026-03-12T10:00"), null, Money.of("3000"), null),
        new Payment(null, "L5", null, t("2026-03-15T10:00"), Money.of("3000"), null),
        move("L6", "MQL", "2026-03-06T10:00", null),
        move("L7", "SQL", "2026-03-08T10:00", null),
        new StageChange("L7", C.stage("RETURNED"), t("2026-03-10T10:00"), "not_ready", null, "alex"));
  }

  static Dataset build(List<Object> rows, Set<String> leads) {
    Dataset.Builder b = Dataset.builder();
    for (Object r : rows) {
      if (r instanceof Lead l && leads.contains(l.id())) {
        b.lead(l);
      } else if (r instanceof StageChange s && leads.contains(s.leadId())) {
        b.stageChange(s);
      } else if (r instanceof Activity a && leads.contains(a.leadId())) {
        b.activity(a);
      } else if (r instanceof Payment p && leads.contains(p.customerId())) {
        b.payment(p);
      }
    }
    return b.build();
  }

  static final Set<String> ALL = Set.of("L1", "L2", "L3", "L4", "L5", "L6", "L7");
  static final Dataset D = build(rows(), ALL);

  @Test
  void byRoleTheSdrWhoWorkedItAndTheAeWhoClosedItAreCredited() {
    // SDR side, all seven leads reach MQL (L7 through its SQL):
    //  sam: L1 (first owned activity: sam's call, +2h, reached, to SQL), L3 (sam's call, +1h,
    //       not reached, no SQL), L4 (the owner-less call counts for the reaction, +2h; nobody
    //       named after MQL so the SQL mover sam; reached by the earlier call; to SQL), L6 (nothing
    //       after MQL, no SQL: lead owner sam; censored at 326h)
    //       -> 4 MQLs, 2 to SQL, reach 2/4, KM {1, 2, 2, 326+}: S(1)=3/4, S(2)=1/4 -> median 2
    //  sue: L2 (sue's email +4h, reached by the later call), L5 (no activity up to SQL: the SQL
    //       mover sue, not ava whose meeting after SQL is its first activity, +74h)
    //       -> 2 MQLs, both to SQL, reach 1/2, KM {4, 74}: S(4)=1/2 -> 4
    //  (none): L7 (no activity, owner-less SQL, no lead owner; censored at 278h)
    // AE side, SQL reached by L1, L2, L4, L5, L7:
    //  alex: L1 (WON by alex, cycle 6d), L4 (open, latest change SAL by alex, censored 14.67d),
    //        L7 (RETURNED by alex: neither won nor lost, out of the cycle)
    //        -> 3 SQLs, 1 won, 0 lost, KM {6, 14.67+}: S(6)=1/2 -> 6, average 1000
    //  ava: L2 (LOST by ava), L5 (owner-less WON: back to SAL by ava, cycle 8d, 3000)
    //        -> 2 SQLs, 1 won, 1 lost, win rate 1/2, cycle 8, average 3000
    OwnerKpis k = Sales.owners(D, AS_OF, null, null);
    assertEquals(OwnerRule.ROLE, k.rule());
    assertEquals(List.of(
        new OwnerKpi("(none)", 1, 1, 0.0, 1.0, NAN, 0, 0, 0, NAN, NAN, NAN),
        new OwnerKpi("alex", 0, 0, NAN, NAN, NAN, 3, 1, 0, 1.0, 6.0, 1000.0),
        new OwnerKpi("ava", 0, 0, NAN, NAN, NAN, 2, 1, 1, 0.5, 8.0, 3000.0),
        new OwnerKpi("sam", 4, 2, 0.5, 0.5, 2.0, 0, 0, 0, NAN, NAN, NAN),
        new OwnerKpi("sue", 2, 2, 0.5, 1.0, 4.0, 0, 0, 0, NAN, NAN, NAN)), k.owners());
    assertEquals(k, Sales.owners(D, AS_OF, null, null, OwnerRule.ROLE));
  }

  @Test
  void byLeadOwnerEverythingGoesToTheLeadsOwnerColumn() {
    // alex: L1 both sides; ava: L2 both sides; sam: L3, L6 (KM {1, 326+}: S(1)=1/2 -> 1);
    // sue: L4 both sides (open: win rate and cycle undefined); (none): L5 and L7 both sides
    // (KM {74, 278+}: S(74)=1/2 -> 74; L5 won 3000 after 8 days, L7 returned).
    OwnerKpis k = Sales.owners(D, AS_OF, null, null, OwnerRule.LEAD_OWNER);
    assertEquals(OwnerRule.LEAD_OWNER, k.rule());
    assertEquals(List.of(
        new OwnerKpi("(none)", 2, 2, 0.0, 1.0, 74.0, 2, 1, 0, 1.0, 8.0, 3000.0),
        new OwnerKpi("alex", 1, 1, 1.0, 1.0, 2.0, 1, 1, 0, 1.0, 6.0, 1000.0),
        new OwnerKpi("ava", 1, 1, 1.0, 1.0, 4.0, 1, 0, 1, 0.0, NAN, NAN),
        new OwnerKpi("sam", 2, 0, 0.0, 0.0, 1.0, 0, 0, 0, NAN, NAN, NAN),
        new OwnerKpi("sue", 1, 1, 1.0, 1.0, 2.0, 1, 0, 0, NAN, NAN, NAN)), k.owners());
  }

  @Test
  void aWindowSelectsEachSideByItsOwnHandOff() {
    // MQL in [03-04, 03-08): L4, L6 (sam), L5 (sue); SQL in it: L2, L5 (ava), L4 (alex)
    OwnerKpis k = Sales.owners(D, AS_OF, t("2026-03-04T00:00"), t("2026-03-08T00:00"));
    assertEquals(List.of(
        new OwnerKpi("alex", 0, 0, NAN, NAN, NAN, 1, 0, 0, NAN, NAN, NAN),
        new OwnerKpi("ava", 0, 0, NAN, NAN, NAN, 2, 1, 1, 0.5, 8.0, 3000.0),
        new OwnerKpi("sam", 2, 1, 0.5, 0.5, 2.0, 0, 0, 0, NAN, NAN, NAN),
        new OwnerKpi("sue", 1, 1, 0.0, 1.0, 74.0, 0, 0, 0, NAN, NAN, NAN)), k.owners());
  }

  @Test
  void anEarlierAsOfCreditsWhoHoldsTheDealThen() {
    // as of 03-05 12:00: L6 and L7 not reached yet; L5 at MQL only (no SQL yet: lead owner, none);
    // open deals go to their latest change: L1 SAL alex, L2 SAL ava, L4 its SQL by sam.
    // sam: L1, L3, L4 -> 3 MQLs, 2 to SQL, reached 2/3, KM {1, 2, 2} -> 2; plus L4's SQL.
    OwnerKpis k = Sales.owners(D, t("2026-03-05T12:00"), null, null);
    assertEquals(List.of(
        new OwnerKpi("(none)", 1, 0, 0.0, 0.0, NAN, 0, 0, 0, NAN, NAN, NAN),
        new OwnerKpi("alex", 0, 0, NAN, NAN, NAN, 1, 0, 0, NAN, NAN, NAN),
        new OwnerKpi("ava", 0, 0, NAN, NAN, NAN, 1, 0, 0, NAN, NAN, NAN),
        new OwnerKpi("sam", 3, 2, 2.0 / 3, 2.0 / 3, 2.0, 1, 0, 0, NAN, NAN, NAN),
        new OwnerKpi("sue", 1, 1, 1.0, 1.0, 4.0, 0, 0, 0, NAN, NAN, NAN)), k.owners());
  }

  @Test
  void rowOrderDoesNotMatter() {
    Random r = new Random(7);
    for (int i = 0; i < 20; i++) {
      List<Object> shuffled = new ArrayList<>(rows());
      Collections.shuffle(shuffled, r);
      Dataset d = build(shuffled, ALL);
      for (OwnerRule rule : OwnerRule.values()) {
        assertEquals(Sales.owners(D, AS_OF, null, null, rule), Sales.owners(d, AS_OF, null, null, rule));
      }
    }
  }

  @Test
  void tallyOfSplitLeadsMergesToTheWhole() {
    for (OwnerRule rule : OwnerRule.values()) {
      OwnerTally a = Sales.ownerTally(build(rows(), Set.of("L1", "L4", "L6")), AS_OF, null, null, rule);
      OwnerTally b = Sales.ownerTally(build(rows(), Set.of("L2", "L3", "L5", "L7")), AS_OF, null, null, rule);
      OwnerKpis whole = Sales.owners(D, AS_OF, null, null, rule);
      assertEquals(whole, a.merge(b).result());
      assertEquals(whole, b.merge(a).result());
      assertEquals(whole, OwnerTally.empty(AS_OF, null, null, rule).merge(a).merge(b).result());
    }
    OwnerTally role = OwnerTally.empty(AS_OF, null, null, OwnerRule.ROLE);
    OwnerTally lead = OwnerTally.empty(AS_OF, null, null, OwnerRule.LEAD_OWNER);
    assertThrows(IllegalArgumentException.class, () -> role.merge(lead));
  }

  @Test
  void missingTablesMakeTheirFiguresUnknownNotZero() {
    Dataset bare = Dataset.builder().lead(lead("L1", "alex"))
        .stageChange(move("L1", "MQL", "2026-03-01T10:00", "sam"))
        .stageChange(move("L1", "SQL", "2026-03-02T10:00", "sam")).build();
    OwnerKpi only = Sales.owners(bare, AS_OF, null, null).owners().get(0);
    assertEquals(new OwnerKpi("sam", 1, 1, NAN, 1.0, NAN, 1, 0, 0, NAN, NAN, NAN), only);
  }

  @Test
  void summaryNamesTheRuleAndBadInputIsExplained() {
    for (OwnerRule rule : OwnerRule.values()) {
      String head = Sales.owners(D, AS_OF, null, null, rule).toString().lines().findFirst().orElseThrow();
      assertTrue(head.contains(rule.label()), head);
      assertTrue(head.length() <= 80, head);
    }
    assertEquals(OwnerRule.LEAD_OWNER, OwnerRule.parse("by lead owner"));
    assertEquals(OwnerRule.LEAD_OWNER, OwnerRule.parse("LEAD_OWNER"));
    assertEquals(OwnerRule.ROLE, OwnerRule.parse("role"));
    assertThrows(IllegalArgumentException.class, () -> OwnerRule.parse("sdr"));
    assertThrows(IllegalArgumentException.class, () -> Sales.owners(D, AS_OF, null, null, null));
    assertThrows(IllegalArgumentException.class, () -> Sales.owners(D, null, null, null));
  }
}
