package dev.funnel.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.core.Activity;
import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Lead;
import dev.funnel.core.StageCatalog;
import dev.funnel.core.StageChange;
import dev.funnel.core.Touch;
import dev.funnel.core.TouchKind;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleSetTest {

  static final String FILE = String.join("\n",
      "# our scoring, v3",
      "rule,feature,operator,value,points",
      "MQL,score,>=,30,",
      "Enterprise,segment,=,Enterprise,20",
      "\"Warm, referred\",channel,in,referral|webinar,10",
      "Webinar attended,offline_touches,>=,1,15",
      "Talked to sales,activities:call,>=,1,5",
      "Past MQL,stage,>=,MQL,25",
      "Cold,days_since_touch,>,30,-10",
      "");

  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  static Dataset data() {
    StageCatalog c = StageCatalog.DEFAULT;
    return Dataset.builder().table(DatasetTable.STAGES).table(DatasetTable.ACTIVITIES).table(DatasetTable.TOUCHES)
        .lead(new Lead("A", T0, "referral", null, "enterprise", "sdr", null, Map.of()))
        .lead(new Lead("B", T0.plusSeconds(60), "seo", null, null, null, null, Map.of()))
        .touch(new Touch("A", T0.minusSeconds(3600), "webinar", null, TouchKind.OFFLINE, null))
        .touch(new Touch("B", T0.plusSeconds(86_400 * 10), "email", null, TouchKind.ONLINE, null))
        .activity(new Activity("A", T0.plusSeconds(86_400), "call", "sdr", "reached"))
        .stageChange(new StageChange("A", c.stage("MQL"), T0.plusSeconds(2 * 86_400), null, null, "sdr"))
        .build();
  }

  @Test
  void aRuleFileIsReadAndScoresAsOfAnInstantWithItsBreakdown() {
    RuleSet rules = RuleSet.parse(FILE, "rules.csv");
    assertEquals(30, rules.threshold());
    assertEquals(6, rules.rules().size());
    assertEquals("Warm, referred", rules.rules().get(1).name());
    assertEquals(RuleSet.parse(rules.toCsv(), "again"), rules);
    Dataset d = data();
    // before the call and the MQL hand-off: segment, channel, offline touch
    PointsScore early = Scoring.points(d, rules, "A", T0.plusSeconds(3600));
    assertEquals(45, early.score());
    assertTrue(early.mql());
    assertEquals(Map.of("Enterprise", 20.0, "Warm, referred", 10.0, "Webinar attended", 15.0), early.breakdown());
    // three days on: the call and MQL count too; nothing after the instant does
    PointsScore later = Scoring.points(d, rules, "A", T0.plusSeconds(3 * 86_400));
    assertEquals(75, later.score());
    assertEquals(5.0, later.breakdown().get("Talked to sales"));
    // B: its only touch is in the future at day 1, so days_since_touch is undefined (no rule)
    PointsScore b = Scoring.points(d, rules, "B", T0.plusSeconds(86_400));
    assertEquals(0, b.score());
    assertFalse(b.mql());
    // 45 days on, B's touch is 35 days old: cold
    assertEquals(-10, Scoring.points(d, rules, "B", T0.plusSeconds(45 * 86_400)).score());
  }

  @Test
  void everyOpenLeadIsScoredBestFirst() {
    PointsScores s = Scoring.points(data(), RuleSet.parse(FILE, "rules.csv"), T0.plusSeconds(3 * 86_400));
    assertEquals(2, s.leads().size());
    assertEquals("A", s.leads().get(0).leadId());
    assertTrue(s.toString().startsWith("Points scores of 2 open leads"), s.toString());
  }

  @Test
  void problemsNameFileLineAndColumn() {
    String base = "rule,feature,operator,value,points\nMQL,score,>=,30,\n";
    RuleFileException e = assertThrows(RuleFileException.class,
        () -> RuleSet.parse(base + "Big,headcount,>,100,5\n", "r.csv"));
    assertEquals(3, e.line());
    assertEquals(2, e.column());
    assertTrue(e.getMessage().startsWith("r.csv:3:2: unknown feature 'headcount'"), e.getMessage());
    e = assertThrows(RuleFileException.class, () -> RuleSet.parse(base + "Many,touches,>=,lots,5\n", "r.csv"));
    assertEquals(4, e.column());
    e = assertThrows(RuleFileException.class, () -> RuleSet.parse(base + "Many,touches,>=,3,five\n", "r.csv"));
    assertEquals(5, e.column());
    e = assertThrows(RuleFileException.class, () -> RuleSet.parse(base + "Paid,channel,>,paid,5\n", "r.csv"));
    assertEquals(3, e.column());
    e = assertThrows(RuleFileException.class, () -> RuleSet.parse(base + "A,touches,>=,3,5\na,touches,>=,4,5\n", "r.csv"));
    assertEquals(4, e.line());
    assertTrue(e.reason().contains("two rules are named"), e.reason());
    e = assertThrows(RuleFileException.class, () -> RuleSet.parse(base + "A,touches,>=,3\n", "r.csv"));
    assertEquals(0, e.column());
    assertTrue(e.getMessage().startsWith("r.csv:3: expected 5 fields"), e.getMessage());
    e = assertThrows(RuleFileException.class, () -> RuleSet.parse(base + "\"A,touches,>=,3,5\n", "r.csv"));
    assertTrue(e.reason().contains("not closed"), e.reason());
    e = assertThrows(RuleFileException.class, () -> RuleSet.parse("rule,feature,operator,value,points\nA,touches,>=,3,5\n", "r.csv"));
    assertTrue(e.reason().contains("no MQL threshold"), e.reason());
    e = assertThrows(RuleFileException.class, () -> RuleSet.parse("name,points\n", "r.csv"));
    assertEquals(1, e.line());
    e = assertThrows(RuleFileException.class, () -> RuleSet.parse("", "r.csv"));
    assertTrue(e.reason().contains("empty"), e.reason());
  }

  @Test
  void semicolonFilesAndTheBuilderAgree() {
    RuleSet a = RuleSet.parse("\uFEFFrule;feature;operator;value;points\nMQL;score;>=;10;\nX;touches;>=;2;10\n", "x");
    RuleSet b = RuleSet.builder().mqlAt(10).add("X", "touches", ">=", "2", 10).build();
    assertEquals(b, a);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RuleSet.builder().add("Y", "stage", "in", "", 5));
    assertTrue(e.getMessage().startsWith("rule 'Y'"), e.getMessage());
  }

  @Test
  void stageRulesAreCheckedAgainstTheCatalog() {
    RuleSet r = RuleSet.builder().mqlAt(1).add("Odd", "stage", "=", "DISCOVERY", 5).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Scoring.points(data(), r, T0));
    assertTrue(e.getMessage().contains("unknown stage 'DISCOVERY'"), e.getMessage());
  }

  @Test
  void theDefaultsParseBackAndReadWell() {
    RuleSet d = RuleSet.defaults();
    assertEquals(d, RuleSet.parse(d.toCsv(), "defaults"));
    assertTrue(d.toString().startsWith("Points rules: 10 rules, MQL at 40 points"), d.toString());
  }
}
