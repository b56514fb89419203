package dev.funnel.core.quality;

import dev.funnel.core.Dataset;
import dev.funnel.core.Stage;
import dev.funnel.core.StageCatalog;
import dev.funnel.core.columnar.Columns;
import dev.funnel.core.columnar.StageColumns;
import java.util.Arrays;

/**
 * Checks one lead's stage history against the catalog order (docs/spec/dataset.md: a lead that enters
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

  /**
   * Checks the stage rows of one lead index (in time order, ties in canonical order) of the
   * dataset's columns; times are equal when their epoch milliseconds and exact instants are.
   */
  static void check(Dataset d, int lead, Findings f) {
    StageCatalog catalog = d.catalog();
    Columns cols = Columns.of(d);
    StageColumns sc = cols.stages();
    String leadId = cols.leadIds().value(lead);
    int n = catalog.progression().size();
    int from = sc.from(lead);
    int to = sc.to(lead);
    int highest = -1; // the row that entered the highest progression stage so far
    int i = from;
    while (i < to) {
      int j = i + 1;
      while (j < to && sameTime(sc, i, j)) {
        j++;
      }
      for (int k = i; k < j; k++) {
        int s = sc.stage(k);
        if (s < n && highest >= 0 && s < sc.stage(highest)) {
          int row = k;
          int later = highest;
          f.add(Issue.STAGE_OUT_OF_ORDER, () -> leadId + ": " + catalog.get(sc.stage(row)) + " at "
              + sc.instant(row) + " after " + catalog.get(sc.stage(later)) + " at "
              + sc.instant(later));
        }
      }
      for (int k = i; k < j; k++) {
        int s = sc.stage(k);
        if (s < n && (highest < 0 || s > sc.stage(highest))) {
          highest = k;
        }
      }
      i = j;
    }
    // the first row into each progression stage, by stage index (ascending: the order of the
    // findings); a stage is recorded when it has one
    int[] firstEntry = new int[n];
    Arrays.fill(firstEntry, -1);
    for (int r = from; r < to; r++) {
      int s = sc.stage(r);
      if (s < n && firstEntry[s] < 0) {
        firstEntry[s] = r;
      }
    }
    int first = catalog.first().index();
    for (int k = 0; k < n; k++) {
      int row = firstEntry[k];
      int previous = k - 1;
      if (row >= 0 && previous > first && firstEntry[previous] < 0) {
        Stage missing = catalog.get(previous);
        f.add(Issue.STAGE_SKIPPED, () -> leadId + ": " + catalog.get(sc.stage(row)) + " at "
            + sc.instant(row) + " without " + missing);
      }
    }
  }

  private static boolean sameTime(StageColumns sc, int a, int b) {
    return sc.at(a) == sc.at(b) && sc.instant(a).equals(sc.instant(b));
  }
}
