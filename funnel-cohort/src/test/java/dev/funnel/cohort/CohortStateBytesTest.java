package dev.funnel.cohort;

import static dev.funnel.cohort.CohortFixtures.pay;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.core.Granularity;
import dev.funnel.core.Payment;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The stable byte form of {@link CohortState}: golden file of version 1, round trips on every
 * granularity and basis, the merge laws through bytes, determinism and strict reading.
 */
class CohortStateBytesTest {

  static final ZoneId ZONE = ZoneId.of("America/New_York");

  /** A fixed small state: lead basis, months, three customers, a refund, an anchor without pay. */
  static CohortState fixed() {
    CohortState s = Cohorts.empty(Granularity.MONTH, ZONE, CohortBasis.LEAD);
    s.anchor("c1", Instant.parse("2026-01-10T12:00:00Z"));
    s.anchor("c2", Instant.parse("2026-02-01T03:00:00Z")); // still January in New York
    s.anchor("c3", Instant.parse("2026-03-15T12:00:00Z"));
    s.add(pay("c1", "2026-01-20T12:00:00Z", "100.00"));
    s.add(pay("c1", "2026-02-20T12:00:00Z", "50.5"));
    s.add(pay("c2", "2026-02-02T12:00:00Z", "80"));
    s.add(pay("c2", "2026-02-05T12:00:00Z", "-80"));
    s.add(pay("c4", "2026-04-01T12:00:00Z", "10"));
    return s;
  }

  static byte[] golden(String name, byte[] fresh) throws IOException {
    if (Boolean.getBoolean("funnel.writeGolden")) {
      Files.write(Path.of("src/test/resources/dev/funnel/cohort", name), fresh);
    }
    try (InputStream in = CohortStateBytesTest.class.getResourceAsStream(name)) {
      assertNotNull(in, "golden file " + name + " is missing");
      return in.readAllBytes();
    }
  }

  @Test
  void goldenFileOfVersion1() throws IOException {
    CohortState fresh = fixed();
    byte[] golden = golden("cohort-state.v1.bin", fresh.toBytes());
    assertEquals(1, golden[0]);
    assertEquals(fresh, CohortState.fromBytes(golden));
    assertArrayEquals(golden, fresh.toBytes());
    CohortTable t = CohortState.fromBytes(golden).result();
    assertEquals(fresh.result(), t);
    // c1 and c2 in the January cohort, c3 in March; c4 has no anchor
    assertEquals(2, t.cohorts().get(0).size());
    assertEquals("2026-01", t.cohorts().get(0).cohort().label());
    assertEquals(1, t.customersOutside());
  }

  static CohortState state(Granularity g, CohortBasis basis, List<Payment> payments) {
    CohortState s = Cohorts.empty(g, ZONE, basis);
    for (Payment p : payments) {
      if (basis != CohortBasis.PAYMENT) {
        s.anchor(p.customerId(), p.paidAt().minusSeconds(86_400L * (p.customerId().length() % 40)));
      }
      s.add(p);
    }
    return s;
  }

  @Test
  void roundTripAndMergeLawsThroughBytes() {
    for (Granularity g : Granularity.values()) {
      for (CohortBasis basis : List.of(CohortBasis.PAYMENT, CohortBasis.LEAD)) {
        List<Payment> all = CohortFixtures.random(g.ordinal() + 3, 300);
        CohortState whole = state(g, basis, all);
        assertEquals(whole, CohortState.fromBytes(whole.toBytes()), g + " " + basis);
        assertEquals(whole.result(), CohortState.fromBytes(whole.toBytes()).result());
        CohortState a = CohortState.fromBytes(state(g, basis, all.subList(0, 100)).toBytes());
        CohortState b = CohortState.fromBytes(state(g, basis, all.subList(100, 170)).toBytes());
        CohortState c = CohortState.fromBytes(state(g, basis, all.subList(170, 300)).toBytes());
        CohortState merged = CohortState.fromBytes(c.merge(a).merge(b).toBytes());
        assertArrayEquals(whole.toBytes(), merged.toBytes(), "parts equal the whole");
        assertEquals(whole.result(), merged.result());
        assertEquals(whole.bridge(), merged.bridge());
        assertEquals(a.merge(b.merge(c)), a.merge(b).merge(c), "associative");
        assertEquals(a.merge(b), b.merge(a), "commutative");
        CohortState empty = CohortState.fromBytes(Cohorts.empty(g, ZONE, basis).toBytes());
        assertEquals(a, empty.merge(a), "identity");
      }
    }
  }

  @Test
  void bytesDoNotDependOnRowOrder() {
    List<Payment> all = new ArrayList<>(CohortFixtures.random(17, 400));
    byte[] forward = state(Granularity.WEEK, CohortBasis.LEAD, all).toBytes();
    Collections.shuffle(all, new Random(3));
    assertArrayEquals(forward, state(Granularity.WEEK, CohortBasis.LEAD, all).toBytes());
  }

  @Test
  void malformedBytesAreExplained() {
    byte[] good = fixed().toBytes();
    assertThrows(IllegalArgumentException.class, () -> CohortState.fromBytes(null));
    assertThrows(IllegalArgumentException.class, () -> CohortState.fromBytes(new byte[0]));
    byte[] v3 = good.clone();
    v3[0] = 3;
    assertTrue(assertThrows(IllegalArgumentException.class, () -> CohortState.fromBytes(v3))
        .getMessage().contains("version 3"));
    for (int n = 1; n < good.length; n++) {
      byte[] cut = Arrays.copyOf(good, n);
      IllegalArgumentException e = assertThrows(
          IllegalArgumentException.class, () -> CohortState.fromBytes(cut), "prefix " + n);
      assertTrue(e.getMessage().startsWith("cohort state bytes"), e.getMessage());
    }
    assertThrows(IllegalArgumentException.class,
        () -> CohortState.fromBytes(Arrays.copyOf(good, good.length + 1)));
    byte[] payment = Cohorts.empty(Granularity.MONTH, ZONE).toBytes();
    byte[] withAnchor = fixed().toBytes();
    // the basis field of the fixed state names LEAD: a PAYMENT state with anchors is rejected
    String text = new String(withAnchor, java.nio.charset.StandardCharsets.ISO_8859_1)
        .replace("LEAD", "XXXX");
    assertThrows(IllegalArgumentException.class, () -> CohortState.fromBytes(
        text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)));
    assertEquals(Cohorts.empty(Granularity.MONTH, ZONE), CohortState.fromBytes(payment));
    for (int i = 1; i < good.length; i++) {
      for (int flip : new int[] {0x01, 0x80, 0xFF}) {
        byte[] bad = good.clone();
        bad[i] ^= (byte) flip;
        try {
          CohortState.fromBytes(bad);
        } catch (IllegalArgumentException e) {
          assertTrue(e.getMessage().startsWith("cohort state bytes"), e.getMessage());
        }
      }
    }
  }
}
