package dev.funnel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Lead;
import dev.funnel.core.Money;
import dev.funnel.core.Payment;
import dev.funnel.core.Spend;
import dev.funnel.core.quality.Rejection;
import dev.funnel.core.quality.TableRead;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportTest {

  static final ObjectMapper JACKSON = new ObjectMapper();

  /** Three leads, two payments, one spend row, in New York time. */
  static Dataset small() {
    return Dataset.builder().zone(ZoneId.of("America/New_York"))
        .lead(Lead.of("a", Instant.parse("2026-01-01T03:00:00Z"), "seo")) // Dec 31 in New York
        .lead(Lead.of("b", Instant.parse("2026-01-10T12:00:00Z"), "seo"))
        .lead(Lead.of("c", Instant.parse("2026-02-01T12:00:00Z"), "direct"))
        .payment(new Payment(null, "a", "a", Instant.parse("2026-03-05T12:00:00Z"), Money.of("100", "USD"), null))
        .payment(new Payment(null, "b", "b", Instant.parse("2026-03-06T12:00:00Z"), Money.of("-20.50"), null))
        .spend(new Spend(LocalDate.of(2026, 3, 20), "seo", null, Money.of("7")))
        .build();
  }

  static ReportInput input(List<TableRead> reads) {
    return new ReportInput("test", small(), reads, Window.ALL);
  }

  @Test
  void summaryStatesTablesTimeRangeAndCurrency() throws Exception {
    JsonNode d = JACKSON.readTree(JsonText.write(Report.json(input(List.of())))).get("dataset");
    assertEquals("America/New_York", d.get("zone").asText());
    assertEquals("USD", d.get("currency").asText());
    assertEquals("2025-12-31", d.get("firstDay").asText());
    assertEquals("2026-03-20", d.get("lastDay").asText());
    assertEquals(3, d.get("tables").get("leads").asInt());
    assertEquals(2, d.get("tables").get("payments").asInt());
    assertEquals(1, d.get("tables").get("spend").asInt());
    assertEquals(3, d.get("tables").size());
    String text = Report.text(input(List.of()));
    assertTrue(text.contains("events:   2025-12-31 .. 2026-03-20"), text);
    assertTrue(text.contains("currency: USD"), text);
  }

  @Test
  void aDatasetWithoutRowsOrCurrencySaysSo() throws Exception {
    ReportInput in = new ReportInput("empty", Dataset.builder().build(), List.of(), Window.ALL);
    JsonNode d = JACKSON.readTree(JsonText.write(Report.json(in))).get("dataset");
    assertTrue(d.get("currency").isNull());
    assertTrue(d.get("firstDay").isNull());
    assertTrue(Report.text(in).contains("events:   none"));
  }

  @Test
  void qualityCountsEveryRowAndGroupsIssuesByCode() throws Exception {
    Rejection bad = new Rejection("leads.csv", 7, 2, "created_at", "2026-02-30", "unparsable_time", "not a date");
    List<TableRead> reads = List.of(
        new TableRead(DatasetTable.LEADS, "leads.csv", 5, 3, Map.of("unparsable_time", 2L), List.of(bad)),
        new TableRead(DatasetTable.PAYMENTS, "payments.csv", 2, 1, Map.of("unparsable_time", 1L, "bad_amount", 0L), List.of()));
    JsonNode q = JACKSON.readTree(JsonText.write(Report.json(input(reads)))).get("quality");
    for (JsonNode t : q.get("rows")) {
      assertEquals(t.get("read").asLong(), t.get("accepted").asLong() + t.get("rejected").asLong());
    }
    assertEquals(2, q.get("rows").get("leads").get("rejected").asInt());
    JsonNode issues = q.get("issues");
    JsonNode time = issues.get(issues.size() - 1);
    assertEquals("unparsable_time", time.get("code").asText());
    assertEquals(3, time.get("count").asInt());
    assertEquals(bad.describe(), time.get("examples").get(0).asText());
    assertTrue(Report.text(input(reads)).contains("unparsable_time"));
  }

  @Test
  void aDatasetBuiltInMemoryRejectedNothing() throws Exception {
    JsonNode q = JACKSON.readTree(JsonText.write(Report.json(input(List.of())))).get("quality");
    assertEquals(3, q.get("rows").get("leads").get("accepted").asInt());
    assertEquals(0, q.get("rows").get("leads").get("rejected").asInt());
    assertEquals(0, q.get("issues").size());
  }
}
