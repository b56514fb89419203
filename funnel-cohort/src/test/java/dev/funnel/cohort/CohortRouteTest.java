package dev.funnel.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Granularity;
import dev.funnel.core.Lead;
import dev.funnel.core.Money;
import dev.funnel.core.Payment;
import dev.funnel.core.Stage;
import dev.funnel.core.StageCatalog;
import dev.funnel.core.StageChange;
import dev.funnel.core.Touch;
import dev.funnel.core.columnar.Columns;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The one cohort route over the dataset's columns against the mergeable {@link CohortState} fed
 * row by row (payments with {@link CohortState#add}, anchors with the per-lead step {@link
 * Cohorts#anchorLead} that Spark calls), on random datasets built to hit the edges: leads without
 * a row (anchoring their own id, paying or not), customers only refunding, payments before the
 * anchor, times on period bounds with sub-millisecond parts, amounts of mixed and negative scales
 * (scales of the sums included), every basis and granularity, and groups by a lead function. The
 * same rows in another order give the same tables.
 */
class CohortRouteTest {

  static final Instant T0 = Instant.parse("2025-12-31T23:00:00Z");
  static final String[] AMOUNTS = {"10", "10.50", "3.1", "0", "1250.125", "7.0", "1E+2", "-4.25"};
  static final String[] CHANNELS = {"search", "social", "direct"};

  static Instant at(Random rnd) {
    long ms = rnd.nextInt(200) * 86_400_000L / 2 + (rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(3600_000));
    int nanos = rnd.nextInt(4) == 0 ? rnd.nextInt(999_999) : 0;
    return T0.plusMillis(ms).plusNanos(nanos);
  }

  static List<Object> rows(long seed) {
    Random rnd = new Random(seed);
    StageCatalog cat = StageCatalog.DEFAULT;
    List<Object> rows = new ArrayList<>();
    int leads = 5 + rnd.nextInt(40);
    for (int k = 0; k < leads; k++) {
      String id = "L" + k;
      if (rnd.nextInt(4) > 0) {
        String customer = rnd.nextInt(3) == 0 ? null : "C" + rnd.nextInt(leads / 2 + 1);
        String channel = rnd.nextInt(5) == 0 ? null : CHANNELS[rnd.nextInt(CHANNELS.length)];
        rows.add(new Lead(id, at(rnd), channel, null, rnd.nextBoolean() ? "smb" : null, null,
            customer, null));
      }
      for (int i = rnd.nextInt(4); i > 0; i--) {
        rows.add(Touch.of(id, at(rnd), CHANNELS[rnd.nextInt(CHANNELS.length)]));
      }
      for (int i = rnd.nextInt(4); i > 0; i--) {
        Stage s = cat.all().get(rnd.nextInt(cat.size()));
        rows.add(StageChange.of(id, s, at(rnd)));
      }
    }
    for (int i = rnd.nextInt(120); i > 0; i--) {
      String customer = rnd.nextBoolean() ? "C" + rnd.nextInt(leads / 2 + 1) : "L" + rnd.nextInt(leads + 5);
      String amount = AMOUNTS[rnd.nextInt(AMOUNTS.length)];
      if (rnd.nextInt(6) == 0 && !amount.startsWith("-")) {
        amount = "-" + amount;
      }
      rows.add(new Payment(null, customer, null, at(rnd),
          new Money(new BigDecimal(amount), Money.of("0").currency()), null));
    }
    return rows;
  }

  static Dataset dataset(List<Object> rows, ZoneId zone) {
    Dataset.Builder b = Dataset.builder().zone(zone);
    for (Object r : rows) {
      if (r instanceof Lead l) {
        b.lead(l);
      } else if (r instanceof Touch t) {
        b.touch(t);
      } else if (r instanceof StageChange s) {
        b.stageChange(s);
      } else {
        b.payment((Payment) r);
      }
    }
    for (DatasetTable t : List.of(DatasetTable.LEADS, DatasetTable.TOUCHES, DatasetTable.STAGES,
        DatasetTable.PAYMENTS)) {
      b.table(t);
    }
    return b.build();
  }

  /** The state fed row by row: anchors lead by lead (shuffled), then the payments (shuffled). */
  static CohortTable reference(Dataset d, Granularity g, CohortBasis basis, Random rnd) {
    CohortState s = Cohorts.empty(g, d.zone(), basis);
    if (basis != CohortBasis.PAYMENT) {
      TreeSet<String> ids = new TreeSet<>();
      d.leads().forEach(l -> ids.add(l.id()));
      d.touches().forEach(t -> ids.add(t.leadId()));
      d.stages().forEach(c -> ids.add(c.leadId()));
      List<String> order = new ArrayList<>(ids);
      Collections.shuffle(order, rnd);
      for (String id : order) {
        Cohorts.anchorLead(s, id, d.lead(id), d.touchesOf(id), d.stagesOf(id), d.catalog());
      }
    }
    List<Payment> payments = new ArrayList<>(d.payments());
    Collections.shuffle(payments, rnd);
    payments.forEach(s::add);
    return s.result();
  }

  @Test
  void everyBasisEqualsTheStateFedRowByRow() {
    int cohorts = 0;
    for (long seed = 1; seed <= 60; seed++) {
      Random rnd = new Random(seed);
      List<Object> rows = rows(seed);
      ZoneId zone = seed % 2 == 0 ? ZoneId.of("UTC") : ZoneId.of("Europe/Berlin");
      Dataset d = dataset(rows, zone);
      Collections.shuffle(rows, rnd);
      Dataset shuffled = dataset(rows, zone);
      for (Granularity g : Granularity.values()) {
        for (CohortBasis basis : CohortBasis.values()) {
          CohortTable expected = reference(d, g, basis, rnd);
          CohortTable actual = Cohorts.table(d, g, basis);
          assertEquals(expected, actual, seed + " " + g + " " + basis);
          assertEquals(actual, Cohorts.table(shuffled, g, basis), seed + " " + g + " " + basis);
          assertEquals(actual, ColumnarCohorts.table(Columns.of(d), g, basis));
          cohorts += actual.cohorts().size();
        }
        assertEquals(Cohorts.table(d, g, CohortBasis.PAYMENT), Cohorts.byFirstPayment(d, g));
      }
    }
    assertTrue(cohorts > 1000, "cohorts " + cohorts);
  }

  @Test
  void groupsEqualStatesFedByTheCustomersFirstLead() {
    for (long seed = 1; seed <= 60; seed++) {
      Dataset d = dataset(rows(seed), ZoneId.of("Europe/Berlin"));
      for (Function<Lead, String> group : List.<Function<Lead, String>>of(
          Lead::channel, Lead::segment, l -> l.id().length() > 2 ? null : "short")) {
        Granularity g = Granularity.MONTH;
        Map<String, Lead> first = new HashMap<>();
        for (Lead l : d.leads()) { // creation order
          first.putIfAbsent(l.customerId(), l);
        }
        Map<String, CohortState> states = new TreeMap<>();
        for (Payment p : d.payments()) {
          Lead l = first.get(p.customerId());
          String k = l == null || group.apply(l) == null ? Lead.NO_CHANNEL : group.apply(l);
          states.computeIfAbsent(k, x -> Cohorts.empty(g, d.zone())).add(p);
        }
        long last = Long.MIN_VALUE;
        for (CohortState s : states.values()) {
          last = Math.max(last, s.lastOrdinal());
        }
        SortedMap<String, CohortTable> expected = new TreeMap<>();
        for (Map.Entry<String, CohortState> e : states.entrySet()) {
          e.getValue().extendTo(last);
          expected.put(e.getKey(), e.getValue().result());
        }
        assertEquals(expected, Cohorts.byGroup(d, g, group), "seed " + seed);
      }
    }
  }

  @Test
  void emptyTables() {
    Dataset d = dataset(List.of(), ZoneId.of("UTC"));
    for (CohortBasis basis : CohortBasis.values()) {
      assertEquals(Cohorts.empty(Granularity.MONTH, d.zone(), basis).result(),
          Cohorts.table(d, Granularity.MONTH, basis));
    }
    assertEquals(Map.of(), Cohorts.byGroup(d, Granularity.MONTH, Lead::channel));
    assertEquals(BigDecimal.ZERO, Cohorts.table(d, Granularity.MONTH, CohortBasis.PAYMENT).revenue());
  }
}
