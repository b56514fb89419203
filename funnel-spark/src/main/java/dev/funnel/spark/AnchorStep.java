package dev.funnel.spark;

import dev.funnel.cohort.CohortState;
import dev.funnel.cohort.Cohorts;
import dev.funnel.core.LeadHistory;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.sql.Row;
import scala.Tuple2;

/**
 * The per-lead step of cohorts on the touch or SQL basis, applied to the lead row (if any) and the
 * touches or stage changes of one lead after grouping by lead id: {@link Cohorts#anchorLead}, the
 * function the single-JVM {@code Cohorts.table} calls, which finds the lead's customer (the lead's
 * {@code customer_id}, or the lead id when the leads table lacks the lead) and anchors it at each
 * event; emits a one-lead {@link CohortState} (tag 0), nothing for a lead without touches or changes.
 */
final class AnchorStep implements FlatMapGroupsFunction<String, Row, Tuple2<Integer, byte[]>> {
  private static final long serialVersionUID = 1L;

  private final Setup setup;
  private final byte[] zero;

  AnchorStep(Setup setup, byte[] zero) {
    this.setup = setup.copy();
    this.zero = zero;
  }

  @Override
  public Iterator<Tuple2<Integer, byte[]>> call(String leadId, Iterator<Row> rows) {
    LeadHistory h = LeadGroup.of(leadId, rows, setup);
    if (h.touches().isEmpty() && h.stages().isEmpty()) {
      return List.<Tuple2<Integer, byte[]>>of().iterator();
    }
    CohortState s = Cohorts.anchorLead(CohortState.fromBytes(zero), h, setup.catalog());
    return List.of(new Tuple2<>(0, s.toBytes())).iterator();
  }
}
