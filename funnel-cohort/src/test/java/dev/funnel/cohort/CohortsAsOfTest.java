package dev.funnel.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.core.Dataset;
import dev.funnel.core.Granularity;
import dev.funnel.core.Money;
import dev.funnel.core.Period;
import dev.funnel.core.demo.DemoData;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Cohorts as of an instant (issue #13): the table and the channel economics as of {@code asOf}
 * equal those of the dataset with every row stamped after {@code asOf} taken out, and averages
 * leave out a period the as-of instant cuts short.
 */
class CohortsAsOfTest {

  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final Dataset DEMO = DemoData.builder().seed(21).leads(3_000).zone(BERLIN).build().dataset();

  /** The dataset without the rows stamped after {@code asOf} (spend: after its local day). */
  static Dataset cut(Dataset d, Instant asOf) {
    Dataset.Builder b = Dataset.builder().zone(d.zone()).catalog(d.catalog());
    if (!Money.UNSPECIFIED.equals(d.currency())) {
      b.currency(d.currency());
    }
    d.tables().forEach(b::table);
    LocalDate day = LocalDate.ofInstant(asOf, d.zone());
    d.leads().stream().filter(l -> !l.createdAt().isAfter(asOf)).forEach(b::lead);
    d.stages().stream().filter(s -> !s.at().isAfter(asOf)).forEach(b::stageChange);
    d.touches().stream().filter(t -> !t.at().isAfter(asOf)).forEach(b::touch);
    d.activities().stream().filter(a -> !a.at().isAfter(asOf)).forEach(b::activity);
    d.payments().stream().filter(p -> !p.paidAt().isAfter(asOf)).forEach(b::payment);
    d.spend().stream().filter(s -> !s.date().isAfter(day)).forEach(b::spend);
    d.plan().forEach(b::planTarget);
    return b.build();
  }

  @Test
  void aTableAsOfAnInstantIsTheTableOfTheDataUpToIt() {
    for (Instant asOf : List.of(Instant.parse("2026-03-31T21:59:59.999999999Z"), // end of March in Berlin
        Instant.parse("2026-04-10T12:00:00Z"))) {
      Dataset upTo = cut(DEMO, asOf);
      for (CohortBasis basis : CohortBasis.values()) {
        for (Granularity g : List.of(Granularity.MONTH, Granularity.WEEK)) {
          CohortTable expected = Cohorts.table(upTo, g, basis);
          assertEquals(expected, Cohorts.table(DEMO, g, basis, asOf), basis + " " + g + " " + asOf);
        }
      }
      assertTrue(Cohorts.table(DEMO, Granularity.MONTH, CohortBasis.PAYMENT, asOf).lastPeriod()
          .compareTo(Period.parse("2026-04")) <= 0);
    }
    // a payment at the as-of instant itself counts
    Instant first = DEMO.payments().get(0).paidAt();
    for (var p : DEMO.payments()) {
      first = p.paidAt().isBefore(first) ? p.paidAt() : first;
    }
    assertEquals(1, Cohorts.table(DEMO, Granularity.MONTH, CohortBasis.PAYMENT, first).customers());
  }

  @Test
  void channelEconomicsAsOfAnInstantReadOnlyCompletePeriods() {
    Instant endOfMarch = Period.parse("2026-03").endInstant(BERLIN).minusNanos(1);
    Instant midApril = Instant.parse("2026-04-10T12:00:00Z");
    for (Instant asOf : List.of(endOfMarch, midApril)) {
      Dataset upTo = cut(DEMO, asOf);
      LtvToCac x = Cohorts.ltvToCac(DEMO, Granularity.MONTH, 1.0, 2, asOf);
      LtvToCac whole = Cohorts.ltvToCac(upTo, Granularity.MONTH, 1.0, 2);
      Period through = Period.parse("2026-03");
      assertEquals(whole.channels().size(), x.channels().size());
      assertEquals(whole.cohorts(), x.cohorts(), "per-cohort rows keep every period");
      for (int i = 0; i < x.channels().size(); i++) {
        ChannelLtvToCac a = x.channels().get(i);
        ChannelLtvToCac e = whole.channels().get(i);
        assertEquals(e.channel(), a.channel());
        assertEquals(e.customers(), a.customers());
        assertEquals(0, e.spend().compareTo(a.spend()), a.channel());
        assertEquals(e.cac(), a.cac(), 0.0);
        // the pooled LTV reads the cohorts through March only
        CohortTable t = Cohorts.byGroup(upTo, Granularity.MONTH, l -> l.channel()).get(a.channel());
        double ltv = t == null ? Double.NaN : t.historicalLtv(2, 1.0, through);
        if (Double.isNaN(ltv)) {
          assertTrue(Double.isNaN(a.ltv()), a.channel());
        } else {
          assertEquals(ltv, a.ltv(), 1e-9 * Math.max(1, Math.abs(ltv)), a.channel());
        }
      }
    }
  }

  @Test
  void averagesThroughAPeriodLeaveOutTheLaterCells() {
    CohortTable t = Cohorts.table(DEMO, Granularity.MONTH, CohortBasis.PAYMENT);
    Period last = t.lastPeriod();
    assertEquals(t.averages(), t.averages(last));
    List<CohortAverage> before = t.averages(last.previous());
    assertEquals(t.averages().size() - 1, before.size(), "the oldest cohort's last cell is gone");
    // index 0 without the last cohort (whose only cell is in the last period)
    long size = 0;
    long active = 0;
    for (CohortRow r : t.cohorts()) {
      if (r.cohort().compareTo(last) < 0) {
        size += r.size();
        active += r.active().get(0);
      }
    }
    assertEquals(size, before.get(0).customers());
    assertEquals((double) active / size, before.get(0).retention(), 1e-15);
  }
}
