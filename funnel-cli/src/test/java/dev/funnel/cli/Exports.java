package dev.funnel.cli;

import dev.funnel.core.Activity;
import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Lead;
import dev.funnel.core.Money;
import dev.funnel.core.Payment;
import dev.funnel.core.Spend;
import dev.funnel.core.StageChange;
import dev.funnel.core.Touch;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

/**
 * Datasets shaped like real CRM exports, cut from a demo dataset: the leads table exported
 * earlier than the event tables (leads stop while stage changes, activities, touches and
 * payments of those leads run on), an export taken at a given instant, a table missing.
 */
final class Exports {

  private Exports() {}

  /**
   * The dataset as exported: leads created at or before {@code leadsUntil}; the stage changes,
   * activities, touches and payments of those leads stamped at or before {@code eventsUntil}
   * (payments without a lead by their time alone); spend of the days up to {@code spendUntil}
   * inclusive (null: no spend table); plan targets kept; tables in {@code drop} left out.
   */
  static Dataset export(Dataset d, Instant leadsUntil, Instant eventsUntil, LocalDate spendUntil,
      Set<DatasetTable> drop) {
    Dataset.Builder b = Dataset.builder().zone(d.zone()).catalog(d.catalog());
    if (!Money.UNSPECIFIED.equals(d.currency())) {
      b.currency(d.currency());
    }
    Set<DatasetTable> tables = EnumSet.noneOf(DatasetTable.class);
    tables.addAll(d.tables());
    tables.removeAll(drop);
    if (spendUntil == null) {
      tables.remove(DatasetTable.SPEND);
    }
    tables.forEach(b::table);
    Set<String> kept = new HashSet<>();
    if (tables.contains(DatasetTable.LEADS)) {
      for (Lead l : d.leads()) {
        if (!l.createdAt().isAfter(leadsUntil)) {
          kept.add(l.id());
          b.lead(l);
        }
      }
    }
    if (tables.contains(DatasetTable.STAGES)) {
      for (StageChange s : d.stages()) {
        if (kept.contains(s.leadId()) && !s.at().isAfter(eventsUntil)) {
          b.stageChange(s);
        }
      }
    }
    if (tables.contains(DatasetTable.ACTIVITIES)) {
      for (Activity a : d.activities()) {
        if (kept.contains(a.leadId()) && !a.at().isAfter(eventsUntil)) {
          b.activity(a);
        }
      }
    }
    if (tables.contains(DatasetTable.TOUCHES)) {
      for (Touch t : d.touches()) {
        if (kept.contains(t.leadId()) && !t.at().isAfter(eventsUntil)) {
          b.touch(t);
        }
      }
    }
    if (tables.contains(DatasetTable.PAYMENTS)) {
      for (Payment p : d.payments()) {
        if ((p.leadId() == null || kept.contains(p.leadId())) && !p.paidAt().isAfter(eventsUntil)) {
          b.payment(p);
        }
      }
    }
    if (tables.contains(DatasetTable.SPEND)) {
      for (Spend s : d.spend()) {
        if (!s.date().isAfter(spendUntil)) {
          b.spend(s);
        }
      }
    }
    if (tables.contains(DatasetTable.PLAN)) {
      d.plan().forEach(b::planTarget);
    }
    return b.build();
  }

  /** The instant of the latest change into the won stage at or before {@code by}. */
  static Instant lastWon(Dataset d, Instant by) {
    Instant last = null;
    for (StageChange s : d.stages()) {
      if (s.stage().equals(d.catalog().won()) && !s.at().isAfter(by)
          && (last == null || s.at().isAfter(last))) {
        last = s.at();
      }
    }
    return last;
  }
}
