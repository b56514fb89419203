package dev.funnel.cli.view;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import dev.funnel.core.Money;
import dev.funnel.core.Period;
import dev.funnel.core.Stage;
import dev.funnel.core.display.TextTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * What the views share: the JSON writer (Jackson, over typed records) and small renderings.
 *
 * <p>JSON conventions (docs/spec/cli.md): one object per document; records become objects of their
 * components in declaration order (a component annotated {@code @JsonInclude(NON_NULL)} or
 * {@code NON_EMPTY} is left out when it has nothing); a {@code double} that is NaN or infinite (an
 * undefined ratio) is {@code null}; a {@code BigDecimal} a plain number, never in exponent form;
 * {@link Money} its amount; an {@link Instant}, {@link LocalDate}, {@link ZoneId} or
 * {@link Duration} its ISO-8601 text; a {@link Period} its label, a {@link Stage} its name.
 */
public final class Views {

  private Views() {}

  private static final ObjectMapper MAPPER = mapper();

  private static ObjectMapper mapper() {
    SimpleModule m = new SimpleModule("funnel-views");
    JsonSerializer<Double> d = new JsonSerializer<>() {
      @Override
      public void serialize(Double v, JsonGenerator g, SerializerProvider p) throws IOException {
        if (v == null || v.isNaN() || v.isInfinite()) {
          g.writeNull();
        } else {
          g.writeNumber(v);
        }
      }
    };
    m.addSerializer(Double.class, d);
    m.addSerializer(double.class, d);
    m.addSerializer(Instant.class, ToStringSerializer.instance);
    m.addSerializer(LocalDate.class, ToStringSerializer.instance);
    m.addSerializer(Duration.class, ToStringSerializer.instance);
    m.addSerializer(ZoneId.class, new JsonSerializer<>() {
      @Override
      public void serialize(ZoneId z, JsonGenerator g, SerializerProvider p) throws IOException {
        g.writeString(z.getId());
      }

      @Override
      public Class<ZoneId> handledType() {
        return ZoneId.class;
      }
    });
    m.addSerializer(Period.class, new JsonSerializer<>() {
      @Override
      public void serialize(Period v, JsonGenerator g, SerializerProvider p) throws IOException {
        g.writeString(v.label());
      }
    });
    m.addSerializer(Money.class, new JsonSerializer<>() {
      @Override
      public void serialize(Money v, JsonGenerator g, SerializerProvider p) throws IOException {
        g.writeNumber(v.amount());
      }
    });
    m.addSerializer(Stage.class, new JsonSerializer<>() {
      @Override
      public void serialize(Stage v, JsonGenerator g, SerializerProvider p) throws IOException {
        g.writeString(v.name());
      }
    });
    return JsonMapper.builder()
        .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .disable(com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
        .addModule(m)
        .build();
  }

  /** The value as indented JSON text, ending with a newline. */
  public static String json(Object value) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The value, which must write as a JSON object, with more members after its own (e.g. a
   * command's {@code "rejected"} rows), as indented JSON text.
   *
   * @throws IllegalArgumentException when the value is not an object
   */
  public static String json(Object value, Map<String, ?> more) {
    if (more.isEmpty()) {
      return json(value);
    }
    Object tree = MAPPER.valueToTree(value);
    if (!(tree instanceof ObjectNode o)) {
      throw new IllegalArgumentException("not a JSON object: " + value);
    }
    more.forEach((k, v) -> o.set(k, MAPPER.valueToTree(v)));
    return json(o);
  }

  /**
   * A JSON object of {@code first}'s members followed by the value's own (each a record or map
   * that writes as an object): e.g. a report section's {@code "period"} before its command's
   * members.
   * The result is a JSON value for {@link #json(Object)}.
   *
   * @throws IllegalArgumentException when the value is not an object
   */
  public static Object members(Object first, Object value) {
    ObjectNode o = MAPPER.createObjectNode();
    Object head = MAPPER.valueToTree(first);
    if (!(head instanceof ObjectNode h)) {
      throw new IllegalArgumentException("not a JSON object: " + first);
    }
    o.setAll(h);
    Object tree = MAPPER.valueToTree(value);
    if (!(tree instanceof ObjectNode own)) {
      throw new IllegalArgumentException("not a JSON object: " + value);
    }
    o.setAll(own);
    return o;
  }

  /** The value as compact JSON text. */
  public static String compact(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Tables as one CSV document in long form, for a result with several tables:
   * {@code table,row,column,value}, a line per cell (the row is the table's first cell, the value
   * the cell's raw figure, {@link dev.funnel.core.display.Cell#raw()}).
   */
  public static String csv(Map<String, TextTable> tables) {
    StringBuilder b = new StringBuilder("table,row,column,value\n");
    tables.forEach((name, t) -> {
      List<String> header = t.header();
      for (var row : t.rows()) {
        String key = row.get(0).raw();
        for (int i = 1; i < row.size(); i++) {
          var c = row.get(i);
          b.append(TextTable.csvText(name)).append(',').append(TextTable.csvText(key)).append(',')
              .append(TextTable.csvText(header.get(i))).append(',')
              .append(c.kind() == dev.funnel.core.display.Cell.Kind.TEXT ? TextTable.csvText(c.raw())
                  : c.raw())
              .append('\n');
        }
      }
    });
    return b.toString();
  }
}
