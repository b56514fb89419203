package dev.funnel.scoring;

import dev.funnel.core.display.Cell;
import dev.funnel.core.display.Formats;
import dev.funnel.core.display.InstantLabel;
import dev.funnel.core.display.Tabular;
import dev.funnel.core.display.TextTable;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The next-best-action worklist as of an instant: every open lead and deal with its recommended
 * next step, ranked per owner ({@link Worklist}), and each owner's items against the owner's
 * capacity (assigned for the day, overflow, marketing's). Items are ordered by owner, then rank.
 *
 * @param asOf       the instant
 * @param currency   the currency of deal and expected values (the dataset's; null or blank when
 *                   the data names none)
 * @param items      the items, by owner then rank
 * @param capacities one per owner, in owner order
 * @param notes      how probabilities, values and capacities were obtained, what could not be
 *                   checked
 */
public record WorklistReport(Instant asOf, String currency, List<WorkItem> items,
    List<OwnerCapacity> capacities, List<String> notes) implements Tabular {

  public WorklistReport {
    items = List.copyOf(items);
    capacities = List.copyOf(capacities);
    notes = List.copyOf(notes);
  }

  /** An owner's capacity record, or null for an owner without items. */
  public OwnerCapacity capacity(String owner) {
    for (OwnerCapacity c : capacities) {
      if (c.owner().equals(owner)) {
        return c;
      }
    }
    return null;
  }

  /** Items in the given assignment, in owner then rank order (e.g. the whole overflow). */
  public List<WorkItem> items(Assignment a) {
    return items.stream().filter(w -> w.assignment() == a).toList();
  }

  /**
   * Per owner: capacity a day and where it comes from, items, assigned, overflow, marketing's,
   * and the expected value assigned and left in the overflow.
   */
  public TextTable capacityTable() {
    TextTable t = TextTable.of("owner", "capacity a day", "from", "per active day", "items",
        "assigned", "overflow", "marketing", Formats.moneyColumn("assigned expected", currency),
        Formats.moneyColumn("overflow expected", currency));
    List<Object[]> rows = new ArrayList<>();
    for (OwnerCapacity c : capacities) {
      rows.add(new Object[] {c.owner(), c.capacity() == 0 ? null : (Object) (long) c.capacity(),
          c.source().label(), Cell.decimal(c.measured()), (long) c.items(), (long) c.assigned(),
          (long) c.overflow(), (long) c.marketing(), Cell.amount(c.assignedValue()),
          Cell.amount(c.overflowValue())});
    }
    return t.plusAll(rows);
  }

  /** The owners, sorted. */
  public List<String> owners() {
    return new ArrayList<>(byOwner().keySet());
  }

  /** The items per owner (owners sorted, items by rank). */
  public Map<String, List<WorkItem>> byOwner() {
    Map<String, List<WorkItem>> m = new LinkedHashMap<>();
    for (WorkItem w : items) {
      m.computeIfAbsent(w.owner(), k -> new ArrayList<>()).add(w);
    }
    return m;
  }

  /** The first {@code n} items of an owner (empty for an unknown owner). */
  public List<WorkItem> top(String owner, int n) {
    List<WorkItem> all = byOwner().getOrDefault(owner, List.of());
    return all.subList(0, Math.min(n, all.size()));
  }

  /** Items produced by a rule. */
  public long count(NextStepRule rule) {
    return items.stream().filter(w -> w.rule() == rule).count();
  }

  @Override
  public String summary() {
    return String.format(Locale.ROOT, "Worklist as of %s: %s open leads and deals, %d owners, %s"
        + " assigned within capacity, %s overflow, %s first responses overdue, %s stale deals",
        InstantLabel.of(asOf, ZoneOffset.UTC), Formats.count(items.size()), byOwner().size(),
        Formats.count(items(Assignment.ASSIGNED).size()),
        Formats.count(items(Assignment.OVERFLOW).size()),
        Formats.count(count(NextStepRule.FIRST_RESPONSE_OVERDUE)),
        Formats.count(count(NextStepRule.STALE_DEAL)));
  }

  @Override
  public TextTable table() {
    return table(items);
  }

  /**
   * A table of some of this worklist's items (e.g. one owner's top): P(won) as a percentage, the
   * deal and expected values as money in the worklist's currency (named in the headers).
   */
  public TextTable table(List<WorkItem> items) {
    TextTable t = TextTable.of("owner", "rank", "lead", "stage", "next step", "rule", "why",
        "P(won)", Formats.moneyColumn("value", currency), Formats.moneyColumn("expected", currency),
        "assignment");
    List<Object[]> rows = new ArrayList<>();
    for (WorkItem w : items) {
      rows.add(new Object[] {w.owner(), w.rank(), w.leadId(), w.stage(), w.action(), w.rule().label(),
          w.reason(), Cell.percent(w.probability()), Cell.amount(w.dealValue()),
          Cell.amount(w.expectedValue()), w.assignment().label()});
    }
    return t.plusAll(rows);
  }

  @Override
  public String toString() {
    return Tabular.preview(this);
  }
}
