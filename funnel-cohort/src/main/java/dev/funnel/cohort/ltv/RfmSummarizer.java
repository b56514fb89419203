package dev.funnel.cohort.ltv;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds the RFM summary of Fader, Hardie and Lee (2005) from purchases.
 *
 * <p>Conventions:
 * <ul>
 *   <li>Only purchases on or before {@code until} count (the observation period ends at the end of
 *       that day); customers whose first purchase is after it are not in the summary.
 *   <li>Purchases of a customer on the same calendar day merge into one purchase occasion whose
 *       spend is their sum. A day is a purchase day when it has at least one non-negative row;
 *       negative rows (refunds) never make a purchase day: they are netted into the spend of the
 *       same day when it is a purchase day and otherwise left out of the summary, which models
 *       purchase occasions, not returns.
 *   <li>{@code x} is the number of purchase days after the first one (repeat purchases),
 *       {@code t_x} the whole days from the first purchase day to the last one, {@code T} the whole
 *       days from the first purchase day to {@code until}, both divided by the unit's length in
 *       days; {@code t_x = 0} when {@code x = 0}.
 *   <li>The mean repeat spend is the mean spend of the repeat purchase days (the first day is
 *       excluded, as in the Gamma-Gamma model), 0 when {@code x = 0}.
 * </ul>
 * The result lists customers in id order whatever the order of the input.
 */
final class RfmSummarizer {

  private RfmSummarizer() {}

  static RfmSummary summarize(Collection<Purchase> purchases, LocalDate until, RfmUnit unit) {
    if (purchases == null) {
      throw new IllegalArgumentException("purchases must not be null");
    }
    if (until == null) {
      throw new IllegalArgumentException("the end of the observation period (until) is required");
    }
    if (unit == null) {
      throw new IllegalArgumentException("the time unit is required");
    }
    // customer -> day -> {spend, purchase-day flag}
    Map<String, TreeMap<LocalDate, Day>> byCustomer = new TreeMap<>();
    for (Purchase p : purchases) {
      if (p == null) {
        throw new IllegalArgumentException("purchases must not contain null");
      }
      if (p.day().isAfter(until)) {
        continue;
      }
      Day d = byCustomer.computeIfAbsent(p.customerId(), k -> new TreeMap<>())
          .computeIfAbsent(p.day(), k -> new Day());
      d.spend = d.spend.add(p.amount());
      if (p.amount().signum() >= 0) {
        d.purchase = true;
      }
    }
    List<RfmCustomer> out = new ArrayList<>(byCustomer.size());
    for (Map.Entry<String, TreeMap<LocalDate, Day>> e : byCustomer.entrySet()) {
      LocalDate first = null;
      LocalDate last = null;
      int x = -1;
      BigDecimal repeatSpend = BigDecimal.ZERO;
      for (Map.Entry<LocalDate, Day> day : e.getValue().entrySet()) {
        if (!day.getValue().purchase) {
          continue;
        }
        if (first == null) {
          first = day.getKey();
        } else {
          repeatSpend = repeatSpend.add(day.getValue().spend);
        }
        last = day.getKey();
        x++;
      }
      if (first == null) {
        continue; // only refunds
      }
      double tx = unit.of(ChronoUnit.DAYS.between(first, last));
      double t = unit.of(ChronoUnit.DAYS.between(first, until));
      double mean =
          x == 0
              ? 0.0
              : repeatSpend.divide(BigDecimal.valueOf(x), MathContext.DECIMAL64).doubleValue();
      out.add(new RfmCustomer(e.getKey(), x, tx, t, mean));
    }
    return new RfmSummary(unit, out);
  }

  private static final class Day {
    BigDecimal spend = BigDecimal.ZERO;
    boolean purchase;
  }
}
