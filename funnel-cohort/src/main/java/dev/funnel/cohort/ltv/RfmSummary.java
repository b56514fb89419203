package dev.funnel.cohort.ltv;

import dev.funnel.core.display.Tabular;
import dev.funnel.core.display.Formats;
import dev.funnel.core.display.TextTable;
import java.util.List;
import java.util.Objects;

/**
 * The RFM summary of a customer base: one {@link RfmCustomer} per customer, in a time unit. Built
 * from purchases by {@link Ltv#summarize} or directly from already summarised rows.
 *
 * @param unit      the time unit of {@code t_x} and {@code T}
 * @param customers the customers, in customer id order when built by {@link Ltv#summarize}
 */
public record RfmSummary(RfmUnit unit, List<RfmCustomer> customers) implements Tabular {

  public RfmSummary {
    Objects.requireNonNull(unit, "unit");
    if (customers == null) {
      throw new IllegalArgumentException("customers must not be null");
    }
    customers = List.copyOf(customers);
  }

  /** Number of customers. */
  public int size() {
    return customers.size();
  }

  /** Customers with at least one repeat purchase. */
  public long repeatCustomers() {
    return customers.stream().filter(c -> c.x() > 0).count();
  }

  @Override
  public String summary() {
    return "RFM summary: " + Formats.count(size()) + " customers, "
        + Formats.count(repeatCustomers()) + " repeat, unit " + unit.label();
  }

  @Override
  public TextTable table() {
    return table(Integer.MAX_VALUE);
  }

  private TextTable table(int maxRows) {
    TextTable t = TextTable.of("customer", "x", "t_x", "T", "mean repeat spend");
    for (RfmCustomer c : customers.subList(0, Math.min(maxRows, customers.size()))) {
      t = t.plus(c.customerId(), c.x(), c.tx(), c.T(), c.meanRepeatSpend());
    }
    return t;
  }

  /**
   * {@link Tabular#preview} without building the whole table: a summary of millions of customers
   * prints its first rows in constant time.
   */
  @Override
  public String toString() {
    String head = summary() + "\n" + table(PREVIEW_ROWS).render();
    int more = customers.size() - PREVIEW_ROWS;
    return more > 0 ? head + "... " + more + " more rows; print() shows all\n" : head;
  }
}
