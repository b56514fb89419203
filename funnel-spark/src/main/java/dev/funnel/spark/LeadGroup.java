package dev.funnel.spark;

import dev.funnel.core.Lead;
import dev.funnel.core.LeadHistory;
import dev.funnel.core.StageChange;
import dev.funnel.core.Touch;
import dev.funnel.io.Rows;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * Decodes the rows of one lead after grouping by lead id into a {@link LeadHistory}, the argument
 * of the library's per-lead steps: the lead (null when the leads table lacks it), its stage
 * changes and its touches, in the order Spark delivered them (the steps sort what they need); no
 * activities or payments (the lead groups carry the leads, stages and touches tables).
 */
final class LeadGroup {
  private LeadGroup() {}

  /**
   * Decodes a lead's group of long-form rows (leads, stages and touches tables).
   *
   * @throws IllegalArgumentException when the leads table has the id twice
   */
  static LeadHistory of(String leadId, Iterator<Row> rows, Setup setup) {
    Lead lead = null;
    List<StageChange> changes = new ArrayList<>();
    List<Touch> touches = new ArrayList<>();
    while (rows.hasNext()) {
      Row r = rows.next();
      switch (LongForm.table(r)) {
        case LEADS:
          if (lead != null) {
            throw new IllegalArgumentException("leads: duplicate lead_id '" + leadId + "'");
          }
          lead = setup.decode(Rows.LEADS, r);
          break;
        case STAGES:
          changes.add(setup.decode(Rows.STAGES, r));
          break;
        case TOUCHES:
          touches.add(setup.decode(Rows.TOUCHES, r));
          break;
        default:
          throw new IllegalStateException(
              "unexpected table " + LongForm.table(r) + " in a lead group");
      }
    }
    return new LeadHistory(leadId, lead, changes, List.of(), touches, List.of());
  }
}
