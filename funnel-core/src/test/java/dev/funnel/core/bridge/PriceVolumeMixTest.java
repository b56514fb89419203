package dev.funnel.core.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class PriceVolumeMixTest {

  private static final List<ProductSales> SALES = List.of(
      new ProductSales("B", 100, 20, 80, 20),
      new ProductSales("A", 100, 10, 120, 11),
      new ProductSales("C", 0, 0, 10, 30),
      new ProductSales("D", 50, 5, 0, 0));

  /**
   * By hand: Q0 = 250, Q1 = 210, R0 = 3250, R1 = 3220, average base price 13; volume = -40 x 13 =
   * -520; mix = (120 x 10 + 80 x 20 + 10 x 30) - 210 x 13 = 370; price = 120 x (11 - 10) = 120.
   */
  @Test
  void handComputedExample() {
    PriceVolumeMixResult r = Bridge.priceVolumeMix(SALES);
    assertEquals(3250, r.baseRevenue(), 1e-12);
    assertEquals(3220, r.currentRevenue(), 1e-12);
    assertEquals(-520, r.volume(), 1e-9);
    assertEquals(370, r.mix(), 1e-9);
    assertEquals(120, r.price(), 1e-9);
    assertEquals(List.of("A", "B", "C", "D"),
        r.products().stream().map(ProductEffect::product).toList());
    ProductEffect a = r.products().get(0);
    assertEquals(-160, a.volume(), 1e-9);
    assertEquals(360, a.mix(), 1e-9);
    assertEquals(120, a.price(), 1e-9);
    ProductEffect c = r.products().get(2);
    assertEquals(0, c.volume(), 0);
    assertEquals(300, c.mix(), 1e-9);
    assertEquals(0, c.price(), 0);
    ProductEffect d = r.products().get(3);
    assertEquals(-40, d.volume(), 1e-9);
    assertEquals(-210, d.mix(), 1e-9);
    assertEquals("Price-volume-mix: 3,250 -> 3,220 (-30)", r.summary());
    assertTrue(r.toString().contains("total"));
  }

  @Test
  void nothingSoldInTheBaseIsAllVolume() {
    PriceVolumeMixResult r = Bridge.priceVolumeMix(List.of(new ProductSales("A", 0, 1, 3, 2),
        new ProductSales("B", 0, 1, 1, 4)));
    assertEquals(10, r.volume(), 0);
    assertEquals(0, r.mix(), 0);
    assertEquals(0, r.price(), 0);
  }

  @Test
  void badInputIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new ProductSales("A", -1, 1, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> new ProductSales("A", 1, Double.NaN, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> new ProductSales(" ", 1, 1, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> Bridge.priceVolumeMix(List.of()));
    assertThrows(IllegalArgumentException.class, () -> Bridge.priceVolumeMix(
        List.of(new ProductSales("A", 1, 1, 1, 1), new ProductSales("A", 2, 1, 1, 1))));
  }

  private static Gen<List<ProductSales>> sales() {
    Gen<ProductSales> one = doubles().between(0, 100).zip(doubles().between(0.5, 50),
        doubles().between(0, 100), doubles().between(0.5, 50),
        (q0, p0, q1, p1) -> new ProductSales("p", q0, p0, q1, p1));
    return integers().between(1, 6).flatMap(n -> lists().of(one).ofSize(n).map(l -> {
      List<ProductSales> named = new ArrayList<>();
      for (int i = 0; i < l.size(); i++) {
        ProductSales p = l.get(i);
        named.add(new ProductSales("p" + i, p.baseQuantity(), p.basePrice(),
            p.currentQuantity(), p.currentPrice()));
      }
      return named;
    }));
  }

  @Test
  void effectsAddUpExactlyPerProductAndInTotal() {
    qt().withExamples(300).forAll(sales()).checkAssert(list -> {
      PriceVolumeMixResult r = Bridge.priceVolumeMix(list);
      double scale = Math.max(1, Math.max(r.baseRevenue(), r.currentRevenue()));
      assertEquals(r.change(), r.volume() + r.mix() + r.price(), 1e-9 * scale);
      for (int i = 0; i < list.size(); i++) {
        ProductSales p = list.get(i);
        assertEquals(p.currentQuantity() * p.currentPrice() - p.baseQuantity() * p.basePrice(),
            r.products().get(i).change(), 1e-9 * scale);
      }
    });
  }

  @Test
  void scalingAllQuantitiesIsPureVolume() {
    qt().withExamples(200).forAll(sales(), doubles().between(0.1, 5)).checkAssert((list, c) -> {
      List<ProductSales> scaled = new ArrayList<>();
      for (ProductSales p : list) {
        scaled.add(new ProductSales(p.product(), p.baseQuantity(), p.basePrice(),
            p.baseQuantity() * c, p.basePrice()));
      }
      PriceVolumeMixResult r = Bridge.priceVolumeMix(scaled);
      double scale = Math.max(1, r.baseRevenue());
      assertEquals(r.change(), r.volume(), 1e-9 * scale);
      assertEquals(0, r.mix(), 1e-9 * scale);
      assertEquals(0, r.price(), 1e-9 * scale);
    });
  }
}
