package dev.funnel.core.sales;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OwnerKpisTest {

  static final StageCatalog C = StageCatalog.DEFAULT;

  static Instant t(String s) {
    return Instant.parse(s + ":00Z");
  }

  static Lead lead(String id, String owner) {
    return new Lead(id, t("2026-02-01T00:00"), "seo", null, null, owner, null, Map.of());
  }

  static StageChange move(String id, String stage, String at) {
    return StageChange.of(id, C.stage(stage), t(at));
  }

  @Test
  void sdrAndAeFiguresPerOwner() {
    Dataset d = Dataset.builder()
        .lead(lead("s1", "ann")).lead(lead("s2", "ann")).lead(lead("s3", "bob")).lead(lead("s4", "bob"))
        .stageChange(move("s1", "MQL", "2026-03-01T10:00"))
        .stageChange(move("s1", "SQL", "2026-03-02T10:00"))
        .stageChange(new StageChange("s1", C.stage("WON"), t("2026-03-05T10:00"), null,
            Money.of("1000"), null))
        .stageChange(move("s2", "MQL", "2026-03-02T10:00"))
        .stageChange(move("s3", "MQL", "2026-03-03T10:00"))
        .stageChange(move("s3", "SQL", "2026-03-04T10:00"))
        .stageChange(move("s3", "LOST", "2026-03-06T10:00"))
        .stageChange(move("s4", "MQL", "2026-03-03T10:00"))
        .stageChange(move("s4", "SQL", "2026-03-05T10:00"))
        .activity(new Activity("s1", t("2026-03-01T12:00"), "call", "ann", "reached"))
        .activity(new Activity("s2", t("2026-03-02T14:00"), "call", "ann", "not_reached"))
        .activity(new Activity("s4", t("2026-03-03T11:00"), "call", "bob", "reached"))
        .payment(new Payment(null, "s1", null, t("2026-03-07T10:00"), Money.of("1000"), null))
        .build();
    OwnerKpis k = Sales.owners(d, t("2026-03-10T10:00"), null, null, OwnerRule.LEAD_OWNER);
    List<OwnerKpi> expected = List.of(
        new OwnerKpi("ann", 2, 1, 0.5, 0.5, 2.0, 1, 1, 0, 1.0, 5.0, 1000.0),
        new OwnerKpi("bob", 2, 2, 0.5, 1.0, 1.0, 2, 0, 1, 0.0, Double.NaN, Double.NaN));
    assertEquals(expected, k.owners());
    // the activities name the lead owners and no stage change names anyone: by role agrees
    assertEquals(expected, Sales.owners(d, t("2026-03-10T10:00"), null, null).owners());
    Dataset bare = Dataset.builder().lead(lead("s1", "ann"))
        .stageChange(move("s1", "MQL", "2026-03-01T10:00")).build();
    OwnerKpi only = Sales.owners(bare, t("2026-03-10T10:00"), null, null).owners().get(0);
    assertTrue(Double.isNaN(only.reachRate()) && Double.isNaN(only.reactionMedianHours()));
    assertEquals(0.0, only.mqlToSql());
    String head = k.toString().lines().findFirst().orElseThrow();
    assertTrue(head.length() <= 80, head);
  }
}
