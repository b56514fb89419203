package dev.funnel.core.columnar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.core.Activity;
import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Lead;
import dev.funnel.core.Money;
import dev.funnel.core.Payment;
import dev.funnel.core.Spend;
import dev.funnel.core.StageChange;
import dev.funnel.core.Touch;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ColumnsTest {

  private static final SampleRows ROWS = SampleRows.generate(7, 3000);
  private static final Dataset DATA = ROWS.dataset(null);
  private static final Columns COLS = Columns.of(DATA);

  /** Epoch milliseconds of an instant, sub-millisecond part dropped toward the past. */
  private static long millis(Instant t) {
    return t.getEpochSecond() * 1000 + t.getNano() / 1_000_000;
  }

  /** A record view's amount: the column's value, in the dataset currency. */
  private static void assertAmount(Money expected, BigDecimal actual) {
    if (expected != null) {
      assertEquals(COLS.currency(), expected.currency());
    }
    assertAmount(expected == null ? null : expected.amount(), actual);
  }

  private static void assertAmount(BigDecimal expected, BigDecimal actual) {
    if (expected == null) {
      assertNull(actual);
    } else {
      assertEquals(0, expected.compareTo(actual), expected + " vs " + actual);
    }
  }

  @Test
  void dictionariesAreTheSortedDistinctValues() {
    TreeSet<String> ids = new TreeSet<>();
    DATA.leads().forEach(l -> ids.add(l.id()));
    DATA.stages().forEach(s -> ids.add(s.leadId()));
    DATA.touches().forEach(s -> ids.add(s.leadId()));
    DATA.activities().forEach(s -> ids.add(s.leadId()));
    DATA.payments().forEach(p -> { if (p.leadId() != null) ids.add(p.leadId()); });
    assertEquals(List.copyOf(ids), COLS.leadIds().values());
    TreeSet<String> channels = new TreeSet<>();
    DATA.leads().forEach(l -> channels.add(l.channel()));
    DATA.touches().forEach(t -> channels.add(t.channel()));
    DATA.spend().forEach(t -> channels.add(t.channel()));
    assertEquals(List.copyOf(channels), COLS.channels().values());
    assertTrue(COLS.channels().values().contains(Lead.NO_CHANNEL));
    for (Dictionary d : COLS.dictionaries()) {
      for (int c = 0; c < d.size(); c++) {
        assertEquals(c, d.code(d.value(c)));
      }
    }
  }

  @Test
  void leadColumnsEqualTheObjects() {
    LeadColumns l = COLS.leads();
    assertEquals(COLS.leadIds().size(), l.size());
    int withRow = 0;
    for (int i = 0; i < l.size(); i++) {
      Lead o = DATA.lead(l.id(i));
      assertEquals(i, l.index(l.id(i)));
      if (o == null) {
        assertFalse(l.hasRow(i));
        assertEquals(LeadColumns.NO_TIME, l.createdAt(i));
        assertEquals(Dictionary.ABSENT, l.channel(i));
        assertEquals(Dictionary.ABSENT, l.customer(i));
        continue;
      }
      withRow++;
      assertTrue(l.hasRow(i));
      assertEquals(millis(o.createdAt()), l.createdAt(i));
      assertEquals(o.channel(), COLS.channels().value(l.channel(i)));
      assertEquals(o.campaign(), COLS.campaigns().value(l.campaign(i)));
      assertEquals(o.segment(), COLS.segments().value(l.segment(i)));
      assertEquals(o.owner(), COLS.owners().value(l.owner(i)));
      assertEquals(o.customerId(), COLS.customers().value(l.customer(i)));
    }
    assertEquals(DATA.leads().size(), withRow);
    assertEquals(withRow, l.withRow());
    assertTrue(l.size() > withRow, "the sample has leads seen only in other tables");
    // creation order agrees with the dataset's (created, id) order
    for (int i = 0; i < l.withRow(); i++) {
      assertEquals(DATA.leads().get(i).id(), l.id(l.byCreated(i)));
    }
  }

  @Test
  void stageColumnsEqualTheObjectsInOrder() {
    StageColumns s = COLS.stages();
    List<StageChange> rows = DATA.stages();
    assertEquals(rows.size(), s.size());
    for (int i = 0; i < rows.size(); i++) {
      StageChange o = rows.get(i);
      assertEquals(o.leadId(), COLS.leadIds().value(s.lead(i)));
      assertEquals(o.stage(), COLS.catalog().get(s.stage(i)));
      assertEquals(millis(o.at()), s.at(i));
      assertAmount(o.amount(), s.amount().value(i));
      assertEquals(o.amount() != null, s.amount().present(i));
      assertEquals(o.reason(), COLS.reasons().value(s.reason(i)));
      assertEquals(o.owner(), COLS.owners().value(s.owner(i)));
      if (i > 0) {
        assertTrue(s.lead(i - 1) < s.lead(i) || s.lead(i - 1) == s.lead(i) && s.at(i - 1) <= s.at(i));
      }
    }
    for (int lead = 0; lead < COLS.leads().size(); lead++) {
      assertEquals(DATA.stagesOf(COLS.leads().id(lead)).size(), s.to(lead) - s.from(lead));
      for (int r = s.from(lead); r < s.to(lead); r++) {
        assertEquals(lead, s.lead(r));
      }
    }
  }

  @Test
  void touchColumnsEqualTheObjectsInOrder() {
    TouchColumns t = COLS.touches();
    List<Touch> rows = DATA.touches();
    assertEquals(rows.size(), t.size());
    boolean sawSubMillis = false;
    for (int i = 0; i < rows.size(); i++) {
      Touch o = rows.get(i);
      sawSubMillis |= o.at().getNano() % 1_000_000 != 0;
      assertEquals(o.leadId(), COLS.leadIds().value(t.lead(i)));
      assertEquals(millis(o.at()), t.at(i));
      assertEquals(o.channel(), COLS.channels().value(t.channel(i)));
      assertEquals(o.campaign(), COLS.campaigns().value(t.campaign(i)));
      assertEquals(o.kind(), t.kind(i));
      assertAmount(o.cost(), t.cost().value(i));
      if (i > 0) {
        assertTrue(t.lead(i - 1) < t.lead(i) || t.lead(i - 1) == t.lead(i) && t.at(i - 1) <= t.at(i));
      }
    }
    assertTrue(sawSubMillis);
    for (int lead = 0; lead < COLS.leads().size(); lead++) {
      List<Touch> journey = DATA.touchesOf(COLS.leads().id(lead));
      assertEquals(journey.size(), t.to(lead) - t.from(lead));
      for (int r = t.from(lead), k = 0; r < t.to(lead); r++, k++) {
        assertEquals(millis(journey.get(k).at()), t.at(r));
      }
    }
  }

  @Test
  void activityColumnsEqualTheObjects() {
    ActivityColumns a = COLS.activities();
    List<Activity> rows = DATA.activities();
    assertEquals(rows.size(), a.size());
    for (int i = 0; i < rows.size(); i++) {
      Activity o = rows.get(i);
      assertEquals(o.leadId(), COLS.leadIds().value(a.lead(i)));
      assertEquals(millis(o.at()), a.at(i));
      assertEquals(o.type(), COLS.activityTypes().value(a.type(i)));
      assertEquals(o.owner(), COLS.owners().value(a.owner(i)));
      assertEquals(o.outcome(), COLS.outcomes().value(a.outcome(i)));
    }
    for (int lead = 0; lead < COLS.leads().size(); lead++) {
      assertEquals(DATA.activitiesOf(COLS.leads().id(lead)).size(), a.to(lead) - a.from(lead));
    }
  }

  @Test
  void paymentColumnsEqualTheObjectsByCustomer() {
    PaymentColumns p = COLS.payments();
    List<Payment> rows = DATA.payments();
    assertEquals(rows.size(), p.size());
    for (int i = 0; i < rows.size(); i++) {
      Payment o = rows.get(i);
      assertEquals(o.customerId(), COLS.customers().value(p.customer(i)));
      assertEquals(o.leadId(), COLS.leadIds().value(p.lead(i)));
      assertEquals(millis(o.paidAt()), p.at(i));
      assertAmount(o.amount().amount(), p.amount().value(i));
      assertEquals(o.product(), COLS.products().value(p.product(i)));
      if (i > 0) {
        assertTrue(p.customer(i - 1) < p.customer(i)
            || p.customer(i - 1) == p.customer(i) && p.at(i - 1) <= p.at(i));
      }
    }
    for (int c = 0; c < COLS.customers().size(); c++) {
      List<Payment> own = DATA.paymentsOf(COLS.customers().value(c));
      assertEquals(own.size(), p.to(c) - p.from(c));
      BigDecimal sum = own.stream().map(x -> x.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
      assertAmount(sum, p.amount().sum(p.from(c), p.to(c)));
    }
  }

  @Test
  void spendColumnsEqualTheObjects() {
    SpendColumns s = COLS.spend();
    List<Spend> rows = DATA.spend();
    assertEquals(rows.size(), s.size());
    for (int i = 0; i < rows.size(); i++) {
      Spend o = rows.get(i);
      assertEquals(o.date(), LocalDate.ofEpochDay(s.day(i)));
      assertEquals(o.channel(), COLS.channels().value(s.channel(i)));
      assertEquals(o.campaign(), COLS.campaigns().value(s.campaign(i)));
      assertAmount(o.amount().amount(), s.amount().value(i));
      if (i > 0) {
        assertTrue(s.day(i - 1) <= s.day(i));
      }
    }
  }

  @Test
  void exactSumsEqualBigDecimalSums() {
    assertAmount(
        DATA.payments().stream().map(p -> p.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add),
        COLS.payments().amount().sum());
    assertAmount(
        DATA.spend().stream().map(p -> p.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add),
        COLS.spend().amount().sum());
    assertAmount(
        DATA.stages().stream().map(StageChange::amount).filter(a -> a != null)
            .reduce(Money.zero(), Money::plus).amount(),
        COLS.stages().amount().sum());
    assertAmount(
        DATA.touches().stream().map(Touch::cost).filter(a -> a != null)
            .reduce(Money.zero(), Money::plus).amount(),
        COLS.touches().cost().sum());
    assertEquals(4, COLS.payments().amount().scale(), "the sample has amounts with four decimals");
    assertEquals("EUR", COLS.currency());
  }

  @Test
  void sameRowsInAnyOrderGiveIdenticalArrays() {
    Map<String, Map<String, Object>> expected = COLS.arrays();
    for (long seed = 1; seed <= 2; seed++) {
      Columns shuffled = Columns.of(ROWS.dataset(new Random(seed)));
      Map<String, Map<String, Object>> actual = shuffled.arrays();
      assertEquals(expected.keySet(), actual.keySet());
      for (String table : expected.keySet()) {
        for (String column : expected.get(table).keySet()) {
          assertArrayEquals(
              new Object[] {expected.get(table).get(column)},
              new Object[] {actual.get(table).get(column)},
              table + "." + column);
        }
      }
      for (int i = 0; i < COLS.dictionaries().size(); i++) {
        assertEquals(COLS.dictionaries().get(i).values(), shuffled.dictionaries().get(i).values());
      }
      assertEquals(COLS.footprint(), shuffled.footprint());
    }
  }

  @Test
  void atMost32BytesPerTouchAndStageChangeAnd48PerPayment() {
    Footprint f = COLS.footprint();
    for (String table : List.of("touches", "stages", "payments")) {
      Footprint.TableBytes t = f.table(table);
      assertTrue(t.rows() > 1000, table);
      // payments also keep their payment_id text (UTF-8 bytes and an end offset per row)
      int limit = table.equals("payments") ? 48 : 32;
      assertTrue(t.bytesPerRow() <= limit, table + ": " + t.bytesPerRow() + " bytes per row\n" + f);
    }
    // with several rows per lead, even the per-lead offsets keep touches and stages under 32
    for (String table : List.of("touches", "stages")) {
      Footprint.TableBytes t = f.table(table);
      assertTrue((t.bytes() + t.indexBytes()) / (double) t.rows() <= 32, table + "\n" + f);
    }
    // the stage arrays by hand: lead int, stage byte, at long, amount long, reason and owner byte
    // codes (small dictionaries), offsets int per lead + 1; each array with a 16-byte header.
    int n = COLS.stages().size();
    int leads = COLS.leads().size();
    long expected = pad(16 + 4L * n) + pad(16 + n) + 2 * pad(16 + 8L * n) + 2 * pad(16 + n);
    if (COLS.stages().amount().mixedScales()) {
      expected += pad(16 + n); // each amount's own scale, so 1200 and 1200.50 read back as given
    }
    assertEquals(expected, f.table("stages").bytes());
    assertEquals(pad(16 + 4L * (leads + 1)), f.table("stages").indexBytes());
    assertEquals(pad(16 + 4L * (COLS.customers().size() + 1)), f.table("payments").indexBytes());
    assertEquals(0, f.table("spend").indexBytes());
    assertTrue(COLS.reasons().size() > 0);
    assertEquals(COLS.dictionaries().size(), f.dictionaries().size());
    assertTrue(f.dictionaryBytes() > 0);
    assertTrue(f.toString().startsWith("Columnar footprint: "));
    assertTrue(f.summary().length() <= 80);
    assertTrue(Double.isNaN(new Footprint.TableBytes("x", 0, 0, 0).bytesPerRow()));
  }

  private static long pad(long b) {
    return (b + 7) / 8 * 8;
  }

  @Test
  void emptyDatasetGivesEmptyColumns() {
    Columns c = Columns.of(Dataset.builder().table(DatasetTable.TOUCHES).build());
    assertEquals(0, c.leads().size());
    assertEquals(0, c.touches().size());
    assertEquals(0, c.payments().amount().sum().signum());
    assertTrue(c.has(DatasetTable.TOUCHES));
    assertFalse(c.has(DatasetTable.STAGES));
  }

  @Test
  void amountsTooLargeForALongStayExact() {
    Dataset d = Dataset.builder()
        .payment(new Payment(null, "c1", null, Instant.EPOCH, Money.of("922337203685477.5808", "USD"), null))
        .payment(new Payment(null, "c2", null, Instant.EPOCH, Money.of("1.0001", "USD"), null))
        .build();
    MoneyColumn big = Columns.of(d).payments().amount();
    assertFalse(big.scaled(), "does not fit a long at scale 4: kept as exact decimals");
    assertEquals(new BigDecimal("922337203685477.5808"), big.value(0));
    assertEquals(new BigDecimal("922337203685478.5809"), big.sum());
    assertThrows(IllegalStateException.class, () -> big.unscaled(0));
    assertEquals(new BigDecimal("922337203685477.5808"), d.payments().get(0).amount().amount());
    // the same magnitude at a smaller scale fits
    Dataset ok = Dataset.builder()
        .payment(new Payment(null, "c1", null, Instant.EPOCH, Money.of("922337203685477.58", "USD"), null))
        .build();
    assertEquals(new BigDecimal("922337203685477.58"), Columns.of(ok).payments().amount().value(0));
  }

  @Test
  void instantsOutsideTheMillisecondRangeFailClearly() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Dataset.builder().lead(Lead.of("a", Instant.MAX, "seo")));
    assertTrue(e.getMessage().contains("lead created_at"), e.getMessage());
  }

  @Test
  void convertedAmountsKeepTheirExactScale() {
    Dataset d = Dataset.builder()
        .rates(dev.funnel.core.CurrencyRates.of("EUR", Map.of("USD", new BigDecimal("0.9137"))))
        .payment(new Payment(null, "c1", null, Instant.EPOCH, Money.of("10.25", "USD"), null))
        .payment(new Payment(null, "c1", null, Instant.EPOCH.plusSeconds(1), Money.of("3", "EUR"), null))
        .build();
    Columns c = Columns.of(d);
    assertEquals("EUR", c.currency());
    assertEquals(6, c.payments().amount().scale(), "10.25 * 0.9137 = 9.365425");
    assertEquals(new BigDecimal("9.365425"), c.payments().amount().value(0));
    assertEquals(new BigDecimal("12.365425"), c.payments().amount().sum());
    assertEquals(0, c.payments().from(0));
    assertEquals(2, c.payments().to(0));
  }

  @Test
  void stagesAreCodedByTheirCatalogIndex() {
    dev.funnel.core.StageCatalog saas =
        dev.funnel.core.StageCatalog.of(List.of("visitor", "trial", "paid"), List.of("churned"));
    Instant t = Instant.parse("2026-03-01T10:00:00Z");
    Dataset d = Dataset.builder().catalog(saas)
        .lead(Lead.of("b", t, "seo")).lead(Lead.of("a", t.plusSeconds(5), null))
        .stageChange(StageChange.of("b", saas.stage("paid"), t.plusSeconds(60)))
        .stageChange(StageChange.of("b", saas.stage("trial"), t.plusSeconds(30)))
        .stageChange(new StageChange("a", saas.stage("churned"), t.plusSeconds(90), "Price", null, null))
        .build();
    Columns c = Columns.of(d);
    StageColumns s = c.stages();
    assertEquals(List.of("a", "b"), c.leadIds().values());
    assertEquals(0, c.leads().index("a"));
    assertEquals(1, c.leads().byCreated(0), "b was created first");
    assertEquals(0, c.leads().byCreated(1));
    assertEquals(Lead.NO_CHANNEL, c.channels().value(c.leads().channel(0)));
    assertEquals(List.of(3, 1, 2), List.of(s.stage(0), s.stage(1), s.stage(2)));
    assertEquals("price", c.reasons().value(s.reason(0)));
    assertEquals(Dictionary.ABSENT, s.reason(1));
    assertEquals(0, s.from(0));
    assertEquals(1, s.to(0));
    assertEquals(1, s.from(1));
    assertEquals(3, s.to(1));
    assertEquals(t.plusSeconds(30).toEpochMilli(), s.at(1));
    assertFalse(s.amount().present(0));
    assertEquals(0, s.amount().sum().signum());
  }

  @Test
  void leadsThatAreTheirOwnCustomerJoinTheCustomerDictionaryOnce() {
    Instant t = Instant.parse("2026-01-05T10:00:00Z");
    Dataset d = Dataset.builder()
        .lead(new Lead("A", t, "seo", null, null, null, null, Map.of()))      // own customer
        .lead(new Lead("B", t, "seo", null, null, null, "A", Map.of()))       // booked to A
        .lead(new Lead("C", t, "seo", null, null, null, "Z", Map.of()))
        .lead(new Lead("D", t, "seo", null, null, null, "D", Map.of()))       // its own id, named
        .payment(new Payment("p1", "Q", null, t, Money.of("5", "USD"), null))
        .payment(new Payment("p2", "D", "D", t, Money.of("7", "USD"), null))
        .build();
    Columns c = Columns.of(d);
    assertEquals(List.of("A", "D", "Q", "Z"), c.customers().values());
    LeadColumns l = c.leads();
    Dictionary ids = c.leadIds();
    String[] expected = {"A", "A", "Z", "D"};
    for (int i = 0; i < 4; i++) {
      int lead = ids.code(String.valueOf((char) ('A' + i)));
      assertEquals(expected[i], c.customers().value(l.customer(lead)));
    }
  }
}
