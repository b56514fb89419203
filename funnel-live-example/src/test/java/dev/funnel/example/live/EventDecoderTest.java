package dev.funnel.example.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.core.Lead;
import dev.funnel.core.Money;
import dev.funnel.core.Spend;
import dev.funnel.core.StageCatalog;
import dev.funnel.core.StageChange;
import dev.funnel.core.live.LiveEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The event lines decode to the rows a dataset file's lines give (hand-written lines, their rows
 * typed in); bad lines are refused naming the line; the write-ahead log keeps committed records
 * only.
 */
class EventDecoderTest {

  private static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");
  private final EventDecoder decoder = new EventDecoder(KYIV, StageCatalog.DEFAULT);

  @Test
  void linesDecodeToTheirRows() {
    EventDecoder.Batch b = decoder.decode(String.join("\r\n",
        "{\"table\":\"leads\",\"lead_id\":\"L1\",\"created_at\":\"2026-03-02T09:00:00\","
            + "\"channel\":\"seo\",\"Region\":\"west\"}",
        "",
        "{\"id\":\"e1\",\"version\":3,\"table\":\"stages\",\"lead_id\":\"L1\",\"stage\":\"mql\","
            + "\"at\":\"2026-03-02T10:00:00Z\",\"amount\":null}",
        "{\"id\":\"m1\",\"version\":\"2\",\"table\":\"SPEND\",\"date\":\"2026-03-01\","
            + "\"channel\":\"seo\",\"amount\":100.50,\"currency\":\"usd\"}"));
    // 09:00 without an offset is local time in Kyiv (UTC+2 in March): 07:00Z
    Lead lead = new Lead("L1", Instant.parse("2026-03-02T07:00:00Z"), "seo", null, null, null,
        null, Map.of("region", "west"));
    assertEquals(List.of(LiveEvent.of("lead:L1", 0, lead),
        LiveEvent.of("e1", 3, new StageChange("L1", StageCatalog.DEFAULT.stage("MQL"),
            Instant.parse("2026-03-02T10:00:00Z"), null, null, null)),
        LiveEvent.of("m1", 2, new Spend(LocalDate.of(2026, 3, 1), "seo", null,
            Money.of("100.50", "USD")))), b.events());
    assertEquals(3, b.lines().size());
  }

  private void refused(String body, String message) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> decoder.decode(body));
    assertEquals(message, e.getMessage());
  }

  @Test
  void badLinesAreRefusedNamingTheLine() {
    String ok = "{\"id\":\"a\",\"table\":\"activities\",\"lead_id\":\"L\",\"at\":\"2026-01-01\","
        + "\"type\":\"call\"}\n";
    refused(ok + "[1,2]", "line 2: each line must be one JSON object");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> decoder.decode(ok + "{\"id\":"));
    assertTrue(e.getMessage().startsWith("line 2: not valid JSON: Unexpected end-of-input"),
        e.getMessage()); // the rest is Jackson's wording
    refused("{\"id\":\"a\",\"table\":\"paths\"}", "line 1: field table must name one of"
        + " [activities, leads, payments, plan, spend, stages, touches], not 'paths'");
    refused("{\"id\":\"a\"}", "line 1: field table must name one of [activities, leads,"
        + " payments, plan, spend, stages, touches]; it is missing");
    refused(ok.replace("\"id\":\"a\",", ""), "line 1: field id (the event's identity) is"
        + " missing; only a lead's defaults (to lead: and its lead_id)");
    refused(ok.replace("\"id\":\"a\"", "\"id\":\"a\",\"version\":1.5"),
        "line 1: field version must be a whole number, not '1.5'");
    refused(ok.replace("\"id\":\"a\"", "\"id\":\"a\",\"ID\":\"b\""), "line 1: field id appears"
        + " twice");
    refused(ok.replace("\"type\":\"call\"", "\"type\":{\"x\":1}"), "line 1: field type holds a"
        + " JSON object or array; expected text, a number or null");
    refused(ok + "{\"id\":\"a\"} {}", "line 2: each line must be one JSON object, nothing after"
        + " it");
  }

  @Test
  void theLogKeepsCommittedRecordsOnly(@TempDir Path dir) throws Exception {
    try (Journal j = new Journal(dir)) {
      j.append(List.of("{\"a\":1}", "{\"b\":2}"));
      j.advance(Instant.parse("2026-01-01T00:00:00Z"));
      j.append(List.of("{\"c\":3}"));
    }
    // a batch cut short by a crash: events without their commit, a line without its end
    Files.writeString(dir.resolve("events.wal"), "E {\"d\":4}\nE {\"e\":", StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
    try (Journal j = new Journal(dir)) {
      assertEquals(List.of(new Journal.Batch(List.of("{\"a\":1}", "{\"b\":2}")),
          new Journal.Advance(Instant.parse("2026-01-01T00:00:00Z")),
          new Journal.Batch(List.of("{\"c\":3}"))), j.entries());
      j.checkpoint(new byte[] {1, 2, 3});
      assertEquals(List.of(), j.entries());
      assertEquals(3, j.checkpoint().length);
      j.append(List.of("{\"f\":6}"));
      assertEquals(List.of(new Journal.Batch(List.of("{\"f\":6}"))), j.entries());
    }
    Files.writeString(dir.resolve("events.wal"), "E {}\nC 2\n");
    try (Journal j = new Journal(dir)) {
      IllegalStateException e = assertThrows(IllegalStateException.class, j::entries);
      assertEquals("events.wal line 2: the commit counts 2 events, the log has 1; the log was not"
          + " written by this service", e.getMessage());
    }
  }
}
