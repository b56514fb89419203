package dev.funnel.example.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.core.Activity;
import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Lead;
import dev.funnel.core.demo.DemoData;
import dev.funnel.core.funnel.FunnelQuery;
import dev.funnel.core.funnel.StageFunnel;
import dev.funnel.core.live.Firing;
import dev.funnel.core.live.LiveEvent;
import dev.funnel.core.live.LiveFunnel;
import dev.funnel.core.live.TriggerRules;
import dev.funnel.core.money.UnitEconomics;
import dev.funnel.core.sales.Sales;
import dev.funnel.core.sla.Sla;
import dev.funnel.core.sla.SlaQuery;
import dev.funnel.io.DatasetWriter;
import dev.funnel.io.FileFormat;
import dev.funnel.io.Json;
import dev.funnel.io.Rows;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example service in its own JVM, driven over HTTP: events with duplicates and corrections in
 * shuffled batches, a crash (SIGKILL, after a checkpoint and with acknowledged batches only in the
 * write-ahead log, and a batch cut short on disk), a restart, more events and re-sent batches, a
 * graceful stop (SIGTERM) and another restart. After each restart the review pack equals the
 * library's answers on a batch dataset of the distinct final rows, and the firings equal those of
 * an uninterrupted live funnel fed the same batches and clock moves: nothing acknowledged lost,
 * nothing counted twice.
 */
class LiveServiceTest {

  private static final ZoneId ZONE = ZoneId.of("Europe/Kyiv");
  private static final String RULES = String.join("\n",
      "name,kind,stage,within,idle,count,gap,action",
      "first-response,first_response,MQL,4h,,,,call the lead",
      "stale,stale,,,14d,,,try another channel",
      "lost,entered_stage,LOST,,,,,review the loss",
      "hot,touch_burst,,7d,,3,,personal offer",
      "win-back,payment_after_churn,,,,,60d,thank and upsell", "");

  private final HttpClient http = HttpClient.newHttpClient();
  private final List<Process> started = new ArrayList<>();

  @AfterEach
  void killLeftovers() {
    started.forEach(Process::destroyForcibly);
  }

  /** An event as the test keeps it: the line sent and the event the line means. */
  private record Sent(String line, LiveEvent event) {}

  /** Every row of the demo as an NDJSON event line with its identity. */
  private static List<Sent> finals(Dataset demo) {
    List<Sent> out = new ArrayList<>();
    for (Lead l : demo.leads()) { // a lead's identity defaults to lead: and its id
      out.add(new Sent(line(Rows.LEADS, l, null, 1), LiveEvent.of("lead:" + l.id(), 1, l)));
    }
    add(out, Rows.STAGES, demo.stages(), "s");
    add(out, Rows.ACTIVITIES, demo.activities(), "a");
    add(out, Rows.TOUCHES, demo.touches(), "t");
    add(out, Rows.PAYMENTS, demo.payments(), "p");
    add(out, Rows.SPEND, demo.spend(), "m");
    add(out, Rows.PLAN, demo.plan(), "g");
    return out;
  }

  private static <T> void add(List<Sent> out, Rows<T> rows, List<T> values, String prefix) {
    for (int i = 0; i < values.size(); i++) {
      String id = prefix + i;
      out.add(new Sent(line(rows, values.get(i), id, 1), LiveEvent.of(id, 1, values.get(i))));
    }
  }

  /** The row as funnel-io writes it in NDJSON, with the event's identity, version and table. */
  private static <T> String line(Rows<T> rows, T row, String id, long version) {
    StringWriter w = new StringWriter();
    DatasetWriter.write(rows, List.of(row), w, FileFormat.NDJSON);
    String json = w.toString().strip();
    assertTrue(json.startsWith("{") && !json.contains("\n"), json);
    return "{" + (id == null ? "" : "\"id\":\"" + id + "\",") + "\"version\":" + version
        + ",\"table\":\"" + rows.table().fileName() + "\"," + json.substring(1);
  }

  /** The batch dataset of the final rows: what every answer must equal. */
  private static Dataset batch(List<Sent> finals) {
    Dataset.Builder b = Dataset.builder().zone(ZONE);
    for (DatasetTable t : List.of(DatasetTable.LEADS, DatasetTable.STAGES,
        DatasetTable.ACTIVITIES, DatasetTable.TOUCHES, DatasetTable.PAYMENTS, DatasetTable.SPEND,
        DatasetTable.PLAN)) {
      b.table(t);
    }
    for (Sent s : finals) {
      Object r = s.event().row();
      if (r instanceof Lead l) {
        b.lead(l);
      } else if (r instanceof dev.funnel.core.StageChange c) {
        b.stageChange(c);
      } else if (r instanceof Activity a) {
        b.activity(a);
      } else if (r instanceof dev.funnel.core.Touch t) {
        b.touch(t);
      } else if (r instanceof dev.funnel.core.Payment p) {
        b.payment(p);
      } else if (r instanceof dev.funnel.core.Spend sp) {
        b.spend(sp);
      } else {
        b.planTarget((dev.funnel.core.PlanTarget) r);
      }
    }
    return b.build();
  }

  /** The stream: the finals, some twice, some preceded or followed by a wrong version 0. */
  private static List<Sent> stream(List<Sent> finals, Random rnd) {
    List<Sent> out = new ArrayList<>();
    for (Sent s : finals) {
      out.add(s);
      if (rnd.nextInt(8) == 0) {
        out.add(s); // a duplicate
      }
      Object r = s.event().row();
      if (rnd.nextInt(6) == 0 && r instanceof Activity a) {
        Activity wrong = new Activity(a.leadId(), a.at().minusSeconds(7200), "other", null, null);
        out.add(new Sent(line(Rows.ACTIVITIES, wrong, s.event().id(), 0),
            LiveEvent.of(s.event().id(), 0, wrong)));
      }
      if (rnd.nextInt(6) == 0 && r instanceof Lead l) {
        Lead wrong = new Lead(l.id(), l.createdAt(), "wrong_channel", null, null, null, null,
            Map.of());
        out.add(new Sent(line(Rows.LEADS, wrong, null, 0), LiveEvent.of("lead:" + l.id(), 0,
            wrong)));
      }
    }
    Collections.shuffle(out, rnd);
    return out;
  }

  private static List<List<Sent>> batches(List<Sent> stream, Random rnd) {
    List<List<Sent>> out = new ArrayList<>();
    for (int i = 0; i < stream.size(); ) {
      int k = 1 + rnd.nextInt(400);
      out.add(stream.subList(i, Math.min(stream.size(), i + k)));
      i += k;
    }
    return out;
  }

  // ---- the service in its own JVM ----

  private record Running(Process process, URI base) {}

  private Running start(Path dir, Path rules) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        LiveService.class.getName(), "--dir", dir.toString(), "--port", "0", "--zone",
        ZONE.getId(), "--rules", rules.toString(), "--checkpoint-every", "1h");
    pb.redirectError(dir.resolveSibling("stderr-" + started.size() + ".txt").toFile());
    Process p = pb.start();
    started.add(p);
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
        StandardCharsets.UTF_8));
    String first = out.readLine();
    assertNotNull(first, () -> "the service did not start: " + stderr(dir));
    assertTrue(first.startsWith("listening on http://127.0.0.1:"), first);
    return new Running(p, URI.create(first.substring("listening on ".length())));
  }

  private String stderr(Path dir) {
    try {
      return Files.readString(dir.resolveSibling("stderr-" + (started.size() - 1) + ".txt"));
    } catch (IOException e) {
      return e.toString();
    }
  }

  private HttpResponse<String> call(Running s, String method, String path, String body)
      throws Exception {
    HttpRequest.Builder r = HttpRequest.newBuilder(s.base().resolve(path))
        .timeout(Duration.ofSeconds(60));
    r = method.equals("GET") ? r.GET() : r.POST(HttpRequest.BodyPublishers.ofString(body));
    return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
  }

  private String ok(Running s, String method, String path, String body) throws Exception {
    HttpResponse<String> r = call(s, method, path, body);
    assertEquals(200, r.statusCode(), r.body());
    return r.body();
  }

  /** Posts a batch; checks its counts add up; applies it to the reference too. */
  private void post(Running s, List<Sent> batch, LiveFunnel reference) throws Exception {
    StringBuilder b = new StringBuilder();
    batch.forEach(x -> b.append(x.line()).append('\n'));
    String answer = ok(s, "POST", "/events", b.toString());
    var expected = reference.apply(batch.stream().map(Sent::event).toList());
    assertTrue(answer.startsWith("{\"added\":" + expected.added() + ",\"replaced\":"
        + expected.replaced() + ",\"unchanged\":" + expected.unchanged() + ","), answer);
  }

  private void advance(Running s, Instant to, LiveFunnel reference) throws Exception {
    String answer = ok(s, "POST", "/clock?to=" + to, "");
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("clock", to);
    expected.put("firings", reference.advanceTo(to));
    assertEquals(Json.write(expected), answer);
  }

  private static final LocalDate FROM = LocalDate.of(2026, 1, 1);
  private static final LocalDate TO = LocalDate.of(2026, 7, 1);

  /** The review pack the service must serve: the library on the batch dataset. */
  private static String expectedReport(Dataset d, int events, Instant asOf) {
    Instant a = FROM.atStartOfDay(ZONE).toInstant();
    Instant b = TO.atStartOfDay(ZONE).toInstant();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("asOf", asOf);
    m.put("from", FROM);
    m.put("to", TO);
    m.put("events", events);
    m.put("funnel", StageFunnel.compute(d, FunnelQuery.event().between(a, b)));
    m.put("cohortFunnel", StageFunnel.compute(d, FunnelQuery.cohort().between(a, b)));
    m.put("winRate", Sales.winRate(d, "SQL", a, b, asOf));
    m.put("sla", Sla.compute(d, SlaQuery.of("MQL", Duration.ofMinutes(30), asOf).between(a, b)));
    m.put("unit", UnitEconomics.compute(d, FROM, TO, new BigDecimal("0.6")));
    return Json.write(m);
  }

  private static final String REPORT = "/report?from=" + FROM + "&to=" + TO
      + "&target=30m&margin=0.6";

  @Test
  void survivesACrashAndARestartWithNothingLostOrCountedTwice(@TempDir Path tmp)
      throws Exception {
    Dataset demo = DemoData.builder().seed(11).leads(100).months(9).zone(ZONE).defectRate(0).build()
        .dataset();
    List<Sent> finals = finals(demo);
    Dataset expected = batch(finals);
    Random rnd = new Random(17);
    List<List<Sent>> batches = batches(stream(finals, rnd), rnd);
    int third = batches.size() / 3;
    Path dir = tmp.resolve("state");
    Path rules = tmp.resolve("rules.csv");
    Files.writeString(rules, RULES);
    LiveFunnel reference = LiveFunnel.builder().zone(ZONE)
        .rules(TriggerRules.read(rules, ZONE)).build();

    // run 1: a third, a checkpoint, the clock, another third (in the log only), then a crash
    Running a = start(dir, rules);
    for (List<Sent> b : batches.subList(0, third)) {
      post(a, b, reference);
    }
    ok(a, "POST", "/checkpoint", "");
    advance(a, Instant.parse("2026-03-01T00:00:00Z"), reference);
    for (List<Sent> b : batches.subList(third, 2 * third)) {
      post(a, b, reference);
    }
    assertTrue(Files.size(dir.resolve("events.wal")) > 0);
    a.process().destroyForcibly(); // SIGKILL: no shutdown hook, no checkpoint
    assertTrue(a.process().waitFor(30, TimeUnit.SECONDS));
    // a batch the crash cut short on disk: never acknowledged, so never applied
    LiveEvent never = LiveEvent.of("never", 0, new Activity(demo.leads().get(0).id(),
        Instant.parse("2026-02-01T00:00:00Z"), "call", null, null));
    Files.writeString(dir.resolve("events.wal"), "E " + line(Rows.ACTIVITIES,
        (Activity) never.row(), "never", 0) + "\nE {\"id\":\"ne", StandardOpenOption.APPEND);

    // run 2: the state is back; the last third and a re-sent third (the client's retries)
    Running b = start(dir, rules);
    assertEquals(Json.write(health(reference)), ok(b, "GET", "/health", ""));
    for (List<Sent> x : batches.subList(third, batches.size())) {
      post(b, x, reference);
    }
    advance(b, Instant.parse("2026-08-01T00:00:00Z"), reference);
    assertEquals(finals.size(), reference.size());
    String report = ok(b, "GET", REPORT, "");
    assertEquals(expectedReport(expected, finals.size(),
        Instant.parse("2026-08-01T00:00:00Z")), report);
    // a bad line refuses the whole batch, naming the line; nothing of it is applied
    HttpResponse<String> bad = call(b, "POST", "/events", batches.get(0).get(0).line()
        + "\n{\"id\":\"x\",\"table\":\"stages\",\"lead_id\":\"L\",\"stage\":\"NOPE\","
        + "\"at\":\"2026-01-01\"}\n");
    assertEquals(400, bad.statusCode());
    assertTrue(bad.body().startsWith("{\"error\":\"line 2: stages: column stage, value 'NOPE'"),
        bad.body());
    assertEquals(405, call(b, "GET", "/events", "").statusCode());
    String triggers = ok(b, "GET", "/triggers", "");
    List<Firing> all = reference.firings();
    assertEquals(all.size(), new HashSet<>(all).size());
    assertTrue(all.size() > 20, "the rules fire on the demo: " + all.size());
    assertEquals(Json.write(triggers(reference)), triggers);

    // run 3: a graceful stop checkpoints and empties the log; the restart answers the same
    b.process().destroy(); // SIGTERM: the shutdown hook checkpoints
    assertTrue(b.process().waitFor(30, TimeUnit.SECONDS));
    assertEquals(0, Files.size(dir.resolve("events.wal")));
    assertFalse(Files.exists(dir.resolve("checkpoint.bin.tmp")));
    Running c = start(dir, rules);
    assertEquals(report, ok(c, "GET", REPORT, ""));
    assertEquals(triggers, ok(c, "GET", "/triggers", ""));
    advance(c, Instant.parse("2027-01-01T00:00:00Z"), reference); // fires on, once
    assertEquals(Json.write(triggers(reference)), ok(c, "GET", "/triggers", ""));
    Set<Firing> distinct = new HashSet<>(reference.firings());
    assertEquals(reference.firings().size(), distinct.size());
    c.process().destroy();
    assertTrue(c.process().waitFor(30, TimeUnit.SECONDS));
  }

  private static Map<String, Object> health(LiveFunnel reference) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("events", reference.size());
    m.put("clock", reference.clock());
    m.put("firings", reference.firings().size());
    return m;
  }

  private static Map<String, Object> triggers(LiveFunnel reference) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("clock", reference.clock());
    m.put("firings", reference.firings());
    return m;
  }
}
