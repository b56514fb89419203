package dev.funnel.core.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.core.Dataset;
import dev.funnel.core.demo.DemoData;
import dev.funnel.core.demo.DemoDefects;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The report finds what the demo generator injected, counted by the generator itself. */
class DemoQualityTest {

  @Test
  void theReportFindsExactlyTheInjectedDefects() {
    DemoData demo = DemoData.builder().build();
    Dataset d = demo.dataset();
    DemoDefects injected = demo.defects();
    Instant end = demo.end().atStartOfDay(ZoneOffset.UTC).toInstant();
    QualityReport q = DataQuality.check(d, end);

    assertEquals(injected.leadsWithoutSource(), q.count(Issue.LEAD_WITHOUT_SOURCE));
    assertEquals(injected.leadsWithoutCampaign(), q.count(Issue.LEAD_WITHOUT_CAMPAIGN));
    assertEquals(injected.stagesOutOfOrder(), q.count(Issue.STAGE_OUT_OF_ORDER));
    assertEquals(injected.paymentsWithoutLead(), q.count(Issue.PAYMENT_WITHOUT_LEAD));
    assertEquals(injected.spendChannelsWithoutLeads(), q.count(Issue.SPEND_WITHOUT_LEADS));
    assertEquals(injected.skippedStages(), q.count(Issue.STAGE_SKIPPED));
    assertTrue(q.issue(Issue.SPEND_WITHOUT_LEADS).orElseThrow().examples().get(0)
        .startsWith("display: " + injected.spendRowsWithoutLeads() + " rows, "));
    Set<String> codes = new TreeSet<>(q.issues().stream().map(Issue::code).toList());
    assertEquals(new TreeSet<>(List.of(Issue.LEAD_WITHOUT_SOURCE, Issue.LEAD_WITHOUT_CAMPAIGN,
        Issue.STAGE_OUT_OF_ORDER, Issue.STAGE_SKIPPED, Issue.PAYMENT_WITHOUT_LEAD,
        Issue.SPEND_WITHOUT_LEADS)), codes);
    assertEquals(7, q.rows().size());
    assertEquals(d.leads().size(), q.rows().get("leads").accepted());
    double share = q.revenueShareWithoutSource();
    assertTrue(share > 0 && share < 0.1, "share " + share);
  }

  @Test
  void withoutDefectsOnlySkippedStagesRemain() {
    DemoData demo = DemoData.builder().leads(3_000).defectRate(0).build();
    QualityReport q = DataQuality.check(demo.dataset(), Instant.parse("2030-01-01T00:00:00Z"));
    assertEquals(List.of(Issue.STAGE_SKIPPED), q.issues().stream().map(Issue::code).toList());
    assertEquals(demo.defects().skippedStages(), q.count(Issue.STAGE_SKIPPED));
    assertEquals(0.0, q.revenueShareWithoutSource());
  }

  @Test
  void dataAfterTheAsOfInstantIsInTheFuture() {
    DemoData demo = DemoData.builder().leads(1_000).months(2).build();
    Dataset d = demo.dataset();
    Instant mid = demo.start().plusMonths(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    long after = d.leads().stream().filter(l -> l.createdAt().isAfter(mid)).count()
        + d.stages().stream().filter(s -> s.at().isAfter(mid)).count()
        + d.activities().stream().filter(s -> s.at().isAfter(mid)).count()
        + d.touches().stream().filter(s -> s.at().isAfter(mid)).count()
        + d.payments().stream().filter(s -> s.paidAt().isAfter(mid)).count()
        + d.spend().stream().filter(s -> s.date().isAfter(demo.start().plusMonths(1))).count();
    assertTrue(after > 500);
    assertEquals(after, DataQuality.check(d, mid).count(Issue.FUTURE_TIMESTAMP));
  }
}
