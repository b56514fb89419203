package dev.funnel.core.funnel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.core.Dataset;
import dev.funnel.core.Granularity;
import dev.funnel.core.Lead;
import dev.funnel.core.StageCatalog;
import dev.funnel.core.StageChange;
import dev.funnel.core.demo.DemoData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The stable byte form of {@link FunnelState}: a golden file of version 1, round trips, the merge
 * laws through bytes, determinism, and strict rejection of malformed bytes.
 */
class FunnelStateBytesTest {

  static final String GOLDEN = "funnel-state.v1.bin";
  static final Dataset DEMO = DemoData.builder().seed(11).leads(3_000).build().dataset();

  /** A fixed small state: four hand-made leads, cohort basis, months, two dimensions, horizon. */
  static FunnelState fixed() {
    StageCatalog c = StageCatalog.DEFAULT;
    FunnelQuery q = FunnelQuery.cohort()
        .between(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-07-01T00:00:00Z"))
        .per(Granularity.MONTH).by(Dimension.CHANNEL, Dimension.SEGMENT).within(Duration.ofDays(90));
    FunnelState t = FunnelState.empty(c, ZoneId.of("Europe/Berlin"), q);
    Lead a = new Lead("a", Instant.parse("2026-01-31T23:30:00Z"), "seo", null, "smb", null, null, Map.of());
    Lead b = new Lead("b", Instant.parse("2026-02-10T10:00:00Z"), "seo", null, "smb", null, null, Map.of());
    Lead d = new Lead("d", Instant.parse("2026-03-05T10:00:00Z"), "webinar", null, null, null, null, Map.of());
    Lead e = new Lead("e", Instant.parse("2025-12-05T10:00:00Z"), "seo", null, "smb", null, null, Map.of());
    t.add(LeadReach.of(a, List.of(StageChange.of("a", c.stage("SQL"), Instant.parse("2026-02-02T00:00:00Z"))), c));
    t.add(LeadReach.of(b, List.of(
        StageChange.of("b", c.stage("MQL"), Instant.parse("2026-02-11T00:00:00Z")),
        StageChange.of("b", c.stage("WON"), Instant.parse("2026-08-11T00:00:00Z"))), c));
    t.add(LeadReach.of(d, List.of(StageChange.of("d", c.stage("WON"), Instant.parse("2026-03-20T00:00:00Z"))), c));
    t.add(LeadReach.of(e, List.of(), c));
    return t;
  }

  static byte[] golden(String name, byte[] fresh) throws IOException {
    if (Boolean.getBoolean("funnel.writeGolden")) {
      Path p = Path.of("src/test/resources/dev/funnel/core/funnel", name);
      Files.write(p, fresh);
    }
    try (InputStream in = FunnelStateBytesTest.class.getResourceAsStream(name)) {
      assertNotNull(in, "golden file " + name + " is missing");
      return in.readAllBytes();
    }
  }

  @Test
  void goldenFileOfVersion1() throws IOException {
    FunnelState fresh = fixed();
    byte[] golden = golden(GOLDEN, fresh.toBytes());
    assertEquals(1, golden[0], "version byte");
    assertEquals(fresh, FunnelState.fromBytes(golden));
    assertArrayEquals(golden, fresh.toBytes());
    assertEquals(fresh.result(), FunnelState.fromBytes(golden).result());
    // the hand count: a (created 00:30 on 1 February, Berlin time) LEAD, MQL (implied), SQL;
    // b (February) LEAD, MQL, its WON 182 days later is beyond the 90-day horizon; d (March)
    // all eight stages; e, created before the window, is not counted
    FunnelReport r = fresh.result();
    assertEquals(List.of(3L, 3L, 2L, 1L, 1L), List.of(r.count("LEAD"), r.count("MQL"),
        r.count("SQL"), r.count("SAL"), r.count("WON")));
    assertEquals(List.of("2026-02", "2026-03"), r.periods().stream().map(PeriodFunnel::period).toList());
  }

  static List<FunnelQuery> queries() {
    return List.of(
        FunnelQuery.event(),
        FunnelQuery.event().per(Granularity.MONTH).by(Dimension.CHANNEL),
        FunnelQuery.cohort().per(Granularity.WEEK).by(Dimension.CHANNEL, Dimension.OWNER)
            .within(Duration.ofDays(30)),
        FunnelQuery.event().between(Instant.parse("2026-01-01T00:00:00Z"), null)
            .per(Granularity.QUARTER).by(Dimension.SEGMENT));
  }

  @Test
  void roundTripKeepsEveryCell() {
    for (FunnelQuery q : queries()) {
      FunnelState t = StageFunnel.tally(DEMO, q);
      FunnelState back = FunnelState.fromBytes(t.toBytes());
      assertEquals(t, back, q.toString());
      assertEquals(t.hashCode(), back.hashCode());
      assertEquals(StageFunnel.compute(DEMO, q), back.result(), q.toString());
    }
    FunnelState empty = FunnelState.empty(StageCatalog.DEFAULT, ZoneId.of("UTC"), FunnelQuery.event());
    assertEquals(empty, FunnelState.fromBytes(empty.toBytes()));
  }

  static FunnelState tally(List<Lead> leads, FunnelQuery q) {
    FunnelState t = FunnelState.empty(DEMO.catalog(), DEMO.zone(), q);
    for (Lead l : leads) {
      t.add(LeadReach.of(DEMO, l));
    }
    return t;
  }

  @Test
  void mergeLawsHoldThroughBytes() {
    List<Lead> leads = DEMO.leads();
    for (FunnelQuery q : queries()) {
      List<List<Lead>> parts = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
      for (int i = 0; i < leads.size(); i++) {
        parts.get(i * 7 % 3).add(leads.get(i));
      }
      FunnelState a = FunnelState.fromBytes(tally(parts.get(0), q).toBytes());
      FunnelState b = FunnelState.fromBytes(tally(parts.get(1), q).toBytes());
      FunnelState c = FunnelState.fromBytes(tally(parts.get(2), q).toBytes());
      FunnelState whole = StageFunnel.tally(DEMO, q);
      FunnelState merged = FunnelState.fromBytes(a.merge(b).merge(c).toBytes());
      assertEquals(whole, merged, "parts equal the whole");
      assertArrayEquals(whole.toBytes(), merged.toBytes());
      assertEquals(whole.result(), merged.result());
      assertEquals(a.merge(b.merge(c)), a.merge(b).merge(c), "associative");
      assertEquals(a.merge(b), b.merge(a), "commutative");
      FunnelState empty = FunnelState.fromBytes(FunnelState.empty(DEMO.catalog(), DEMO.zone(), q).toBytes());
      assertEquals(a, empty.merge(a), "identity");
    }
  }

  @Test
  void bytesDoNotDependOnRowOrder() {
    FunnelQuery q = FunnelQuery.event().per(Granularity.MONTH).by(Dimension.CHANNEL, Dimension.CAMPAIGN);
    List<Lead> leads = new ArrayList<>(DEMO.leads());
    byte[] forward = tally(leads, q).toBytes();
    Collections.reverse(leads);
    assertArrayEquals(forward, tally(leads, q).toBytes());
  }

  @Test
  void malformedBytesAreExplained() {
    byte[] good = fixed().toBytes();
    assertTrue(assertThrows(IllegalArgumentException.class, () -> FunnelState.fromBytes(null))
        .getMessage().contains("empty"));
    assertThrows(IllegalArgumentException.class, () -> FunnelState.fromBytes(new byte[0]));
    byte[] v2 = good.clone();
    v2[0] = 2;
    assertTrue(assertThrows(IllegalArgumentException.class, () -> FunnelState.fromBytes(v2))
        .getMessage().contains("version 2"));
    for (int n = 1; n < good.length; n++) {
      byte[] cut = Arrays.copyOf(good, n);
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> FunnelState.fromBytes(cut), "prefix " + n);
      assertTrue(e.getMessage().startsWith("funnel state bytes"), e.getMessage());
    }
    byte[] longer = Arrays.copyOf(good, good.length + 1);
    assertTrue(assertThrows(IllegalArgumentException.class, () -> FunnelState.fromBytes(longer))
        .getMessage().contains("trailing"));
    // any single corrupted byte gives a state or an explained IllegalArgumentException
    for (int i = 1; i < good.length; i++) {
      for (int flip : new int[] {0x01, 0x80, 0xFF}) {
        byte[] bad = good.clone();
        bad[i] ^= (byte) flip;
        try {
          FunnelState.fromBytes(bad);
        } catch (IllegalArgumentException e) {
          assertTrue(e.getMessage().startsWith("funnel state bytes"), e.getMessage());
        }
      }
    }
  }
}
