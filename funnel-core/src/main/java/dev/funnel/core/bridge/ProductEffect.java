package dev.funnel.core.bridge;

/**
 * One product's share of the price-volume-mix effects; the three add up to the product's change
 * of revenue.
 *
 * @param product the product name
 * @param volume  (Q1 - Q0) m0 p0: the product's part of the change of total units at base mix
 *                and base price
 * @param mix     (q1 - Q1 m0) p0: units sold beyond (or short of) the base mix, at base price
 * @param price   q1 (p1 - p0): the change of price on the current units
 */
public record ProductEffect(String product, double volume, double mix, double price) {

  /** volume + mix + price, equal to q1 p1 - q0 p0. */
  public double change() {
    return volume + mix + price;
  }
}
