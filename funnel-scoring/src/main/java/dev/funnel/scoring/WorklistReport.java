package dev.funnel.scoring;

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
 * next step, ranked per owner ({@link Worklist}). Items are ordered by owner, then rank.
 *
 * @param asOf  the instant
 * @param items the items, by owner then rank
 * @param notes how probabilities and values were obtained, what could not be checked
 */
public record WorklistReport(Instant asOf, List<WorkItem> items, List<String> notes) implements Tabular {

  public WorklistReport {
    items = List.copyOf(items);
    notes = List.copyOf(notes);
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
    return String.format(Locale.ROOT, "Worklist as of %s: %d open leads and deals, %d owners, %d first responses overdue, %d stale deals",
        InstantLabel.of(asOf, ZoneOffset.UTC), items.size(), byOwner().size(),
        count(NextStepRule.FIRST_RESPONSE_OVERDUE), count(NextStepRule.STALE_DEAL));
  }

  @Override
  public TextTable table() {
    return table(items);
  }

  /** A table of some items (e.g. one owner's top). */
  public static TextTable table(List<WorkItem> items) {
    TextTable t = TextTable.of("owner", "rank", "lead", "stage", "next step", "rule", "why",
        "P(won)", "value", "expected");
    List<Object[]> rows = new ArrayList<>();
    for (WorkItem w : items) {
      rows.add(new Object[] {w.owner(), w.rank(), w.leadId(), w.stage(), w.action(), w.rule().label(),
          w.reason(), w.probability(), w.dealValue(), w.expectedValue()});
    }
    return t.plusAll(rows);
  }

  @Override
  public String toString() {
    return Tabular.preview(this);
  }
}
