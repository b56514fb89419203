package dev.funnel.core.plan;

import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Granularity;
import dev.funnel.core.Period;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Plan vs actual for a period (docs/spec/metrics.md, "Plan vs actual"): per planned metric the plan,
 * the actual so far, the deviation, a run-rate forecast to the end of the period, quarter-to-date
 * plan and actual, and an alert level.
 *
 * <p>Conventions:
 * <ul>
 *   <li>Periods are calendar periods in the dataset zone, half-open. The actual window is the
 *       period up to and including the as-of instant, {@code [period start, min(asOf + 1 ns,
 *       period end))}, so as of the last instant of the period (the end of its last day) the period
 *       is closed; without an as-of instant the period is taken as closed.
 *   <li>Plans: exact targets, sums of smaller periods and calendar-day pro-rating of larger ones
 *       for additive metrics, containing or derived targets for ratios ({@link PlanTable} rules,
 *       stated in the package description). Channel targets are compared with the channel's own
 *       leads, spend and revenue (a customer's channel is that of its first lead).
 *   <li>Actuals: {@link PlanMetric}.
 *   <li>Run-rate: for counts and money, actual / elapsed share of the period, the share measured
 *       in calendar days (whole days plus the elapsed part of the current local day, so a 23-hour
 *       day still counts as one day) or, with {@link PlanOptions#businessDays}, in business time
 *       on that calendar; for ratios the ratio so far (both parts project by the same factor).
 *       NaN when nothing of the period has elapsed.
 *   <li>Status: the run-rate against the plan through the metric's {@link Tolerance} and
 *       {@link Direction} (for a closed period the run-rate is the actual).
 *   <li>Quarter to date: the quarter containing the last day of the actual window (the period's
 *       first quarter when nothing has elapsed); the plan covers the quarter's days up to the end of
 *       the period, the actual the quarter's start up to the as-of instant.
 *   <li>Metric names the library does not compute are reported with status {@code unknown}, with
 *       their plan but no actual; they are never dropped.
 * </ul>
 */
public final class PlanFact {

  private PlanFact() {}

  /** Plan vs actual for a closed period with the default bands. */
  public static PlanReport compute(Dataset d, Period period) {
    return compute(d, period, PlanOptions.defaults());
  }

  /**
   * Plan vs actual for the period.
   *
   * @throws IllegalStateException    when the dataset has no plan table
   * @throws IllegalArgumentException on two targets for the same metric, channel and period
   */
  public static PlanReport compute(Dataset d, Period period, PlanOptions options) {
    if (period == null) {
      throw new IllegalArgumentException("plan vs actual needs a period");
    }
    PlanOptions o = options == null ? PlanOptions.defaults() : options;
    d.require(DatasetTable.PLAN, "plan vs actual");
    ZoneId zone = d.zone();
    Instant ps = period.startInstant(zone);
    Instant pe = period.endInstant(zone);
    Instant asOf = o.asOf() == null ? pe : o.asOf();
    // the window ends after the as-of instant: an event at the as-of instant is in it
    Instant through = o.asOf() == null ? pe : asOf.plusNanos(1);
    Instant r = through.isBefore(ps) ? ps : through.isAfter(pe) ? pe : through;
    double elapsed = o.calendar() == null
        ? calendarShare(period, r, zone)
        : businessShare(o, ps, pe, r);
    Period quarter = r.isAfter(ps)
        ? Period.containing(r.minusNanos(1), Granularity.QUARTER, zone)
        : period.within(Granularity.QUARTER);
    LocalDate qtdEndDay = period.endExclusive().isBefore(quarter.endExclusive())
        ? period.endExclusive() : quarter.endExclusive();
    Instant qs = quarter.startInstant(zone);
    Instant qe = quarter.endInstant(zone);
    Instant qtdTo = r.isBefore(qe) ? r : qe;
    if (qtdTo.isBefore(qs)) {
      qtdTo = qs;
    }

    PlanTable plan = new PlanTable(d.plan());
    List<PlanTable.Key> keys = plan.keysOverlapping(period.start(), period.endExclusive());
    java.util.Set<String> channels = new java.util.HashSet<>();
    keys.forEach(k -> {
      if (k.channel() != null) {
        channels.add(k.channel());
      }
    });
    // every window asked below is [ps, r) or [qs, qtdTo), each counted in one pass for all the
    // plan's channels
    Actuals actuals = new Actuals(d, ps.isBefore(qs) ? ps : qs, r.isAfter(qtdTo) ? r : qtdTo,
        channels);
    List<PlanRow> rows = new ArrayList<>();
    for (PlanTable.Key k : keys) {
      Optional<PlanMetric> known = PlanMetric.find(k.metric());
      if (known.isEmpty()) {
        PlanTable.Resolved p = plan.ratio(k, period.start(), period.endExclusive());
        PlanTable.Resolved qp = plan.ratio(k, quarter.start(), qtdEndDay);
        rows.add(new PlanRow(k.metric(), k.channel(), null, p.value(), Double.NaN, Double.NaN,
            Double.NaN, Double.NaN, qp.value(), Double.NaN, PlanStatus.UNKNOWN,
            "unknown metric; plan vs actual computes " + PlanOptions.known()));
        continue;
      }
      PlanMetric m = known.get();
      PlanTable.Resolved p = m.additive()
          ? plan.additive(k, period.start(), period.endExclusive())
          : plan.ratio(k, period.start(), period.endExclusive());
      PlanTable.Resolved qp = m.additive()
          ? plan.additive(k, quarter.start(), qtdEndDay)
          : plan.ratio(k, quarter.start(), qtdEndDay);
      String missing = actuals.missing(m);
      double actual = Double.NaN;
      double qtdActual = Double.NaN;
      if (missing == null) {
        Base b = actuals.base(ps, r, k.channel());
        actual = b.value(m);
        qtdActual = actuals.base(qs, qtdTo, k.channel()).value(m);
        missing = b.spendUnknown(m, k.channel()); // undefined, never 0: say why
      }
      double runRate = !(elapsed > 0) ? Double.NaN : m.additive() ? actual / elapsed : actual;
      double deviation = actual - p.value();
      double relative = p.value() == 0 ? Double.NaN : deviation / Math.abs(p.value());
      Direction dir = o.directionOf(m);
      PlanStatus status = o.toleranceOf(m.label()).status(p.value(), runRate, dir);
      String note = p.note() == null ? missing : missing == null ? p.note() : p.note() + "; " + missing;
      rows.add(new PlanRow(m.label(), k.channel(), dir, p.value(), actual, deviation, relative,
          runRate, qp.value(), qtdActual, status, note));
    }
    rows.sort(ROW_ORDER);
    return new PlanReport(period, asOf, elapsed, quarter, rows);
  }

  private static final Comparator<PlanRow> ROW_ORDER =
      Comparator.<PlanRow>comparingInt(r -> PlanMetric.find(r.metric()).map(Enum::ordinal).orElse(Integer.MAX_VALUE))
          .thenComparing(PlanRow::metric)
          .thenComparing(PlanRow::channel, Comparator.nullsFirst(Comparator.naturalOrder()));

  /** Elapsed whole local days plus the elapsed part of the current day, over the period's days. */
  static double calendarShare(Period p, Instant r, ZoneId zone) {
    LocalDate day = LocalDate.ofInstant(r, zone);
    if (!day.isBefore(p.endExclusive())) {
      return 1.0;
    }
    Instant dayStart = day.atStartOfDay(zone).toInstant();
    Instant dayEnd = day.plusDays(1).atStartOfDay(zone).toInstant();
    double part = (double) Duration.between(dayStart, r).toNanos() / Duration.between(dayStart, dayEnd).toNanos();
    long whole = day.toEpochDay() - p.start().toEpochDay();
    return (whole + part) / p.lengthInDays();
  }

  private static double businessShare(PlanOptions o, Instant ps, Instant pe, Instant r) {
    double total = seconds(o.calendar().between(ps, pe));
    return total == 0 ? Double.NaN : seconds(o.calendar().between(ps, r)) / total;
  }

  private static double seconds(Duration d) {
    return d.getSeconds() + d.getNano() / 1e9;
  }
}
