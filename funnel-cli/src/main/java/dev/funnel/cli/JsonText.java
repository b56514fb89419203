package dev.funnel.cli;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes a tree of JDK values as indented JSON (RFC 8259): maps as objects (in their iteration
 * order), collections as arrays, numbers as JSON numbers, and {@code NaN} or infinite doubles as
 * {@code null}, because an undefined ratio is {@code null} in every JSON output (spec/cli.md).
 * Exact decimals keep their digits ({@code BigDecimal.toPlainString}).
 */
final class JsonText {

  private JsonText() {}

  /** The value as a JSON document ending in a newline. */
  static String write(Object value) {
    StringBuilder b = new StringBuilder();
    value(b, value, 0);
    return b.append('\n').toString();
  }

  private static void value(StringBuilder b, Object v, int depth) {
    if (v == null) {
      b.append("null");
    } else if (v instanceof String s) {
      string(b, s);
    } else if (v instanceof Boolean) {
      b.append(v);
    } else if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        b.append("null");
      } else if (d == Math.rint(d) && Math.abs(d) < 1e15) {
        b.append((long) d);
      } else {
        b.append(d);
      }
    } else if (v instanceof BigDecimal d) {
      b.append(d.toPlainString());
    } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte
        || v instanceof BigInteger) {
      b.append(v);
    } else if (v instanceof Map<?, ?> m) {
      object(b, m, depth);
    } else if (v instanceof Collection<?> c) {
      array(b, c, depth);
    } else if (v instanceof Enum<?> || v instanceof CharSequence || v instanceof java.time.temporal.TemporalAccessor
        || v instanceof java.time.ZoneId) {
      string(b, v.toString());
    } else {
      throw new IllegalArgumentException("no JSON form for " + v.getClass().getName());
    }
  }

  private static void object(StringBuilder b, Map<?, ?> m, int depth) {
    if (m.isEmpty()) {
      b.append("{}");
      return;
    }
    b.append("{\n");
    Iterator<? extends Map.Entry<?, ?>> it = m.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<?, ?> e = it.next();
      indent(b, depth + 1);
      string(b, String.valueOf(e.getKey()));
      b.append(": ");
      value(b, e.getValue(), depth + 1);
      b.append(it.hasNext() ? ",\n" : "\n");
    }
    indent(b, depth);
    b.append('}');
  }

  private static void array(StringBuilder b, Collection<?> c, int depth) {
    if (c.isEmpty()) {
      b.append("[]");
      return;
    }
    boolean flat = c.stream().allMatch(x -> x == null || x instanceof Number || x instanceof Boolean);
    if (flat) {
      b.append('[');
      Iterator<?> it = c.iterator();
      while (it.hasNext()) {
        value(b, it.next(), depth);
        b.append(it.hasNext() ? ", " : "");
      }
      b.append(']');
      return;
    }
    b.append("[\n");
    Iterator<?> it = c.iterator();
    while (it.hasNext()) {
      indent(b, depth + 1);
      value(b, it.next(), depth + 1);
      b.append(it.hasNext() ? ",\n" : "\n");
    }
    indent(b, depth);
    b.append(']');
  }

  private static void indent(StringBuilder b, int depth) {
    b.append("  ".repeat(depth));
  }

  private static void string(StringBuilder b, String s) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"': b.append("\\\""); break;
        case '\\': b.append("\\\\"); break;
        case '\n': b.append("\\n"); break;
        case '\r': b.append("\\r"); break;
        case '\t': b.append("\\t"); break;
        case '\b': b.append("\\b"); break;
        case '\f': b.append("\\f"); break;
        default:
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
      }
    }
    b.append('"');
  }
}
