package dev.funnel.core.columnar;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The payments of a {@link Columns} form, sorted by customer code, then time (ties in the
 * dataset's canonical order: amount, payment id, lead, product). Amounts are in the dataset
 * currency ({@link Columns#currency()}); refunds are negative.
 *
 * <p>{@link #from(int)} and {@link #to(int)} give a customer's rows {@code [from, to)} in O(1).
 * Payment ids are kept as UTF-8 text ({@link #paymentId}; nothing per row when a reader left them
 * out). Times are epoch milliseconds. Immutable and thread-safe.
 */
public final class PaymentColumns {

  private final int[] customer;
  private final int[] lead;
  private final Times times;
  private final MoneyColumn amount;
  private final Codes product;
  private final TextColumn paymentId;
  private final int[] offsets;

  PaymentColumns(int[] customer, int[] lead, Times at, MoneyColumn amount, Codes product,
      TextColumn paymentId, int[] offsets) {
    this.customer = customer;
    this.lead = lead;
    this.times = at;
    this.amount = amount;
    this.product = product;
    this.paymentId = paymentId;
    this.offsets = offsets;
  }

  /** When the payment was made, exactly (with any sub-millisecond part). */
  public java.time.Instant instant(int row) {
    return times.instant(row);
  }

  /** The payment's id, or null. */
  public String paymentId(int row) {
    return paymentId.get(row);
  }

  /** Number of payments. */
  public int size() {
    return customer.length;
  }

  /** The customer code ({@link Columns#customers()}). */
  public int customer(int row) {
    return customer[row];
  }

  /** The lead index the payment is booked to, or {@link Dictionary#ABSENT}. */
  public int lead(int row) {
    return lead[row];
  }

  /** When it was paid, epoch milliseconds. */
  public long at(int row) {
    return times.millis(row);
  }

  /** The nanoseconds of the payment time below its millisecond. */
  public int subMillis(int row) {
    return times.sub(row);
  }

  /** Whether some payment time may have a sub-millisecond part (false: {@link #at} is exact). */
  public boolean hasSubMillis() {
    return times.hasSub();
  }

  /** The amounts (always present). */
  public MoneyColumn amount() {
    return amount;
  }

  /** Product code ({@link Columns#products()}) or {@link Dictionary#ABSENT}. */
  public int product(int row) {
    return product.get(row);
  }

  /** First row of the customer. */
  public int from(int customer) {
    return offsets[customer];
  }

  /** One past the last row of the customer. */
  public int to(int customer) {
    return offsets[customer + 1];
  }

  Map<String, Object> arrays() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("customer", customer);
    m.put("lead", lead);
    Object[] t = times.arrays();
    m.put("at", t[0]);
    if (t.length > 1) {
      m.put("at_sub_ms", t[1]);
    }
    MoneyColumn.putArrays(m, "amount", amount);
    m.put("product", product.array());
    Object[] ids = paymentId.arrays();
    if (ids.length > 0) {
      m.put("payment_id", ids[0]);
      m.put("payment_id_ends", ids[1]);
    }
    m.put("offsets", offsets);
    return m;
  }

  /**
   * The earliest and latest time of the table's rows in epoch milliseconds ({@code [MAX, MIN]}
   * when it has none), kept from the layout, so a data extent needs no pass over the rows.
   */
  public long[] millisRange() {
    return new long[] {times.minMillis(), times.maxMillis()};
  }
}
