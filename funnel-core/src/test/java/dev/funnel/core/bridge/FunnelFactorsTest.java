package dev.funnel.core.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The factor table's optional parts by name: each part adds exactly its factors (FunnelBridge's
 * class comment), the product of a segment's factors is its revenue (or velocity) in both states,
 * and the bridge passes its configuration as these parts.
 */
class FunnelFactorsTest {

  private static final List<String> STAGES = List.of("LEAD", "SQL", "WON");

  /** Counts with an existing-customer part and known cycle days. */
  private static FunnelCounts counts(double leads, double sql, double won, String revenue,
      double base, double active, String existing, double cycleDays) {
    return new FunnelCounts(STAGES, List.of(leads, sql, won), Double.NaN, new BigDecimal(revenue),
        base, active, new BigDecimal(existing), cycleDays);
  }

  private static Set<String> factors(FunnelFactors f) {
    Set<String> out = new LinkedHashSet<>();
    for (FactorRow r : f.table().rows()) {
      out.add(r.factor());
    }
    return out;
  }

  private static Set<String> segments(FunnelFactors f) {
    Set<String> out = new LinkedHashSet<>();
    for (FactorRow r : f.table().rows()) {
      out.add(r.segment());
    }
    return out;
  }

  /** The product of a segment's factors in one state (0: base, 1: current). */
  private static double product(FunnelFactors f, String segment, int state) {
    double p = 1;
    for (FactorRow r : f.table().rows()) {
      if (r.segment().equals(segment)) {
        p *= state == 0 ? r.base() : r.current();
      }
    }
    return p;
  }

  @Test
  void eachPartAddsItsFactorsAndTheProductsStayExact() {
    Map<String, FunnelCounts> feb = Map.of("", counts(10, 4, 2, "800", 0, 0, "0", 20));
    Map<String, FunnelCounts> mar = Map.of("", counts(12, 6, 3, "900", 0, 0, "0", 45));
    FunnelFactors none = FunnelFactors.of("feb", feb, "mar", mar, EnumSet.noneOf(FunnelFactors.Part.class));
    assertEquals(List.of("leads", "lead->sql", "win rate", "average deal"), new ArrayList<>(factors(none)));
    // leads x lead->sql x win rate x average deal = revenue, by hand: 10 x 0.4 x 0.5 x 400 = 800
    assertEquals(800, product(none, "", 0), 1e-9);
    assertEquals(900, product(none, "", 1), 1e-9);

    FunnelFactors velocity = FunnelFactors.of("feb", feb, "mar", mar, EnumSet.of(FunnelFactors.Part.VELOCITY));
    assertEquals(List.of("leads", "lead->sql", "win rate", "average deal", "cycle speed"),
        new ArrayList<>(factors(velocity)));
    // velocity = revenue / mean cycle: 800 / (20 / 2) = 80 a day, 900 / (45 / 3) = 60
    assertEquals(80, product(velocity, "", 0), 1e-9);
    assertEquals(60, product(velocity, "", 1), 1e-9);

    Map<String, FunnelCounts> febEx = Map.of("", counts(10, 4, 2, "800", 5, 4, "300", 20));
    Map<String, FunnelCounts> marEx = Map.of("", counts(12, 6, 3, "900", 6, 3, "240", 45));
    FunnelFactors split = FunnelFactors.of("feb", febEx, "mar", marEx, EnumSet.of(FunnelFactors.Part.NEW_VS_EXISTING));
    assertEquals(Set.of(FunnelBridge.NEW_SEGMENT, FunnelBridge.EXISTING_SEGMENT), segments(split));
    assertTrue(factors(split).containsAll(List.of(FunnelBridge.ACTIVE_BASE, FunnelBridge.RETENTION,
        FunnelBridge.REVENUE_PER_ACTIVE)));
    // existing: base 5 x retention 4/5 x 300/4 = 300; base 6 x 3/6 x 240/3 = 240
    assertEquals(300, product(split, FunnelBridge.EXISTING_SEGMENT, 0), 1e-9);
    assertEquals(240, product(split, FunnelBridge.EXISTING_SEGMENT, 1), 1e-9);
    assertEquals(800, product(split, FunnelBridge.NEW_SEGMENT, 0), 1e-9);
    // without the part, existing customers are refused with the part's name in the message
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> FunnelFactors.of("feb", febEx, "mar", marEx, EnumSet.noneOf(FunnelFactors.Part.class)));
    assertTrue(e.getMessage().contains("newVsExisting()"), e.getMessage());

    Map<String, FunnelCounts> febBy = Map.of("seo", counts(6, 3, 1, "500", 0, 0, "0", 10),
        "ads", counts(4, 1, 1, "300", 0, 0, "0", 10));
    Map<String, FunnelCounts> marBy = Map.of("seo", counts(5, 2, 1, "450", 0, 0, "0", 10),
        "ads", counts(7, 4, 2, "450", 0, 0, "0", 10));
    FunnelFactors mix = FunnelFactors.of("feb", febBy, "mar", marBy, EnumSet.of(FunnelFactors.Part.SOURCE_MIX));
    assertTrue(factors(mix).contains(FunnelBridge.SOURCE_MIX));
    // the volume factor is the total of both segments, the mix the segment's share: 10 x 0.6 = 6
    assertEquals(500, product(mix, "seo", 0), 1e-9);
    assertEquals(450, product(mix, "ads", 1), 1e-9);
    for (FactorRow r : mix.table().rows()) {
      if (r.factor().equals("leads")) {
        assertEquals(10, r.base(), 0);
        assertEquals(12, r.current(), 0);
      }
    }
    e = assertThrows(IllegalArgumentException.class,
        () -> FunnelFactors.of("feb", febBy, "mar", marBy, EnumSet.noneOf(FunnelFactors.Part.class)));
    assertTrue(e.getMessage().contains("without a breakdown"), e.getMessage());
  }

  @Test
  void theBridgeAsksForThePartsItIsConfiguredWith() {
    Map<String, FunnelCounts> feb = Map.of("", counts(10, 4, 2, "800", 5, 4, "300", 20));
    Map<String, FunnelCounts> mar = Map.of("", counts(12, 6, 3, "900", 6, 3, "240", 45));
    FunnelBridgeResult r = FunnelBridge.builder().newVsExisting().build().decompose("feb", feb, "mar", mar);
    assertEquals(FunnelFactors.of("feb", feb, "mar", mar, EnumSet.of(FunnelFactors.Part.NEW_VS_EXISTING))
        .table(), r.factors());
    Map<String, FunnelCounts> febNew = Map.of("", counts(10, 4, 2, "800", 0, 0, "0", 20));
    Map<String, FunnelCounts> marNew = Map.of("", counts(12, 6, 3, "900", 0, 0, "0", 45));
    FunnelBridgeResult v = FunnelBridge.builder().velocity().build().decompose("feb", febNew, "mar", marNew);
    assertEquals(FunnelFactors.of("feb", febNew, "mar", marNew, EnumSet.of(FunnelFactors.Part.VELOCITY))
        .table(), v.factors());
  }
}
