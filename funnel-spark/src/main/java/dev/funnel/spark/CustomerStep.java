package dev.funnel.spark;

import dev.funnel.core.CustomerHistory;
import dev.funnel.core.Lead;
import dev.funnel.core.Payment;
import dev.funnel.core.money.UnitEconomics;
import dev.funnel.core.money.UnitEconomicsState;
import dev.funnel.io.Rows;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.sql.Row;
import scala.Tuple2;

/**
 * The per-customer step of unit economics, applied to the leads and payments of one customer after
 * grouping by customer id: {@link UnitEconomics#addCustomer}, the function the single-JVM {@code
 * UnitEconomics.tally} calls per paying customer; emits a one-customer {@link UnitEconomicsState}
 * (nothing for a customer without payments: its leads are counted by a per-row fold).
 */
final class CustomerStep implements FlatMapGroupsFunction<String, Row, Tuple2<Integer, byte[]>> {
  private static final long serialVersionUID = 1L;

  private final Setup setup;
  private final String from;
  private final String to;
  private final ArrayList<String> nonMarketing;

  CustomerStep(Setup setup, LocalDate from, LocalDate to, Set<String> nonMarketing) {
    this.setup = setup.copy();
    this.from = from == null ? null : from.toString();
    this.to = to == null ? null : to.toString();
    this.nonMarketing = new ArrayList<>(nonMarketing);
  }

  @Override
  public Iterator<Tuple2<Integer, byte[]>> call(String customerId, Iterator<Row> rows) {
    List<Lead> leads = new ArrayList<>();
    List<Payment> payments = new ArrayList<>();
    while (rows.hasNext()) {
      Row r = rows.next();
      switch (LongForm.table(r)) {
        case LEADS:
          leads.add(setup.decode(Rows.LEADS, r));
          break;
        case PAYMENTS:
          payments.add(setup.decode(Rows.PAYMENTS, r));
          break;
        default:
          throw new IllegalStateException("unexpected table " + LongForm.table(r) + " in a customer group");
      }
    }
    if (payments.isEmpty()) {
      return List.<Tuple2<Integer, byte[]>>of().iterator();
    }
    UnitEconomicsState u = UnitEconomics.addCustomer(UnitEconomicsState.empty(),
        new CustomerHistory(customerId, leads, payments), setup.zone(),
        from == null ? null : LocalDate.parse(from), to == null ? null : LocalDate.parse(to),
        new HashSet<>(nonMarketing));
    return List.of(new Tuple2<>(0, u.toBytes())).iterator();
  }
}
