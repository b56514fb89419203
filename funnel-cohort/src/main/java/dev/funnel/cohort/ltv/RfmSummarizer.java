package dev.funnel.cohort.ltv;

import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.columnar.Columns;
import dev.funnel.core.columnar.LocalDays;
import dev.funnel.core.columnar.MoneyColumn;
import dev.funnel.core.columnar.PaymentColumns;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
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

  /**
   * The summary of a dataset's payments, each a purchase of its customer on its calendar day in
   * the dataset zone: the same summary as {@link #summarize(Collection, LocalDate, RfmUnit)} of
   * those purchases, computed over the payment columns. Payments are sorted by customer code (id
   * order, the order of the summary) then time, so a customer's days are consecutive runs of its
   * rows; a row's day is found among the day starts of the data's time range (epoch
   * milliseconds: a local date never changes within a millisecond). Day spends are exact long sums
   * of the unscaled amounts, or {@link BigDecimal} sums when the column is not scaled or a sum
   * leaves the long range; the mean repeat spend is the same {@code DECIMAL64} quotient.
   */
  static RfmSummary summarize(Dataset data, LocalDate until, RfmUnit unit) {
    if (data == null) {
      throw new IllegalArgumentException("dataset must not be null");
    }
    if (until == null) {
      throw new IllegalArgumentException("the end of the observation period (until) is required");
    }
    if (unit == null) {
      throw new IllegalArgumentException("the time unit is required");
    }
    data.require(DatasetTable.PAYMENTS, "the RFM summary");
    Columns c = Columns.of(data);
    PaymentColumns p = c.payments();
    int n = p.size();
    List<RfmCustomer> out = new ArrayList<>();
    if (n == 0) {
      return new RfmSummary(unit, out);
    }
    ZoneId zone = c.zone();
    long minAt = Long.MAX_VALUE;
    long maxAt = Long.MIN_VALUE;
    for (int i = 0; i < n; i++) {
      minAt = Math.min(minAt, p.at(i));
      maxAt = Math.max(maxAt, p.at(i));
    }
    long firstDay = day(zone, minAt);
    long lastDay = day(zone, maxAt);
    int span = Math.toIntExact(lastDay - firstDay + 1);
    long[] starts = new long[span + 1]; // starts[i]: first millisecond of day firstDay + i
    for (int i = 0; i <= span; i++) {
      starts[i] = LocalDate.ofEpochDay(firstDay + i).atStartOfDay(zone).toInstant().toEpochMilli();
    }
    long end = until.toEpochDay();
    MoneyColumn amount = p.amount();
    int customers = c.customers().size();
    // per purchase day of the customer being summarised: the day, its spend
    long[] days = new long[16];
    BigDecimal[] spend = new BigDecimal[16];
    for (int cust = 0; cust < customers; cust++) {
      int from = p.from(cust);
      int to = p.to(cust);
      if (from == to) {
        continue;
      }
      int idx = LocalDays.index(starts, p.at(from));
      int purchaseDays = 0;
      int r = from;
      while (r < to) {
        while (p.at(r) >= starts[idx + 1]) {
          idx++;
        }
        long day = firstDay + idx;
        if (day > end) {
          break; // rows are in time order: every later row is after until too
        }
        int dayEnd = r;
        boolean purchase = false;
        while (dayEnd < to && p.at(dayEnd) < starts[idx + 1]) {
          purchase |= amount.signum(dayEnd) >= 0;
          dayEnd++;
        }
        if (purchase) {
          if (purchaseDays == days.length) {
            days = Arrays.copyOf(days, purchaseDays * 2);
            spend = Arrays.copyOf(spend, purchaseDays * 2);
          }
          days[purchaseDays] = day;
          spend[purchaseDays] = purchaseDays == 0 ? null : amount.sum(r, dayEnd);
          purchaseDays++;
        }
        r = dayEnd;
      }
      if (purchaseDays == 0) {
        continue; // only refunds (or nothing on or before until)
      }
      int x = purchaseDays - 1;
      BigDecimal repeatSpend = BigDecimal.ZERO;
      for (int k = 1; k < purchaseDays; k++) {
        repeatSpend = repeatSpend.add(spend[k]);
      }
      double tx = unit.of(days[purchaseDays - 1] - days[0]);
      double t = unit.of(end - days[0]);
      double mean = x == 0
          ? 0.0
          : repeatSpend.divide(BigDecimal.valueOf(x), MathContext.DECIMAL64).doubleValue();
      out.add(new RfmCustomer(c.customers().value(cust), x, tx, t, mean));
    }
    return new RfmSummary(unit, out);
  }

  private static long day(ZoneId zone, long millis) {
    return LocalDays.of(millis, zone).toEpochDay();
  }

  private static final class Day {
    BigDecimal spend = BigDecimal.ZERO;
    boolean purchase;
  }
}
