package dev.funnel.core.bridge;

import dev.funnel.core.display.Tabular;
import dev.funnel.core.display.Formats;
import dev.funnel.core.display.TextTable;
import java.util.List;

/**
 * Price-volume-mix of revenue R = sum over products of q p, the standard split of management
 * accounting (sales quantity, sales mix and sales price variances: CIMA Official Terminology,
 * 2005; Drury, "Management and Cost Accounting", chapter on standard costing variance analysis),
 * with revenue at base prices in place of standard margin.
 *
 * <p>With Q = sum of q, the base mix m0 = q0 / Q0 and the average base price P0 = R0 / Q0:
 * volume = (Q1 - Q0) P0, mix = sum of (q1 - Q1 m0) p0 = sum of q1 p0 - Q1 P0, price = sum of
 * q1 (p1 - p0). Per product the three add up to q1 p1 - q0 p0, so the totals add up to R1 - R0
 * exactly (checked to 1e-9 relative). Conventions: a product new in the current state (q0 = 0)
 * is valued at its current price, so all of it is mix; a product that left (q1 = 0) shows its
 * loss as volume and mix; when nothing was sold in the base (Q0 = 0) the mix is undefined and
 * the whole change is volume.
 *
 * @param baseRevenue    R0
 * @param currentRevenue R1
 * @param volume         the volume effect
 * @param mix            the mix effect
 * @param price          the price effect
 * @param products       the per-product split, products in name order
 */
public record PriceVolumeMixResult(
    double baseRevenue, double currentRevenue, double volume, double mix, double price,
    List<ProductEffect> products) implements Tabular {

  public PriceVolumeMixResult {
    products = List.copyOf(products);
  }

  /** R1 - R0. */
  public double change() {
    return currentRevenue - baseRevenue;
  }

  @Override
  public String summary() {
    double c = change();
    return "Price-volume-mix: " + Formats.number(baseRevenue) + " -> "
        + Formats.number(currentRevenue) + " (" + (c >= 0 ? "+" : "") + Formats.number(c)
        + ")";
  }

  /** One row per product, then the totals. */
  @Override
  public TextTable table() {
    TextTable t = TextTable.of("product", "volume", "mix", "price", "change");
    for (ProductEffect p : products) {
      t = t.plus(p.product(), p.volume(), p.mix(), p.price(), p.change());
    }
    return t.plus("total", volume, mix, price, change());
  }

  @Override
  public String toString() {
    return Tabular.preview(this);
  }
}
