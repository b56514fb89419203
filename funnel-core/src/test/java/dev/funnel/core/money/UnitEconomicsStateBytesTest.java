package dev.funnel.core.money;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.core.Dataset;
import dev.funnel.core.Lead;
import dev.funnel.core.Payment;
import dev.funnel.core.Spend;
import dev.funnel.core.demo.DemoData;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The stable byte form of {@link UnitEconomicsState} (golden file, round trip, merge laws through bytes,
 * strict reading) and the shared per-row steps of {@link UnitEconomics}: rows grouped by customer
 * and fed in any order give the state of one pass over the dataset.
 */
class UnitEconomicsStateBytesTest {

  static final Dataset DEMO = DemoData.builder().seed(5).leads(3_000).build().dataset();
  static final LocalDate FROM = LocalDate.of(2025, 12, 1);
  static final LocalDate TO = LocalDate.of(2026, 9, 1);

  /** A fixed small state: two channels, a campaign and none, a refund, scales kept. */
  static UnitEconomicsState fixed() {
    return UnitEconomicsState.empty()
        .addSpend("seo", null, new BigDecimal("100.50"))
        .addSpend("paid_search", "brand", new BigDecimal("250"))
        .addLead("seo", null).addLead("seo", null).addLead("paid_search", "brand")
        .addCustomer("paid_search", "brand")
        .addRevenue("paid_search", "brand", new BigDecimal("900.00"), true)
        .addRevenue("paid_search", "brand", new BigDecimal("-100.00"), true)
        .addRevenue("(none)", null, new BigDecimal("42"), false);
  }

  static byte[] golden(String name, byte[] fresh) throws IOException {
    if (Boolean.getBoolean("funnel.writeGolden")) {
      Files.write(Path.of("src/test/resources/dev/funnel/core/money", name), fresh);
    }
    try (InputStream in = UnitEconomicsStateBytesTest.class.getResourceAsStream(name)) {
      assertNotNull(in, "golden file " + name + " is missing");
      return in.readAllBytes();
    }
  }

  @Test
  void goldenFileOfVersion2() throws IOException {
    UnitEconomicsState fresh = fixed();
    byte[] golden = golden("unit-economics-state.v2.bin", fresh.toBytes());
    assertEquals(2, golden[0]);
    assertEquals(fresh, UnitEconomicsState.fromBytes(golden));
    assertArrayEquals(golden, fresh.toBytes());
    UnitReport r = UnitEconomicsState.fromBytes(golden).result("USD", null, "all");
    assertEquals(fresh.result("USD", null, "all"), r);
    assertEquals(new BigDecimal("842.00"), r.total().revenue(), "900.00 - 100.00 + 42");
    assertEquals(1, r.channel("seo").spendRows());
    assertEquals(0, r.channel("(none)").spendRows());
    assertTrue(Double.isNaN(r.channel("(none)").drr()), "revenue without spend rows: DRR unknown");
  }

  @Test
  void version1BytesWithoutSpendRowsAreRefused() throws IOException {
    // version 1 had no spend-row count, so it cannot tell unknown spend from zero spend
    try (InputStream in = UnitEconomicsStateBytesTest.class.getResourceAsStream("unit-economics-state.v1.bin")) {
      byte[] v1 = in.readAllBytes();
      String m = assertThrows(IllegalArgumentException.class, () -> UnitEconomicsState.fromBytes(v1))
          .getMessage();
      assertTrue(m.contains("version 1") && m.contains("version 2"), m);
    }
  }

  @Test
  void roundTripAndMergeLawsThroughBytes() {
    UnitEconomicsState whole = UnitEconomics.tally(DEMO, FROM, TO, UnitEconomics.NON_MARKETING);
    assertEquals(whole, UnitEconomicsState.fromBytes(whole.toBytes()));
    assertEquals(whole.result("USD", null, "w"),
        UnitEconomicsState.fromBytes(whole.toBytes()).result("USD", null, "w"));
    // three parts: leads, spend, paying customers, each through bytes
    UnitEconomicsState leads = UnitEconomicsState.empty();
    DEMO.leads().forEach(l -> UnitEconomics.addLead(leads, l, DEMO.zone(), FROM, TO));
    UnitEconomicsState spend = UnitEconomicsState.empty();
    DEMO.spend().forEach(s -> UnitEconomics.addSpend(spend, s, FROM, TO));
    UnitEconomicsState customers = byCustomer(new Random(1));
    UnitEconomicsState a = UnitEconomicsState.fromBytes(leads.toBytes());
    UnitEconomicsState b = UnitEconomicsState.fromBytes(spend.toBytes());
    UnitEconomicsState c = UnitEconomicsState.fromBytes(customers.toBytes());
    assertArrayEquals(whole.toBytes(), a.merge(b).merge(c).toBytes(), "parts equal the whole");
    assertEquals(a.merge(b.merge(c)), c.merge(a).merge(b), "associative, commutative");
    assertEquals(a, UnitEconomicsState.fromBytes(UnitEconomicsState.empty().toBytes()).merge(a), "identity");
  }

  /** The per-customer step over rows grouped by customer, groups and rows shuffled. */
  static UnitEconomicsState byCustomer(Random rnd) {
    Map<String, List<Lead>> leads = new TreeMap<>();
    for (Lead l : DEMO.leads()) {
      leads.computeIfAbsent(l.customerId(), k -> new ArrayList<>()).add(l);
    }
    Map<String, List<Payment>> payments = new TreeMap<>();
    for (Payment p : DEMO.payments()) {
      payments.computeIfAbsent(p.customerId(), k -> new ArrayList<>()).add(p);
    }
    List<String> customers = new ArrayList<>(payments.keySet());
    Collections.shuffle(customers, rnd);
    UnitEconomicsState t = UnitEconomicsState.empty();
    for (String c : customers) {
      List<Lead> ls = new ArrayList<>(leads.getOrDefault(c, List.of()));
      List<Payment> ps = new ArrayList<>(payments.get(c));
      Collections.shuffle(ls, rnd);
      Collections.shuffle(ps, rnd);
      UnitEconomics.addCustomer(t, ls, ps, DEMO.zone(), FROM, TO, UnitEconomics.NON_MARKETING);
    }
    return t;
  }

  @Test
  void sharedStepsInAnyOrderGiveTheOnePassTally() {
    UnitEconomicsState t = UnitEconomicsState.empty();
    List<Spend> spend = new ArrayList<>(DEMO.spend());
    Collections.reverse(spend);
    spend.forEach(s -> UnitEconomics.addSpend(t, s, null, null));
    List<Lead> leads = new ArrayList<>(DEMO.leads());
    Collections.reverse(leads);
    leads.forEach(l -> UnitEconomics.addLead(t, l, DEMO.zone(), null, null));
    UnitEconomicsState onePass = UnitEconomics.tally(DEMO, null, null, UnitEconomics.NON_MARKETING);
    assertEquals(onePass, byCustomerOpen(t));
    assertEquals(onePass.result("USD", new BigDecimal("0.7"), "all"),
        t.result("USD", new BigDecimal("0.7"), "all"));
  }

  private static UnitEconomicsState byCustomerOpen(UnitEconomicsState t) {
    Map<String, List<Lead>> leads = new TreeMap<>();
    DEMO.leads().forEach(l -> leads.computeIfAbsent(l.customerId(), k -> new ArrayList<>()).add(l));
    Map<String, List<Payment>> payments = new TreeMap<>();
    DEMO.payments().forEach(p -> payments.computeIfAbsent(p.customerId(), k -> new ArrayList<>()).add(p));
    payments.forEach((c, ps) -> UnitEconomics.addCustomer(t, leads.getOrDefault(c, List.of()), ps,
        DEMO.zone(), null, null, UnitEconomics.NON_MARKETING));
    return t;
  }

  @Test
  void malformedBytesAreExplained() {
    byte[] good = fixed().toBytes();
    assertThrows(IllegalArgumentException.class, () -> UnitEconomicsState.fromBytes(null));
    assertThrows(IllegalArgumentException.class, () -> UnitEconomicsState.fromBytes(new byte[0]));
    byte[] v9 = good.clone();
    v9[0] = 9;
    assertTrue(assertThrows(IllegalArgumentException.class, () -> UnitEconomicsState.fromBytes(v9))
        .getMessage().contains("version 9"));
    for (int n = 1; n < good.length; n++) {
      byte[] cut = Arrays.copyOf(good, n);
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> UnitEconomicsState.fromBytes(cut), "prefix " + n);
      assertTrue(e.getMessage().startsWith("unit-economics state bytes"), e.getMessage());
    }
    assertThrows(IllegalArgumentException.class,
        () -> UnitEconomicsState.fromBytes(Arrays.copyOf(good, good.length + 3)));
    for (int i = 1; i < good.length; i++) {
      for (int flip : new int[] {0x01, 0x80, 0xFF}) {
        byte[] bad = good.clone();
        bad[i] ^= (byte) flip;
        try {
          UnitEconomicsState.fromBytes(bad);
        } catch (IllegalArgumentException e) {
          assertTrue(e.getMessage().startsWith("unit-economics state bytes"), e.getMessage());
        }
      }
    }
  }
}
