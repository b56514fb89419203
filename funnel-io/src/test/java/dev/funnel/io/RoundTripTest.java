package dev.funnel.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.core.Activity;
import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.JourneyPath;
import dev.funnel.core.Lead;
import dev.funnel.core.Money;
import dev.funnel.core.Payment;
import dev.funnel.core.Period;
import dev.funnel.core.PlanTarget;
import dev.funnel.core.Spend;
import dev.funnel.core.StageCatalog;
import dev.funnel.core.StageChange;
import dev.funnel.core.Touch;
import dev.funnel.core.TouchKind;
import dev.funnel.core.display.Tabular;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** write -> read gives the same dataset, for every table, in both formats. */
class RoundTripTest {

  @TempDir Path dir;

  private static final StageCatalog C = StageCatalog.DEFAULT;
  private static final Instant T0 = Instant.parse("2026-03-01T09:15:00Z");

  static Dataset tricky() {
    return Dataset.builder()
        .lead(new Lead("L,1", T0, "=cmd|' /C calc'!A0", "say \"hi\"\nnext line", "Ünïcödé 日本 ✓",
            "-owner", "+C1", Map.of("note", "@mention", "quote", "'=x", "plain", "'x", "tab", "a\tb")))
        .lead(Lead.of("L2", T0.plusNanos(123_456_789), null))
        .lead(new Lead("L3", Instant.parse("1999-12-31T23:59:59Z"), "seo", null, null, null, "L3",
            Map.of("note", "plain text")))
        .stageChange(new StageChange("L,1", C.stage("MQL"), T0.plusSeconds(60), null, null, "ann"))
        .stageChange(new StageChange("L,1", C.stage("WON"), T0.plusSeconds(120), null,
            Money.of("1200.50", "USD"), null))
        .stageChange(new StageChange("L2", C.stage("LOST"), T0, "No Budget", Money.of("0"), "-x"))
        .stageChange(new StageChange("ghost", C.stage("SQL"), T0, null, Money.of("-0.001"), null))
        .activity(new Activity("L,1", T0, "call", "a\tb", "reached"))
        .activity(new Activity("L2", T0, "email", null, null))
        .touch(new Touch("L,1", T0.minusSeconds(86_400), "webinar", "x\r\ny", TouchKind.OFFLINE,
            Money.of("0.10")))
        .touch(Touch.of("L,1", T0.minusSeconds(3600), "direct"))
        .payment(new Payment("P1", "+C1", "L,1", T0, Money.of("1200.50", "USD"), "=SUM(A1:A9)"))
        .payment(new Payment(null, null, "L2", T0, Money.of("-20", "usd"), null))
        .payment(new Payment("P3", "C9", null, T0, Money.of(new BigDecimal("1E+3"), "USD"), "\"quoted\""))
        .payment(new Payment("P4", "C9", null, T0, Money.of("12345678901234567890.123456789"), "big"))
        .spend(new Spend(LocalDate.of(2026, 3, 1), "paid_search", "=evil", Money.of("99.999", "USD")))
        .spend(new Spend(LocalDate.of(2026, 3, 2), "seo", null, Money.of("0")))
        .planTarget(new PlanTarget(Period.parse("2026-W10"), "leads", new BigDecimal("100"), null))
        .planTarget(new PlanTarget(Period.parse("2026"), "win_rate", new BigDecimal("0.25"), "seo"))
        .planTarget(new PlanTarget(Period.parse("2026-Q2"), "revenue", new BigDecimal("-1"), "a;b"))
        .path(new JourneyPath(List.of("paid search", "e-mail", "@x"), 2, new BigDecimal("1.50"), 3))
        .path(new JourneyPath(List.of("direct"), 0, BigDecimal.ZERO, 7))
        .build();
  }

  private static void assertSameDataset(Dataset want, Dataset got) {
    assertEquals(want.tables(), got.tables());
    assertEquals(want.currency(), got.currency());
    assertEquals(want.leads(), got.leads());
    assertEquals(want.stages(), got.stages());
    assertEquals(want.activities(), got.activities());
    assertEquals(want.touches(), got.touches());
    assertEquals(want.payments(), got.payments());
    assertEquals(want.spend(), got.spend());
    assertEquals(want.plan(), got.plan());
    assertEquals(want.paths(), got.paths());
  }

  @Test
  void csvRoundTripIsExact() {
    Dataset d = tricky();
    DatasetWriter.write(d, dir, FileFormat.CSV);
    assertSameDataset(d, DatasetReader.strict().read(dir).dataset());
  }

  @Test
  void ndjsonRoundTripIsExact() {
    Dataset d = tricky();
    DatasetWriter.write(d, dir, FileFormat.NDJSON);
    assertSameDataset(d, DatasetReader.strict().read(dir).dataset());
  }

  @Test
  void rowsStreamedOneByOneInAnyOrderReadBackToTheSameDataset() {
    Dataset d = tricky();
    for (FileFormat format : FileFormat.values()) {
      Path out = dir.resolve("streamed-" + format.extension());
      Map<DatasetTable, Path> files = DatasetWriter.prepare(out, format, d.tables());
      streamReversed(Rows.LEADS, d.leads(), files.get(DatasetTable.LEADS), format,
          List.of("note", "plain", "quote", "tab"));
      streamReversed(Rows.STAGES, d.stages(), files.get(DatasetTable.STAGES), format, List.of());
      streamReversed(Rows.ACTIVITIES, d.activities(), files.get(DatasetTable.ACTIVITIES), format, List.of());
      streamReversed(Rows.TOUCHES, d.touches(), files.get(DatasetTable.TOUCHES), format, List.of());
      streamReversed(Rows.PAYMENTS, d.payments(), files.get(DatasetTable.PAYMENTS), format, List.of());
      streamReversed(Rows.SPEND, d.spend(), files.get(DatasetTable.SPEND), format, List.of());
      streamReversed(Rows.PLAN, d.plan(), files.get(DatasetTable.PLAN), format, List.of());
      streamReversed(Rows.PATHS, d.paths(), files.get(DatasetTable.PATHS), format, List.of());
      assertSameDataset(d, DatasetReader.strict().read(out).dataset());
    }
  }

  private static <T> void streamReversed(Rows<T> rows, List<T> values, Path file, FileFormat format,
      List<String> extras) {
    try (TableWriter<T> w = TableWriter.open(rows, file, format, extras)) {
      for (int i = values.size() - 1; i >= 0; i--) {
        w.write(values.get(i));
      }
      assertEquals(values.size(), w.rows());
    }
  }

  @Test
  void anExtraColumnNamedLikeATableColumnIsRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> TableWriter.open(Rows.LEADS, dir.resolve("leads.csv"), FileFormat.CSV, List.of("Channel")));
  }

  @Test
  void csvToNdjsonToCsvGivesTheSameBytes() throws Exception {
    Dataset d = tricky();
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    Path c = dir.resolve("c");
    DatasetWriter.write(d, a, FileFormat.CSV);
    DatasetWriter.write(DatasetReader.strict().read(a).dataset(), b, FileFormat.NDJSON);
    DatasetWriter.write(DatasetReader.strict().read(b).dataset(), c, FileFormat.CSV);
    for (DatasetTable t : d.tables()) {
      String f = t.fileName() + ".csv";
      assertEquals(Files.readString(a.resolve(f)), Files.readString(c.resolve(f)), f);
    }
  }

  @Test
  void csvGuardsFormulasButNotNumbers() throws Exception {
    DatasetWriter.write(tricky(), dir, FileFormat.CSV);
    String payments = Files.readString(dir.resolve("payments.csv"), StandardCharsets.UTF_8);
    assertTrue(payments.startsWith("payment_id,customer_id,lead_id,paid_at,amount,currency,product\n"), payments);
    assertTrue(payments.contains(",'+C1,"), payments);
    assertTrue(payments.contains("'=SUM(A1:A9)"), payments);
    assertTrue(payments.contains(",-20,USD,"), payments);
    assertTrue(payments.contains(",1000,"), payments);
    assertTrue(payments.contains("2026-03-01T09:15:00Z"), payments);
    String leads = Files.readString(dir.resolve("leads.csv"), StandardCharsets.UTF_8);
    assertTrue(leads.startsWith("lead_id,created_at,channel,campaign,segment,owner,customer_id,note,plain,quote,tab\n"), leads);
    assertTrue(leads.contains("'@mention"), leads);
    assertTrue(leads.contains("''=x"), leads);
    assertTrue(leads.contains(",'x,"), leads);
    String plan = Files.readString(dir.resolve("plan.csv"), StandardCharsets.UTF_8);
    assertTrue(plan.contains("2026-Q2,revenue,-1,"), plan);
  }

  @Test
  void emptyTablesStayPresent() {
    Dataset d = Dataset.builder().table(DatasetTable.ACTIVITIES).table(DatasetTable.PATHS).build();
    for (FileFormat f : FileFormat.values()) {
      Path out = dir.resolve(f.extension());
      DatasetWriter.write(d, out, f);
      DatasetRead r = DatasetReader.strict().read(out);
      assertEquals(d.tables(), r.dataset().tables());
      assertEquals(0, r.accepted());
    }
  }

  @Test
  void singleTableToAWriterAndBack() {
    List<Payment> rows = tricky().payments();
    for (FileFormat f : FileFormat.values()) {
      StringWriter w = new StringWriter();
      DatasetWriter.write(Rows.PAYMENTS, rows, w, f);
      TableRows<Payment> back = readAll(w.toString(), f);
      assertEquals(rows, back.rows());
      assertEquals(Tabular.preview(back), back.toString(), "few rows: the same as the preview");
    }
  }

  private static TableRows<Payment> readAll(String text, FileFormat f) {
    return DatasetReader.strict().readAll(Rows.PAYMENTS, new java.io.StringReader(text), f, "mem");
  }

  @Test
  void longTablesPreviewTheirFirstRows() {
    List<JourneyPath> many = new java.util.ArrayList<>();
    for (int i = 0; i < 50; i++) {
      many.add(new JourneyPath(List.of("c" + i), i, BigDecimal.ONE, 0));
    }
    TableRows<JourneyPath> t = new TableRows<>(many,
        new dev.funnel.core.quality.TableRead(DatasetTable.PATHS, "x", 50, 50, Map.of(), List.of()));
    assertEquals(Tabular.preview(t), t.toString());
  }

  @Test
  void valuesTheLayoutCannotHoldAreRefused() {
    JourneyPath p = new JourneyPath(List.of("a>b"), 1, BigDecimal.ONE, 0);
    assertThrows(IllegalArgumentException.class,
        () -> DatasetWriter.write(Rows.PATHS, List.of(p), new StringWriter(), FileFormat.CSV));
    Lead l = new Lead("L", T0, null, null, null, null, null, Map.of("Channel", "x"));
    assertThrows(IllegalArgumentException.class,
        () -> DatasetWriter.write(Rows.LEADS, List.of(l), new StringWriter(), FileFormat.NDJSON));
  }

  @Test
  void writingNextToTheOtherFormatIsRefused() throws Exception {
    Files.writeString(dir.resolve("leads.ndjson"), "");
    assertThrows(IllegalArgumentException.class, () -> DatasetWriter.write(tricky(), dir, FileFormat.CSV));
  }
}
