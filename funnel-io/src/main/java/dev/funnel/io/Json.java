package dev.funnel.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import dev.funnel.core.Money;
import dev.funnel.core.Period;
import dev.funnel.core.Stage;
import dev.funnel.core.quality.Rejection;
import dev.funnel.core.quality.TableRead;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.ZoneId;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * JSON for results (docs/spec/cli.md: "all JSON output is one object"), from plain Java values.
 *
 * <p>Conversions: maps become objects (keys in the map's order, as text) and collections and
 * arrays become arrays; records become objects of their components; {@code double}s that are NaN
 * or infinite (undefined ratios) become {@code null}; {@link BigDecimal}s are plain JSON numbers,
 * never in exponent form; {@link Money} is its amount; instants, dates and other
 * {@code java.time} values are ISO-8601 strings ({@code 2026-03-01T09:15:00Z}); a
 * {@link Period} is its label ({@code 2026-03}), a {@link Stage} its name; enums are their
 * lower-case names; empty optionals are {@code null}; anything else is its {@code toString()}.
 * Nesting deeper than 64 levels (a cycle) is an {@link IllegalArgumentException}.
 */
public final class Json {
  private Json() {}

  private static final JsonFactory FACTORY =
      JsonFactory.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();
  private static final int MAX_DEPTH = 64;

  /** The value as compact JSON text. */
  public static String write(Object value) {
    StringWriter w = new StringWriter();
    write(value, w, false);
    return w.toString();
  }

  /** The value as indented JSON text. */
  public static String pretty(Object value) {
    StringWriter w = new StringWriter();
    write(value, w, true);
    return w.toString();
  }

  /** Writes the value as JSON; the writer is flushed, not closed. */
  public static void write(Object value, Writer out, boolean pretty) {
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      if (pretty) {
        g.useDefaultPrettyPrinter();
      }
      value(g, value, 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the value as UTF-8 JSON; the stream is flushed, not closed. */
  public static void write(Object value, OutputStream out, boolean pretty) {
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      if (pretty) {
        g.useDefaultPrettyPrinter();
      }
      value(g, value, 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * An ordered map from alternating keys and values: {@code Json.object("model", "linear",
   * "conversions", 12)}.
   *
   * @throws IllegalArgumentException on an odd number of arguments or a null key
   */
  public static Map<String, Object> object(Object... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("Json.object needs key, value pairs; got an odd count");
    }
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      if (keysAndValues[i] == null) {
        throw new IllegalArgumentException("Json.object: key " + (i / 2 + 1) + " is null");
      }
      m.put(keysAndValues[i].toString(), keysAndValues[i + 1]);
    }
    return m;
  }

  /**
   * The reading report of docs/spec/cli.md as a map, ready to write or to merge into a larger object:
   * {@code "rows"} maps each table to {@code {"read", "accepted", "rejected"}}; {@code "rejected"}
   * lists, per table and reason code, {@code {"table", "code", "count", "examples"}}, each
   * example {@code {"file", "line", "column", "field", "value", "reason"}}.
   */
  public static Map<String, Object> readReport(List<TableRead> tables) {
    Map<String, Object> rows = new LinkedHashMap<>();
    List<Object> rejected = new ArrayList<>();
    for (TableRead t : tables) {
      rows.put(t.table().fileName(),
          object("read", t.read(), "accepted", t.accepted(), "rejected", t.rejected()));
      for (Map.Entry<String, Long> e : t.rejectedByCode().entrySet()) {
        List<Object> examples = new ArrayList<>();
        for (Rejection r : t.examples()) {
          if (r.code().equals(e.getKey())) {
            examples.add(object("file", r.file(), "line", r.line(), "column", r.column(),
                "field", r.field(), "value", r.value(), "reason", r.reason()));
          }
        }
        rejected.add(object("table", t.table().fileName(), "code", e.getKey(),
            "count", e.getValue(), "examples", examples));
      }
    }
    return object("rows", rows, "rejected", rejected);
  }

  private static void value(JsonGenerator g, Object v, int depth) throws IOException {
    if (depth > MAX_DEPTH) {
      throw new IllegalArgumentException("JSON nesting deeper than " + MAX_DEPTH + " (a cycle?)");
    }
    if (v == null) {
      g.writeNull();
    } else if (v instanceof String s) {
      g.writeString(s);
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        g.writeNull();
      } else {
        g.writeNumber(d);
      }
    } else if (v instanceof BigDecimal d) {
      g.writeNumber(d);
    } else if (v instanceof BigInteger i) {
      g.writeNumber(i);
    } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      g.writeNumber(((Number) v).longValue());
    } else if (v instanceof Number n) {
      value(g, n.doubleValue(), depth);
    } else if (v instanceof Map<?, ?> m) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        g.writeFieldName(key(e.getKey()));
        value(g, e.getValue(), depth + 1);
      }
      g.writeEndObject();
    } else if (v instanceof Iterable<?> it) {
      g.writeStartArray();
      for (Object o : it) {
        value(g, o, depth + 1);
      }
      g.writeEndArray();
    } else if (v.getClass().isArray()) {
      g.writeStartArray();
      int n = Array.getLength(v);
      for (int i = 0; i < n; i++) {
        value(g, Array.get(v, i), depth + 1);
      }
      g.writeEndArray();
    } else if (v instanceof Optional<?> o) {
      value(g, o.orElse(null), depth);
    } else if (v instanceof OptionalDouble o) {
      value(g, o.isPresent() ? o.getAsDouble() : null, depth);
    } else if (v instanceof OptionalLong o) {
      value(g, o.isPresent() ? o.getAsLong() : null, depth);
    } else if (v instanceof OptionalInt o) {
      value(g, o.isPresent() ? o.getAsInt() : null, depth);
    } else if (v instanceof Money m) {
      g.writeNumber(m.amount());
    } else if (v instanceof Period || v instanceof Stage || v instanceof Enum<?>
        || v instanceof TemporalAccessor || v instanceof ZoneId || v instanceof CharSequence) {
      g.writeString(key(v));
    } else if (v.getClass().isRecord()) {
      g.writeStartObject();
      for (RecordComponent c : v.getClass().getRecordComponents()) {
        g.writeFieldName(c.getName());
        value(g, component(v, c.getAccessor()), depth + 1);
      }
      g.writeEndObject();
    } else {
      g.writeString(v.toString());
    }
  }

  private static Object component(Object record, Method accessor) {
    try {
      if (!accessor.canAccess(record)) {
        accessor.setAccessible(true);
      }
      return accessor.invoke(record);
    } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
      throw new IllegalArgumentException(
          "cannot read " + accessor.getName() + " of " + record.getClass().getSimpleName(), e);
    }
  }

  private static String key(Object k) {
    if (k instanceof Period p) {
      return p.label();
    }
    if (k instanceof Stage s) {
      return s.name();
    }
    if (k instanceof Enum<?> e) {
      return e.name().toLowerCase(Locale.ROOT);
    }
    return String.valueOf(k);
  }
}
