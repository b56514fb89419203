package dev.funnel.example.live;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.funnel.core.Dataset;
import dev.funnel.core.StageCatalog;
import dev.funnel.core.live.Applied;
import dev.funnel.core.live.Firing;
import dev.funnel.core.live.LiveFunnel;
import dev.funnel.core.live.TriggerRules;
import dev.funnel.io.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A small HTTP service over a {@link LiveFunnel}, on localhost, with the JDK's
 * {@link HttpServer}: the example a CRM vendor copies (docs/live.md, "The example service").
 *
 * <pre>
 * POST /events             NDJSON, one event a line (EventDecoder); the batch is applied
 *                          whole or refused whole (400 naming the line); acknowledged (200, the
 *                          counts added, replaced, unchanged) only once logged to disk
 * POST /clock?to=INSTANT   moves the clock; answers the new firings
 * GET  /triggers[?since=INSTANT]   every firing reported so far (at or after since)
 * GET  /report[?from=DAY&amp;to=DAY&amp;asOf=INSTANT&amp;stage=MQL&amp;target=1h&amp;margin=0.6]
 *                          the review pack (ReviewPack); asOf defaults to the clock
 * POST /checkpoint         writes a checkpoint now
 * GET  /health             events held, the clock
 * </pre>
 *
 * <p>State lives in a directory (Journal): a checkpoint written on a timer and at a
 * graceful stop, and a write-ahead log of what was acknowledged since. On start the service
 * restores the checkpoint, replays the log and checkpoints, so a crash loses nothing
 * acknowledged and counts nothing twice. Start it again with the same zone and rules: the
 * checkpoint holds the events, not the configuration.
 */
public final class LiveService implements AutoCloseable {

  /** The largest request body accepted (bytes). */
  static final int MAX_BODY = 32 << 20;

  private final Object lock = new Object();
  private final Settings settings;
  private final LiveFunnel live;
  private final Journal journal;
  private final EventDecoder decoder;
  private final HttpServer server;
  private final ExecutorService handlers;
  private final ScheduledExecutorService timer;
  private boolean closed;

  /**
   * What the service is started with.
   *
   * @param dir             the state directory
   * @param port            the port on localhost (0: any free one)
   * @param zone            the dataset zone
   * @param rules           a rule table ({@link TriggerRules}), or null
   * @param checkpointEvery how often a checkpoint is written while events arrive
   * @param tick            how often the clock moves to the wall clock, or null (only POST /clock)
   */
  public record Settings(Path dir, int port, ZoneId zone, Path rules, Duration checkpointEvery,
      Duration tick) {

    /** Defaults: port 8080, UTC, no rules, a checkpoint a minute, no tick. */
    public Settings {
      if (dir == null) {
        throw new IllegalArgumentException("the service needs a state directory (--dir)");
      }
      zone = zone == null ? ZoneId.of("UTC") : zone;
      checkpointEvery = checkpointEvery == null ? Duration.ofMinutes(1) : checkpointEvery;
      if (checkpointEvery.isNegative() || checkpointEvery.isZero()
          || (tick != null && (tick.isNegative() || tick.isZero()))) {
        throw new IllegalArgumentException("--checkpoint-every and --tick must be positive");
      }
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("--port must be 0 to 65535, got " + port);
      }
    }

    /**
     * The settings of a command line: {@code --dir DIR [--port 8080] [--zone UTC] [--rules
     * FILE] [--checkpoint-every 60s] [--tick 60s]}.
     *
     * @throws IllegalArgumentException on an unknown option or a bad value
     */
    public static Settings parse(String... args) {
      Map<String, String> o = new HashMap<>();
      for (int i = 0; i < args.length; i++) {
        String k = args[i];
        if (!List.of("--dir", "--port", "--zone", "--rules", "--checkpoint-every", "--tick")
            .contains(k)) {
          throw new IllegalArgumentException("unknown option '" + k + "'; usage: --dir DIR"
              + " [--port 8080] [--zone UTC] [--rules FILE] [--checkpoint-every 60s] [--tick 60s]");
        }
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(k + " needs a value");
        }
        o.put(k, args[++i]);
      }
      try {
        return new Settings(o.containsKey("--dir") ? Path.of(o.get("--dir")) : null,
            Integer.parseInt(o.getOrDefault("--port", "8080")),
            o.containsKey("--zone") ? ZoneId.of(o.get("--zone")) : null,
            o.containsKey("--rules") ? Path.of(o.get("--rules")) : null,
            option(o, "--checkpoint-every"), option(o, "--tick"));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--port must be a number, got " + o.get("--port"));
      } catch (java.time.DateTimeException e) {
        throw new IllegalArgumentException("bad --zone: " + e.getMessage());
      }
    }
  }

  private static Duration option(Map<String, String> o, String name) {
    String v = o.get(name);
    Duration d = duration(v);
    if (v != null && d == null) {
      throw new IllegalArgumentException(name + " must be a duration such as 60s, 5m or PT1M, not '"
          + v + "'");
    }
    return d;
  }

  private LiveService(Settings s) throws IOException {
    this.settings = s;
    LiveFunnel.Builder config = LiveFunnel.builder().zone(s.zone());
    if (s.rules() != null) {
      config.rules(TriggerRules.read(s.rules(), s.zone()));
    }
    this.decoder = new EventDecoder(s.zone(), StageCatalog.DEFAULT);
    this.journal = new Journal(s.dir());
    try {
      this.live = recover(config);
      this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(),
          s.port()), 0);
    } catch (RuntimeException | IOException e) {
      journal.close();
      throw e;
    }
    this.handlers = Executors.newFixedThreadPool(2);
    server.setExecutor(handlers);
    server.createContext("/events", x -> handle(x, "POST", this::events));
    server.createContext("/clock", x -> handle(x, "POST", this::clock));
    server.createContext("/triggers", x -> handle(x, "GET", this::triggers));
    server.createContext("/report", x -> handle(x, "GET", this::report));
    server.createContext("/checkpoint", x -> handle(x, "POST", q -> checkpointNow()));
    server.createContext("/health", x -> handle(x, "GET", q -> health()));
    this.timer = Executors.newSingleThreadScheduledExecutor();
    long every = s.checkpointEvery().toMillis();
    timer.scheduleWithFixedDelay(this::checkpointIfDirty, every, every, TimeUnit.MILLISECONDS);
    if (s.tick() != null) {
      long t = s.tick().toMillis();
      timer.scheduleWithFixedDelay(this::tick, t, t, TimeUnit.MILLISECONDS);
    }
    server.start();
  }

  /**
   * Starts a service: restores its state directory and listens on localhost.
   *
   * @throws IllegalArgumentException when the rule table or the checkpoint is invalid
   * @throws IllegalStateException    when the write-ahead log is not one the service wrote
   * @throws IOException              when the port cannot be bound
   */
  public static LiveService start(Settings s) throws IOException {
    return new LiveService(s);
  }

  /** The checkpoint, then the log since, then a fresh checkpoint (the log emptied). */
  private LiveFunnel recover(LiveFunnel.Builder config) {
    byte[] bytes = journal.checkpoint();
    LiveFunnel f = bytes == null ? config.build() : LiveFunnel.restore(bytes, config);
    for (Journal.Entry e : journal.entries()) {
      if (e instanceof Journal.Batch b) {
        f.apply(decoder.decode(String.join("\n", b.lines())).events());
      } else if (e instanceof Journal.Advance a
          && (f.clock() == null || !a.to().isBefore(f.clock()))) {
        f.advanceTo(a.to());
      }
    }
    journal.checkpoint(f.toBytes());
    return f;
  }

  /** The port the service listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  private Object events(Request q) {
    EventDecoder.Batch batch = decoder.decode(q.body());
    Applied a;
    synchronized (lock) {
      open();
      a = live.apply(batch.events());
      if (a.changed()) {
        journal.append(batch.lines()); // forced to disk before the answer
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("added", a.added());
    out.put("replaced", a.replaced());
    out.put("unchanged", a.unchanged());
    out.put("events", live.size());
    return out;
  }

  private Object clock(Request q) {
    Instant to = q.instant("to");
    if (to == null) {
      throw new IllegalArgumentException("POST /clock needs ?to=INSTANT (e.g. 2026-03-02T10:00:00Z)");
    }
    return advance(to);
  }

  private Map<String, Object> advance(Instant to) {
    List<Firing> fired;
    synchronized (lock) {
      open();
      fired = live.advanceTo(to);
      journal.advance(to);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("clock", to);
    out.put("firings", fired);
    return out;
  }

  private void tick() {
    try {
      Instant now = Instant.now();
      Instant c = live.clock();
      if (c == null || now.isAfter(c)) {
        advance(now);
      }
    } catch (RuntimeException e) {
      System.err.println("live service: the clock did not move: " + e.getMessage());
    }
  }

  private Object triggers(Request q) {
    Instant since = q.instant("since");
    List<Firing> all;
    Instant clock;
    synchronized (lock) {
      all = live.firings();
      clock = live.clock();
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("clock", clock);
    out.put("firings", since == null ? all
        : all.stream().filter(f -> !f.at().isBefore(since)).toList());
    return out;
  }

  private Object report(Request q) {
    Dataset d;
    Instant clock;
    int size;
    synchronized (lock) {
      d = live.snapshot();
      clock = live.clock();
      size = live.size();
    }
    Instant asOf = q.instant("asOf");
    ReviewPack pack = new ReviewPack(q.day("from"), q.day("to"), asOf != null ? asOf : clock,
        q.text("stage", "MQL"), q.duration("target", Duration.ofHours(1)), q.decimal("margin"));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("asOf", pack.asOf());
    out.put("from", pack.from());
    out.put("to", pack.to());
    out.put("events", size);
    out.putAll(pack.sections(d));
    return out;
  }

  /** Refuses a change once the service is stopping (its last checkpoint is being written). */
  private void open() {
    if (closed) {
      throw new Stopping();
    }
  }

  private Object checkpointNow() {
    synchronized (lock) {
      open();
      byte[] b = live.toBytes();
      journal.checkpoint(b);
      return Map.of("bytes", b.length);
    }
  }

  private void checkpointIfDirty() {
    try {
      synchronized (lock) {
        if (!closed && journal.dirty()) {
          journal.checkpoint(live.toBytes());
        }
      }
    } catch (RuntimeException e) {
      // the log still holds everything; the next tick tries again
      System.err.println("live service: checkpoint failed: " + e.getMessage());
    }
  }

  private Object health() {
    Map<String, Object> out = new LinkedHashMap<>();
    synchronized (lock) {
      out.put("events", live.size());
      out.put("clock", live.clock());
      out.put("firings", live.firings().size());
    }
    return out;
  }

  /** Stops serving, writes a checkpoint and closes the state. Idempotent. */
  @Override
  public void close() {
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
    }
    server.stop(1);
    handlers.shutdown();
    timer.shutdown();
    try {
      handlers.awaitTermination(5, TimeUnit.SECONDS);
      timer.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (lock) {
      journal.checkpoint(live.toBytes());
      journal.close();
    }
  }

  @Override
  public String toString() {
    return "LiveService[127.0.0.1:" + port() + ", " + settings.dir() + ", " + live + "]";
  }

  /**
   * Runs the service until the process is stopped (SIGTERM or Ctrl-C checkpoint first).
   * Prints {@code listening on http://127.0.0.1:PORT} once it accepts requests.
   */
  public static void main(String[] args) throws IOException {
    Settings s;
    try {
      s = Settings.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("live service: " + e.getMessage());
      System.exit(2);
      return;
    }
    LiveService service = start(s);
    Runtime.getRuntime().addShutdownHook(new Thread(service::close, "checkpoint-on-stop"));
    System.out.println("listening on http://127.0.0.1:" + service.port());
    System.out.flush();
  }

  // ---- HTTP plumbing ----

  /** A request's query parameters and body. */
  private record Request(Map<String, String> params, String body) {
    String text(String name, String dflt) {
      String v = params.get(name);
      return v == null || v.isBlank() ? dflt : v.strip();
    }

    Instant instant(String name) {
      String v = text(name, null);
      try {
        return v == null ? null : Instant.parse(v);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(name + " must be an instant such as"
            + " 2026-03-02T10:00:00Z, not '" + v + "'");
      }
    }

    LocalDate day(String name) {
      String v = text(name, null);
      try {
        return v == null ? null : LocalDate.parse(v);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(name + " must be a date such as 2026-03-01, not '"
            + v + "'");
      }
    }

    Duration duration(String name, Duration dflt) {
      String v = text(name, null);
      if (v == null) {
        return dflt;
      }
      Duration d = LiveService.duration(v);
      if (d == null) {
        throw new IllegalArgumentException(name + " must be a duration such as 1h, 30m or"
            + " PT1H, not '" + v + "'");
      }
      return d;
    }

    BigDecimal decimal(String name) {
      String v = text(name, null);
      try {
        return v == null ? null : new BigDecimal(v);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(name + " must be a decimal such as 0.6, not '" + v
            + "'");
      }
    }
  }

  /** {@code 30d}, {@code 48h}, {@code 90m}, {@code 45s} or ISO-8601; null when absent or bad. */
  static Duration duration(String v) {
    if (v == null) {
      return null;
    }
    String s = v.strip().toLowerCase(Locale.ROOT);
    try {
      if (s.startsWith("p")) {
        return Duration.parse(s.toUpperCase(Locale.ROOT));
      }
      long n = Long.parseLong(s.substring(0, s.length() - 1));
      return switch (s.charAt(s.length() - 1)) {
        case 'd' -> Duration.ofDays(n);
        case 'h' -> Duration.ofHours(n);
        case 'm' -> Duration.ofMinutes(n);
        case 's' -> Duration.ofSeconds(n);
        default -> null;
      };
    } catch (RuntimeException e) {
      return null;
    }
  }

  private interface Route {
    Object answer(Request q);
  }

  private void handle(HttpExchange x, String method, Route route) throws IOException {
    try (x) {
      int status;
      Object body;
      try {
        if (!x.getRequestMethod().equalsIgnoreCase(method)) {
          x.getResponseHeaders().add("Allow", method);
          status = 405;
          body = Map.of("error", x.getRequestURI().getPath() + " takes " + method);
        } else {
          body = route.answer(new Request(params(x.getRequestURI().getRawQuery()), read(x)));
          status = 200;
        }
      } catch (Stopping e) {
        status = 503;
        body = Map.of("error", "the service is stopping; send the request again once it is back");
      } catch (BodyTooLarge e) {
        status = 413;
        body = Map.of("error", "the body is larger than " + MAX_BODY + " bytes; send smaller"
            + " batches");
      } catch (IllegalArgumentException e) {
        status = 400;
        body = Map.of("error", String.valueOf(e.getMessage()));
      } catch (RuntimeException e) {
        status = 500;
        body = Map.of("error", e.getClass().getSimpleName() + ": " + e.getMessage());
      }
      byte[] out = Json.write(body).getBytes(StandardCharsets.UTF_8);
      x.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
      x.sendResponseHeaders(status, out.length);
      try (OutputStream o = x.getResponseBody()) {
        o.write(out);
      }
    }
  }

  /** A change asked of a service that is stopping. */
  private static final class Stopping extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }

  /** A body over {@link #MAX_BODY}. */
  private static final class BodyTooLarge extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }

  private static String read(HttpExchange x) {
    try (InputStream in = x.getRequestBody()) {
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      byte[] buf = new byte[1 << 16];
      int n;
      while ((n = in.read(buf)) > 0) {
        if (b.size() + n > MAX_BODY) {
          throw new BodyTooLarge();
        }
        b.write(buf, 0, n);
      }
      return b.toString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, String> params(String raw) {
    Map<String, String> out = new HashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String kv : raw.split("&")) {
      int eq = kv.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? kv : kv.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8);
      out.put(k, v);
    }
    return out;
  }
}
