package dev.funnel.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.core.Dataset;
import dev.funnel.core.JourneyPath;
import dev.funnel.core.Lead;
import dev.funnel.core.Money;
import dev.funnel.core.StageCatalog;
import dev.funnel.core.StageChange;
import dev.funnel.core.Touch;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Rule-based models on a small dataset whose credits are worked out by hand.
 *
 * <p>Lead A: touches search (28 days before WON), social (14), email (7), direct (0), plus a tv
 * touch 100 days before (outside the 90-day lookback) and a display touch one day after WON (never
 * counts); created 14 days before WON, OPPORTUNITY 7 days before; WON amount 100. Lead B: direct,
 * direct; WON amount 50. Lead C: one search touch, never converts (a null journey). Lead D: WON
 * amount 30 with no touch (unattributed).
 */
class RuleModelsTest {

  static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
  static final StageCatalog CAT = StageCatalog.DEFAULT;

  static Instant daysBefore(double d) {
    return T0.minus(Duration.ofSeconds(Math.round(d * 86400)));
  }

  static Dataset dataset(boolean shuffled) {
    List<Touch> touches = new ArrayList<>(List.of(
        Touch.of("A", daysBefore(100), "tv"),
        Touch.of("A", daysBefore(28), "search"),
        Touch.of("A", daysBefore(14), "social"),
        Touch.of("A", daysBefore(7), "email"),
        Touch.of("A", daysBefore(0), "direct"),
        Touch.of("A", daysBefore(-1), "display"),
        Touch.of("B", daysBefore(3), "direct"),
        Touch.of("B", daysBefore(2), "direct"),
        Touch.of("C", daysBefore(5), "search")));
    List<StageChange> stages = new ArrayList<>(List.of(
        StageChange.of("A", CAT.stage("OPPORTUNITY"), daysBefore(7)),
        new StageChange("A", CAT.stage("WON"), T0, null, Money.of("100"), null),
        new StageChange("B", CAT.stage("WON"), daysBefore(1), null, Money.of("50"), null),
        new StageChange("D", CAT.stage("WON"), T0, null, Money.of("30"), null)));
    if (shuffled) {
      Collections.reverse(touches);
      Collections.reverse(stages);
    }
    Dataset.Builder b = Dataset.builder()
        .lead(Lead.of("A", daysBefore(14), "search"))
        .lead(Lead.of("B", daysBefore(3), "direct"))
        .lead(Lead.of("C", daysBefore(5), "search"))
        .lead(Lead.of("D", daysBefore(9), "search"));
    touches.forEach(b::touch);
    stages.forEach(b::stageChange);
    return b.build();
  }

  static JourneySet journeys() {
    return JourneySet.fromDataset(dataset(false), JourneyOptions.DEFAULTS);
  }

  static double conv(AttributionResult r, String ch) {
    return r.channel(ch).map(ChannelCredit::conversions).orElse(0.0);
  }

  static double value(AttributionResult r, String ch) {
    return r.channel(ch).map(ChannelCredit::value).orElse(0.0);
  }

  static void assertCredits(AttributionResult r, Map<String, Double> expectedConv, double[] aShare) {
    for (Map.Entry<String, Double> e : expectedConv.entrySet()) {
      assertEquals(e.getValue(), conv(r, e.getKey()), 1e-12, r.model() + " " + e.getKey());
    }
    assertEquals(2.0, r.creditedConversions(), 1e-12);
    assertEquals(150.0, r.creditedValue(), 1e-9);
  }

  @Test
  void journeysFollowTheConventions() {
    JourneySet js = journeys();
    assertEquals(2, js.conversions());
    assertEquals(1, js.nulls());
    assertEquals(0, new BigDecimal("150").compareTo(js.value()));
    assertEquals(1, js.unattributedConversions());
    assertEquals(0, new BigDecimal("30").compareTo(js.unattributedValue()));
    assertEquals(List.of("direct", "email", "search", "social"), js.channels());
    assertEquals(List.of(
            new JourneyPath(List.of("direct", "direct"), 1, new BigDecimal("50"), 0),
            new JourneyPath(List.of("search"), 0, BigDecimal.ZERO, 1),
            new JourneyPath(List.of("search", "social", "email", "direct"), 1, new BigDecimal("100"), 0)),
        js.paths());
  }

  @Test
  void firstLastAndLastNonDirect() {
    JourneySet js = journeys();
    AttributionResult first = Attribution.attribute(js, Model.FIRST);
    assertCredits(first, Map.of("search", 1.0, "direct", 1.0, "social", 0.0), null);
    assertEquals(100.0, value(first, "search"), 1e-12);
    AttributionResult last = Attribution.attribute(js, Model.LAST);
    assertCredits(last, Map.of("direct", 2.0, "search", 0.0), null);
    AttributionResult lnd = Attribution.attribute(js, Model.LAST_NON_DIRECT);
    // A: email is the last non-direct touch; B is all direct and falls back to direct
    assertCredits(lnd, Map.of("email", 1.0, "direct", 1.0, "search", 0.0), null);
    assertEquals(100.0, value(lnd, "email"), 1e-12);
    assertEquals(50.0, value(lnd, "direct"), 1e-12);
    AttributionOptions noDirect =
        AttributionOptions.builder().directChannels(Set.of("email", "DIRECT")).build();
    AttributionResult lnd2 = Attribution.attribute(js, Model.LAST_NON_DIRECT, noDirect);
    assertCredits(lnd2, Map.of("social", 1.0, "direct", 1.0), null);
  }

  @Test
  void linearPerTouchAndPerChannel() {
    JourneySet js = journeys();
    AttributionResult lin = Attribution.attribute(js, Model.LINEAR);
    assertCredits(lin, Map.of("search", 0.25, "social", 0.25, "email", 0.25, "direct", 1.25), null);
    assertEquals(25.0 + 50.0, value(lin, "direct"), 1e-12);
    JourneySet js2 = JourneySet.fromPaths(List.of(
        new JourneyPath(List.of("a", "b", "a", "a"), 2, new BigDecimal("8"), 0)));
    AttributionResult perTouch = Attribution.attribute(js2, Model.LINEAR);
    assertEquals(1.5, conv(perTouch, "a"), 1e-12);
    AttributionResult perChannel = Attribution.attribute(js2, Model.LINEAR,
        AttributionOptions.builder().linearPerChannel(true).build());
    assertEquals(1.0, conv(perChannel, "a"), 1e-12);
    assertEquals(4.0, value(perChannel, "b"), 1e-12);
  }

  @Test
  void positionBased() {
    JourneySet js = journeys();
    AttributionResult pos = Attribution.attribute(js, Model.POSITION);
    // A: 0.4 / 0.1 / 0.1 / 0.4; B (two touches): 0.5 / 0.5
    assertCredits(pos, Map.of("search", 0.4, "social", 0.1, "email", 0.1, "direct", 1.4), null);
    AttributionOptions o = AttributionOptions.builder().position(0.3, 0.1).build();
    AttributionResult custom = Attribution.attribute(js, Model.POSITION, o);
    // A: 0.3 / 0.3 / 0.3 / 0.1; B: 0.75 / 0.25 (first : last = 3 : 1)
    assertCredits(custom, Map.of("search", 0.3, "social", 0.3, "email", 0.3, "direct", 1.1), null);
    JourneySet one = JourneySet.fromPaths(List.of(new JourneyPath(List.of("x"), 3, BigDecimal.ONE, 0)));
    assertEquals(3.0, conv(Attribution.attribute(one, Model.POSITION), "x"), 1e-12);
  }

  @Test
  void timeDecayMatchesTheIssueExample() {
    JourneySet js = journeys();
    AttributionResult td = Attribution.attribute(js, Model.TIME_DECAY);
    // A ages 28, 14, 7, 0 days: 2^-4, 2^-2, 2^-1, 1 over 1.8125; B ages 3 and 2 days: 2^(-3/7), 2^(-2/7)
    double b1 = Math.pow(2, -3.0 / 7);
    double b2 = Math.pow(2, -2.0 / 7);
    assertEquals(0.0625 / 1.8125, conv(td, "search"), 1e-12);
    assertEquals(0.034483, conv(td, "search"), 1e-6);
    assertEquals(0.137931, conv(td, "social"), 1e-6);
    assertEquals(0.275862, conv(td, "email"), 1e-6);
    assertEquals(0.551724 + 1.0, conv(td, "direct"), 1e-6);
    assertEquals(100 * 0.551724 + 50 * (b1 + b2) / (b1 + b2), value(td, "direct"), 1e-4);
    assertCredits(td, Map.of(), null);
  }

  @Test
  void wShapedUsesLeadAndOpportunityMarkers() {
    JourneySet js = journeys();
    AttributionResult w = Attribution.attribute(js, Model.W_SHAPED);
    // A: first = search, lead created with social, opportunity with email: 0.3 each, direct 0.1.
    // B: first touch only (created with the first direct touch too, no opportunity):
    //    touch 1 holds first + lead creation (0.6), touch 2 gets 0.1 -> 6/7 and 1/7, both direct.
    assertCredits(w, Map.of("search", 0.3, "social", 0.3, "email", 0.3, "direct", 1.1), null);
    List<JourneyCredit> per = Attribution.journeyCredits(js, Model.W_SHAPED, null);
    assertEquals(2, per.size());
    assertEquals("A", per.get(0).journey());
    assertEquals(0.3, per.get(0).shares().get("social"), 1e-12);
    assertEquals(1.0, per.get(1).shares().get("direct"), 1e-12);
  }

  @Test
  void wShapedAndTimeDecayNeedTouchData() {
    JourneySet paths = JourneySet.fromPaths(journeys().paths());
    IllegalArgumentException w = assertThrows(IllegalArgumentException.class,
        () -> Attribution.attribute(paths, Model.W_SHAPED));
    assertTrue(w.getMessage().contains("markers"), w.getMessage());
    IllegalArgumentException t = assertThrows(IllegalArgumentException.class,
        () -> Attribution.attribute(paths, Model.TIME_DECAY));
    assertTrue(t.getMessage().contains("timestamps"), t.getMessage());
  }

  @Test
  void customPositionWeights() {
    JourneySet js = journeys();
    AttributionOptions o = AttributionOptions.builder().customWeights(3, 1).build();
    AttributionResult r = Attribution.attribute(js, Model.CUSTOM, o);
    // A: 3,1,1,1 over 6; B: 3,1 over 4
    assertCredits(r, Map.of("search", 0.5, "social", 1.0 / 6, "email", 1.0 / 6,
        "direct", 1.0 / 6 + 1.0), null);
    AttributionOptions firstOnly = AttributionOptions.builder().customWeights(1, 0).build();
    AttributionResult f = Attribution.attribute(js, Model.CUSTOM, firstOnly);
    AttributionResult first = Attribution.attribute(js, Model.FIRST);
    assertEquals(conv(first, "search"), conv(f, "search"), 1e-12);
  }

  @Test
  void assistedConversionsAndSorting() {
    AttributionResult last = Attribution.attribute(journeys(), Model.LAST);
    assertEquals(1, last.channel("search").orElseThrow().assisted());
    assertEquals(1, last.channel("email").orElseThrow().assisted());
    assertEquals(0, last.channel("direct").orElseThrow().assisted());
    assertEquals(2, last.channel("direct").orElseThrow().lastTouch());
    assertEquals(0, last.channel("email").orElseThrow().lastTouch());
    assertEquals("direct", last.channels().get(0).channel());
    // ties (0 credit) by name
    assertEquals(List.of("direct", "email", "search", "social"),
        last.channels().stream().map(ChannelCredit::channel).toList());
    assertTrue(last.toString().startsWith("last: 2 conversions, value 150"), last.toString());
  }

  @Test
  void rowOrderDoesNotMatter() {
    JourneySet a = JourneySet.fromDataset(dataset(false), JourneyOptions.DEFAULTS);
    JourneySet b = JourneySet.fromDataset(dataset(true), JourneyOptions.DEFAULTS);
    for (Model m : Model.values()) {
      assertEquals(Attribution.attribute(a, m), Attribution.attribute(b, m), m.label());
    }
  }

  @Test
  void lookbackAndConversionStageOptions() {
    JourneySet shortLookback = JourneySet.fromDataset(dataset(false), JourneyOptions.DEFAULTS.withLookbackDays(10));
    // A keeps email (7 days) and direct (0); C keeps its single touch
    assertTrue(shortLookback.paths().stream().anyMatch(
        p -> p.conversions() == 1 && p.channels().equals(List.of("email", "direct"))), shortLookback.paths().toString());
    assertEquals(2, shortLookback.conversions());
    JourneySet opp = JourneySet.fromDataset(dataset(false), JourneyOptions.DEFAULTS.withConversionStage("opportunity"));
    // A converts at OPPORTUNITY (7 days before WON): search, social, email; B reached WON, so passed OPPORTUNITY
    assertEquals(2, opp.conversions());
    assertTrue(opp.paths().stream().anyMatch(p -> p.channels().equals(List.of("search", "social", "email"))));
    assertThrows(IllegalArgumentException.class,
        () -> JourneySet.fromDataset(dataset(false), JourneyOptions.DEFAULTS.withConversionStage("nope")));
    // the first stage: every lead converts at its creation; A was created 14 days before WON, so its
    // window (90 days back from there) keeps tv (100 days before WON), search and social
    JourneySet created = JourneySet.fromDataset(dataset(false), JourneyOptions.DEFAULTS.withConversionStage("LEAD"));
    assertEquals(4, created.conversions() + created.unattributedConversions());
    assertTrue(created.paths().stream().anyMatch(p -> p.channels().equals(List.of("tv", "search", "social"))),
        created.paths().toString());
  }
}
