package dev.funnel.core.live;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.funnel.core.Activity;
import dev.funnel.core.Granularity;
import dev.funnel.core.Lead;
import dev.funnel.core.Money;
import dev.funnel.core.Payment;
import dev.funnel.core.Period;
import dev.funnel.core.PlanTarget;
import dev.funnel.core.Spend;
import dev.funnel.core.StageCatalog;
import dev.funnel.core.StageChange;
import dev.funnel.core.Touch;
import dev.funnel.core.TouchKind;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The checkpoints of a fixed state, kept as golden files: version 2 (the current layout) still
 * reads and the same state still writes it byte for byte; version 1 (no currency after a stage
 * amount or a touch cost) still reads, its amounts without a currency. A change of layout needs a
 * new version, not an edit.
 */
class CheckpointGoldenTest {

  static LiveFunnel.Builder config() {
    return LiveFunnel.builder().rule(new TriggerRule.Stale("stale", Duration.ofDays(3), "nudge"));
  }

  /**
   * Every kind of row, with nulls, a sub-second time, attributes and a correction; the stage
   * amount states the funnel's currency, the touch cost states none.
   */
  static LiveFunnel state() {
    return state(Money.of("1200.50", "EUR"));
  }

  /** The state of the version-1 golden file: a stage amount without a currency. */
  static LiveFunnel stateV1() {
    return state(Money.of("1200.50"));
  }

  private static LiveFunnel state(Money stageAmount) {
    Instant t = Instant.parse("2026-02-03T10:15:30.123456789Z");
    LiveFunnel f = config().build();
    f.apply(
        LiveEvent.of(new Lead("L-1", t, "seo", "spring", "smb", "anna", null,
            Map.of("region", "Київ", "size", "12"))),
        LiveEvent.of("s1", 2, new StageChange("L-1", StageCatalog.DEFAULT.stage("MQL"),
            t.plusSeconds(60), null, null, "anna")),
        LiveEvent.of("s2", new StageChange("L-1", StageCatalog.DEFAULT.stage("LOST"),
            t.plusSeconds(7200), "price", stageAmount, null)),
        LiveEvent.of("a1", new Activity("L-1", t.plusSeconds(120), "call", "anna", "no answer")),
        LiveEvent.of("t1", new Touch("L-1", t.minusSeconds(600), "ads", null, TouchKind.OFFLINE,
            Money.of("3.20"))),
        LiveEvent.of("p1", new Payment("P-1", "C-1", "L-1", t.plusSeconds(86_400),
            Money.of("99.99", "EUR"), "pro")),
        LiveEvent.of("x1", new Spend(LocalDate.of(2026, 2, 1), "ads", "spring",
            Money.of("500", "EUR"))),
        LiveEvent.of("x2", new PlanTarget(Period.of(Granularity.MONTH, LocalDate.of(2026, 2, 1)),
            "leads", new BigDecimal("100"), "seo")));
    f.advanceTo(Instant.parse("2026-03-01T00:00:00Z"));
    return f;
  }

  @Test
  void versionTwoGoldenReadsAndIsWrittenByteForByte() throws IOException {
    byte[] golden = golden("checkpoint-v2.bin");
    assertArrayEquals(golden, state().toBytes());
    LiveFunnel back = LiveFunnel.restore(golden, config());
    assertArrayEquals(golden, back.toBytes());
    assertEquals(8, back.size());
    assertEquals("Київ", back.history("L-1").lead().attributes().get("region"));
    assertEquals(Money.of("1200.50", "EUR"), lost(back).amount());
    assertEquals(Money.of("3.20"), back.history("L-1").touches().get(0).cost());
  }

  @Test
  void versionOneGoldenStillReadsItsAmountsWithoutACurrency() throws IOException {
    LiveFunnel back = LiveFunnel.restore(golden("checkpoint-v1.bin"), config());
    assertEquals(8, back.size());
    assertEquals("Київ", back.history("L-1").lead().attributes().get("region"));
    assertEquals(Money.of("1200.50"), lost(back).amount());
    assertEquals(Money.UNSPECIFIED, lost(back).amount().currency());
    assertEquals(Money.of("3.20"), back.history("L-1").touches().get(0).cost());
    // the same state as the one that wrote it, now in the current layout
    assertArrayEquals(stateV1().toBytes(), back.toBytes());
  }

  private static StageChange lost(LiveFunnel f) {
    return f.history("L-1").stages().stream().filter(s -> s.stage().exit()).findFirst()
        .orElseThrow();
  }

  private byte[] golden(String name) throws IOException {
    try (InputStream in = getClass().getResourceAsStream(name)) {
      return in.readAllBytes();
    }
  }

  /** Writes the golden file (run by hand when a new version is introduced). */
  public static void main(String[] args) throws IOException {
    java.nio.file.Files.write(java.nio.file.Path.of(args[0]), state().toBytes());
  }
}
