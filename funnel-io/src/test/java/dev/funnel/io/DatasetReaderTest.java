package dev.funnel.io;

import static dev.funnel.io.Fixtures.dataset;
import static dev.funnel.io.Fixtures.lenient;
import static dev.funnel.io.Fixtures.only;
import static dev.funnel.io.Fixtures.read;
import static dev.funnel.io.Fixtures.failsInBothModes;
import static dev.funnel.io.Fixtures.strictFails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.core.CurrencyRates;
import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.JourneyPath;
import dev.funnel.core.Lead;
import dev.funnel.core.Money;
import dev.funnel.core.Payment;
import dev.funnel.core.Period;
import dev.funnel.core.StageCatalog;
import dev.funnel.core.TouchKind;
import dev.funnel.core.quality.Rejection;
import dev.funnel.core.quality.TableRead;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetReaderTest {

  @TempDir Path dir;

  private static final String LEADS =
      "lead_id,created_at,channel\n"
          + "L1,2026-01-01T10:00:00Z,seo\n"
          + "L2,2026-01-02,direct\n"
          + "L3,2026-01-03T09:00:00+03:00,paid_search\n"
          + "L4,2026-01-04T12:30,\n"
          + "L5,2026-01-05T00:00:00Z,referral\n";

  // ------------------------------------------------------------ every table, both formats

  @Test
  void readsEveryTableFromCsv() {
    dataset(dir,
        "leads.csv", LEADS,
        "stages.csv", "lead_id,stage,at,reason,amount,owner\n"
            + "L1,mql,2026-01-02T00:00:00Z,,,ann\n"
            + "L1,WON,2026-02-01T00:00:00Z,,1200.50,bob\n"
            + "L2,Lost,2026-01-05T00:00:00Z,No_Budget,,\n"
            + "L9,MQL,2026-01-05T00:00:00Z,,,\n",
        "activities.csv", "lead_id,at,type,owner,outcome\nL1,2026-01-01T11:00:00Z,Call,ann,reached\n",
        "touches.csv", "lead_id,at,channel,campaign,kind,cost\n"
            + "L1,2025-12-30T00:00:00Z,seo,,,\n"
            + "L1,2025-12-31T00:00:00Z,webinar,w1,offline,12.5\n",
        "payments.csv", "payment_id,customer_id,lead_id,paid_at,amount,currency,product\n"
            + "P1,C1,L1,2026-02-02T00:00:00Z,1200.50,usd,pro\n"
            + "P2,,L2,2026-02-03T00:00:00Z,-20,,\n",
        "spend.csv", "date,channel,campaign,amount,currency\n2026-01-01,seo,,100,USD\n",
        "plan.csv", "period,metric,target,channel\n2026-Q1,Leads,100,\n2026-03,revenue,5000.00,seo\n",
        "paths.csv", "path,total_conversions,total_conversion_value,total_null\n"
            + "a > b,2,3.5,4\n");
    for (DatasetRead r : List.of(lenient(dir), DatasetReader.strict().read(dir))) {
      Dataset d = r.dataset();
      assertEquals(0, r.rejected());
      assertEquals(8, r.tables().size());
      assertEquals(5, d.leads().size());
      assertEquals(Instant.parse("2026-01-03T06:00:00Z"), d.lead("L3").createdAt());
      assertEquals(Instant.parse("2026-01-04T12:30:00Z"), d.lead("L4").createdAt());
      assertEquals(Lead.NO_CHANNEL, d.lead("L4").channel());
      assertEquals(4, d.stages().size(), "a stage of an unknown lead is kept");
      assertEquals(new Money(new BigDecimal("1200.50"), "USD"), d.stagesOf("L1").get(1).amount());
      assertEquals("no_budget", d.stagesOf("L2").get(0).reason());
      assertEquals("call", d.activities().get(0).type());
      assertEquals(TouchKind.OFFLINE, d.touchesOf("L1").get(1).kind());
      assertEquals(new Money(new BigDecimal("12.5"), "USD"), d.touchesOf("L1").get(1).cost());
      assertEquals("USD", d.currency());
      Payment refund = d.paymentsOf("L2").get(0);
      assertEquals(new Money(new BigDecimal("-20"), "USD"), refund.amount());
      assertEquals(LocalDate.of(2026, 1, 1), d.spend().get(0).date());
      assertEquals(Period.parse("2026-Q1"), d.plan().get(0).period());
      assertEquals("leads", d.plan().get(0).metric());
      assertEquals(new JourneyPath(List.of("a", "b"), 2, new BigDecimal("3.5"), 4), d.paths().get(0));
    }
  }

  @Test
  void readsOnlyTheChosenTablesAndOpensNoOther() throws java.io.IOException {
    dataset(dir,
        "leads.csv", LEADS,
        "stages.csv", "lead_id,stage,at,reason,amount,owner\nL1,MQL,2026-01-02T00:00:00Z,,,\n",
        // broken beyond reading: a strict read of it would fail, so passing proves it is not opened
        "touches.csv", "lead_id,at,channel\nL1,not a time,seo\n",
        "payments.csv", "payment_id,customer_id,lead_id,paid_at,amount,currency,product\n"
            + "P1,C1,L1,2026-02-02T00:00:00Z,10,EUR,\n",
        "spend.csv", "date,channel,campaign,amount,currency\n2026-01-01,seo,,100,USD\n");
    DatasetReader strict = DatasetReader.builder()
        .tables(java.util.EnumSet.of(DatasetTable.LEADS, DatasetTable.STAGES)).build();
    DatasetRead r = strict.read(dir);
    assertEquals(java.util.EnumSet.of(DatasetTable.LEADS, DatasetTable.STAGES), r.dataset().tables());
    assertEquals(2, r.tables().size());
    assertEquals(5, r.dataset().leads().size());
    assertEquals(1, r.dataset().stages().size());
    assertTrue(r.dataset().touches().isEmpty());
    assertThrows(InvalidDataException.class, () -> DatasetReader.strict().read(dir));
    // lenient without rates: payments and spend are read together, so the currency rule (the
    // majority of both) sees the same rows as a full read: a tie keeps EUR, rejecting the USD row
    DatasetRead pay = DatasetReader.builder().lenient(true)
        .tables(java.util.EnumSet.of(DatasetTable.PAYMENTS)).build().read(dir);
    assertEquals(java.util.EnumSet.of(DatasetTable.PAYMENTS, DatasetTable.SPEND), pay.dataset().tables());
    assertEquals("EUR", pay.dataset().currency());
    assertEquals(1, read(pay, DatasetTable.SPEND).rejected());
    // a directory without any table file is still not a dataset, whatever is chosen
    Path empty = dir.resolve("empty");
    java.nio.file.Files.createDirectories(empty);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DatasetReader
        .builder().tables(java.util.EnumSet.of(DatasetTable.LEADS)).build().read(empty));
    assertTrue(e.getMessage().startsWith("no table files in"), e.getMessage());
  }

  @Test
  void readsNdjsonWithUnknownFieldsNumbersAndNulls() {
    dataset(dir,
        "leads.ndjson", "{\"lead_id\":\"L1\",\"created_at\":\"2026-01-01\",\"Region\":\"eu\",\"score\":7}\n"
            + "\n"
            + "{\"lead_id\":\"L2\",\"created_at\":\"2026-01-02\",\"channel\":null}\n",
        "payments.ndjson", "{\"customer_id\":\"C1\",\"paid_at\":\"2026-01-03T00:00:00Z\",\"amount\":12.50}\n");
    for (DatasetRead r : List.of(lenient(dir), DatasetReader.strict().read(dir))) {
      Dataset d = r.dataset();
      assertEquals(Map.of("region", "eu", "score", "7"), d.lead("L1").attributes());
      assertEquals(Lead.NO_CHANNEL, d.lead("L2").channel());
      assertEquals(new BigDecimal("12.50"), d.payments().get(0).amount().amount());
      assertEquals(2, read(r, DatasetTable.LEADS).read(), "a blank line is not a row");
    }
  }

  @Test
  void malformedJsonLineBothModes() {
    dataset(dir, "leads.ndjson", "{\"lead_id\":\"L1\",\"created_at\":\"2026-01-01\"}\n"
        + "{\"lead_id\":\"L2\",\"created_at\":\n"
        + "[1,2]\n"
        + "{\"lead_id\":{\"a\":1},\"created_at\":\"2026-01-01\"}\n"
        + "{\"lead_id\":\"L3\",\"created_at\":\"2026-01-03\"}\n");
    TableRead t = read(lenient(dir), DatasetTable.LEADS);
    assertEquals(5, t.read());
    assertEquals(2, t.accepted());
    assertEquals(Map.of("malformed_json", 2L, "unsupported_value", 1L), t.rejectedByCode());
    assertEquals(2, t.examples().get(0).line());
    Rejection r = strictFails(dir);
    assertEquals("malformed_json", r.code());
    assertEquals(2, r.line());
  }

  @Test
  void ndjsonReportsMissingRequiredFieldPerRow() {
    dataset(dir, "leads.ndjson", "{\"lead_id\":\"L1\"}\n");
    assertEquals("missing_value", only(read(lenient(dir), DatasetTable.LEADS)).code());
    Rejection r = strictFails(dir);
    assertEquals("created_at", r.field());
  }

  // ------------------------------------------------------------ the acceptance case

  @Test
  void oneCorruptedTimestampIsOneRejectedRow() {
    dataset(dir, "leads.csv", LEADS.replace("2026-01-03T09:00:00+03:00", "2026-01-3T09:00"));
    DatasetRead r = lenient(dir);
    TableRead t = read(r, DatasetTable.LEADS);
    assertEquals(5, t.read());
    assertEquals(4, t.accepted());
    Rejection ex = only(t);
    assertEquals("unparsable_time", ex.code());
    assertEquals(4, ex.line());
    assertEquals(2, ex.column());
    assertEquals("created_at", ex.field());
    assertEquals("2026-01-3T09:00", ex.value());
    assertEquals(List.of("L1", "L2", "L4", "L5"),
        r.dataset().leads().stream().map(Lead::id).toList());

    Rejection s = strictFails(dir);
    assertEquals("leads.csv", s.file());
    assertEquals(4, s.line());
    assertEquals(2, s.column());
    assertEquals("created_at", s.field());
    assertEquals("unparsable_time", s.code());
  }

  // ------------------------------------------------------------ covered cases, both modes

  @Test
  void unclosedQuoteCostsOneRow() {
    dataset(dir, "leads.csv", "lead_id,created_at,channel\n"
        + "L1,2026-01-01,seo\n"
        + "L2,\"2026-01-02,seo\n"
        + "L3,2026-01-03,direct\n"
        + "L4,2026-01-04,direct\n");
    DatasetRead r = lenient(dir);
    Rejection ex = only(read(r, DatasetTable.LEADS));
    assertEquals("unclosed_quote", ex.code());
    assertEquals(3, ex.line());
    assertEquals(2, ex.column());
    assertEquals(3, r.dataset().leads().size());
    Rejection s = strictFails(dir);
    assertEquals("unclosed_quote", s.code());
    assertEquals(3, s.line());
    assertEquals("created_at", s.field());
  }

  @Test
  void textAfterClosingQuoteIsInvalidQuote() {
    dataset(dir, "leads.csv", "lead_id,created_at,channel\n"
        + "L1,2026-01-01,\"seo\"x\n"
        + "L2,2026-01-02,seo\n");
    DatasetRead r = lenient(dir);
    assertEquals("invalid_quote", only(read(r, DatasetTable.LEADS)).code());
    assertEquals(1, r.dataset().leads().size());
    assertEquals("invalid_quote", strictFails(dir).code());
  }

  @Test
  void wrongColumnCount() {
    dataset(dir, "leads.csv", "lead_id,created_at,channel\n"
        + "L1,2026-01-01,seo\n"
        + "L2,2026-01-02\n"
        + "L3,2026-01-03,seo,extra\n");
    TableRead t = read(lenient(dir), DatasetTable.LEADS);
    assertEquals(Map.of("wrong_column_count", 2L), t.rejectedByCode());
    assertEquals(1, t.accepted());
    assertEquals(List.of(3L, 4L), t.examples().stream().map(Rejection::line).toList());
    Rejection s = strictFails(dir);
    assertEquals("wrong_column_count", s.code());
    assertEquals(3, s.line());
  }

  @Test
  void missingRequiredColumnFailsInBothModes() {
    dataset(dir, "leads.csv", "lead_id,channel\nL1,seo\nL2,direct\n");
    Rejection s = failsInBothModes(dir);
    assertEquals("missing_column", s.code());
    assertEquals(1, s.line());
    assertEquals("created_at", s.field());
    dataset(dir, "leads.csv", "lead_id,created_at\nL1,2026-01-01\n",
        "payments.csv", "paid_at,amount\n2026-01-01,5\n");
    assertEquals("customer_id", failsInBothModes(dir).field());
  }

  @Test
  void aTruncatedHeaderFailsWithAHint() {
    dataset(dir, "leads.csv", "lead_id,create\nL1,2026-01-01\n");
    Rejection s = failsInBothModes(dir);
    assertEquals("the header has no column created_at (required); it has [lead_id, create];"
        + " 'create' looks like created_at cut short", s.reason());
  }

  @Test
  void duplicateColumnFailsInBothModes() {
    dataset(dir, "leads.csv", "lead_id,created_at,Lead_ID\nL1,2026-01-01,L1\n");
    assertEquals("duplicate_column", failsInBothModes(dir).code());
    // an unknown column named twice once kept the first value silently
    dataset(dir, "leads.csv", "lead_id,created_at,region,Region \nL1,2026-01-01,north,south\n");
    Rejection r = failsInBothModes(dir);
    assertEquals("duplicate_column", r.code());
    assertEquals("region", r.field());
    assertEquals(4, r.column());
    // unnamed columns (a trailing delimiter) are not names
    dataset(dir, "leads.csv", "lead_id,created_at,,\nL1,2026-01-01,,\n");
    assertEquals(1, DatasetReader.strict().read(dir).dataset().leads().size());
  }

  @Test
  void unparsableNumber() {
    dataset(dir, "payments.csv", "customer_id,paid_at,amount\n"
        + "C1,2026-01-01,10\n"
        + "C1,2026-01-02,\"1,5\"\n"
        + "C1,2026-01-03,1e3\n");
    DatasetRead r = lenient(dir);
    assertEquals(Map.of("unparsable_number", 2L), read(r, DatasetTable.PAYMENTS).rejectedByCode());
    assertEquals(new BigDecimal("10"), r.dataset().payments().get(0).amount().amount());
    Rejection s = strictFails(dir);
    assertEquals("amount", s.field());
    assertEquals("1,5", s.value());
    assertEquals(3, s.line());
  }

  @Test
  void unknownStage() {
    dataset(dir, "stages.csv", "lead_id,stage,at\nL1,MQL,2026-01-01\nL1,QUALIFIED,2026-01-02\n");
    DatasetRead r = lenient(dir);
    Rejection ex = only(read(r, DatasetTable.STAGES));
    assertEquals("unknown_stage", ex.code());
    assertEquals("QUALIFIED", ex.value());
    assertEquals(1, r.dataset().stages().size());
    assertEquals("unknown_stage", strictFails(dir).code());
  }

  @Test
  void customCatalogResolvesItsOwnStages() {
    dataset(dir, "stages.csv", "lead_id,stage,at\nL1,qualified,2026-01-01\n");
    StageCatalog c = StageCatalog.of(List.of("NEW", "QUALIFIED", "CLOSED"), List.of("DEAD"));
    Dataset d = DatasetReader.builder().catalog(c).build().read(dir).dataset();
    assertEquals(c.stage("QUALIFIED"), d.stages().get(0).stage());
  }

  @Test
  void negativeSpend() {
    dataset(dir, "spend.csv", "date,channel,amount\n2026-01-01,seo,10\n2026-01-02,seo,-5\n");
    DatasetRead r = lenient(dir);
    Rejection ex = only(read(r, DatasetTable.SPEND));
    assertEquals("negative_amount", ex.code());
    assertEquals(3, ex.column());
    assertEquals("negative_amount", strictFails(dir).code());
  }

  @Test
  void mixedCurrenciesKeepTheMajorityWhenLenientAndFailWhenStrict() {
    dataset(dir,
        "payments.csv", "customer_id,paid_at,amount,currency\n"
            + "C1,2026-01-01,10,EUR\n"
            + "C1,2026-01-02,20,USD\n"
            + "C2,2026-01-03,30,\n",
        "spend.csv", "date,channel,amount,currency\n2026-01-01,seo,5,usd\n");
    DatasetRead r = lenient(dir);
    Rejection ex = only(read(r, DatasetTable.PAYMENTS));
    assertEquals("mixed_currency", ex.code());
    assertEquals(2, ex.line());
    assertEquals(4, ex.column());
    assertEquals("EUR", ex.value());
    assertEquals("USD", r.dataset().currency());
    assertEquals(2, r.dataset().payments().size());
    Rejection s = strictFails(dir);
    assertEquals("mixed_currency", s.code());
    assertEquals(3, s.line(), "strict fails at the first row whose currency differs from the first");
  }

  @Test
  void currencyRatesConvertInsteadOfRejecting() {
    dataset(dir, "payments.csv", "customer_id,paid_at,amount,currency\n"
        + "C1,2026-01-01,10,EUR\nC1,2026-01-02,20,USD\nC1,2026-01-03,1,GBP\n");
    CurrencyRates rates = CurrencyRates.of("USD", Map.of("EUR", new BigDecimal("1.1")));
    DatasetRead r = DatasetReader.builder().rates(rates).lenient(true).build().read(dir);
    assertEquals("unknown_currency", only(read(r, DatasetTable.PAYMENTS)).code());
    BigDecimal sum = BigDecimal.ZERO;
    for (Payment p : r.dataset().payments()) {
      sum = sum.add(p.amount().amount());
    }
    assertEquals(0, new BigDecimal("31.0").compareTo(sum));
    InvalidDataException e = assertThrows(InvalidDataException.class,
        () -> DatasetReader.builder().rates(rates).build().read(dir));
    assertEquals("unknown_currency", e.rejection().code());
  }

  @Test
  void singleTableStreamingKeepsTheFirstCurrency() {
    String csv = "customer_id,paid_at,amount,currency\nC1,2026-01-01,1,EUR\nC1,2026-01-02,2,USD\n"
        + "C1,2026-01-03,3,USD\n";
    List<Payment> kept = new ArrayList<>();
    TableRead t = DatasetReader.lenient().forEach(Rows.PAYMENTS, new StringReader(csv),
        FileFormat.CSV, "p.csv", kept::add);
    assertEquals(Map.of("mixed_currency", 2L), t.rejectedByCode());
    assertEquals("EUR", kept.get(0).amount().currency());
  }

  @Test
  void duplicateLeadIdRejectsTheSecondOccurrence() {
    dataset(dir, "leads.csv", "lead_id,created_at,channel\nL1,2026-01-01,seo\nL1,2026-01-02,direct\n");
    DatasetRead r = lenient(dir);
    Rejection ex = only(read(r, DatasetTable.LEADS));
    assertEquals("duplicate_lead_id", ex.code());
    assertEquals(3, ex.line());
    assertEquals("seo", r.dataset().lead("L1").channel());
    assertEquals("duplicate_lead_id", strictFails(dir).code());
  }

  @Test
  void aCsvFileWithoutAHeaderFailsInBothModesAnEmptyNdjsonFileIsAnEmptyTable() {
    dataset(dir, "leads.csv", "", "payments.ndjson", "");
    Rejection r = failsInBothModes(dir);
    assertEquals("empty_file", r.code());
    assertEquals("leads.csv", r.file());
    dataset(dir, "leads.csv", "\n\r\n");
    assertEquals("empty_file", failsInBothModes(dir).code());
    dataset(dir, "leads.csv", "lead_id,created_at\n");
    for (DatasetRead read : List.of(lenient(dir), DatasetReader.strict().read(dir))) {
      assertTrue(read.dataset().has(DatasetTable.LEADS));
      assertTrue(read.dataset().has(DatasetTable.PAYMENTS));
      assertEquals(0, read(read, DatasetTable.PAYMENTS).read());
      assertFalse(read.dataset().has(DatasetTable.STAGES));
    }
  }

  @Test
  void headerOnlyIsAPresentEmptyTableInBothModes() {
    dataset(dir, "leads.csv", "\uFEFFlead_id,created_at\r\n", "spend.csv", "date;channel;amount");
    for (DatasetRead r : List.of(lenient(dir), DatasetReader.strict().read(dir))) {
      assertTrue(r.dataset().has(DatasetTable.LEADS));
      assertTrue(r.dataset().has(DatasetTable.SPEND));
      assertEquals(0, r.dataset().leads().size());
      assertEquals(0, read(r, DatasetTable.SPEND).read());
    }
  }

  @Test
  void unknownColumnsAreKeptForLeadsAndIgnoredElsewhere() {
    dataset(dir, "leads.csv", "Region,LEAD_ID,created_at,Score\neu,L1,2026-01-01,'=1+2\nus,L2,2026-01-02,\n",
        "payments.csv", "whatever,customer_id,paid_at,amount\nx,C1,2026-01-01,5\n");
    for (DatasetRead r : List.of(lenient(dir), DatasetReader.strict().read(dir))) {
      assertEquals(0, r.rejected());
      assertEquals(Map.of("region", "eu", "score", "=1+2"), r.dataset().lead("L1").attributes());
      assertEquals(Map.of("region", "us"), r.dataset().lead("L2").attributes());
      assertEquals(1, r.dataset().payments().size());
    }
  }

  @Test
  void paymentsNeedACustomerOrALead() {
    dataset(dir, "payments.csv", "customer_id,lead_id,paid_at,amount\n,,2026-01-01,5\n,L1,2026-01-01,5\n");
    DatasetRead r = lenient(dir);
    assertEquals("missing_value", only(read(r, DatasetTable.PAYMENTS)).code());
    assertEquals("L1", r.dataset().payments().get(0).customerId());
    assertEquals("missing_value", strictFails(dir).code());
  }

  @Test
  void quotedNewlinesCountAsPhysicalLines() {
    dataset(dir, "leads.csv", "lead_id,created_at,campaign\r\n"
        + "L1,2026-01-01,\"spring\r\nsale, \"\"big\"\"\"\r\n"
        + "L2,2026-01-02,x\r\n"
        + "L3,bad,x\r\n");
    DatasetRead r = lenient(dir);
    assertEquals("spring\r\nsale, \"big\"", r.dataset().lead("L1").campaign());
    assertEquals(5, only(read(r, DatasetTable.LEADS)).line());
    assertEquals(5, strictFails(dir).line());
  }

  @Test
  void delimiterIsDetectedOrGiven() {
    dataset(dir, "leads.csv", "lead_id\tcreated_at\tcampaign\nL1\t2026-01-01\ta,b;c\n");
    assertEquals("a,b;c", DatasetReader.strict().read(dir).dataset().lead("L1").campaign());
    DatasetReader forced = DatasetReader.builder().delimiter(',').lenient(true).build();
    assertEquals("missing_column",
        assertThrows(InvalidDataException.class, () -> forced.read(dir)).rejection().code());
    assertThrows(IllegalArgumentException.class, () -> DatasetReader.builder().delimiter('|'));
  }

  @Test
  void localTimesAreInTheDatasetZone() {
    dataset(dir, "leads.csv", "lead_id,created_at\nL1,2026-03-29T02:30:00\nL2,2026-07-01\nL3,2026-07-01T00:00:00Z\n");
    Dataset d = DatasetReader.builder().zone(ZoneId.of("Europe/Berlin")).build().read(dir).dataset();
    // 02:30 does not exist on 2026-03-29 in Berlin: moved forward by the one-hour gap (CEST)
    assertEquals(Instant.parse("2026-03-29T01:30:00Z"), d.lead("L1").createdAt());
    assertEquals(Instant.parse("2026-06-30T22:00:00Z"), d.lead("L2").createdAt());
    assertEquals(Instant.parse("2026-07-01T00:00:00Z"), d.lead("L3").createdAt());
    assertEquals(ZoneId.of("Europe/Berlin"), d.zone());
  }

  @Test
  void readsOneTableFromAStream() {
    byte[] bytes = "\uFEFFcustomer_id;paid_at;amount\r\nC1;2026-01-01T00:00:00Z;1.5\r\nC2;x;2\r\n"
        .getBytes(StandardCharsets.UTF_8);
    List<Payment> got = new ArrayList<>();
    TableRead t = DatasetReader.lenient().forEach(Rows.PAYMENTS, new ByteArrayInputStream(bytes),
        FileFormat.CSV, "stdin", got::add);
    assertEquals(2, t.read());
    assertEquals(1, got.size());
    assertEquals("stdin", t.file());
    InvalidDataException e = assertThrows(InvalidDataException.class, () ->
        DatasetReader.strict().forEach(Rows.PAYMENTS, new ByteArrayInputStream(bytes), FileFormat.CSV,
            "stdin", p -> { }));
    assertTrue(e.getMessage().contains("stdin at line 3, column 2 (field paid_at, value 'x')"),
        e.getMessage());
  }

  @Test
  void directoryProblemsAreIllegalArguments() {
    assertThrows(IllegalArgumentException.class, () -> DatasetReader.lenient().read(dir));
    dataset(dir, "leads.csv", "lead_id,created_at\n", "leads.ndjson", "");
    assertThrows(IllegalArgumentException.class, () -> DatasetReader.lenient().read(dir));
    assertThrows(IllegalArgumentException.class,
        () -> DatasetReader.lenient().read(dir.resolve("nope")));
  }

  @Test
  void pathsReadCountsAndRejectBadOnes() {
    dataset(dir, "paths.csv", "path;total_conversions;total_conversion_value;total_null\n"
        + "a > b;1;0.5;2\n"
        + "a >  > b;1;0.5;2\n"
        + "c;-1;0;0\n"
        + "d;2.0;;\n");
    DatasetRead r = lenient(dir);
    TableRead t = read(r, DatasetTable.PATHS);
    assertEquals(Map.of("invalid_path", 1L, "negative_count", 1L), t.rejectedByCode());
    assertEquals(new JourneyPath(List.of("d"), 2, BigDecimal.ZERO, 0), r.dataset().paths().get(1));
  }

  @Test
  void summaryAndTableShowTheCounts() {
    dataset(dir, "leads.csv", LEADS + "L6,never,seo\n");
    DatasetRead r = lenient(dir);
    assertEquals("DatasetRead: 1 tables, 5 rows accepted, 1 rejected", r.summary());
    assertTrue(r.toString().contains("unparsable_time 1"), r.toString());
    assertNull(r.readOf(DatasetTable.PATHS).orElse(null));
  }
}
