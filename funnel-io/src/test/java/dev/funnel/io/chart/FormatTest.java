package dev.funnel.io.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FormatTest {

  @Test
  void coordinatesHaveAtMostThreeDecimalsAndNoNegativeZero() {
    assertEquals("12", Format.coord(12.0));
    assertEquals("12.5", Format.coord(12.5));
    assertEquals("12.346", Format.coord(12.345678));
    assertEquals("0", Format.coord(-0.0));
    assertEquals("0", Format.coord(-0.0004));
    assertEquals("-3.1", Format.coord(-3.1));
    assertEquals("0.05", Format.coord(0.05));
    assertEquals("0.007", Format.coord(0.007));
    assertEquals("-1.02", Format.coord(-1.0199999));
  }

  @Test
  void labelsRoundByMagnitudeWithThousandsSeparators() {
    assertEquals("1,234,568", Format.number(1_234_567.89));
    assertEquals("100", Format.number(99.999));
    assertEquals("12.5", Format.number(12.5));
    assertEquals("0.04", Format.number(0.04));
    assertEquals("0.00123", Format.number(0.001234));
    assertEquals("0", Format.number(-0.0));
    assertEquals("-8,500", Format.number(-8500));
    assertEquals("-", Format.number(Double.NaN));
    assertEquals("-", Format.number(Double.POSITIVE_INFINITY));
    assertEquals("+12,000", Format.signed(12_000));
    assertEquals("-750", Format.signed(-750));
    assertEquals("0", Format.signed(0));
    assertEquals("-", Format.signed(Double.NaN));
    assertEquals("40.0%", Format.percent(0.4));
    assertEquals("0.0%", Format.percent(-0.0001));
    assertEquals("-", Format.percent(Double.NaN));
  }

  @Test
  void ticksAreCompact() {
    assertEquals("250k", Format.compact(250_000));
    assertEquals("1.5M", Format.compact(1_500_000));
    assertEquals("2B", Format.compact(2e9));
    assertEquals("-20k", Format.compact(-20_000));
    assertEquals("500", Format.compact(500));
    assertEquals("-0.5", Format.compact(-0.5));
    assertEquals("2.5", Format.compact(2.5));
    assertEquals("0.025", Format.compact(0.025));
    assertEquals("0.3", Format.compact(0.1 * 3));
    assertEquals("7500", Format.compact(7500));
  }

  @Test
  void scaleIncludesZeroCoversTheValuesAndStepsNicely() {
    Scale s = Scale.over(List.of(870.0, Double.NaN, 12.0), 0, 350);
    List<Double> t = s.ticks();
    assertEquals(0.0, t.get(0));
    assertTrue(t.get(t.size() - 1) >= 870, t::toString);
    assertEquals(1000.0, t.get(t.size() - 1));
    assertEquals(0, s.x(0), 1e-9);
    assertEquals(350, s.x(1000), 1e-9);
    Scale neg = Scale.over(List.of(-8500.0, 12_000.0), 100, 500);
    assertTrue(neg.ticks().contains(0.0), neg.ticks()::toString);
    assertTrue(neg.ticks().get(0) <= -8500);
    Scale flat = Scale.over(List.of(Double.NaN), 0, 100);
    assertEquals(List.of(0.0, 0.25, 0.5, 0.75, 1.0), flat.ticks());
  }

  @Test
  void heatTextKeepsWcagContrastOfFourAndAHalf() {
    for (int i = 0; i <= 1000; i++) {
      double share = i / 1000.0;
      double bg = luminance(Palette.heat(share));
      double fg = luminance(Palette.textOnHeat(share));
      double ratio = (Math.max(bg, fg) + 0.05) / (Math.min(bg, fg) + 0.05);
      assertTrue(ratio >= 4.5, "share " + share + " contrast " + ratio);
    }
    assertEquals("#eff5fb", Palette.heat(-1));
    assertEquals("#08306b", Palette.heat(2));
  }

  private static double luminance(String hex) {
    double[] w = {0.2126, 0.7152, 0.0722};
    double l = 0;
    for (int k = 0; k < 3; k++) {
      double s = Integer.parseInt(hex.substring(1 + 2 * k, 3 + 2 * k), 16) / 255.0;
      l += w[k] * (s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4));
    }
    return l;
  }
}
