package dev.funnel.core.bridge;

/**
 * One product's quantity and unit price in the base and the current state; the input of
 * price-volume-mix.
 *
 * @param product         product name, not blank
 * @param baseQuantity    units sold in the base state, finite and non-negative
 * @param basePrice       average unit price in the base state, finite (ignored when the base
 *                        quantity is zero)
 * @param currentQuantity units sold in the current state, finite and non-negative
 * @param currentPrice    average unit price in the current state, finite (ignored when the
 *                        current quantity is zero)
 */
public record ProductSales(
    String product, double baseQuantity, double basePrice, double currentQuantity,
    double currentPrice) {

  public ProductSales {
    if (product == null || product.isBlank()) {
      throw new IllegalArgumentException("a product needs a name");
    }
    product = product.trim();
    check(product, "base quantity", baseQuantity, true);
    check(product, "current quantity", currentQuantity, true);
    check(product, "base price", basePrice, false);
    check(product, "current price", currentPrice, false);
  }

  private static void check(String product, String what, double v, boolean nonNegative) {
    if (!Double.isFinite(v) || (nonNegative && v < 0)) {
      throw new IllegalArgumentException("product '" + product + "': " + what + " must be finite"
          + (nonNegative ? " and non-negative" : "") + ", got " + v);
    }
  }

  double baseRevenue() {
    return baseQuantity * basePrice;
  }

  double currentRevenue() {
    return currentQuantity * currentPrice;
  }
}
