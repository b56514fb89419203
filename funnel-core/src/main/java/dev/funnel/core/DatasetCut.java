package dev.funnel.core;

import dev.funnel.core.columnar.LeadColumns;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A dataset as it stood at an instant (nothing after the as-of instant influences a
 * number). Every row carries its own time: lead creation, stage change, activity, touch and
 * payment times, a spend row's local day in the dataset zone; a row stamped after the as-of
 * instant was not there yet. A row at the as-of instant itself was. Plan targets and
 * pre-aggregated paths carry no time and are kept.
 *
 * <p>These cuts copy rows into a new dataset; the calculators that take an as-of instant
 * themselves ({@code Sales}, {@code Sla}, {@code PlanFact}, the cohort tables, the attribution
 * journeys) need no copy. The cuts serve the questions whose calculators have none (the
 * cohort-basis funnel and conversion matrix of the leads created in a period, as of its end) and
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
    Dataset.Builder b = frame(d);
    d.tables().forEach(b::table);
    LocalDate day = LocalDate.ofInstant(asOf, d.zone());
    d.leads().stream().filter(l -> !l.createdAt().isAfter(asOf)).forEach(b::lead);
    d.stages().stream().filter(s -> !s.at().isAfter(asOf)).forEach(b::stageChange);
    d.activities().stream().filter(a -> !a.at().isAfter(asOf)).forEach(b::activity);
    d.touches().stream().filter(t -> !t.at().isAfter(asOf)).forEach(b::touch);
    d.payments().stream().filter(p -> !p.paidAt().isAfter(asOf)).forEach(b::payment);
    d.spend().stream().filter(s -> !s.date().isAfter(day)).forEach(b::spend);
    d.plan().forEach(b::planTarget);
    if (d.has(DatasetTable.PATHS)) {
      d.paths().forEach(b::path);
    }
    return b.build();
  }

  /**
   * A cohort of leads as it stood at {@code asOf}: the leads created in {@code [from, to)} (null
   * sides open) and at or before {@code asOf} (null: no cut), with their own stage changes,
   * activities and touches stamped at or before {@code asOf}. The result has the leads, stages,
   * activities and touches tables the dataset has, and no other: it answers cohort-basis
   * questions, e.g. {@code StageFunnel.compute(cut, FunnelQuery.cohort())} counts the stages the
   * cohort had reached by {@code asOf}. Visits only the leads created in the window.
   */
  public static Dataset cohort(Dataset d, Instant from, Instant to, Instant asOf) {
    Dataset.Builder b = frame(d);
    for (DatasetTable t : new DatasetTable[] {DatasetTable.LEADS, DatasetTable.STAGES,
        DatasetTable.ACTIVITIES, DatasetTable.TOUCHES}) {
      if (d.has(t)) {
        b.table(t);
      }
    }
    LeadColumns lc = d.columns().leads();
    for (int i = 0; i < lc.size(); i++) {
      if (!lc.hasRow(i)) {
        continue;
      }
      Instant created = lc.created(i);
      if ((from != null && created.isBefore(from)) || (to != null && !created.isBefore(to))
          || (asOf != null && created.isAfter(asOf))) {
        continue;
      }
      String id = lc.id(i);
      b.lead(d.lead(id));
      for (StageChange s : d.stagesOf(id)) {
        if (asOf == null || !s.at().isAfter(asOf)) {
          b.stageChange(s);
        }
      }
      for (Activity a : d.activitiesOf(id)) {
        if (asOf == null || !a.at().isAfter(asOf)) {
          b.activity(a);
        }
      }
      for (Touch t : d.touchesOf(id)) {
        if (asOf == null || !t.at().isAfter(asOf)) {
          b.touch(t);
        }
      }
    }
    return b.build();
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
