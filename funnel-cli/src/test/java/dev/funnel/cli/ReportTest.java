package dev.funnel.cli;

import dev.funnel.cli.view.Views;
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
  static final Instant AS_OF = Instant.parse("2026-06-01T00:00:00Z");

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
    return new ReportInput("test", small(), reads, Window.ALL, AS_OF);
  }

  @Test
  void summaryStatesTablesTimeRangeAndCurrency() throws Exception {
    JsonNode d = JACKSON.readTree(Views.compact(Report.json(input(List.of())))).get("dataset");
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
    ReportInput in = new ReportInput("empty", Dataset.builder().build(), List.of(), Window.ALL, AS_OF);
    JsonNode d = JACKSON.readTree(Views.compact(Report.json(in))).get("dataset");
    assertTrue(d.get("currency").isNull());
    assertTrue(d.get("firstDay").isNull());
    assertTrue(Report.text(in).contains("events:   none"));
  }

  @Test
  void qualityCountsEveryRowAndNamesIssuesByCode() throws Exception {
    Rejection bad = new Rejection("leads.csv", 7, 2, "created_at", "2026-02-30", "unparsable_time", "not a date");
    List<TableRead> reads = List.of(
        new TableRead(DatasetTable.LEADS, "leads.csv", 5, 3, Map.of("unparsable_time", 2L), List.of(bad)),
        new TableRead(DatasetTable.PAYMENTS, "payments.csv", 3, 2, Map.of("unparsable_time", 1L), List.of()),
        new TableRead(DatasetTable.SPEND, "spend.csv", 1, 1, Map.of(), List.of()));
    JsonNode q = JACKSON.readTree(Views.compact(Report.json(input(reads)))).get("quality");
    for (JsonNode t : q.get("rows")) {
      assertEquals(t.get("read").asLong(), t.get("accepted").asLong() + t.get("rejected").asLong());
    }
    assertEquals(2, q.get("rows").get("leads").get("rejected").asInt());
    assertEquals(5, q.get("rows").get("leads").get("read").asInt());
    Map<String, Long> counts = new java.util.TreeMap<>();
    q.get("issues").forEach(i -> counts.put(i.get("code").asText(), i.get("count").asLong()));
    // 3 unparsable times over two tables; leads a, b, c have a channel and no campaign;
    // seo has spend and leads, so no spend_without_leads; payments all belong to leads
    assertEquals(Map.of("rejected:unparsable_time", 3L, "lead_without_campaign", 3L), counts);
    // 100 USD of the net 79.50 comes from lead a (no campaign), -20.50 from lead b (no campaign)
    assertEquals(0, new java.math.BigDecimal("79.50").compareTo(q.get("revenue").decimalValue()));
    assertEquals(1.0, q.get("revenueShareWithoutSource").asDouble());
    assertTrue(Report.text(input(reads)).contains("rejected:unparsable_time"));
  }

  @Test
  void aDatasetBuiltInMemoryRejectedNothing() throws Exception {
    JsonNode q = JACKSON.readTree(Views.compact(Report.json(input(List.of())))).get("quality");
    assertEquals(3, q.get("rows").get("leads").get("accepted").asInt());
    assertEquals(0, q.get("rows").get("leads").get("rejected").asInt());
  }

  @Test
  void sectionsAreInOrderWithTheirTitles() {
    String text = Report.text(input(List.of()));
    int last = -1;
    for (ReportSection s : Report.SECTIONS) {
      int at = text.indexOf(s.title() + "\n" + "=".repeat(s.title().length()));
      assertTrue(at > last, s.title() + " out of order in\n" + text);
      last = at;
    }
  }
}
