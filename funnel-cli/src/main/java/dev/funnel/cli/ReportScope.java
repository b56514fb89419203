package dev.funnel.cli;

import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Granularity;
import dev.funnel.core.Period;
import dev.funnel.core.funnel.FunnelQuery;
import dev.funnel.core.funnel.FunnelReport;
import dev.funnel.core.funnel.StageFunnel;
import dev.funnel.core.quality.QualityReport;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * What one run of {@code funnel report} is about, and what its sections share: the reported
 * period and its comparison period, the as-of instant, and a memo of results computed once per
 * report (the event funnel of each period, the quality check, each section's result), so that the
 * text and JSON of a section, and sections drawing on the same result, do not compute it twice.
 *
 * <p>As of ({@link AsOf}): every section describes the business as it stood at one
 * instant, by default the end of the reported period (its last nanosecond in the dataset zone), or
 * the end of the data's last day when the data ends inside the period; {@code --as-of} overrides.
 * Nothing stamped after it counts: windows are the periods cut at the as-of instant, which they
 * include ({@link #to}).
 *
 * <p>The default period is the last complete period of the granularity (a month unless
 * {@code --granularity} says otherwise) with lead or hand-off activity: the data covers a period
 * when the leads table and the stage changes both run to its last local day (a table the dataset
 * lacks or that is empty does not count; with neither, every timed row counts), so an export whose
 * leads stop on 2026-03-01 while its stage changes run into May is reported for February; a
 * period without a lead creation or stage change is passed over for the last one with one; an
 * explicit as-of instant bounds it. The default comparison is the period before, of the same
 * granularity.
 */
final class ReportScope {

  /** Share of revenue without a known source above which the text report opens with a banner. */
  static final double DEFAULT_BANNER_SHARE = 0.20;

  private final Dataset dataset;
  private final Instant asOf;
  private final Instant futureAfter;
  private final Period period;
  private final Period compare;
  private final boolean defaulted;
  private final double bannerShare;
  private final DataExtent extent;
  private final ConcurrentHashMap<String, FutureTask<Object>> memo = new ConcurrentHashMap<>();

  private ReportScope(Dataset dataset, Instant asOf, Instant futureAfter, Period period,
      Period compare, boolean defaulted, double bannerShare, DataExtent extent) {
    this.dataset = dataset;
    this.asOf = asOf;
    this.futureAfter = futureAfter;
    this.period = period;
    this.compare = compare;
    this.defaulted = defaulted;
    this.bannerShare = bannerShare;
    this.extent = extent;
  }

  /**
   * The scope of a report as of an explicit instant (the data-quality check counts timestamps
   * after it as in the future, as {@code funnel quality --as-of} does).
   *
   * @param asOf    the as-of instant, or null for the end of the period (see the class comment)
   * @param period  the period reported, or null for the last complete month of the data
   * @param compare the comparison period, or null for the period before {@code period}
   * @param bannerShare the revenue share without source above which the banner shows, in [0, 1]
   * @throws IllegalArgumentException for a banner share outside [0, 1]
   */
  static ReportScope of(Dataset d, Instant asOf, Period period, Period compare, double bannerShare) {
    return of(d, asOf, period, compare, bannerShare, Granularity.MONTH, asOf);
  }

  /**
   * The scope of {@code funnel report}: {@link #of(Dataset, Instant, Period, Period, double)}
   * with the default period's granularity; the quality check takes as future only what is after
   * both the as-of instant and the end of the data (a report on a past period does not make the
   * later rows of the export errors).
   */
  static ReportScope forReport(Dataset d, Instant asOf, Period period, Period compare,
      double bannerShare, Granularity granularity) {
    return of(d, asOf, period, compare, bannerShare, granularity, null);
  }

  private static ReportScope of(Dataset d, Instant explicitAsOf, Period period, Period compare,
      double bannerShare, Granularity granularity, Instant futureAfter) {
    if (!(bannerShare >= 0 && bannerShare <= 1)) {
      throw new IllegalArgumentException("the banner share must be in [0, 1], got " + bannerShare);
    }
    DataExtent x = DataExtent.of(d);
    Period p = period != null ? period : defaultPeriod(d, x, explicitAsOf, granularity);
    Period c = compare != null ? compare : p.previous();
    Instant at = explicitAsOf != null ? explicitAsOf : AsOf.ofPeriod(d, p);
    Instant future = futureAfter != null ? futureAfter : TimedRows.later(at, TimedRows.endOfData(d));
    return new ReportScope(d, at, future, p, c, period == null, bannerShare, x);
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

  /** Whether the period was chosen by the default rule (no {@code --period}). */
  boolean defaulted() {
    return defaulted;
  }

  /** The data-quality check's "now": later timestamps are in the future. */
  Instant futureAfter() {
    return futureAfter;
  }

  /** Where the leads and the stage changes of the dataset begin and end. */
  DataExtent extent() {
    return extent;
  }

  /**
   * The default period (class comment): the last period of the granularity that the leads and
   * the stage changes both cover to its last day, no later than the last complete one at
   * {@code asOf} (null: no bound), and with a lead creation or stage change in it (else the period
   * of the latest one before it; when no complete period has one, the period containing the last
   * day the data covers, which is then partial).
   */
  static Period defaultPeriod(Dataset d, DataExtent x, Instant asOf, Granularity g) {
    ZoneId z = d.zone();
    LocalDate end = x.coverageEnd();
    if (end == null) {
      Instant e = TimedRows.endOfData(d);
      end = e != null ? LocalDate.ofInstant(e, z)
          : asOf != null ? LocalDate.ofInstant(asOf, z) : LocalDate.now(z);
    }
    Period p = Period.of(g, end);
    if (!end.equals(p.endInclusive())) {
      p = p.previous();
    }
    if (asOf != null) {
      Period bound = Period.lastComplete(asOf, g, z);
      p = bound.compareTo(p) < 0 ? bound : p;
    }
    // the latest lead creation or stage change before the end of p, and the latest of all
    long endMs = p.endInstant(z).toEpochMilli();
    long[] latest = {Long.MIN_VALUE};
    boolean[] any = {false};
    TimedRows.forEachMillis(d, EnumSet.of(DatasetTable.LEADS, DatasetTable.STAGES), ms -> {
      if (ms < endMs && ms > latest[0]) {
        latest[0] = ms;
      }
      any[0] = true;
    });
    if (latest[0] != Long.MIN_VALUE && latest[0] < p.startInstant(z).toEpochMilli()) {
      p = Period.containing(Instant.ofEpochMilli(latest[0]), g, z);
    } else if (latest[0] == Long.MIN_VALUE && any[0]) {
      // no complete period has activity: the period the data covers last, partial
      Period last = Period.of(g, end);
      p = asOf != null && Period.containing(asOf, g, z).compareTo(last) < 0
          ? Period.containing(asOf, g, z) : last;
    }
    return p;
  }

  /**
   * Why the period is partial, for people: the as-of instant falls before its end, or the leads
   * or the stage changes of the export begin after its first day or end before its last day up to
   * the as-of day (a table the dataset lacks or that is empty does not count); empty when the
   * data covers the whole period.
   */
  List<String> partial(Period p) {
    return extent.partial(p, asOf, dataset.zone());
  }

  /**
   * The notes under the report's heading: why the period is partial, and, when the default rule
   * chose the period and the data runs past it, where the data ends.
   */
  List<String> notes() {
    List<String> out = new ArrayList<>();
    List<String> why = partial(period);
    if (!why.isEmpty()) {
      out.add(period.label() + " is partial: " + String.join("; ", why));
    }
    Instant end = TimedRows.endOfData(dataset);
    if (defaulted && end != null && end.isAfter(AsOf.endOf(period, dataset.zone()))) {
      out.add("the data runs to " + LocalDate.ofInstant(end, dataset.zone()) + extent.ends()
          + ": " + period.label() + " is the last complete " + period.granularity().label()
          + " with lead or hand-off activity; rows after the as-of instant are not used");
    }
    return out;
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

  /**
   * The event-basis funnel of a period as of the report ({@link StageFunnel}, window
   * {@code [from(p), to(p))}), computed once per report.
   */
  FunnelReport eventFunnel(Period p) {
    return shared("event funnel " + p.label(), () -> StageFunnel.compute(dataset,
        FunnelQuery.event().between(from(p), to(p))));
  }

  /** The first and last event day of the dataset ({@link TimedRows#span}), found once per report. */
  TimedRows.Span span() {
    return shared("span", () -> TimedRows.span(dataset));
  }

  /** The data-quality check of the report, computed once. */
  QualityReport quality(List<dev.funnel.core.quality.TableRead> reads) {
    return shared("quality", () -> dev.funnel.core.quality.DataQuality.check(dataset, reads,
        futureAfter()));
  }

  /** The period's start as an instant in the dataset zone. */
  Instant from(Period p) {
    return p.startInstant(dataset.zone());
  }

  /**
   * The exclusive end of the period's window as of the report: the period's end, or just after
   * the as-of instant when that is earlier ({@link AsOf#cap}), so the window never reaches past
   * the as-of instant and includes it.
   */
  Instant to(Period p) {
    return AsOf.cap(p.endInstant(dataset.zone()), asOf);
  }

  /** The dataset time zone. */
  ZoneId zone() {
    return dataset.zone();
  }

  /** The report's as-of instant: nothing stamped after it counts. */
  Instant asOf() {
    return asOf;
  }

  /** The exclusive end of windows that end at the as-of instant: {@code asOf + 1 ns}. */
  Instant until() {
    return AsOf.until(asOf);
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
