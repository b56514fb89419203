package dev.funnel.cli;

import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Granularity;
import dev.funnel.core.Period;
import dev.funnel.core.columnar.SpendColumns;
import dev.funnel.core.funnel.FunnelQuery;
import dev.funnel.core.funnel.FunnelReport;
import dev.funnel.core.funnel.StageFunnel;
import dev.funnel.core.quality.QualityReport;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * What one run of {@code funnel report} is about, and what its sections share: the reported
 * period and its comparison period, and a memo of results computed once per report (the event
 * funnel of each period, the quality check, each section's result), so that the text and JSON of
 * a section, and sections drawing on the same result, do not compute it twice.
 *
 * <p>The default period is the last complete calendar month of the data as of the report instant:
 * the month of the latest timed row (or of the report instant, when earlier) when that day is the
 * month's last day, else the month before (in the dataset time zone). The default comparison is the period before, of the same granularity.
 */
final class ReportScope {

  /** Share of revenue without a known source above which the text report opens with a banner. */
  static final double DEFAULT_BANNER_SHARE = 0.20;

  private final Dataset dataset;
  private final Instant asOf;
  private final Period period;
  private final Period compare;
  private final double bannerShare;
  private final ConcurrentHashMap<String, FutureTask<Object>> memo = new ConcurrentHashMap<>();

  private ReportScope(Dataset dataset, Instant asOf, Period period, Period compare, double bannerShare) {
    this.dataset = dataset;
    this.asOf = asOf;
    this.period = period;
    this.compare = compare;
    this.bannerShare = bannerShare;
  }

  /**
   * The scope of a report.
   *
   * @param period  the period reported, or null for the last complete month of the data
   * @param compare the comparison period, or null for the period before {@code period}
   * @param bannerShare the revenue share without source above which the banner shows, in [0, 1]
   * @throws IllegalArgumentException for a banner share outside [0, 1]
   */
  static ReportScope of(Dataset d, Instant asOf, Period period, Period compare, double bannerShare) {
    if (!(bannerShare >= 0 && bannerShare <= 1)) {
      throw new IllegalArgumentException("the banner share must be in [0, 1], got " + bannerShare);
    }
    Period p = period != null ? period : lastCompleteMonth(d, asOf);
    Period c = compare != null ? compare : p.previous();
    return new ReportScope(d, asOf, p, c, bannerShare);
  }

  Period period() {
    return period;
  }

  Period compare() {
    return compare;
  }

  double bannerShare() {
    return bannerShare;
  }

  /**
   * The latest timed row of the dataset: lead creation, stage change, activity, touch, payment, or
   * the end of the last spend day; null when there is none.
   */
  static Instant endOfData(Dataset d) {
    Instant latest = TimedRows.latest(d, EnumSet.of(DatasetTable.LEADS, DatasetTable.STAGES,
        DatasetTable.ACTIVITIES, DatasetTable.TOUCHES, DatasetTable.PAYMENTS));
    SpendColumns s = d.columns().spend();
    if (s.size() > 0) {
      int lastDay = Integer.MIN_VALUE;
      for (int r = 0; r < s.size(); r++) {
        lastDay = Math.max(lastDay, s.day(r));
      }
      latest = TimedRows.later(latest, LocalDate.ofEpochDay(lastDay).plusDays(1)
          .atStartOfDay(d.zone()).toInstant().minusNanos(1));
    }
    return latest;
  }

  /**
   * The last complete month of the data as of an instant: the month of the earlier of the latest
   * timed row and {@code asOf} when that day is the month's last day, else the month before.
   */
  static Period lastCompleteMonth(Dataset d, Instant asOf) {
    Instant end = endOfData(d);
    if (end == null || asOf.isBefore(end)) {
      end = asOf;
    }
    LocalDate day = LocalDate.ofInstant(end, d.zone());
    Period month = Period.of(Granularity.MONTH, day);
    return day.equals(month.endInclusive()) ? month : month.previous();
  }


  /**
   * A result computed once per report under {@code key}; later calls, from any thread, return the
   * same object (a call while another thread computes it waits for that result). A failure is
   * memoized too: every call for the key rethrows it. Not reentrant for the same key.
   */
  @SuppressWarnings("unchecked")
  <T> T shared(String key, Supplier<T> compute) {
    FutureTask<Object> task = new FutureTask<>(compute::get);
    FutureTask<Object> prior = memo.putIfAbsent(key, task);
    if (prior == null) {
      task.run();
      prior = task;
    }
    try {
      return (T) prior.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + key, e);
    }
  }

  /** The first table of {@code tables} the dataset lacks, by file name; null when it has them all. */
  String missing(DatasetTable... tables) {
    for (DatasetTable t : tables) {
      if (!dataset.has(t)) {
        return t.fileName();
      }
    }
    return null;
  }

  /** The event-basis funnel of a period ({@link StageFunnel}), computed once per report. */
  FunnelReport eventFunnel(Period p) {
    return shared("event funnel " + p.label(), () -> StageFunnel.compute(dataset,
        FunnelQuery.event().between(p.startInstant(dataset.zone()), p.endInstant(dataset.zone()))));
  }

  /** The first and last event day of the dataset ({@link SummarySection#span}), found once per report. */
  SummarySection.Span span() {
    return shared("span", () -> SummarySection.span(dataset));
  }

  /** The data-quality check of the report, computed once. */
  QualityReport quality(ReportInput in) {
    return shared("quality", () -> QualitySection.check(in));
  }

  /** The period's start as an instant in the dataset zone. */
  Instant from(Period p) {
    return p.startInstant(dataset.zone());
  }

  /** The period's end (exclusive) as an instant in the dataset zone. */
  Instant to(Period p) {
    return p.endInstant(dataset.zone());
  }

  Instant asOf() {
    return asOf;
  }

  /**
   * The as-of instant for people: {@code end of 2026-10-31} when it is the last instant of a local
   * day in the dataset zone (the default, and what {@code --as-of DATE} gives), else the instant to
   * the second in the zone ({@link dev.funnel.core.display.InstantLabel}).
   */
  String asOfLabel() {
    return dev.funnel.core.display.InstantLabel.of(asOf, dataset.zone());
  }
}
