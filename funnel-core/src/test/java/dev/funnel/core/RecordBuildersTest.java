package dev.funnel.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each builder puts each named part where the record's constructor takes it, with its defaults and checks. */
class RecordBuildersTest {

  private static final Instant T = Instant.parse("2026-03-02T09:00:00Z");

  @Test
  void leadPartsByName() {
    assertEquals(new Lead("L1", T, "seo", "spring", "smb", "ann", "C9", Map.of("industry", "retail")),
        Lead.builder("L1", T).channel("seo").campaign("spring").segment("smb").owner("ann")
            .customer("C9").attribute("industry", "retail").build());
    Lead bare = Lead.builder("L2", T).build();
    assertEquals(Lead.NO_CHANNEL, bare.channel());
    assertEquals("L2", bare.customerId());
    assertThrows(IllegalArgumentException.class, () -> Lead.builder(" ", T).build());
  }

  @Test
  void paymentPartsByName() {
    Money m = Money.of("12.50", "EUR");
    assertEquals(new Payment("P1", "C1", "L1", T, m, "pro"),
        Payment.builder(T, m).id("P1").customer("C1").lead("L1").product("pro").build());
    assertEquals("L1", Payment.builder(T, m).lead("L1").build().customerId());
    assertThrows(IllegalArgumentException.class, () -> Payment.builder(T, m).build());
  }

  @Test
  void stageChangeAndTouchPartsByName() {
    Stage lost = StageCatalog.DEFAULT.stage("LOST");
    assertEquals(new StageChange("L1", lost, T, "no_budget", Money.of("10.0", "EUR"), "bob"),
        StageChange.builder("L1", lost, T).reason("no_budget").amount(Money.of("10.0", "EUR"))
            .owner("bob").build());
    assertEquals(new Touch("L1", T, "email", "nurture", TouchKind.OFFLINE, Money.of("1", "EUR")),
        Touch.builder("L1", T, "email").campaign("nurture").kind(TouchKind.OFFLINE)
            .cost(Money.of("1", "EUR")).build());
    // text: an amount without a currency, which takes the dataset's
    StageChange won = StageChange.builder("L1", lost, T).amount("10.50").build();
    assertEquals(new BigDecimal("10.50"), won.amount().amount());
    assertEquals(Money.UNSPECIFIED, won.amount().currency());
    assertEquals(Money.of("0.85"), Touch.builder("L1", T, "email").cost("0.85").build().cost());
    assertEquals("not a plain decimal amount: '1,5' (use '.' as decimal separator, no grouping)",
        assertThrows(IllegalArgumentException.class,
            () -> StageChange.builder("L1", lost, T).amount("1,5")).getMessage());
    assertEquals("touch cost must not be negative, got -2",
        assertThrows(IllegalArgumentException.class,
            () -> Touch.builder("L1", T, "email").cost("-2").build()).getMessage());
    assertEquals(TouchKind.ONLINE, Touch.builder("L1", T, "email").build().kind());
  }

  @Test
  void aBuilderThatRejectsOrphansNamesTheTableAndTheLead() {
    Dataset.Builder b = Dataset.builder().rejectOrphans().lead(Lead.of("L1", T, "seo"))
        .touch(Touch.of("L1", T, "seo")).touch(Touch.of("L9", T, "seo"))
        .touch(Touch.of("L9", T.plusSeconds(1), "seo"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, b::build);
    assertEquals("a touch in table touches names lead 'L9', which is not in table leads"
        + " (2 such rows in touches)", e.getMessage());
    // without the option the rows are kept (and DataQuality counts them)
    assertEquals(3, Dataset.builder().lead(Lead.of("L1", T, "seo")).touch(Touch.of("L1", T, "seo"))
        .touch(Touch.of("L9", T, "seo")).touch(Touch.of("L9", T.plusSeconds(1), "seo")).build()
        .touches().size());
    // a dataset without a leads table has nothing to check against
    assertEquals(1, Dataset.builder().rejectOrphans().touch(Touch.of("L9", T, "seo")).build()
        .touches().size());
  }
}
