package dev.funnel.core.quality;

import dev.funnel.core.Dataset;
import dev.funnel.core.Stage;
import dev.funnel.core.StageChange;
import java.util.List;

/**
 * Checks one lead's stage history against the catalog order (spec/dataset.md: a lead that enters
 * a later stage has passed the earlier ones, and the report shows where the CRM did not record
 * that).
 *
 * <p>Only progression stages are compared; exits (LOST, RETURNED) may come at any point.
 * <ul>
 *   <li><b>Out of order</b>: a stage change into progression stage i is out of order when a
 *       strictly earlier change of the same lead entered a progression stage after i in the
 *       catalog. Changes at the same instant are never out of order with each other. Each such
 *       change counts once.
 *   <li><b>Skipped</b>: a progression stage the lead entered while the stage just before it in the
 *       catalog never appears in the lead's history (at any time). The first stage is implied by
 *       the lead's creation and is never missing. Each (lead, stage) counts once, however often
 *       the stage was entered.
 * </ul>
 */
final class StageHistory {

  private StageHistory() {}

  static void check(Dataset d, String leadId, List<StageChange> changes, Findings f) {
    int first = d.catalog().first().index();
    Stage highest = null;
    StageChange highestChange = null;
    int i = 0;
    while (i < changes.size()) {
      int j = i;
      while (j < changes.size() && changes.get(j).at().equals(changes.get(i).at())) {
        j++;
      }
      for (int k = i; k < j; k++) {
        StageChange c = changes.get(k);
        if (c.stage().progression() && highest != null && c.stage().index() < highest.index()) {
          StageChange later = highestChange;
          f.add(Issue.STAGE_OUT_OF_ORDER, () -> leadId + ": " + c.stage() + " at " + c.at()
              + " after " + later.stage() + " at " + later.at());
        }
      }
      for (int k = i; k < j; k++) {
        StageChange c = changes.get(k);
        if (c.stage().progression() && (highest == null || c.stage().index() > highest.index())) {
          highest = c.stage();
          highestChange = c;
        }
      }
      i = j;
    }
    // the first change into each progression stage, by stage index (ascending: the order of the
    // findings); a stage is recorded when it has one
    StageChange[] firstEntry = new StageChange[d.catalog().size()];
    for (StageChange c : changes) {
      if (c.stage().progression() && firstEntry[c.stage().index()] == null) {
        firstEntry[c.stage().index()] = c;
      }
    }
    for (int k = 0; k < firstEntry.length; k++) {
      StageChange c = firstEntry[k];
      int previous = k - 1;
      if (c != null && previous > first && firstEntry[previous] == null) {
        Stage missing = d.catalog().get(previous);
        f.add(Issue.STAGE_SKIPPED, () -> leadId + ": " + c.stage() + " at " + c.at() + " without " + missing);
      }
    }
  }
}
