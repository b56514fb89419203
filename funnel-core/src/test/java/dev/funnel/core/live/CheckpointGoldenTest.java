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
 * The version-1 checkpoint of a fixed state, kept as a golden file: it still reads, and the same
 * state still writes it byte for byte (a change of layout needs a new version, not an edit).
 */
class CheckpointGoldenTest {

  static LiveFunnel.Builder config() {
    return LiveFunnel.builder().rule(new TriggerRule.Stale("stale", Duration.ofDays(3), "nudge"));
  }

  /** Every kind of row, with nulls, a sub-second time, attributes and a correction. */
  static LiveFunnel state() {
    Instant t = Instant.parse("2026-02-03T10:15:30.123456789Z");
    LiveFunnel f = config().build();
    f.apply(
        LiveEvent.of(new Lead("L-1", t, "seo", "spring", "smb", "anna", null,
            Map.of("region", "Київ", "size", "12"))),
        LiveEvent.of("s1", 2, new StageChange("L-1", StageCatalog.DEFAULT.stage("MQL"),
            t.plusSeconds(60), null, null, "anna")),
        LiveEvent.of("s2", new StageChange("L-1", StageCatalog.DEFAULT.stage("LOST"),
            t.plusSeconds(7200), "price", new BigDecimal("1200.50"), null)),
        LiveEvent.of("a1", new Activity("L-1", t.plusSeconds(120), "call", "anna", "no answer")),
        LiveEvent.of("t1", new Touch("L-1", t.minusSeconds(600), "ads", null, TouchKind.OFFLINE,
            new BigDecimal("3.20"))),
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
  void versionOneGoldenReadsAndIsWrittenByteForByte() throws IOException {
    byte[] golden;
    try (InputStream in = getClass().getResourceAsStream("checkpoint-v1.bin")) {
      golden = in.readAllBytes();
    }
    assertArrayEquals(golden, state().toBytes());
    LiveFunnel back = LiveFunnel.restore(golden, config());
    assertArrayEquals(golden, back.toBytes());
    assertEquals(8, back.size());
    assertEquals("Київ", back.history("L-1").lead().attributes().get("region"));
  }

  /** Writes the golden file (run by hand when a new version is introduced). */
  public static void main(String[] args) throws IOException {
    java.nio.file.Files.write(java.nio.file.Path.of(args[0]), state().toBytes());
  }
}
