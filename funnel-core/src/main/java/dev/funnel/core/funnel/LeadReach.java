package dev.funnel.core.funnel;

import dev.funnel.core.Dataset;
import dev.funnel.core.Lead;
import dev.funnel.core.Stage;
import dev.funnel.core.StageChange;
import dev.funnel.core.StageCatalog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * When one lead first reached each progression stage of the catalog.
 *
 * <p>Convention (spec/dataset.md): reaching a later stage implies every earlier one, so
 * {@code reachedAt(k)} is the earliest change into stage {@code k} or any later progression stage
 * (a suffix minimum over the lead's history; a skipped stage is reached at the time of the later
 * one). The first stage is reached at {@code created_at} exactly (spec/cli.md: "every lead is at
 * LEAD from its created_at"), so a change recorded before creation, a data-quality issue, can put
 * a later stage before the first one; from the second stage on, reach times are non-decreasing
 * along the catalog. Exits do not reach anything. Built in one pass over the lead's own stage
 * changes. Immutable.
 */
public final class LeadReach {

  private final Lead lead;
  private final Instant[] reachedAt;

  private LeadReach(Lead lead, Instant[] reachedAt) {
    this.lead = lead;
    this.reachedAt = reachedAt;
  }

  /** The reach times of a lead from its stage changes (any order, any lead's rows ignored). */
  public static LeadReach of(Lead lead, List<StageChange> changes, StageCatalog catalog) {
    int n = catalog.progression().size();
    Instant[] first = new Instant[n];
    for (StageChange c : changes) {
      Stage s = c.stage();
      if (s.exit() || !c.leadId().equals(lead.id())) {
        continue;
      }
      int k = s.index();
      if (first[k] == null || c.at().isBefore(first[k])) {
        first[k] = c.at();
      }
    }
    Instant min = null;
    for (int k = n - 1; k >= 0; k--) {
      if (first[k] != null && (min == null || first[k].isBefore(min))) {
        min = first[k];
      }
      first[k] = min;
    }
    first[0] = lead.createdAt();
    return new LeadReach(lead, first);
  }

  /** The reach times of a lead of the dataset, from {@link Dataset#stagesOf(String)}. */
  public static LeadReach of(Dataset d, Lead lead) {
    return of(lead, d.stagesOf(lead.id()), d.catalog());
  }

  /**
   * The leads of the dataset that can reach a progression stage inside {@code [from, to)} (null
   * bounds are open), in the dataset's lead order: those created in the window and those with a
   * progression change in it. Every reach time is the creation time or the time of a progression
   * change, so no other lead has a reach time in the window; one pass over the stage changes
   * instead of one lookup of each lead's history.
   */
  public static List<Lead> candidates(Dataset d, Instant from, Instant to) {
    Set<String> changed = new HashSet<>();
    for (StageChange s : d.stages()) {
      if (!s.stage().exit() && inWindow(s.at(), from, to)) {
        changed.add(s.leadId());
      }
    }
    List<Lead> out = new ArrayList<>();
    for (Lead l : d.leads()) {
      if (inWindow(l.createdAt(), from, to) || changed.contains(l.id())) {
        out.add(l);
      }
    }
    return out;
  }

  private static boolean inWindow(Instant t, Instant from, Instant to) {
    return (from == null || !t.isBefore(from)) && (to == null || t.isBefore(to));
  }

  /** The lead. */
  public Lead lead() {
    return lead;
  }

  /** Number of progression stages. */
  public int stages() {
    return reachedAt.length;
  }

  /** When the lead first reached the progression stage at this index, or null if never. */
  public Instant reachedAt(int progressionIndex) {
    return reachedAt[progressionIndex];
  }

  /**
   * When the lead first reached the stage, or null if never.
   *
   * @throws IllegalArgumentException for an exit stage
   */
  public Instant reachedAt(Stage stage) {
    if (stage.exit()) {
      throw new IllegalArgumentException("exit stage " + stage + " is not part of the progression");
    }
    return reachedAt[stage.index()];
  }

  /** Index of the furthest progression stage reached (0 at least). */
  public int furthest() {
    int k = reachedAt.length - 1;
    while (reachedAt[k] == null) {
      k--;
    }
    return k;
  }

  @Override
  public String toString() {
    return "LeadReach[" + lead.id() + " " + Arrays.toString(reachedAt) + "]";
  }
}
