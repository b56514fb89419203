package dev.funnel.cohort;

import dev.funnel.core.Money;
import dev.funnel.core.Payment;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

final class CohortFixtures {

  private CohortFixtures() {}

  static Payment pay(String customer, String instant, String amount) {
    return new Payment(null, customer, null, Instant.parse(instant), Money.of(amount), null);
  }

  /** Random payments of a few customers over about two years, some refunds, amounts in cents. */
  static List<Payment> random(long seed, int n) {
    Random rnd = new Random(seed);
    List<Payment> out = new ArrayList<>(n);
    Instant start = Instant.parse("2024-11-20T00:00:00Z");
    for (int i = 0; i < n; i++) {
      String customer = "c" + rnd.nextInt(Math.max(1, n / 4));
      Instant at = start.plusSeconds((long) (rnd.nextDouble() * 700 * 86400));
      long cents = rnd.nextInt(10) == 0 ? -rnd.nextInt(5000) : rnd.nextInt(20000);
      out.add(
          new Payment(
              "p" + i, customer, null, at, Money.of(BigDecimal.valueOf(cents, 2), "XXX"), null));
    }
    return out;
  }
}
