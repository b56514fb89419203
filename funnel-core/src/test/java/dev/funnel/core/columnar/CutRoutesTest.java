package dev.funnel.core.columnar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetCut;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Lead;
import dev.funnel.core.Money;
import dev.funnel.core.Payment;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The cuts of {@link DatasetCut}, which copy kept rows column by column, against the record route
 * as the oracle: the same rows filtered as records and added to a new builder. Random datasets
 * with sub-millisecond times, lead attributes, ids without a lead row, amounts of mixed scale and
 * one beyond a scaled long, cut at random instants and windows.
 */
class CutRoutesTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  private static Dataset sample(long seed) {
    SampleRows s = SampleRows.generate(seed, 300);
    Random r = new Random(seed);
    for (int i = 0; i < s.leads.size(); i += 7) { // attributes on some leads
      Lead l = s.leads.get(i);
      s.leads.set(i, new Lead(l.id(), l.createdAt().plusNanos(r.nextInt(999_999)), l.channel(),
          l.campaign(), l.segment(), l.owner(), l.customerId(), Map.of("industry", "i" + (i % 3))));
    }
    if (seed % 2 == 0) { // one amount beyond a scaled long: the column keeps exact decimals
      Payment p = s.payments.get(0);
      s.payments.set(0, new Payment(p.paymentId(), p.customerId(), p.leadId(), p.paidAt(),
          Money.of(new BigDecimal("123456789012345678901.5"), "EUR"), p.product()));
    }
    return s.dataset(new Random(seed + 1));
  }

  private static Instant instant(Random r) {
    return Instant.parse("2024-12-01T00:00:00Z").plusSeconds(r.nextInt(500 * 86400))
        .plusNanos(r.nextInt(3) == 0 ? r.nextInt(1_000_000_000) : 0);
  }

  @Test
  void cutsAtAnInstantAreTheRecordRoute() {
    for (long seed = 0; seed < 12; seed++) {
      Dataset d = sample(seed);
      Random r = new Random(seed);
      for (int k = 0; k < 4; k++) {
        Instant asOf = k == 0 ? d.stages().get(r.nextInt(d.stages().size())).at() : instant(r);
        LocalDate day = LocalDate.ofInstant(asOf, d.zone());
        Dataset.Builder b = recordRoute(d, t -> !t.isAfter(asOf), x -> !x.isAfter(day));
        d.plan().forEach(b::planTarget);
        assertSame(b.build(), DatasetCut.asOf(d, asOf), "seed " + seed + " as of " + asOf);
      }
    }
  }

  @Test
  void windowsOfLocalDaysAreTheRecordRoute() {
    for (long seed = 0; seed < 12; seed++) {
      Dataset d = sample(seed);
      Random r = new Random(seed);
      for (int k = 0; k < 4; k++) {
        LocalDate from = k == 1 ? null : LocalDate.of(2025, 1, 1).plusDays(r.nextInt(300));
        LocalDate to = k == 2 || from == null && k != 1 ? null
            : (from == null ? LocalDate.of(2025, 6, 1) : from.plusDays(1 + r.nextInt(120)));
        Instant start = from == null ? null : from.atStartOfDay(d.zone()).toInstant();
        Instant end = to == null ? null : to.atStartOfDay(d.zone()).toInstant();
        Dataset expected = recordRoute(d,
            t -> (start == null || !t.isBefore(start)) && (end == null || t.isBefore(end)),
            x -> (from == null || !x.isBefore(from)) && (to == null || x.isBefore(to))).build();
        Dataset got = DatasetCut.window(d, from, to);
        if (from == null && to == null) {
          assertEquals(d, got);
        } else {
          assertSame(expected, got, "seed " + seed + " " + from + " to " + to);
        }
      }
    }
  }

  @Test
  void cohortsAsOfAnInstantAreTheRecordRoute() {
    for (long seed = 0; seed < 12; seed++) {
      Dataset d = sample(seed);
      Random r = new Random(seed);
      for (int k = 0; k < 4; k++) {
        Instant from = k == 0 ? null : instant(r);
        Instant to = k == 1 ? null : (from == null ? instant(r) : from.plusSeconds(r.nextInt(90 * 86400)));
        Instant asOf = k == 2 ? null : (to == null ? instant(r) : to.plusSeconds(r.nextInt(40 * 86400)));
        Predicate<Instant> created = t -> (from == null || !t.isBefore(from))
            && (to == null || t.isBefore(to)) && (asOf == null || !t.isAfter(asOf));
        Predicate<Instant> kept = t -> asOf == null || !t.isAfter(asOf);
        Dataset.Builder b = Dataset.builder().zone(d.zone()).catalog(d.catalog()).currency(d.currency());
        for (DatasetTable t : new DatasetTable[] {DatasetTable.LEADS, DatasetTable.STAGES,
            DatasetTable.ACTIVITIES, DatasetTable.TOUCHES}) {
          b.table(t);
        }
        d.leads().stream().filter(l -> created.test(l.createdAt())).forEach(l -> {
          b.lead(l);
          d.stagesOf(l.id()).stream().filter(x -> kept.test(x.at())).forEach(b::stageChange);
          d.activitiesOf(l.id()).stream().filter(x -> kept.test(x.at())).forEach(b::activity);
          d.touchesOf(l.id()).stream().filter(x -> kept.test(x.at())).forEach(b::touch);
        });
        assertSame(b.build(), DatasetCut.cohort(d, from, to, asOf),
            "seed " + seed + " " + from + " to " + to + " as of " + asOf);
      }
    }
  }

  /** The oracle: every table's records whose time {@code kept} keeps (spend: whose day), rebuilt. */
  private static Dataset.Builder recordRoute(Dataset d, Predicate<Instant> kept,
      Predicate<LocalDate> day) {
    Dataset.Builder b = Dataset.builder().zone(d.zone()).catalog(d.catalog()).currency(d.currency());
    d.tables().forEach(b::table);
    d.leads().stream().filter(l -> kept.test(l.createdAt())).forEach(b::lead);
    d.stages().stream().filter(x -> kept.test(x.at())).forEach(b::stageChange);
    d.activities().stream().filter(x -> kept.test(x.at())).forEach(b::activity);
    d.touches().stream().filter(x -> kept.test(x.at())).forEach(b::touch);
    d.payments().stream().filter(x -> kept.test(x.paidAt())).forEach(b::payment);
    d.spend().stream().filter(x -> day.test(x.date())).forEach(b::spend);
    return b;
  }

  private static void assertSame(Dataset expected, Dataset got, String what) {
    assertEquals(expected.tables(), got.tables(), what);
    assertEquals(expected.leads(), got.leads(), what);
    assertEquals(expected.stages(), got.stages(), what);
    assertEquals(expected.activities(), got.activities(), what);
    assertEquals(expected.touches(), got.touches(), what);
    assertEquals(expected.payments(), got.payments(), what);
    assertEquals(expected.spend(), got.spend(), what);
    assertEquals(expected.plan(), got.plan(), what);
    assertEquals(expected.currency(), got.currency(), what);
  }
}
