package dev.funnel.core.bridge;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Computes {@link PriceVolumeMixResult} (definition and conventions there). */
final class PriceVolumeMix {
  private PriceVolumeMix() {}

  static PriceVolumeMixResult of(Collection<ProductSales> input) {
    Objects.requireNonNull(input, "products are required");
    List<ProductSales> products = new ArrayList<>(input);
    if (products.isEmpty()) {
      throw new IllegalArgumentException("price-volume-mix needs at least one product");
    }
    Set<String> seen = new HashSet<>();
    for (ProductSales p : products) {
      Objects.requireNonNull(p, "a product is null");
      if (!seen.add(p.product())) {
        throw new IllegalArgumentException("product '" + p.product() + "' appears twice");
      }
    }
    products.sort(Comparator.comparing(ProductSales::product));
    CompensatedSum q0 = new CompensatedSum();
    CompensatedSum q1 = new CompensatedSum();
    CompensatedSum r0 = new CompensatedSum();
    CompensatedSum r1 = new CompensatedSum();
    for (ProductSales p : products) {
      q0.add(p.baseQuantity());
      q1.add(p.currentQuantity());
      r0.add(p.baseRevenue());
      r1.add(p.currentRevenue());
    }
    double totalQ0 = q0.value();
    double totalQ1 = q1.value();
    CompensatedSum volume = new CompensatedSum();
    CompensatedSum mix = new CompensatedSum();
    CompensatedSum price = new CompensatedSum();
    List<ProductEffect> effects = new ArrayList<>();
    for (ProductSales p : products) {
      ProductEffect e;
      if (totalQ0 == 0) {
        e = new ProductEffect(p.product(), p.currentRevenue(), 0, 0);
      } else {
        double share = p.baseQuantity() / totalQ0;
        double p0 = p.baseQuantity() > 0 ? p.basePrice() : p.currentPrice();
        e = new ProductEffect(p.product(),
            (totalQ1 - totalQ0) * share * p0,
            (p.currentQuantity() - totalQ1 * share) * p0,
            p.currentQuantity() * (p.currentPrice() - p0));
      }
      volume.add(e.volume());
      mix.add(e.mix());
      price.add(e.price());
      effects.add(e);
    }
    double change = r1.value() - r0.value();
    CompensatedSum total = new CompensatedSum();
    total.add(volume.value());
    total.add(mix.value());
    total.add(price.value());
    double scale = Math.max(Math.max(Math.abs(r0.value()), Math.abs(r1.value())),
        Math.abs(volume.value()) + Math.abs(mix.value()) + Math.abs(price.value()));
    if (!(Math.abs(total.value() - change) <= Bridge.TOLERANCE * scale)) {
      throw new IllegalStateException("internal error: price-volume-mix effects sum to "
          + total.value() + " but revenue changed by " + change);
    }
    return new PriceVolumeMixResult(r0.value(), r1.value(), volume.value(), mix.value(),
        price.value(), effects);
  }
}
