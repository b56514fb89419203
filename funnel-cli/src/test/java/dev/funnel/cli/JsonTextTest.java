package dev.funnel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTextTest {

  static final ObjectMapper JACKSON = new ObjectMapper();

  @Test
  void aStrictParserReadsBackWhatWasWritten() throws Exception {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("text", "quote \" backslash \\ newline \n tab \t bell \u0007 unicode ü€");
    m.put("long", 12345678901L);
    m.put("exact", new BigDecimal("1234.50"));
    m.put("ratio", 0.25);
    m.put("undefined", Double.NaN);
    m.put("infinite", Double.POSITIVE_INFINITY);
    m.put("whole", 3.0);
    m.put("day", LocalDate.of(2026, 3, 1));
    m.put("none", null);
    m.put("flag", true);
    m.put("numbers", Arrays.asList(1, 2.5, null));
    m.put("rows", List.of(Map.of("a", 1), Map.of()));
    m.put("empty", List.of());
    String json = JsonText.write(m);
    JsonNode n = JACKSON.readTree(json);
    assertTrue(json.contains("\"exact\": 1234.50,"), "exact decimals keep their digits: " + json);
    assertEquals(m.get("text"), n.get("text").asText());
    assertEquals(12345678901L, n.get("long").asLong());
    assertEquals(0, new BigDecimal("1234.5").compareTo(n.get("exact").decimalValue()));
    assertEquals(0.25, n.get("ratio").asDouble());
    assertTrue(n.get("undefined").isNull());
    assertTrue(n.get("infinite").isNull());
    assertEquals(3, n.get("whole").asInt());
    assertEquals("2026-03-01", n.get("day").asText());
    assertTrue(n.get("none").isNull());
    assertTrue(n.get("flag").asBoolean());
    assertEquals("[1,2.5,null]", n.get("numbers").toString());
    assertEquals("[{\"a\":1},{}]", n.get("rows").toString());
    assertEquals("[]", n.get("empty").toString());
    assertEquals(List.copyOf(m.keySet()), iterate(n));
  }

  private static List<String> iterate(JsonNode n) {
    List<String> names = new java.util.ArrayList<>();
    n.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void refusesValuesWithoutAJsonForm() {
    assertThrows(IllegalArgumentException.class, () -> JsonText.write(Map.of("x", new Object())));
  }
}
