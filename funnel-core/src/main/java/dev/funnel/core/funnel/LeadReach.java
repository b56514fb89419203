package dev.funnel.core.funnel;

import dev.funnel.core.Dataset;
import dev.funnel.core.Lead;
import dev.funnel.core.LeadHistory;
import dev.funnel.core.Stage;
import dev.funnel.core.StageChange;
import dev.funnel.core.StageCatalog;
import dev.funnel.core.columnar.Columns;
import dev.funnel.core.columnar.LeadColumns;
import dev.funnel.core.columnar.MillisWindow;
import dev.funnel.core.columnar.StageColumns;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * When one lead first reached each progression stage of the catalog.
 *
 * <p>Convention (docs/spec/dataset.md): reaching a later stage implies every earlier one, so
 * {@code reachedAt(k)} is the earliest change into stage {@code k} or any later progression stage
 * (a suffix minimum over the lead's history; a skipped stage is reached at the time of the later
 * one). The first stage is reached at {@code created_at} exactly (docs/spec/cli.md: "every lead is at
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

  /**
   * The reach times of the lead of a history from its stage changes: {@link #of(Lead, List,
   * StageCatalog)} of its lead and stage changes.
   *
   * @throws IllegalArgumentException when the history has no lead row (a lead without one is in
   *     no funnel)
   */
  public static LeadReach of(LeadHistory h, StageCatalog catalog) {
    if (h.lead() == null) {
      throw new IllegalArgumentException("lead '" + h.id() + "' has no row in leads: it is in no funnel");
    }
    return of(h.lead(), h.stages(), catalog);
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

  /**
   * The reach times of a lead of the dataset: equal to {@link #of(Lead, List, StageCatalog)} of
   * the lead's stage changes ({@link Dataset#stagesOf(String)}), read from the lead's rows of the
   * columnar form without making a record per change.
   */
  public static LeadReach of(Dataset d, Lead lead) {
    Columns c = Columns.of(d);
    StageColumns stages = c.stages();
    int n = d.catalog().progression().size();
    Instant[] first = new Instant[n];
    int i = c.leadIds().find(lead.id());
    if (i >= 0) {
      int[] reachRow = new int[n];
      int m = FunnelCounter.reachRows(stages, FunnelCounter.progressionOf(d.catalog()), i, reachRow);
      for (int k = 1; k <= m; k++) {
        first[k] = k > 1 && reachRow[k] == reachRow[k - 1] ? first[k - 1] : stages.instant(reachRow[k]);
      }
    }
    first[0] = lead.createdAt();
    return new LeadReach(lead, first);
  }

  /**
   * The leads of the dataset that can reach a progression stage inside {@code [from, to)} (null
   * bounds are open), in the dataset's lead order: those created in the window and those with a
   * progression change in it. Every reach time is the creation time or the time of a progression
   * change, so no other lead has a reach time in the window. Read from the columnar form; only
   * the leads returned are made records.
   */
  public static List<Lead> candidates(Dataset d, Instant from, Instant to) {
    Columns c = Columns.of(d);
    LeadColumns leads = c.leads();
    StageColumns stages = c.stages();
    int[] progression = FunnelCounter.progressionOf(d.catalog());
    MillisWindow w = new MillisWindow(from, to);
    List<Lead> all = d.leads();
    List<Lead> out = new ArrayList<>();
    for (int k = 0; k < leads.withRow(); k++) {
      int l = leads.byCreated(k);
      boolean in = in(w, leads.createdAt(l), leads, l, -1, stages);
      for (int r = stages.from(l), end = stages.to(l); !in && r < end; r++) {
        in = progression[stages.stage(r)] >= 0 && in(w, stages.at(r), leads, l, r, stages);
      }
      if (in) {
        out.add(all.get(k));
      }
    }
    return out;
  }

  /** Whether a time (row {@code r}, or the lead's creation when {@code r < 0}) is in the window. */
  private static boolean in(MillisWindow w, long ms, LeadColumns leads, int l, int r, StageColumns s) {
    int t = w.test(ms);
    return t == MillisWindow.IN
        || (t == MillisWindow.EXACT && w.contains(r < 0 ? leads.created(l) : s.instant(r)));
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
