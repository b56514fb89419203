package dev.funnel.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Normalisation and validation messages of the row records. */
class DomainRecordsTest {

  private static final Instant T = Instant.parse("2026-03-01T09:15:00Z");

  private static String message(Class<? extends Throwable> type, Executable e) {
    return assertThrows(type, e).getMessage();
  }

  @Test
  void leads() {
    Map<String, String> attrs = new HashMap<>();
    attrs.put("utm_source", "google");
    Lead l = new Lead(" a1 ", T, "  ", " spring ", "", " ann ", null, attrs);
    assertEquals("a1", l.id());
    assertEquals(Lead.NO_CHANNEL, l.channel());
    assertFalse(l.hasChannel());
    assertEquals("spring", l.campaign());
    assertNull(l.segment());
    assertEquals("ann", l.owner());
    assertEquals("a1", l.customerId(), "the customer defaults to the lead id");
    attrs.put("later", "x");
    assertEquals(Map.of("utm_source", "google"), l.attributes(), "attributes are copied");
    assertThrows(UnsupportedOperationException.class, () -> l.attributes().put("k", "v"));
    assertTrue(Lead.of("b", T, "seo").hasChannel());
    assertEquals("c9", new Lead("b", T, "seo", null, null, null, "c9", null).customerId());
    assertEquals("lead id must not be blank", message(IllegalArgumentException.class, () -> Lead.of(" ", T, "seo")));
    assertEquals("lead id is required", message(NullPointerException.class, () -> Lead.of(null, T, "seo")));
    assertEquals("lead created_at is required", message(NullPointerException.class, () -> Lead.of("a", null, "seo")));
  }

  @Test
  void stageChanges() {
    Stage lost = StageCatalog.DEFAULT.stage("LOST");
    StageChange s = new StageChange("a", lost, T, " No_Budget ", Money.of("100.50"), " ");
    assertEquals("no_budget", s.reason(), "reasons are lower-case codes");
    assertNull(s.owner());
    assertEquals(new BigDecimal("100.50"), s.amount().amount());
    StageChange plain = StageChange.of("a", StageCatalog.DEFAULT.first(), T);
    assertNull(plain.reason());
    assertNull(plain.amount());
    assertEquals("stage change lead_id must not be blank",
        message(IllegalArgumentException.class, () -> StageChange.of("", lost, T)));
    assertEquals("stage change stage is required", message(NullPointerException.class, () -> StageChange.of("a", null, T)));
    assertEquals("stage change time (at) is required",
        message(NullPointerException.class, () -> StageChange.of("a", lost, null)));
  }

  @Test
  void touches() {
    Touch t = new Touch("a", T, " seo ", " ", null, null);
    assertEquals("seo", t.channel());
    assertNull(t.campaign());
    assertEquals(TouchKind.ONLINE, t.kind(), "online by default");
    assertEquals(TouchKind.ONLINE, Touch.of("a", T, Touch.DIRECT).kind());
    assertEquals("touch cost must not be negative, got -1",
        message(IllegalArgumentException.class, () -> new Touch("a", T, "seo", null, null, Money.of("-1"))));
    assertEquals("touch channel must not be blank",
        message(IllegalArgumentException.class, () -> Touch.of("a", T, " ")));
    assertEquals("touch time (at) is required", message(NullPointerException.class, () -> Touch.of("a", null, "seo")));
  }

  @Test
  void touchKinds() {
    assertEquals(TouchKind.ONLINE, TouchKind.parse(null));
    assertEquals(TouchKind.ONLINE, TouchKind.parse(" "));
    assertEquals(TouchKind.OFFLINE, TouchKind.parse(" Offline "));
    assertEquals("offline", TouchKind.OFFLINE.label());
    assertEquals("touch kind must be online or offline, got 'phone'",
        message(IllegalArgumentException.class, () -> TouchKind.parse("phone")));
  }

  @Test
  void payments() {
    Payment p = new Payment(" ", null, " a ", T, Money.of("-20", "EUR"), "");
    assertNull(p.paymentId());
    assertEquals("a", p.customerId(), "the customer defaults to the lead");
    assertEquals("a", p.leadId());
    assertNull(p.product());
    assertTrue(p.refund());
    assertFalse(new Payment(null, "c", null, T, Money.of("0"), null).refund());
    assertEquals("a payment needs customer_id or lead_id",
        message(IllegalArgumentException.class, () -> new Payment(null, " ", null, T, Money.of("1"), null)));
    assertEquals("payment paid_at is required",
        message(NullPointerException.class, () -> new Payment(null, "c", null, null, Money.of("1"), null)));
    assertEquals("payment amount is required",
        message(NullPointerException.class, () -> new Payment(null, "c", null, T, null, null)));
  }

  @Test
  void activities() {
    Activity a = new Activity("a", T, " Call ", " ", " Not_Reached ");
    assertEquals("call", a.type());
    assertNull(a.owner());
    assertEquals("not_reached", a.outcome());
    assertEquals("activity type must not be blank",
        message(IllegalArgumentException.class, () -> new Activity("a", T, "", null, null)));
    assertEquals("activity time (at) is required",
        message(NullPointerException.class, () -> new Activity("a", null, "call", null, null)));
  }

  @Test
  void spend() {
    Spend s = new Spend(LocalDate.of(2026, 3, 1), " seo ", " ", Money.of("10.00", "EUR"));
    assertEquals("seo", s.channel());
    assertNull(s.campaign());
    assertEquals("spend amount must not be negative, got -1 EUR",
        message(IllegalArgumentException.class, () -> new Spend(LocalDate.of(2026, 3, 1), "seo", null, Money.of("-1", "EUR"))));
    assertEquals("spend date is required",
        message(NullPointerException.class, () -> new Spend(null, "seo", null, Money.of("1"))));
  }

  @Test
  void planTargets() {
    PlanTarget p = new PlanTarget(Period.parse("2026-Q1"), " MQL ", BigDecimal.TEN, " ");
    assertEquals("mql", p.metric());
    assertNull(p.channel());
    assertEquals("plan metric must not be blank",
        message(IllegalArgumentException.class, () -> new PlanTarget(Period.parse("2026"), " ", BigDecimal.ONE, null)));
    assertEquals("plan target is required",
        message(NullPointerException.class, () -> new PlanTarget(Period.parse("2026"), "mql", null, null)));
  }

  @Test
  void journeyPaths() {
    assertEquals(List.of("seo", "email", "direct"), JourneyPath.parseChannels(" seo > email>direct "));
    JourneyPath p = new JourneyPath(JourneyPath.parseChannels("seo > email"), 3, null, 5);
    assertEquals("seo > email", p.pathText());
    assertEquals(BigDecimal.ZERO, p.value());
    assertEquals("path has an empty step: 'seo > > email'",
        message(IllegalArgumentException.class, () -> JourneyPath.parseChannels("seo > > email")));
    assertEquals("path must not be empty", message(IllegalArgumentException.class, () -> JourneyPath.parseChannels(" ")));
    assertEquals("a path needs at least one channel",
        message(IllegalArgumentException.class, () -> new JourneyPath(List.of(), 0, null, 0)));
    assertEquals("path counts must not be negative, got conversions=-1 nulls=0",
        message(IllegalArgumentException.class, () -> new JourneyPath(List.of("seo"), -1, null, 0)));
  }

  @Test
  void journeys() {
    Touch a = Touch.of("l", T, "seo");
    Touch b = Touch.of("l", T.plusSeconds(60), "email");
    Journey j = new Journey("l", List.of(a, b), T.plusSeconds(120), new BigDecimal("99"));
    assertTrue(j.converted());
    assertEquals(List.of("seo", "email"), j.channels());
    Journey none = new Journey("l", List.of(a), null, null);
    assertFalse(none.converted());
    assertEquals(BigDecimal.ZERO, none.value());
    assertEquals("journey touches must be in time order: l",
        message(IllegalArgumentException.class, () -> new Journey("l", List.of(b, a), null, null)));
    assertEquals("a journey that did not convert has no value: l",
        message(IllegalArgumentException.class, () -> new Journey("l", List.of(a), null, BigDecimal.ONE)));
  }
}
