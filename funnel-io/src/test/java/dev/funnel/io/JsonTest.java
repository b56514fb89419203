package dev.funnel.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Granularity;
import dev.funnel.core.Money;
import dev.funnel.core.Period;
import dev.funnel.core.StageCatalog;
import dev.funnel.core.quality.Rejection;
import dev.funnel.core.quality.TableRead;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class JsonTest {

  record Row(String channel, double share, BigDecimal value) {}

  @Test
  void scalarsFollowTheConventions() {
    assertEquals("{\"a\":null,\"b\":null,\"c\":null,\"d\":0.5,\"e\":1000,\"f\":0.00000001,"
            + "\"g\":\"2026-03-01T09:15:00Z\",\"h\":\"2026-03-01\",\"i\":\"2026-Q1\",\"j\":\"WON\","
            + "\"k\":\"month\",\"l\":12.50,\"m\":null,\"n\":7,\"o\":[1,2],\"p\":[true,null]}",
        Json.write(Json.object(
            "a", Double.NaN, "b", Double.POSITIVE_INFINITY, "c", Float.NEGATIVE_INFINITY, "d", 0.5,
            "e", new BigDecimal("1E+3"), "f", new BigDecimal("1E-8"),
            "g", Instant.parse("2026-03-01T09:15:00Z"), "h", LocalDate.of(2026, 3, 1),
            "i", Period.parse("2026-Q1"), "j", StageCatalog.DEFAULT.won(), "k", Granularity.MONTH,
            "l", Money.of("12.50", "USD"), "m", OptionalDouble.empty(), "n", Optional.of(7),
            "o", new int[] {1, 2}, "p", List.of(true, Optional.empty()))));
  }

  @Test
  void recordsBecomeObjectsAndTheOutputParses() throws Exception {
    String s = Json.pretty(Map.of("rows", List.of(new Row("seo", Double.NaN, new BigDecimal("0.10")))));
    JsonNode n = new ObjectMapper().readTree(s);
    JsonNode row = n.get("rows").get(0);
    assertEquals("seo", row.get("channel").asText());
    assertTrue(row.get("share").isNull());
    assertEquals(0.1, row.get("value").asDouble());
    assertTrue(s.contains("\"value\" : 0.10"), s);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Json.write(List.of("é"), out, false);
    assertEquals("[\"é\"]", out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void cyclesAndBadPairsAreIllegalArguments() {
    List<Object> self = new ArrayList<>();
    self.add(self);
    assertThrows(IllegalArgumentException.class, () -> Json.write(self));
    assertThrows(IllegalArgumentException.class, () -> Json.object("a"));
  }

  @Test
  void readReportHasTheShapeOfTheCliSpec() throws Exception {
    Rejection r = new Rejection("leads.csv", 4, 2, "created_at", "x", "unparsable_time", "bad");
    TableRead leads = new TableRead(DatasetTable.LEADS, "leads.csv", 10, 9,
        Map.of("unparsable_time", 1L), List.of(r));
    TableRead pay = new TableRead(DatasetTable.PAYMENTS, "payments.csv", 3, 3, Map.of(), List.of());
    JsonNode n = new ObjectMapper().readTree(Json.write(Json.readReport(List.of(leads, pay))));
    assertEquals(10, n.at("/rows/leads/read").asLong());
    assertEquals(9, n.at("/rows/leads/accepted").asLong());
    assertEquals(1, n.at("/rows/leads/rejected").asLong());
    assertEquals(0, n.at("/rows/payments/rejected").asLong());
    assertEquals(1, n.get("rejected").size());
    JsonNode rej = n.get("rejected").get(0);
    assertEquals("leads", rej.get("table").asText());
    assertEquals("unparsable_time", rej.get("code").asText());
    assertEquals(1, rej.get("count").asLong());
    assertEquals(4, rej.at("/examples/0/line").asLong());
    assertEquals("created_at", rej.at("/examples/0/field").asText());
  }
}
