package dev.funnel.example.live;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Lead;
import dev.funnel.core.StageCatalog;
import dev.funnel.core.live.LiveEvent;
import dev.funnel.io.RowDecoder;
import dev.funnel.io.Rows;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decodes events sent as NDJSON, one JSON object a line:
 * <pre>
 * {"id":"crm-7731","version":3,"table":"stages","lead_id":"L1","stage":"MQL","at":"2026-03-02T10:15:00Z"}
 * </pre>
 * {@code table} names a table of docs/spec/dataset.md ({@code leads}, {@code stages},
 * {@code activities}, {@code touches}, {@code payments}, {@code spend}, {@code plan}); the other
 * fields are that table's columns, decoded by funnel-io's {@link RowDecoder} exactly as a dataset
 * file's are (names case-insensitive, empty or null is absent, times in the service's zone when
 * they carry no offset, plain decimals, catalog stages; a lead's unknown fields become its
 * attributes). {@code id} is the event's identity (a lead's defaults to {@code lead:} and its
 * {@code lead_id}); {@code version}, a whole number, defaults to 0 (the highest wins, see
 * {@link LiveEvent}). Blank lines are skipped.
 */
final class EventDecoder {
  private static final JsonFactory JSON = new JsonFactory();
  private static final Set<String> TABLES = Set.of("leads", "stages", "activities", "touches",
      "payments", "spend", "plan");

  private final ZoneId zone;
  private final StageCatalog catalog;

  EventDecoder(ZoneId zone, StageCatalog catalog) {
    this.zone = zone;
    this.catalog = catalog;
  }

  /** A batch: its events and their lines as received (for the write-ahead log). */
  record Batch(List<LiveEvent> events, List<String> lines) {}

  /**
   * The events of an NDJSON body.
   *
   * @throws IllegalArgumentException naming the line and the problem, for the first bad line
   */
  Batch decode(String body) {
    List<LiveEvent> events = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    int n = 0;
    for (String raw : body.split("\n", -1)) {
      n++;
      String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
      if (line.isBlank()) {
        continue;
      }
      try {
        events.add(line(line));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("line " + n + ": " + e.getMessage());
      }
      lines.add(line);
    }
    return new Batch(List.copyOf(events), List.copyOf(lines));
  }

  /** One line's event. */
  LiveEvent line(String line) {
    String id = null;
    String version = null;
    String table = null;
    List<String> header = new ArrayList<>();
    List<String> cells = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    try (JsonParser p = JSON.createParser(line)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("each line must be one JSON object");
      }
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String name = p.currentName().strip().toLowerCase(Locale.ROOT);
        t = p.nextToken();
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
          throw new IllegalArgumentException("field " + name
              + " holds a JSON object or array; expected text, a number or null");
        }
        if (!seen.add(name)) {
          throw new IllegalArgumentException("field " + name + " appears twice");
        }
        String v = t == JsonToken.VALUE_NULL ? null : p.getText();
        switch (name) {
          case "id" -> id = v;
          case "version" -> version = v;
          case "table" -> table = v;
          default -> {
            header.add(name);
            cells.add(v);
          }
        }
      }
      if (t != JsonToken.END_OBJECT || p.nextToken() != null) {
        throw new IllegalArgumentException("each line must be one JSON object, nothing after it");
      }
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (table == null || !TABLES.contains(table.strip().toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException("field table must name one of " + new java.util.TreeSet<>(
          TABLES) + (table == null ? "; it is missing" : ", not '" + table + "'"));
    }
    DatasetTable dt = null;
    for (DatasetTable d : DatasetTable.values()) {
      if (d.fileName().equals(table.strip().toLowerCase(Locale.ROOT))) {
        dt = d;
      }
    }
    Object row = RowDecoder.of(Rows.of(dt), header, zone, catalog)
        .decode(cells.toArray(new String[0]));
    if (id == null || id.isBlank()) {
      if (!(row instanceof Lead l)) {
        throw new IllegalArgumentException("field id (the event's identity) is missing; only a"
            + " lead's defaults (to lead: and its lead_id)");
      }
      id = "lead:" + l.id();
    }
    long v = 0;
    if (version != null) {
      try {
        v = Long.parseLong(version.strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("field version must be a whole number, not '"
            + version + "'");
      }
    }
    return LiveEvent.of(id, v, row);
  }
}
