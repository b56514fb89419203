package dev.funnel.spark;

import dev.funnel.cohort.CohortState;
import dev.funnel.core.Lead;
import dev.funnel.core.money.UnitEconomics;
import dev.funnel.core.money.UnitEconomicsState;
import dev.funnel.io.Rows;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import scala.Tuple2;

/**
 * Folds the rows of one partition that need no grouping into one partial state (tag 0): payments
 * and lead anchors into a {@link CohortState}, leads created and spend into a {@link
 * UnitEconomicsState}, with the library's own per-row steps.
 */
final class RowFold implements MapPartitionsFunction<Row, Tuple2<Integer, byte[]>> {
  private static final long serialVersionUID = 1L;

  /** What one row adds. */
  enum Action {
    COHORT_PAYMENT,
    COHORT_LEAD_ANCHOR,
    UNIT_LEAD,
    UNIT_SPEND
  }

  private final Setup setup;
  private final Action action;
  private final byte[] zero;
  private final String from;
  private final String to;

  RowFold(Setup setup, Action action, byte[] zero, LocalDate from, LocalDate to) {
    this.setup = setup.copy();
    this.action = action;
    this.zero = zero;
    this.from = from == null ? null : from.toString();
    this.to = to == null ? null : to.toString();
  }

  @Override
  public Iterator<Tuple2<Integer, byte[]>> call(Iterator<Row> rows) {
    LocalDate f = from == null ? null : LocalDate.parse(from);
    LocalDate t = to == null ? null : LocalDate.parse(to);
    byte[] out;
    switch (action) {
      case COHORT_PAYMENT:
      case COHORT_LEAD_ANCHOR: {
        CohortState s = CohortState.fromBytes(zero);
        while (rows.hasNext()) {
          Row r = rows.next();
          if (action == Action.COHORT_PAYMENT) {
            s.add(setup.decode(Rows.PAYMENTS, r));
          } else {
            Lead l = setup.decode(Rows.LEADS, r);
            s.anchor(l.customerId(), l.createdAt());
          }
        }
        out = s.toBytes();
        break;
      }
      case UNIT_LEAD:
      case UNIT_SPEND: {
        UnitEconomicsState u = UnitEconomicsState.fromBytes(zero);
        while (rows.hasNext()) {
          Row r = rows.next();
          if (action == Action.UNIT_LEAD) {
            UnitEconomics.addLead(u, setup.decode(Rows.LEADS, r), setup.zone(), f, t);
          } else {
            UnitEconomics.addSpend(u, setup.decode(Rows.SPEND, r), f, t);
          }
        }
        out = u.toBytes();
        break;
      }
      default:
        throw new AssertionError(action);
    }
    return List.of(new Tuple2<>(0, out)).iterator();
  }
}
