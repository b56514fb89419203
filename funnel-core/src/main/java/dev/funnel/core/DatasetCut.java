package dev.funnel.core;

import dev.funnel.core.columnar.Columns;
import dev.funnel.core.columnar.ColumnsBuilder;
import dev.funnel.core.columnar.LeadColumns;
import dev.funnel.core.columnar.LeadRows;
import dev.funnel.core.columnar.PaymentColumns;
import dev.funnel.core.columnar.SpendColumns;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A dataset as it stood at an instant, or cut to a window of time (nothing outside influences a
 * number). Every row carries its own time: lead creation, stage change, activity, touch and
 * payment times, a spend row's local day in the dataset zone. Plan targets and pre-aggregated
 * paths carry no time: a cut at an instant keeps them all, a window keeps the targets whose period
 * overlaps it and every path.
 *
 * <p>A cut copies the kept rows column by column into a new dataset (no record per row, the text
 * coded again once per distinct value), so it costs a pass over the rows and memory for the rows
 * kept. The calculators that take an as-of instant themselves ({@code Sales}, {@code Sla},
 * {@code PlanFact}, the cohort tables, the attribution journeys) need no copy; the cuts serve the
 * questions whose calculators have none (the cohort-basis funnel and conversion matrix of the
 * leads created in a period, as of its end; a command's {@code --from}/{@code --to} window) and
 * are the reference the as-of routes are tested against.
 */
public final class DatasetCut {

  private DatasetCut() {}

  /**
   * The whole dataset as of {@code asOf}: leads created at or before it, the stage changes,
   * activities, touches and payments stamped at or before it, spend of the local days up to the
   * one containing it, every plan target and path. The tables the dataset has stay present.
   */
  public static Dataset asOf(Dataset d, Instant asOf) {
    if (asOf == null) {
      throw new IllegalArgumentException("a cut needs an as-of instant");
    }
    Bound until = Bound.of(asOf);
    long lastDay = LocalDate.ofInstant(asOf, d.zone()).toEpochDay();
    return cut(d, d.tables(), null, until, Long.MIN_VALUE, lastDay, p -> true);
  }

  /**
   * The dataset cut to the local days {@code [from, to)} of its time zone (null sides open): leads
   * created, stage changes, activities, touches and payments stamped, and spend of the days, in
   * the window; the plan targets whose period overlaps it; every path. The tables the dataset has
   * stay present (possibly empty); with both sides open, the dataset itself.
   */
  public static Dataset window(Dataset d, LocalDate from, LocalDate to) {
    if (from == null && to == null) {
      return d;
    }
    Bound start = from == null ? null : Bound.of(from.atStartOfDay(d.zone()).toInstant());
    Bound end = to == null ? null : Bound.of(to.atStartOfDay(d.zone()).toInstant());
    return cut(d, d.tables(), start, end == null ? null : end.justBefore(),
        from == null ? Long.MIN_VALUE : from.toEpochDay(),
        to == null ? Long.MAX_VALUE : to.toEpochDay() - 1,
        p -> (to == null || p.period().start().isBefore(to))
            && (from == null || p.period().endExclusive().isAfter(from)));
  }

  /**
   * A cohort of leads as it stood at {@code asOf}: the leads created in {@code [from, to)} (null
   * sides open) and at or before {@code asOf} (null: no cut), with their own stage changes,
   * activities and touches stamped at or before {@code asOf}. The result has the leads, stages,
   * activities and touches tables the dataset has, and no other: it answers cohort-basis
   * questions, e.g. {@code StageFunnel.compute(cut, FunnelQuery.cohort())} counts the stages the
   * cohort had reached by {@code asOf}.
   */
  public static Dataset cohort(Dataset d, Instant from, Instant to, Instant asOf) {
    Set<DatasetTable> tables = EnumSet.noneOf(DatasetTable.class);
    for (DatasetTable t : new DatasetTable[] {DatasetTable.LEADS, DatasetTable.STAGES,
        DatasetTable.ACTIVITIES, DatasetTable.TOUCHES}) {
      if (d.has(t)) {
        tables.add(t);
      }
    }
    Columns c = Columns.of(d);
    LeadColumns lc = c.leads();
    Bound start = from == null ? null : Bound.of(from);
    Bound end = to == null ? null : Bound.of(to).justBefore();
    Bound until = asOf == null ? null : Bound.of(asOf);
    boolean[] member = new boolean[lc.size()];
    for (int i = 0; i < lc.size(); i++) {
      if (lc.hasRow(i)) {
        long ms = lc.createdAt(i);
        int sub = lc.createdSubMillis(i);
        member[i] = (start == null || !start.after(ms, sub)) && (end == null || !end.before(ms, sub))
            && (until == null || !until.before(ms, sub));
      }
    }
    Dataset.Builder b = frame(d);
    tables.forEach(b::table);
    ColumnsBuilder cols = ColumnsBuilder.of(b);
    cols.copy(c, DatasetTable.LEADS, l -> member[l]);
    copyRows(cols, c, tables, DatasetTable.STAGES, c.stages(), until, member);
    copyRows(cols, c, tables, DatasetTable.ACTIVITIES, c.activities(), until, member);
    copyRows(cols, c, tables, DatasetTable.TOUCHES, c.touches(), until, member);
    return b.build();
  }

  private static void copyRows(ColumnsBuilder cols, Columns c, Set<DatasetTable> tables,
      DatasetTable t, LeadRows rows, Bound until, boolean[] member) {
    if (tables.contains(t)) {
      cols.copy(c, t, r -> member[rows.lead(r)]
          && (until == null || !until.before(rows.at(r), rows.subMillis(r))));
    }
  }

  /**
   * The rows of {@code tables} stamped in {@code [start, end]} (null: open), spend of the epoch
   * days {@code [firstDay, lastDay]}, the plan targets {@code plan} keeps, every path.
   */
  private static Dataset cut(Dataset d, Set<DatasetTable> tables, Bound start, Bound end,
      long firstDay, long lastDay, Predicate<PlanTarget> plan) {
    Columns c = Columns.of(d);
    Dataset.Builder b = frame(d);
    tables.forEach(b::table);
    ColumnsBuilder cols = ColumnsBuilder.of(b);
    LeadColumns lc = c.leads();
    if (tables.contains(DatasetTable.LEADS)) {
      cols.copy(c, DatasetTable.LEADS,
          l -> in(lc.createdAt(l), lc.createdSubMillis(l), start, end));
    }
    for (LeadRows rows : new LeadRows[] {c.stages(), c.activities(), c.touches()}) {
      DatasetTable t = rows == c.stages() ? DatasetTable.STAGES
          : rows == c.activities() ? DatasetTable.ACTIVITIES : DatasetTable.TOUCHES;
      if (tables.contains(t)) {
        cols.copy(c, t, r -> in(rows.at(r), rows.subMillis(r), start, end));
      }
    }
    if (tables.contains(DatasetTable.PAYMENTS)) {
      PaymentColumns pc = c.payments();
      cols.copy(c, DatasetTable.PAYMENTS, r -> in(pc.at(r), pc.subMillis(r), start, end));
    }
    if (tables.contains(DatasetTable.SPEND)) {
      SpendColumns sp = c.spend();
      cols.copy(c, DatasetTable.SPEND, r -> sp.day(r) >= firstDay && sp.day(r) <= lastDay);
    }
    d.plan().stream().filter(plan).forEach(b::planTarget);
    if (d.has(DatasetTable.PATHS)) {
      d.paths().forEach(b::path);
    }
    return b.build();
  }

  private static boolean in(long ms, int sub, Bound start, Bound end) {
    return (start == null || !start.after(ms, sub)) && (end == null || !end.before(ms, sub));
  }

  /** An instant as epoch milliseconds (floor) and the nanoseconds below them, as rows keep times. */
  private record Bound(long ms, int sub) {
    static Bound of(Instant t) {
      long ms;
      try {
        ms = t.toEpochMilli(); // whole milliseconds toward the past
      } catch (ArithmeticException e) {
        ms = t.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
      }
      return new Bound(ms, t.getNano() % 1_000_000);
    }

    /** The latest time before this one (a half-open end as an inclusive one). */
    Bound justBefore() {
      return sub > 0 ? new Bound(ms, sub - 1) : new Bound(ms - 1, 999_999);
    }

    /** Whether this bound is after the time {@code (ms, sub)}. */
    boolean after(long rowMs, int rowSub) {
      return ms > rowMs || (ms == rowMs && sub > rowSub);
    }

    /** Whether this bound is before the time {@code (ms, sub)}. */
    boolean before(long rowMs, int rowSub) {
      return ms < rowMs || (ms == rowMs && sub < rowSub);
    }
  }

  /** A builder with the dataset's zone, catalog and currency. */
  private static Dataset.Builder frame(Dataset d) {
    Dataset.Builder b = Dataset.builder().zone(d.zone()).catalog(d.catalog());
    if (!Money.UNSPECIFIED.equals(d.currency())) {
      b.currency(d.currency());
    }
    return b;
  }
}
