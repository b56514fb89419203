package dev.funnel.core.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.core.Activity;
import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.JourneyPath;
import dev.funnel.core.Lead;
import dev.funnel.core.Money;
import dev.funnel.core.Payment;
import dev.funnel.core.Spend;
import dev.funnel.core.StageCatalog;
import dev.funnel.core.StageChange;
import dev.funnel.core.Touch;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataQualityTest {

  private static final StageCatalog C = StageCatalog.DEFAULT;
  private static final Instant FAR = Instant.parse("2030-01-01T00:00:00Z");

  private static Instant t(int hours) {
    return Instant.parse("2026-01-01T00:00:00Z").plusSeconds(3600L * hours);
  }

  private static Lead lead(String id, int created, String channel, String campaign, String customer) {
    return new Lead(id, t(created), channel, campaign, null, null, customer, Map.of());
  }

  private static StageChange stage(String lead, String stage, int at) {
    return StageChange.of(lead, C.stage(stage), t(at));
  }

  private static Payment pay(String customer, String leadId, int at, String amount) {
    return new Payment(null, customer, leadId, t(at), Money.of(amount, "USD"), null);
  }

  @Test
  void aCleanDatasetHasNoIssuesAndReportsItsRows() {
    Dataset d = Dataset.builder()
        .lead(lead("A", 0, "seo", "blog", null))
        .lead(lead("B", 1, "email", "news", null))
        .stageChange(stage("A", "MQL", 2))
        .stageChange(stage("A", "SQL", 3))
        .payment(pay("A", null, 4, "100"))
        .build();
    QualityReport q = DataQuality.check(d, FAR);
    assertTrue(q.clean(), q.toString());
    assertEquals(Map.of("leads", new RowCounts(2, 2, 0), "stages", new RowCounts(2, 2, 0),
        "payments", new RowCounts(1, 1, 0)), q.rows());
    assertEquals(List.of("leads", "stages", "payments"), List.copyOf(q.rows().keySet()));
    assertEquals(0.0, q.revenueShareWithoutSource());
  }

  @Test
  void leadsWithoutSourceOrCampaign() {
    Dataset d = Dataset.builder()
        .lead(lead("A", 0, "seo", "blog", null))
        .lead(lead("B", 1, null, null, null))
        .lead(lead("C", 2, "paid_search", null, null))
        .lead(lead("D", 3, "", "spring", null))
        .build();
    QualityReport q = DataQuality.check(d, FAR);
    assertEquals(2, q.count(Issue.LEAD_WITHOUT_SOURCE));
    assertEquals(1, q.count(Issue.LEAD_WITHOUT_CAMPAIGN));
    assertEquals(List.of("B created " + t(1), "D created " + t(3)),
        q.issue(Issue.LEAD_WITHOUT_SOURCE).orElseThrow().examples());
    assertTrue(q.issue(Issue.LEAD_WITHOUT_CAMPAIGN).orElseThrow().examples().get(0).startsWith("C (paid_search)"));
  }

  @Test
  void stageMovesOutOfOrderAndSkippedStages() {
    Dataset.Builder b = Dataset.builder();
    for (String id : List.of("A", "B", "C", "D", "E", "F")) {
      b.lead(lead(id, 0, "seo", "blog", null));
    }
    // A: in order
    b.stageChange(stage("A", "MQL", 1)).stageChange(stage("A", "SQL", 2)).stageChange(stage("A", "SAL", 3));
    // B: MQL after SQL -> 1 out of order, nothing skipped (MQL is recorded, at some time)
    b.stageChange(stage("B", "SQL", 1)).stageChange(stage("B", "MQL", 2));
    // C: SQL and SAL after OPPORTUNITY -> 2 out of order
    b.stageChange(stage("C", "MQL", 1)).stageChange(stage("C", "OPPORTUNITY", 2))
        .stageChange(stage("C", "SQL", 3)).stageChange(stage("C", "SAL", 4));
    // D: two stages at the same instant are never out of order
    b.stageChange(stage("D", "SQL", 1)).stageChange(stage("D", "MQL", 1));
    // E: WON without NEGOTIATION -> 1 skipped; the exit afterwards is fine
    b.stageChange(stage("E", "MQL", 1)).stageChange(stage("E", "SQL", 2)).stageChange(stage("E", "SAL", 3))
        .stageChange(stage("E", "OPPORTUNITY", 4)).stageChange(stage("E", "PROPOSAL", 5))
        .stageChange(stage("E", "WON", 6)).stageChange(new StageChange("E", C.stage("LOST"), t(7), "other", null, null));
    // F: LEAD -> SQL -> OPPORTUNITY: MQL and SAL missing -> 2 skipped
    b.stageChange(stage("F", "SQL", 1)).stageChange(stage("F", "OPPORTUNITY", 2));
    QualityReport q = DataQuality.check(b.build(), FAR);
    assertEquals(3, q.count(Issue.STAGE_OUT_OF_ORDER));
    assertEquals(3, q.count(Issue.STAGE_SKIPPED));
    assertEquals(List.of(
            "B: MQL at " + t(2) + " after SQL at " + t(1),
            "C: SQL at " + t(3) + " after OPPORTUNITY at " + t(2),
            "C: SAL at " + t(4) + " after OPPORTUNITY at " + t(2)),
        q.issue(Issue.STAGE_OUT_OF_ORDER).orElseThrow().examples());
    assertEquals(List.of(
            "E: WON at " + t(6) + " without NEGOTIATION",
            "F: SQL at " + t(1) + " without MQL",
            "F: OPPORTUNITY at " + t(2) + " without SAL"),
        q.issue(Issue.STAGE_SKIPPED).orElseThrow().examples());
  }

  @Test
  void aStageEnteredTwiceIsSkippedOnce() {
    Dataset d = Dataset.builder()
        .lead(lead("A", 0, "seo", "blog", null))
        .stageChange(stage("A", "SQL", 1))
        .stageChange(stage("A", "SQL", 2))
        .build();
    QualityReport q = DataQuality.check(d, FAR);
    assertEquals(1, q.count(Issue.STAGE_SKIPPED));
    assertEquals(0, q.count(Issue.STAGE_OUT_OF_ORDER));
  }

  @Test
  void rowsOfUnknownLeads() {
    Dataset d = Dataset.builder()
        .lead(lead("A", 0, "seo", "blog", null))
        .stageChange(stage("A", "MQL", 1))
        .stageChange(stage("Z", "MQL", 1))
        .touch(Touch.of("Z", t(0), "seo"))
        .touch(Touch.of("Z", t(1), "seo"))
        .touch(Touch.of("A", t(0), "seo"))
        .activity(new Activity("Y", t(2), "call", null, null))
        .build();
    QualityReport q = DataQuality.check(d, FAR);
    assertEquals(1, q.count(Issue.STAGE_FOR_UNKNOWN_LEAD));
    assertEquals(2, q.count(Issue.TOUCH_FOR_UNKNOWN_LEAD));
    assertEquals(1, q.count(Issue.ACTIVITY_FOR_UNKNOWN_LEAD));
    assertEquals(List.of("Y: call at " + t(2)), q.issue(Issue.ACTIVITY_FOR_UNKNOWN_LEAD).orElseThrow().examples());
  }

  @Test
  void withoutALeadsTableLinksAreNotJudged() {
    Dataset d = Dataset.builder()
        .stageChange(stage("Z", "MQL", 1))
        .touch(Touch.of("Z", t(0), "seo"))
        .payment(pay("X", null, 1, "10"))
        .spend(new Spend(LocalDate.of(2026, 1, 1), "tv", null, Money.of("5", "USD")))
        .build();
    QualityReport q = DataQuality.check(d, FAR);
    assertTrue(q.clean(), q.toString());
    assertEquals(1.0, q.revenueShareWithoutSource(), "no lead, no source");
  }

  @Test
  void paymentsWithoutLead() {
    Dataset d = Dataset.builder()
        .lead(lead("A", 0, "seo", "blog", "CA"))
        .lead(lead("B", 0, "seo", "blog", null))
        .payment(pay("CA", null, 1, "100"))
        .payment(pay("B", null, 1, "10"))
        .payment(pay("X", "A", 1, "20"))
        .payment(pay("X2", "nope", 1, "30"))
        .payment(pay("X3", null, 1, "40"))
        .build();
    QualityReport q = DataQuality.check(d, FAR);
    assertEquals(2, q.count(Issue.PAYMENT_WITHOUT_LEAD));
    assertEquals(List.of(
            "payment of customer X2 (lead nope) at " + t(1) + ": 30 USD",
            "payment of customer X3 at " + t(1) + ": 40 USD"),
        q.issue(Issue.PAYMENT_WITHOUT_LEAD).orElseThrow().examples());
  }

  @Test
  void spendForChannelsWithoutLeadsCountsChannels() {
    LocalDate day = LocalDate.of(2026, 1, 1);
    Dataset d = Dataset.builder()
        .lead(lead("A", 0, "seo", "blog", null))
        .lead(lead("B", 0, "paid_search", "brand", null))
        .spend(new Spend(day, "paid_search", "brand", Money.of("10.00", "USD")))
        .spend(new Spend(day, "display", null, Money.of("5.50", "USD")))
        .spend(new Spend(day.plusDays(1), "display", null, Money.of("7", "USD")))
        .spend(new Spend(day, "tv", null, Money.of("3", "USD")))
        .build();
    QualityReport q = DataQuality.check(d, FAR);
    assertEquals(2, q.count(Issue.SPEND_WITHOUT_LEADS));
    assertEquals(List.of("display: 2 rows, 12.50 USD", "tv: 1 rows, 3 USD"),
        q.issue(Issue.SPEND_WITHOUT_LEADS).orElseThrow().examples());
  }

  @Test
  void futureTimestampsAreAfterAsOfAndSpendDaysAreLocal() {
    Instant asOf = Instant.parse("2026-01-01T12:00:00Z");
    LocalDate jan2 = LocalDate.of(2026, 1, 2);
    Dataset.Builder b = Dataset.builder()
        .lead(lead("A", 0, "seo", "blog", null))
        .lead(lead("B", 13, "seo", "blog", null))
        .stageChange(stage("A", "MQL", 12))
        .stageChange(stage("A", "SQL", 14))
        .activity(new Activity("A", t(15), "call", null, null))
        .touch(Touch.of("A", t(16), "seo"))
        .payment(pay("A", null, 17, "5"))
        .spend(new Spend(jan2, "seo", "blog", Money.of("1", "USD")))
        .spend(new Spend(LocalDate.of(2026, 1, 1), "seo", "blog", Money.of("1", "USD")));
    // lead B, SQL, the activity, the touch, the payment, and spend on Jan 2 (UTC): 6
    QualityReport utc = DataQuality.check(b.build(), asOf);
    assertEquals(6, utc.count(Issue.FUTURE_TIMESTAMP));
    assertEquals("leads B created_at " + t(13), utc.issue(Issue.FUTURE_TIMESTAMP).orElseThrow().examples().get(0));
    // in Auckland (UTC+13) asOf is already Jan 2, 01:00: the spend of Jan 2 is not in the future
    Dataset auckland = Dataset.builder().zone(ZoneId.of("Pacific/Auckland"))
        .spend(new Spend(jan2, "seo", "blog", Money.of("1", "USD")))
        .build();
    assertEquals(0, DataQuality.check(auckland, asOf).count(Issue.FUTURE_TIMESTAMP));
  }

  @Test
  void everyRejectionCodeOfTheReaderBecomesAnIssue() {
    Rejection dup1 = new Rejection("leads.csv", 4, 1, "lead_id", "L1", "duplicate_lead_id", "lead id already read");
    Rejection dup2 = new Rejection("leads.csv", 9, 1, "lead_id", "L2", "duplicate_lead_id", "lead id already read");
    Rejection time = new Rejection("leads.csv", 6, 2, "created_at", "yesterday", "unparsable_time", "not ISO-8601");
    Rejection stage = new Rejection("stages.csv", 3, 2, "stage", "TRIAL", "unknown_stage", "not in the catalog");
    Rejection time2 = new Rejection("stages.csv", 5, 3, "at", "soon", "unparsable_time", "not ISO-8601");
    List<TableRead> reads = List.of(
        new TableRead(DatasetTable.LEADS, "leads.csv", 10, 7,
            Map.of("duplicate_lead_id", 2L, "unparsable_time", 1L), List.of(dup1, time, dup2)),
        new TableRead(DatasetTable.STAGES, "stages.csv", 5, 3,
            Map.of("unknown_stage", 1L, "unparsable_time", 1L), List.of(stage, time2)));
    Dataset.Builder b = Dataset.builder();
    for (int i = 0; i < 7; i++) {
      b.lead(lead("L" + (i + 10), 0, "seo", "blog", null));
    }
    b.stageChange(stage("L10", "MQL", 1)).stageChange(stage("L10", "SQL", 2)).stageChange(stage("L10", "SAL", 3));
    QualityReport q = DataQuality.check(b.build(), reads, FAR);
    assertEquals(List.of(Issue.DUPLICATE_LEAD, Issue.UNKNOWN_STAGE, "rejected:unparsable_time"),
        q.issues().stream().map(Issue::code).toList());
    assertEquals(2, q.count(Issue.DUPLICATE_LEAD));
    assertEquals(1, q.count(Issue.UNKNOWN_STAGE));
    assertEquals(2, q.count("rejected:unparsable_time"));
    assertEquals(List.of(dup1.describe(), dup2.describe()), q.issue(Issue.DUPLICATE_LEAD).orElseThrow().examples());
    assertEquals(List.of(time.describe(), time2.describe()), q.issue("rejected:unparsable_time").orElseThrow().examples());
    assertEquals(new RowCounts(10, 7, 3), q.rows().get("leads"));
    assertEquals(new RowCounts(5, 3, 2), q.rows().get("stages"));
    long rejectedRows = q.rows().values().stream().mapToLong(RowCounts::rejected).sum();
    assertEquals(rejectedRows, q.issues().stream().mapToLong(Issue::count).sum(), "every rejected row is an issue");
  }

  @Test
  void aDatasetOfOnlyPathsReportsItsRows() {
    Dataset d = Dataset.builder()
        .path(new JourneyPath(List.of("seo", "direct"), 3, new BigDecimal("30"), 5))
        .path(new JourneyPath(List.of("email"), 1, BigDecimal.TEN, 2))
        .build();
    QualityReport q = DataQuality.check(d, FAR);
    assertEquals(Map.of("paths", new RowCounts(2, 2, 0)), q.rows());
    assertTrue(q.clean());
    assertTrue(Double.isNaN(q.revenueShareWithoutSource()));
    List<TableRead> reads = List.of(new TableRead(DatasetTable.PATHS, "paths.csv", 3, 2,
        Map.of("wrong_column_count", 1L), List.of()));
    QualityReport read = DataQuality.check(d, reads, FAR);
    assertEquals(Map.of("paths", new RowCounts(3, 2, 1)), read.rows());
    assertEquals(1, read.count("rejected:wrong_column_count"));
    assertEquals(List.of(), read.issues().get(0).examples());
  }

  @Test
  void shareOfRevenueWithoutSource() {
    Dataset d = Dataset.builder()
        .lead(lead("A", 0, "seo", "blog", "CA"))
        .lead(lead("B", 0, null, null, null))
        .lead(lead("C", 0, "email", null, null))
        .lead(lead("D", 1, null, null, "S"))
        .lead(lead("E", 2, "seo", "blog", "S"))
        .payment(pay("CA", null, 3, "100"))
        .payment(pay("CA", null, 4, "-10"))
        .payment(pay("B", null, 3, "50"))
        .payment(pay("C", null, 3, "30"))
        .payment(pay("X", null, 3, "20"))
        .payment(pay("S", null, 3, "40"))
        .payment(pay("S", "E", 5, "60"))
        .build();
    QualityReport q = DataQuality.check(d, FAR);
    // total 290; without source: B 50 + C 30 + X 20 + S 40 (earliest lead of S is D, no channel) = 140
    assertEquals(0, new BigDecimal("290").compareTo(q.revenue()));
    assertEquals(0, new BigDecimal("140").compareTo(q.revenueWithoutSource()));
    assertEquals(140.0 / 290.0, q.revenueShareWithoutSource(), 1e-12);
    assertTrue(q.summary().length() <= 80);
    assertTrue(q.summary().contains("48.3% of revenue without source"), q.summary());
  }

  /**
   * Revenue and its part without source are exact, scale included: equal to adding each
   * payment's amount as a {@link BigDecimal} to zero (the oracle), on random amounts of mixed
   * scales, negative refunds and sums past the long range.
   */
  @Test
  void revenueSumsAreExactAtTheLargestScale() {
    java.util.Random rnd = new java.util.Random(11);
    String[] amounts = {"19.63", "-5", "0.1", "1200.500", "7", "-0.25", "922337203685477580.7",
        "3.0000", "-922337203685477580.8"};
    for (int c = 0; c < 30; c++) {
      Dataset.Builder b = Dataset.builder()
          .lead(lead("A", 0, "seo", "blog", "CA"))
          .lead(lead("B", 0, null, null, "CB"));
      BigDecimal total = BigDecimal.ZERO;
      BigDecimal unknown = BigDecimal.ZERO;
      for (int i = 0, n = 1 + rnd.nextInt(12); i < n; i++) {
        String a = amounts[rnd.nextInt(c < 15 ? 6 : amounts.length)];
        String customer = rnd.nextBoolean() ? "CA" : rnd.nextBoolean() ? "CB" : "CX";
        b.payment(pay(customer, null, 3 + i, a));
        total = total.add(new BigDecimal(a));
        if (!customer.equals("CA")) {
          unknown = unknown.add(new BigDecimal(a));
        }
      }
      QualityReport q = DataQuality.check(b.build(), FAR);
      assertEquals(total, q.revenue(), "case " + c);
      assertEquals(unknown, q.revenueWithoutSource(), "case " + c);
    }
  }

  @Test
  void rowOrderDoesNotChangeTheReport() {
    List<Lead> leads = new ArrayList<>();
    List<StageChange> stages = new ArrayList<>();
    List<Payment> payments = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String id = "L" + i;
      leads.add(lead(id, i, i % 5 == 0 ? null : "seo", i % 7 == 0 ? null : "blog", null));
      stages.add(stage(id, i % 3 == 0 ? "SQL" : "MQL", i + 2));
      stages.add(stage(id, i % 4 == 0 ? "MQL" : "SAL", i + 3));
      payments.add(pay(i % 6 == 0 ? "X" + i : id, null, i + 4, Integer.toString(10 + i)));
    }
    QualityReport a = DataQuality.check(build(leads, stages, payments), t(30));
    Collections.reverse(leads);
    Collections.reverse(stages);
    Collections.shuffle(payments, new java.util.Random(1));
    QualityReport b = DataQuality.check(build(leads, stages, payments), t(30));
    assertEquals(a, b);
    assertTrue(a.issues().size() >= 5, a.toString());
  }

  private static Dataset build(List<Lead> leads, List<StageChange> stages, List<Payment> payments) {
    Dataset.Builder b = Dataset.builder();
    leads.forEach(b::lead);
    stages.forEach(b::stageChange);
    payments.forEach(b::payment);
    return b.build();
  }

  @Test
  void examplesAreCappedButCountsAreNot() {
    Dataset.Builder b = Dataset.builder();
    for (int i = 0; i < 12; i++) {
      b.lead(lead("L" + (100 + i), i, null, null, null));
    }
    Issue i = DataQuality.check(b.build(), FAR).issue(Issue.LEAD_WITHOUT_SOURCE).orElseThrow();
    assertEquals(12, i.count());
    assertEquals(Findings.EXAMPLES, i.examples().size());
    assertTrue(i.examples().get(0).startsWith("L100 "));
  }

  @Test
  void missingInputIsRefusedWithAReason() {
    Dataset d = Dataset.builder().build();
    assertThrows(IllegalArgumentException.class, () -> DataQuality.check(d, null));
    assertThrows(IllegalArgumentException.class, () -> DataQuality.check(null, FAR));
    assertTrue(DataQuality.check(d, null, FAR).clean());
    assertThrows(IllegalArgumentException.class, () -> new Issue("x", 0, List.of()));
    assertThrows(IllegalArgumentException.class, () -> new RowCounts(3, 1, 1));
  }
}
