package dev.funnel.core.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The textbook four-factor chain substitution of economic analysis courses: output = workers x
 * days per worker x hours per day x output per hour; workers 4064 -> 4115, days 236 -> 230, hours
 * 8 -> 7.98, output per hour 18.03 -> 18.95; effects published in thousands: +1736.07264,
 * -3561.28536, -341.290, +6948.45.
 */
class ChainSubstitutionTextbookTest {

  private static final FactorTable OUTPUT = FactorTable.of(
      new FactorRow("", "workers", 4064, 4115),
      new FactorRow("", "days", 236, 230),
      new FactorRow("", "hours", 8, 7.98),
      new FactorRow("", "output per hour", 18.03, 18.95));

  @Test
  void chainInTextbookOrderMatchesDefinitionAndPublishedValues() {
    BridgeResult r = Bridge.builder().method(Method.CHAIN)
        .order("workers", "days", "hours", "output per hour").build().decompose(OUTPUT);
    assertTrue(r.orderDependent());
    assertEquals(List.of("workers", "days", "hours", "output per hour"), r.order());

    // By hand, from the definition: switch one factor at a time, in order.
    double workers = (4115 - 4064) * 236 * 8 * 18.03;
    double days = 4115 * (230 - 236) * 8 * 18.03;
    double hours = 4115 * 230 * (7.98 - 8) * 18.03;
    double perHour = 4115 * 230 * 7.98 * (18.95 - 18.03);
    assertEquals(workers, r.effect("workers"), 1e-6);
    assertEquals(days, r.effect("days"), 1e-6);
    assertEquals(hours, r.effect("hours"), 1e-6);
    assertEquals(perHour, r.effect("output per hour"), 1e-6);

    // The published values, in thousands, to their printed precision.
    assertEquals(1736.07264, r.effect("workers") / 1000, 1e-8);
    assertEquals(-341.290, r.effect("hours") / 1000, 5e-4);
    assertEquals(6948.45, r.effect("output per hour") / 1000, 1e-2);
    // The definition gives -3561.2856 (4115 x -6 x 8 x 18.03 = -3561285.6); the printed
    // -3561.28536 differs in the fifth decimal, a misprint in the source (see notes/bridge.md).
    assertEquals(-3561.2856, r.effect("days") / 1000, 1e-9);
    assertEquals(-3561.28536, r.effect("days") / 1000, 5e-4);

    double v0 = 4064 * 236 * 8 * 18.03;
    double v1 = 4115 * 230 * 7.98 * 18.95;
    assertEquals(v1 - v0, workers + days + hours + perHour, 1e-6);
    assertEquals(v1 - v0, r.change(), 1e-6);
  }

  @Test
  void defaultChainOrderIsTheTableOrder() {
    BridgeResult a = Bridge.builder().method(Method.CHAIN).build().decompose(OUTPUT);
    assertEquals(OUTPUT.factors(), a.order());
    assertEquals(1736.07264, a.effect("workers") / 1000, 1e-8);
  }

  @Test
  void anotherOrderGivesOtherEffectsWithTheSameTotal() {
    BridgeResult a = Bridge.builder().method(Method.CHAIN).build().decompose(OUTPUT);
    BridgeResult b = Bridge.builder().method(Method.CHAIN)
        .order("output per hour", "hours", "days", "workers").build().decompose(OUTPUT);
    assertTrue(Math.abs(a.effect("workers") - b.effect("workers")) > 1);
    assertEquals(a.change(), b.effects().stream().mapToDouble(FactorEffect::effect).sum(), 1e-6);
    // workers switched last: valued at current days, hours and output per hour
    assertEquals((4115 - 4064) * 230 * 7.98 * 18.95, b.effect("workers"), 1e-6);
  }
}
