package dev.funnel.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.core.Dataset;
import dev.funnel.core.Journey;
import dev.funnel.core.Lead;
import dev.funnel.core.Money;
import dev.funnel.core.Payment;
import dev.funnel.core.StageCatalog;
import dev.funnel.core.StageChange;
import dev.funnel.core.Touch;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Journey cutting options: paid revenue as value, pre-cut journeys, null-journey windows. */
class DatasetJourneysTest {

  static final Instant T0 = RuleModelsTest.T0;

  static Dataset withPayments() {
    StageCatalog cat = StageCatalog.DEFAULT;
    return Dataset.builder()
        .lead(new Lead("A", T0.minus(Duration.ofDays(3)), "search", null, null, null, "cust-A", null))
        .touch(Touch.of("A", T0.minus(Duration.ofDays(2)), "search"))
        .stageChange(new StageChange("A", cat.stage("WON"), T0, null, Money.of("999"), null))
        .payment(new Payment("p1", "cust-A", null, T0.plus(Duration.ofDays(1)), Money.of("60"), null))
        .payment(new Payment("p2", "cust-A", null, T0.plus(Duration.ofDays(5)), Money.of("-10"), null))
        .payment(new Payment("p3", "cust-A", null, T0.plus(Duration.ofDays(20)), Money.of("40"), null))
        .payment(new Payment("p4", "cust-A", "other-lead", T0.plus(Duration.ofDays(2)), Money.of("7"), null))
        .payment(new Payment("p5", "cust-A", null, T0.minus(Duration.ofDays(1)), Money.of("5"), null))
        .build();
  }

  @Test
  void valueIsPaidRevenueWithinTheWindowWhenAsked() {
    Dataset ds = withPayments();
    // within 14 days of the conversion: 60 - 10 (refund); p3 is too late, p4 is another lead's, p5 too early
    JourneySet paid = JourneySet.fromDataset(ds, JourneyOptions.DEFAULTS.withPaidRevenueWithinDays(14));
    assertEquals(0, new BigDecimal("50").compareTo(paid.value()), paid.value().toPlainString());
    JourneySet stage = JourneySet.fromDataset(ds, JourneyOptions.DEFAULTS);
    assertEquals(0, new BigDecimal("999").compareTo(stage.value()));
  }

  @Test
  void missingTablesAreNamed() {
    Dataset noPayments = Dataset.builder().touch(Touch.of("A", T0, "x")).build();
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> JourneySet.fromDataset(noPayments, JourneyOptions.DEFAULTS.withPaidRevenueWithinDays(7)));
    assertTrue(e.getMessage().contains("payments"), e.getMessage());
    Dataset noTouches = Dataset.builder().lead(Lead.of("A", T0, "x")).build();
    assertThrows(IllegalStateException.class, () -> JourneySet.fromDataset(noTouches, null));
  }

  @Test
  void nullJourneyWindowEndsAtTheLatestTouch() {
    Dataset ds = Dataset.builder()
        .touch(Touch.of("N", T0.minus(Duration.ofDays(200)), "old"))
        .touch(Touch.of("N", T0.minus(Duration.ofDays(80)), "mid"))
        .touch(Touch.of("N", T0, "late"))
        .build();
    JourneySet js = JourneySet.fromDataset(ds, JourneyOptions.DEFAULTS);
    assertEquals(1, js.nulls());
    assertEquals(List.of("mid", "late"), js.paths().get(0).channels());
  }

  @Test
  void preCutJourneysAgreeWithTheDatasetRoute() {
    JourneySet fromDs = RuleModelsTest.journeys();
    List<Journey> journeys = List.of(
        new Journey("A", List.of(
            Touch.of("A", RuleModelsTest.daysBefore(28), "search"),
            Touch.of("A", RuleModelsTest.daysBefore(14), "social"),
            Touch.of("A", RuleModelsTest.daysBefore(7), "email"),
            Touch.of("A", RuleModelsTest.daysBefore(0), "direct")), T0, new BigDecimal("100")),
        new Journey("B", List.of(
            Touch.of("B", RuleModelsTest.daysBefore(3), "direct"),
            Touch.of("B", RuleModelsTest.daysBefore(2), "direct")), RuleModelsTest.daysBefore(1), new BigDecimal("50")),
        new Journey("C", List.of(Touch.of("C", RuleModelsTest.daysBefore(5), "search")), null, null),
        new Journey("D", List.of(), T0, new BigDecimal("30")));
    JourneySet pre = JourneySet.fromJourneys(journeys);
    assertEquals(1, pre.unattributedConversions());
    for (Model m : List.of(Model.LINEAR, Model.TIME_DECAY, Model.MARKOV, Model.SHAPLEY)) {
      assertEquals(Attribution.attribute(fromDs, m), Attribution.attribute(pre, m), m.label());
    }
    assertThrows(IllegalArgumentException.class, () -> Attribution.attribute(pre, Model.W_SHAPED));
  }

  @Test
  void touchAgesFromMillisAgreeWithDurationBetweenInstants() {
    java.util.Random rnd = new java.util.Random(3);
    for (int i = 0; i < 20_000; i++) {
      Instant end = Instant.ofEpochSecond(rnd.nextInt(2_000_000_000) - 1_000_000_000L,
          rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(1_000_000_000));
      Instant touch = end.minusNanos(rnd.nextInt(3) == 0 ? rnd.nextInt(2_000_000)
          : (long) (rnd.nextDouble() * 400 * 86_400e9));
      if (rnd.nextInt(10) == 0) { // after the end, or centuries before it
        touch = rnd.nextBoolean() ? end.plusNanos(rnd.nextInt(2_000_000_000))
            : end.minusSeconds(86_400L * 365 * (250 + rnd.nextInt(100))).minusNanos(rnd.nextInt(1000));
      }
      Duration d = Duration.between(touch, end);
      double expected = (d.getSeconds() + d.getNano() / 1e9) / JourneySet.SECONDS_PER_DAY;
      double actual = DatasetJourneys.ageDays(DatasetJourneys.floorMillis(touch),
          touch.getNano() % 1_000_000, DatasetJourneys.floorMillis(end), end.getNano() % 1_000_000);
      assertEquals(expected, actual, 0.0, touch + " .. " + end);
    }
  }
}
