package dev.funnel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.funnel.core.Activity;
import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Lead;
import dev.funnel.core.Money;
import dev.funnel.core.Payment;
import dev.funnel.core.StageCatalog;
import dev.funnel.core.StageChange;
import dev.funnel.core.Touch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * TimedRows#latest against the latest instant of the records themselves, on random datasets
 * whose times are whole milliseconds (the answer comes from the kept ranges alone) or carry
 * sub-millisecond parts in some table (then rows tie on the latest millisecond and the parts
 * decide), for any choice of tables.
 */
class TimedRowsTest {

  @Test
  void latestIsTheLatestInstantOfTheChosenTables() {
    Random rnd = new Random(12);
    Instant t0 = Instant.parse("2026-03-01T00:00:00Z");
    List<DatasetTable> all = List.of(DatasetTable.LEADS, DatasetTable.STAGES,
        DatasetTable.ACTIVITIES, DatasetTable.TOUCHES, DatasetTable.PAYMENTS);
    for (int c = 0; c < 300; c++) {
      boolean sub = rnd.nextBoolean();
      List<Instant> leads = new ArrayList<>();
      List<Instant> stages = new ArrayList<>();
      List<Instant> activities = new ArrayList<>();
      List<Instant> touches = new ArrayList<>();
      List<Instant> payments = new ArrayList<>();
      Dataset.Builder b = Dataset.builder();
      for (int i = 0; i < 1 + rnd.nextInt(6); i++) {
        String id = "L" + i;
        Instant created = at(rnd, t0, sub);
        leads.add(created);
        b.lead(Lead.of(id, created, "seo"));
        Instant s = at(rnd, t0, sub);
        stages.add(s);
        b.stageChange(StageChange.of(id, StageCatalog.DEFAULT.stage("MQL"), s));
        Instant a = at(rnd, t0, sub);
        activities.add(a);
        b.activity(new Activity(id, a, "call", null, null));
        Instant t = at(rnd, t0, sub);
        touches.add(t);
        b.touch(Touch.of(id, t, "seo"));
        Instant p = at(rnd, t0, sub);
        payments.add(p);
        b.payment(new Payment(null, "C" + i, id, p, Money.of("10"), null));
      }
      Dataset d = b.table(DatasetTable.ACTIVITIES).table(DatasetTable.TOUCHES)
          .table(DatasetTable.PAYMENTS).build();
      Set<DatasetTable> chosen = EnumSet.noneOf(DatasetTable.class);
      for (DatasetTable t : all) {
        if (rnd.nextInt(3) > 0) {
          chosen.add(t);
        }
      }
      Instant want = null;
      List<List<Instant>> times = List.of(leads, stages, activities, touches, payments);
      for (int k = 0; k < all.size(); k++) {
        if (chosen.contains(all.get(k))) {
          for (Instant i : times.get(k)) {
            want = want == null || i.isAfter(want) ? i : want;
          }
        }
      }
      assertEquals(want, TimedRows.latest(d, chosen), "case " + c + " " + chosen);
    }
  }

  /** A time on a coarse grid (rows tie often), with a sub-millisecond part when {@code sub}. */
  private static Instant at(Random rnd, Instant t0, boolean sub) {
    Instant t = t0.plusMillis(rnd.nextInt(4) * 1000L + rnd.nextInt(2));
    return sub && rnd.nextBoolean() ? t.plusNanos(rnd.nextInt(999_999) + 1) : t;
  }
}
