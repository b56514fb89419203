package dev.funnel.core.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.core.Activity;
import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Granularity;
import dev.funnel.core.Lead;
import dev.funnel.core.Payment;
import dev.funnel.core.Period;
import dev.funnel.core.PlanTarget;
import dev.funnel.core.Spend;
import dev.funnel.core.StageChange;
import dev.funnel.core.Touch;
import dev.funnel.core.TouchKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class DemoDataTest {

  private static final DemoData DEFAULT = DemoData.builder().build();
  private static final Dataset DATA = DEFAULT.dataset();
  private static final DemoDefects DEFECTS = DEFAULT.defects();

  @Test
  void sameSeedGivesTheSameDataset() {
    Dataset a = DemoData.builder().seed(7).leads(2_000).build().dataset();
    Dataset b = DemoData.builder().seed(7).leads(2_000).build().dataset();
    for (DatasetTable t : DatasetTable.values()) {
      assertEquals(rows(a, t), rows(b, t), t.fileName());
    }
    Dataset c = DemoData.builder().seed(8).leads(2_000).build().dataset();
    assertNotEquals(a.leads(), c.leads());
    assertNotEquals(a.payments(), c.payments());
  }

  @Test
  void aLeadDoesNotDependOnHowManyLeadsAreGenerated() {
    Dataset small = DemoData.builder().leads(500).defectRate(0).build().dataset();
    Dataset large = DemoData.builder().leads(1_500).defectRate(0).build().dataset();
    for (Lead l : small.leads()) {
      assertEquals(l, large.lead(l.id()));
      assertEquals(small.stagesOf(l.id()), large.stagesOf(l.id()));
      assertEquals(small.touchesOf(l.id()), large.touchesOf(l.id()));
    }
  }

  @Test
  void switchingDefectsOffChangesOnlyTheDefectiveRows() {
    Dataset clean = DemoData.builder().leads(3_000).defectRate(0).build().dataset();
    DemoData dirtyDemo = DemoData.builder().leads(3_000).defectRate(0.02).build();
    Dataset dirty = dirtyDemo.dataset();
    assertEquals(clean.touches(), dirty.touches());
    assertEquals(clean.activities(), dirty.activities());
    assertTrue(dirty.payments().containsAll(clean.payments()));
    assertEquals(clean.payments().size() + dirtyDemo.defects().paymentsWithoutLead(), dirty.payments().size());
    assertEquals(clean.leads().size(), dirty.leads().size());
    assertEquals(0, DemoData.builder().leads(3_000).defectRate(0).build().defects().injectedRows());
  }

  @Test
  void defectCountsMatchTheRows() {
    DemoDefects x = DEFECTS;
    Set<String> leadCustomers = DATA.leads().stream().map(Lead::customerId).collect(Collectors.toSet());
    Set<String> leadChannels = DATA.leads().stream().map(Lead::channel).collect(Collectors.toSet());
    long noSource = DATA.leads().stream().filter(l -> !l.hasChannel()).count();
    long noCampaign = DATA.leads().stream().filter(l -> l.hasChannel() && l.campaign() == null).count();
    long orphans = DATA.payments().stream().filter(p -> !leadCustomers.contains(p.customerId())).count();
    Set<String> spendOnly = DATA.spend().stream().map(Spend::channel)
        .filter(c -> !leadChannels.contains(c)).collect(Collectors.toCollection(TreeSet::new));
    long spendOnlyRows = DATA.spend().stream().filter(s -> spendOnly.contains(s.channel())).count();
    long outOfOrder = 0;
    for (Lead l : DATA.leads()) {
      List<StageChange> prog = DATA.stagesOf(l.id()).stream().filter(s -> s.stage().progression()).toList();
      for (int i = 1; i < prog.size(); i++) {
        if (prog.get(i).stage().index() < prog.get(i - 1).stage().index()) {
          outOfOrder++;
        }
      }
    }
    assertEquals(x.leadsWithoutSource(), noSource);
    assertEquals(x.leadsWithoutCampaign(), noCampaign);
    assertEquals(x.paymentsWithoutLead(), orphans);
    assertEquals(Set.of("display"), spendOnly);
    assertEquals(x.spendRowsWithoutLeads(), spendOnlyRows);
    assertEquals(30, spendOnlyRows);
    assertEquals(x.stagesOutOfOrder(), outOfOrder);
    // a small rate gives a few dozen of each, not none and not hundreds
    for (long n : new long[] {noSource, noCampaign, orphans, outOfOrder}) {
      assertTrue(n >= 5 && n <= 200, "defect count " + n);
    }
  }

  @Test
  void channelsSegmentsAndOwnersAreThere() {
    Set<String> channels = DATA.leads().stream().filter(Lead::hasChannel).map(Lead::channel)
        .collect(Collectors.toCollection(TreeSet::new));
    assertTrue(channels.size() >= 6 && channels.size() <= 10, channels.toString());
    assertTrue(channels.containsAll(List.of("direct", "paid_search", "seo", "social", "email", "referral")));
    Set<String> offline = DATA.touches().stream().filter(t -> t.kind() == TouchKind.OFFLINE)
        .map(Touch::channel).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(Set.of("webinar", "event", "call"), offline);
    assertEquals(Set.of("smb", "mid", "enterprise"),
        DATA.leads().stream().map(Lead::segment).collect(Collectors.toSet()));
    Set<String> owners = DATA.stages().stream().map(StageChange::owner).collect(Collectors.toSet());
    assertTrue(owners.stream().anyMatch(o -> o.startsWith("sdr.")));
    assertTrue(owners.stream().anyMatch(o -> o.startsWith("ae.")));
    assertEquals(DemoData.CURRENCY, DATA.currency());
  }

  @Test
  void everyLeadIsCreatedBeforeItsStageChangesAndEverythingIsInsideTheWindow() {
    Instant start = DemoData.DEFAULT_START.atStartOfDay(ZoneId.of("UTC")).toInstant();
    Instant end = DEFAULT.end().atStartOfDay(ZoneId.of("UTC")).toInstant();
    for (Lead l : DATA.leads()) {
      assertFalse(l.createdAt().isBefore(start));
      assertTrue(l.createdAt().isBefore(end));
      for (StageChange s : DATA.stagesOf(l.id())) {
        assertTrue(s.at().isAfter(l.createdAt()), s.toString());
        assertTrue(s.at().isBefore(end));
      }
      for (Activity a : DATA.activitiesOf(l.id())) {
        assertTrue(a.at().isAfter(l.createdAt()) && a.at().isBefore(end), a.toString());
      }
      List<Touch> touches = DATA.touchesOf(l.id());
      assertFalse(touches.isEmpty(), l.id());
      assertTrue(touches.get(0).at().isBefore(l.createdAt()), "a journey starts before the lead");
    }
    for (Payment p : DATA.payments()) {
      assertTrue(p.paidAt().isBefore(end));
    }
  }

  @Test
  void journeysHaveSeveralTouchesAndEndAtTheConversion() {
    long multi = DATA.leads().stream().filter(l -> DATA.touchesOf(l.id()).size() >= 3).count();
    assertTrue(multi > DATA.leads().size() / 4, "multi-touch journeys: " + multi);
    for (StageChange won : wonChanges(DATA)) {
      for (Touch t : DATA.touchesOf(won.leadId())) {
        assertFalse(t.at().isAfter(won.at()), "touch after the conversion: " + t);
      }
    }
    assertTrue(DATA.touches().stream().anyMatch(t -> t.cost() != null && t.cost().signum() > 0));
  }

  @Test
  void funnelCountsFallStageByStageAtPlausibleRates() {
    int[] reached = reachCounts(DATA);
    for (int k = 1; k < reached.length; k++) {
      double rate = reached[k] / (double) reached[k - 1];
      assertTrue(rate > 0.2 && rate < 0.95, "conversion into stage " + k + " is " + rate);
    }
    double won = reached[7] / (double) reached[0];
    assertTrue(won > 0.02 && won < 0.12, "lead to won " + won);
  }

  @Test
  void dropOffDiffersByChannelAndSegment() {
    assertTrue(wonShare(l -> "referral".equals(l.channel())) > 1.5 * wonShare(l -> "social".equals(l.channel())));
    Map<String, Double> dealBySegment = new TreeMap<>();
    for (String seg : List.of("smb", "enterprise")) {
      dealBySegment.put(seg, wonChanges(DATA).stream()
          .filter(s -> seg.equals(DATA.lead(s.leadId()).segment()))
          .mapToDouble(s -> s.amount().toDouble()).average().orElseThrow());
    }
    assertTrue(dealBySegment.get("enterprise") > 5 * dealBySegment.get("smb"), dealBySegment.toString());
  }

  private double wonShare(java.util.function.Predicate<Lead> which) {
    List<Lead> leads = DATA.leads().stream().filter(which).toList();
    long won = leads.stream().filter(l -> DATA.stagesOf(l.id()).stream()
        .anyMatch(s -> s.stage().equals(DATA.catalog().won()))).count();
    return won / (double) leads.size();
  }

  @Test
  void skippedStagesExitsAmountsAndOpenDeals() {
    DemoDefects x = DEFECTS;
    long leadToSql = DATA.leads().stream().filter(l -> {
      List<StageChange> s = DATA.stagesOf(l.id());
      return !s.isEmpty() && s.get(0).stage().name().equals("SQL");
    }).count();
    int sql = reachCounts(DATA)[2];
    assertTrue(leadToSql > 0.03 * sql && leadToSql < 0.3 * sql, "LEAD->SQL " + leadToSql + " of " + sql);
    assertTrue(x.skippedStages() > leadToSql);
    Map<String, Long> reasons = DATA.stages().stream().filter(s -> s.stage().exit())
        .collect(Collectors.groupingBy(s -> s.stage().name() + ":" + s.reason(), TreeMap::new, Collectors.counting()));
    for (String r : List.of("RETURNED:not_ready", "RETURNED:wrong_segment", "LOST:no_budget",
        "LOST:competitor", "LOST:too_expensive", "LOST:unreachable")) {
      assertTrue(reasons.getOrDefault(r, 0L) > 10, r + " in " + reasons);
    }
    for (StageChange s : DATA.stages()) {
      int i = s.stage().index();
      if (s.stage().progression() && i >= 4) {
        assertNotNull(s.amount(), s.toString());
        assertTrue(s.amount().signum() > 0);
      } else if (s.stage().progression()) {
        assertNull(s.amount(), s.toString());
      }
    }
    long open = 0;
    for (Lead l : DATA.leads()) {
      List<StageChange> s = DATA.stagesOf(l.id());
      if (!s.isEmpty()) {
        StageChange last = s.get(s.size() - 1);
        if (last.stage().progression() && last.stage().index() >= 4 && last.stage().index() < 7) {
          open++;
        }
      }
    }
    assertTrue(open > 20, "open deals at the end: " + open);
  }

  @Test
  void firstResponseTimesRangeFromMinutesToDays() {
    List<Double> hours = new ArrayList<>();
    for (Lead l : DATA.leads()) {
      StageChange first = DATA.stagesOf(l.id()).stream()
          .filter(s -> s.stage().name().equals("MQL") || s.stage().name().equals("SQL"))
          .findFirst().orElse(null);
      if (first == null) {
        continue;
      }
      DATA.activitiesOf(l.id()).stream().filter(a -> !a.at().isBefore(first.at())).findFirst()
          .ifPresent(a -> hours.add(java.time.Duration.between(first.at(), a.at()).toMinutes() / 60.0));
    }
    long withinHour = hours.stream().filter(h -> h <= 1).count();
    long overDay = hours.stream().filter(h -> h > 24).count();
    assertTrue(withinHour > hours.size() / 3, "within an hour " + withinHour + " of " + hours.size());
    assertTrue(overDay > hours.size() / 50 && overDay < hours.size() / 4, "over a day " + overDay);
  }

  @Test
  void paymentsAreRecurringOneOffAndSometimesRefunded() {
    List<Payment> refunds = DATA.payments().stream().filter(Payment::refund).toList();
    assertFalse(refunds.isEmpty());
    for (Payment r : refunds) {
      BigDecimal paidBefore = DATA.paymentsOf(r.customerId()).stream()
          .filter(p -> !p.refund() && p.paidAt().isBefore(r.paidAt()))
          .map(p -> p.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
      assertTrue(paidBefore.compareTo(r.amount().amount().negate()) >= 0, "refund exceeds payments: " + r);
    }
    long recurring = DATA.payingCustomers().stream()
        .filter(c -> DATA.paymentsOf(c).stream().filter(p -> p.product() != null && p.product().endsWith("_monthly")).count() >= 3)
        .count();
    long oneOff = DATA.payingCustomers().stream()
        .filter(c -> DATA.paymentsOf(c).stream().allMatch(p -> p.product() != null && p.product().endsWith("_annual")))
        .count();
    assertTrue(recurring > 20 && oneOff > 20, recurring + " recurring, " + oneOff + " one-off");
    for (Payment p : DATA.payments()) {
      assertEquals(DemoData.CURRENCY, p.amount().currency());
    }
  }

  @Test
  void spendIsNonNegativeAndOnlyInPaidChannels() {
    Set<String> channels = new TreeSet<>();
    for (Spend s : DATA.spend()) {
      assertTrue(s.amount().signum() >= 0);
      channels.add(s.channel());
    }
    assertEquals(Set.of("paid_search", "social", "email", "webinar", "event", "display"), channels);
    Set<LocalDate> days = DATA.spend().stream().filter(s -> s.channel().equals("paid_search"))
        .map(Spend::date).collect(Collectors.toSet());
    assertEquals(DEFAULT.start().until(DEFAULT.end(), java.time.temporal.ChronoUnit.DAYS), days.size());
  }

  @Test
  void planCoversEveryMonthWithEveryMetric() {
    Map<Period, Set<String>> metrics = new TreeMap<>();
    for (PlanTarget p : DATA.plan()) {
      metrics.computeIfAbsent(p.period(), k -> new TreeSet<>()).add(p.metric());
    }
    assertEquals(13, metrics.size());
    assertEquals(Period.of(Granularity.MONTH, DemoData.DEFAULT_START), metrics.keySet().iterator().next());
    for (Set<String> m : metrics.values()) {
      assertEquals(Set.of("leads", "mql", "sql", "won", "revenue", "spend", "cpl", "cac"), m);
    }
    long plannedLeads = DATA.plan().stream().filter(p -> p.metric().equals("leads"))
        .mapToLong(p -> p.target().longValueExact()).sum();
    // plan = expected leads + 5 %
    assertEquals(10_500, plannedLeads, 20);
  }

  @Test
  void streamingGivesTheRowsOfTheDataset() {
    DemoData demo = DemoData.builder().leads(1_000).build();
    Dataset d = demo.dataset();
    long[] counts = new long[DatasetTable.values().length];
    Set<String> ids = new HashSet<>();
    DemoDefects x = demo.stream(new DemoSink() {
      @Override public void lead(Lead l) { counts[0]++; ids.add(l.id()); }
      @Override public void stageChange(StageChange s) { counts[1]++; }
      @Override public void activity(Activity a) { counts[2]++; }
      @Override public void touch(Touch t) { counts[3]++; }
      @Override public void payment(Payment p) { counts[4]++; }
      @Override public void spend(Spend s) { counts[5]++; }
      @Override public void planTarget(PlanTarget p) { counts[6]++; }
    });
    DatasetTable[] order = {DatasetTable.LEADS, DatasetTable.STAGES, DatasetTable.ACTIVITIES,
        DatasetTable.TOUCHES, DatasetTable.PAYMENTS, DatasetTable.SPEND, DatasetTable.PLAN};
    for (int i = 0; i < order.length; i++) {
      assertEquals(d.size(order[i]), counts[i], order[i].fileName());
    }
    assertEquals(1_000, ids.size());
    assertEquals(demo.defects(), x);
    assertTrue(ids.contains("L000001") && ids.contains("L001000"));
  }

  @Test
  void leadsArriveInBusinessHoursOfTheDatasetZone() {
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    Dataset d = DemoData.builder().leads(2_000).zone(berlin).build().dataset();
    assertEquals(berlin, d.zone());
    long business = d.leads().stream()
        .mapToInt(l -> l.createdAt().atZone(berlin).getHour()).filter(h -> h >= 8 && h < 19).count();
    assertTrue(business > 0.7 * d.leads().size(), "business hours " + business);
    long weekend = d.leads().stream().filter(l -> l.createdAt().atZone(berlin).getDayOfWeek().getValue() >= 6).count();
    assertTrue(weekend < 0.15 * d.leads().size(), "weekend " + weekend);
  }

  @Test
  void emptyAndTinyConfigurationsWork() {
    Dataset empty = DemoData.builder().leads(0).months(1).build().dataset();
    assertEquals(0, empty.leads().size());
    assertTrue(empty.has(DatasetTable.LEADS));
    Dataset tiny = DemoData.builder().leads(3).months(1).start(LocalDate.of(2024, 2, 1)).build().dataset();
    assertEquals(3, tiny.leads().size());
    assertEquals(29, tiny.spend().stream().filter(s -> s.campaign().equals("generic")).count());
  }

  @Test
  void badSettingsAreRefusedWithAReason() {
    assertThrows(IllegalArgumentException.class, () -> DemoData.builder().leads(-1));
    assertThrows(IllegalArgumentException.class, () -> DemoData.builder().months(0));
    assertThrows(IllegalArgumentException.class, () -> DemoData.builder().defectRate(0.5));
    assertThrows(IllegalArgumentException.class, () -> DemoData.builder().defectRate(Double.NaN));
    assertThrows(NullPointerException.class, () -> DemoData.builder().start(null));
  }

  /** Repeat purchases at 10 per lead, 20,000 leads: generated once for the tests below. */
  private static final class Repeat {
    static final DemoData DEMO = DemoData.builder().leads(20_000).paymentsPerLead(10).build();
    static final Dataset DATA = DEMO.dataset();
  }

  @Test
  void repeatPurchasesGiveAboutTheRequestedPaymentsPerLead() {
    // the calibration aims at the expectation; 20,000 leads come within 5 % of it
    for (double x : new double[] {2, 10}) {
      Dataset d = x == 10 ? Repeat.DATA : DemoData.builder().leads(20_000).paymentsPerLead(x).build().dataset();
      double perLead = d.payments().size() / 20_000.0;
      assertEquals(x, perLead, 0.05 * x, "payments per lead at " + x);
    }
    Dataset d = Repeat.DATA;
    long refunds = d.payments().stream().filter(Payment::refund).count();
    assertTrue(refunds > 0.01 * d.payments().size() && refunds < 0.03 * d.payments().size(), "refunds " + refunds);
    // heavy-tailed: the top tenth of the customers place a large share of the orders
    long[] orders = d.payingCustomers().stream().mapToLong(c -> d.paymentsOf(c).stream().filter(p -> !p.refund()).count())
        .sorted().toArray();
    long top = 0;
    long all = 0;
    for (int i = 0; i < orders.length; i++) {
      all += orders[i];
      top += i >= orders.length * 9 / 10 ? orders[i] : 0;
    }
    assertTrue(top > 0.3 * all, "top 10 % of customers place " + top + " of " + all + " orders");
    assertTrue(orders[orders.length / 2] >= 5, "median orders " + orders[orders.length / 2]);
    assertEquals(Set.of("starter_order", "growth_order", "enterprise_order"),
        d.payments().stream().filter(p -> p.leadId() != null).map(Payment::product).collect(Collectors.toSet()));
  }

  @Test
  void repeatPurchasesBelongToKnownCustomersOrToTheDocumentedLeadlessOnes() {
    Dataset d = Repeat.DATA;
    Map<String, Lead> byCustomer = d.leads().stream().collect(Collectors.toMap(Lead::customerId, l -> l));
    Set<String> ids = new HashSet<>();
    long leadless = 0;
    for (Payment p : d.payments()) {
      assertTrue(ids.add(p.paymentId()), "duplicate payment id " + p.paymentId());
      assertEquals(DemoData.CURRENCY, p.amount().currency());
      assertTrue(p.amount().signum() != 0, p.toString());
      Lead l = byCustomer.get(p.customerId());
      if (l == null) {
        // the defect: one payment of an unknown customer X..., id O..., no lead
        assertTrue(p.paymentId().startsWith("O") && p.customerId().startsWith("X") && p.leadId() == null, p.toString());
        leadless++;
      } else {
        assertEquals(l.id(), p.leadId());
        assertTrue(p.paidAt().isAfter(l.createdAt()), p.toString());
      }
    }
    assertEquals(Repeat.DEMO.defects().paymentsWithoutLead(), leadless);
    assertTrue(leadless > 0);
    // self-serve buyers: customers whose lead was never won
    long selfServe = d.payingCustomers().stream().map(byCustomer::get).filter(l -> l != null
        && d.stagesOf(l.id()).stream().noneMatch(s -> s.stage().equals(d.catalog().won()))).count();
    assertTrue(selfServe > d.payingCustomers().size() / 2, "self-serve customers " + selfServe);
  }

  @Test
  void repeatPurchaseRefundsAreNegativeAndNeverExceedWhatWasPaid() {
    Dataset d = Repeat.DATA;
    Map<String, Payment> byId = d.payments().stream().collect(Collectors.toMap(Payment::paymentId, p -> p));
    for (String c : d.payingCustomers()) {
      List<Payment> rows = new ArrayList<>(d.paymentsOf(c));
      rows.sort(java.util.Comparator.comparing(Payment::paidAt).thenComparing(p -> p.refund() ? 1 : 0));
      BigDecimal net = BigDecimal.ZERO;
      for (Payment p : rows) {
        net = net.add(p.amount().amount());
        assertTrue(net.signum() >= 0, "refunds exceed payments of " + c + " at " + p);
      }
    }
    for (Payment r : d.payments()) {
      if (r.refund()) {
        assertTrue(r.amount().signum() < 0);
        Payment order = byId.get("P" + r.paymentId().substring(1));
        assertNotNull(order, "refund of an unknown order " + r);
        assertTrue(order.paidAt().isBefore(r.paidAt()), r.toString());
        assertTrue(order.amount().amount().compareTo(r.amount().amount().negate()) >= 0, r.toString());
      }
    }
  }

  @Test
  void repeatPurchasesAreDeterministicAndChangeOnlyPaymentsAndSelfServeCustomerIds() {
    DemoData a = DemoData.builder().seed(3).leads(3_000).paymentsPerLead(5).build();
    Dataset x = a.dataset();
    Dataset y = DemoData.builder().seed(3).leads(3_000).paymentsPerLead(5).build().dataset();
    for (DatasetTable t : DatasetTable.values()) {
      assertEquals(rows(x, t), rows(y, t), t.fileName());
    }
    Dataset plain = DemoData.builder().seed(3).leads(3_000).build().dataset();
    for (DatasetTable t : List.of(DatasetTable.STAGES, DatasetTable.ACTIVITIES, DatasetTable.TOUCHES,
        DatasetTable.SPEND, DatasetTable.PLAN)) {
      assertEquals(rows(plain, t), rows(x, t), t.fileName());
    }
    for (int i = 0; i < plain.leads().size(); i++) {
      Lead p = plain.leads().get(i);
      Lead r = x.leads().get(i);
      if (!p.customerId().equals(p.id())) {
        assertEquals(p, r);
      } else {
        assertEquals(new Lead(r.id(), r.createdAt(), r.channel(), r.campaign(), r.segment(), r.owner(), null, r.attributes()), p);
      }
    }
    assertEquals(plain.payments().stream().filter(p -> p.leadId() == null).toList(),
        x.payments().stream().filter(p -> p.leadId() == null).toList());
    assertNotEquals(plain.payments(), x.payments());
    assertEquals(a.defects(), DemoData.builder().seed(3).leads(3_000).build().defects());
    assertEquals(java.util.OptionalDouble.of(5), a.paymentsPerLead());
    assertTrue(DemoData.builder().build().paymentsPerLead().isEmpty());
    // a lead does not depend on how many are generated
    Dataset more = DemoData.builder().seed(3).leads(4_000).paymentsPerLead(5).build().dataset();
    for (Lead l : x.leads()) {
      assertEquals(l, more.lead(l.id()));
      assertEquals(x.paymentsOf(l.customerId()), more.paymentsOf(l.customerId()));
    }
  }

  @Test
  void paymentsPerLeadOutsideItsRangeIsRefused() {
    for (double bad : new double[] {0, 0.5, 100.5, Double.NaN, -1}) {
      assertThrows(IllegalArgumentException.class, () -> DemoData.builder().paymentsPerLead(bad));
    }
    DemoData.builder().paymentsPerLead(1).paymentsPerLead(100);
  }

  /** A generous guard against the generator becoming grossly slow (10k leads take about 1 s). */
  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS)
  void tenThousandLeadsAreQuick() {
    assertEquals(10_000, DemoData.builder().seed(1).build().dataset().leads().size());
  }

  @Test
  void defectsShowAsATable() {
    String s = DEFECTS.toString();
    assertTrue(s.lines().findFirst().orElseThrow().length() <= 80);
    assertTrue(s.contains("payment_without_lead"));
  }

  private static List<StageChange> wonChanges(Dataset d) {
    return d.stages().stream().filter(s -> s.stage().equals(d.catalog().won())).toList();
  }

  /** Leads that reached each progression stage, a later stage implying the earlier ones. */
  private static int[] reachCounts(Dataset d) {
    int[] reached = new int[d.catalog().progression().size()];
    for (Lead l : d.leads()) {
      int max = 0;
      for (StageChange s : d.stagesOf(l.id())) {
        if (s.stage().progression()) {
          max = Math.max(max, s.stage().index());
        }
      }
      for (int k = 0; k <= max; k++) {
        reached[k]++;
      }
    }
    return reached;
  }

  private static List<?> rows(Dataset d, DatasetTable t) {
    switch (t) {
      case LEADS: return d.leads();
      case STAGES: return d.stages();
      case ACTIVITIES: return d.activities();
      case TOUCHES: return d.touches();
      case PAYMENTS: return d.payments();
      case SPEND: return d.spend();
      case PLAN: return d.plan();
      case PATHS: return d.paths();
      default: throw new AssertionError(t);
    }
  }
}
