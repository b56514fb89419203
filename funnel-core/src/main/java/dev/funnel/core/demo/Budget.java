package dev.funnel.core.demo;

import dev.funnel.core.Money;
import dev.funnel.core.Spend;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

/**
 * The demo company's marketing spend: a daily budget per paid campaign, and scheduled costs for
 * webinars and events.
 *
 * <p>Daily campaigns spend {@code budget * scale * trend * weekday * noise} where the trend grows
 * by {@link Window#GROWTH} over the window like the lead volume, weekends spend 60 % and noise is
 * uniform in [0.85, 1.15]. Scheduled campaigns spend on their day only: the monthly webinar on the
 * second Tuesday, meetups on the first Thursday, a trade show on the 15th of every fourth month.
 * Organic channels (seo, direct, referral) and outbound calls have no marketing spend. {@code scale}
 * is the lead volume per month relative to the default 10,000 leads in 13 months, so cost per lead
 * stays realistic at any size.
 */
final class Budget {

  static final long SPEND_SALT = 3;

  /** A campaign's budget: daily, or one amount on a scheduled day. */
  record Line(String channel, String campaign, double amount, String schedule) {}

  static final List<Line> LINES = List.of(
      new Line("paid_search", "brand", 70, "daily"),
      new Line("paid_search", "generic", 320, "daily"),
      new Line("paid_search", "competitor", 110, "daily"),
      new Line("social", "linkedin_ads", 180, "daily"),
      new Line("social", "facebook_ads", 85, "daily"),
      new Line("email", "newsletter", 12, "daily"),
      new Line("webinar", "monthly_webinar", 1_400, "second_tuesday"),
      new Line("event", "meetup", 700, "first_thursday"),
      new Line("event", "trade_show", 18_000, "fourth_month_15th"));

  /** The channel with spend and, on purpose, no leads (a data-quality defect). */
  static final Line ORPHAN = new Line("display", "retargeting", 55, "daily");

  private static final BigDecimal CENT = new BigDecimal("0.01");

  private final long seed;
  private final Window window;
  private final double scale;

  Budget(long seed, Window window, double scale) {
    this.seed = seed;
    this.window = window;
    this.scale = scale;
  }

  /** The expected (noise-free) spend of a line on a day; 0 when it does not spend that day. */
  double expected(Line line, LocalDate day) {
    double trend = 1 + Window.GROWTH * window.fraction(day);
    switch (line.schedule()) {
      case "daily":
        DayOfWeek w = day.getDayOfWeek();
        boolean weekend = w == DayOfWeek.SATURDAY || w == DayOfWeek.SUNDAY;
        return line.amount() * scale * trend * (weekend ? 0.6 : 1.0);
      case "second_tuesday":
        return day.equals(day.with(TemporalAdjusters.dayOfWeekInMonth(2, DayOfWeek.TUESDAY)))
            ? line.amount() * scale * trend : 0;
      case "first_thursday":
        return day.equals(day.with(TemporalAdjusters.firstInMonth(DayOfWeek.THURSDAY)))
            ? line.amount() * scale * trend : 0;
      case "fourth_month_15th":
        long month = window.startDate.withDayOfMonth(1).until(day.withDayOfMonth(1)).toTotalMonths();
        return day.getDayOfMonth() == 15 && month % 4 == 1 ? line.amount() * scale * trend : 0;
      default:
        throw new IllegalStateException("unknown schedule " + line.schedule());
    }
  }

  /** Writes every spend row of the window; with defects, also the orphan channel's last 30 days. */
  void emit(boolean defects, DemoSink sink, Tally tally) {
    long dayIndex = 0;
    LocalDate orphanFrom = window.endDate.minusDays(30);
    for (LocalDate day = window.startDate; day.isBefore(window.endDate); day = day.plusDays(1), dayIndex++) {
      for (int i = 0; i < LINES.size(); i++) {
        Line line = LINES.get(i);
        double e = expected(line, day);
        if (e > 0) {
          Draw d = Draw.stream(seed, SPEND_SALT, dayIndex * 64 + i);
          double noise = "daily".equals(line.schedule()) ? d.between(0.85, 1.15) : d.between(0.9, 1.1);
          sink.spend(spend(day, line, e * noise));
        }
      }
      if (defects && !day.isBefore(orphanFrom)) {
        Draw d = Draw.stream(seed, SPEND_SALT, dayIndex * 64 + 63);
        sink.spend(spend(day, ORPHAN, ORPHAN.amount() * scale * d.between(0.85, 1.15)));
        tally.spendRowsWithoutLeads++;
      }
    }
    if (tally.spendRowsWithoutLeads > 0) {
      tally.spendChannelsWithoutLeads = 1;
    }
  }

  private static Spend spend(LocalDate day, Line line, double amount) {
    return new Spend(day, line.channel(), line.campaign(), Money.of(Draw.money(amount, CENT), DemoData.CURRENCY));
  }
}
