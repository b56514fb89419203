package dev.funnel.core.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.funnel.core.Activity;
import dev.funnel.core.Dataset;
import dev.funnel.core.Lead;
import dev.funnel.core.Stage;
import dev.funnel.core.StageCatalog;
import dev.funnel.core.StageChange;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The SLA against a naive classification from the definition, on random CRMs. */
class SlaPropertiesTest {

  static final StageCatalog C = StageCatalog.DEFAULT;
  static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
  static final Instant AS_OF = T0.plus(Duration.ofDays(20));
  static final BusinessCalendar OFFICE = BusinessCalendar.builder().zone(ZoneId.of("Europe/Berlin"))
      .hours(LocalTime.of(9, 0), LocalTime.of(17, 30)).holiday(java.time.LocalDate.of(2026, 3, 13)).build();

  /** Leads with random stage moves and activities (some before the stage, some after the as-of). */
  static List<Object> rows(long seed) {
    Random r = new Random(seed);
    List<Object> rows = new ArrayList<>();
    String[] owners = {"ann", "bob", null};
    for (int i = 0; i < 30; i++) {
      String id = "L" + i;
      Instant created = T0.plus(Duration.ofMinutes(r.nextInt(60 * 24 * 18)));
      rows.add(new Lead(id, created, "seo", null, null, owners[r.nextInt(3)], null, Map.of()));
      Instant t = created;
      for (int m = r.nextInt(4); m > 0; m--) {
        t = t.plus(Duration.ofMinutes(r.nextInt(60 * 48)));
        Stage s = r.nextInt(5) == 0 ? C.stage("LOST") : C.progression().get(1 + r.nextInt(3));
        rows.add(StageChange.of(id, s, t));
      }
      for (int a = r.nextInt(4); a > 0; a--) {
        Instant at = created.plus(Duration.ofMinutes(r.nextInt(60 * 24 * 25)));
        rows.add(new Activity(id, at, "call", owners[r.nextInt(3)], null));
      }
    }
    return rows;
  }

  static Dataset build(List<Object> rows) {
    Dataset.Builder b = Dataset.builder().table(dev.funnel.core.DatasetTable.ACTIVITIES);
    for (Object o : rows) {
      if (o instanceof Lead l) {
        b.lead(l);
      } else if (o instanceof StageChange s) {
        b.stageChange(s);
      } else {
        b.activity((Activity) o);
      }
    }
    return b.build();
  }

  /** Outcome by definition, scanning the whole tables. */
  static FirstResponse.Outcome naive(Dataset d, Lead l, SlaQuery q) {
    Instant reached = null;
    for (StageChange c : d.stages()) {
      if (c.leadId().equals(l.id()) && !c.stage().exit() && c.stage().index() >= 1
          && (reached == null || c.at().isBefore(reached))) {
        reached = c.at();
      }
    }
    if (reached == null || reached.isAfter(q.asOf())) {
      return null;
    }
    Instant first = null;
    for (Activity a : d.activities()) {
      if (a.leadId().equals(l.id()) && !a.at().isBefore(reached) && !a.at().isAfter(q.asOf())
          && (first == null || a.at().isBefore(first))) {
        first = a.at();
      }
    }
    if (first != null) {
      return q.calendar().between(reached, first).compareTo(q.target()) <= 0
          ? FirstResponse.Outcome.WITHIN : FirstResponse.Outcome.LATE;
    }
    return q.calendar().between(reached, q.asOf()).compareTo(q.target()) > 0
        ? FirstResponse.Outcome.OVERDUE : FirstResponse.Outcome.WAITING;
  }

  @Test
  void countsMatchTheDefinitionAndIgnoreRowOrder() {
    qt().withExamples(30).forAll(longs().between(1, Long.MAX_VALUE)).checkAssert(seed -> {
      List<Object> rows = rows(seed);
      Dataset d = build(rows);
      for (SlaQuery q : List.of(SlaQuery.of("MQL", Duration.ofHours(4), AS_OF),
          SlaQuery.of("MQL", Duration.ofHours(2), AS_OF).on(OFFICE))) {
        SlaReport r = Sla.compute(d, q);
        long[] expect = new long[4];
        for (Lead l : d.leads()) {
          FirstResponse.Outcome o = naive(d, l, q);
          if (o != null) {
            expect[o.ordinal()]++;
          }
        }
        SlaStats t = r.total();
        assertEquals(expect[0], t.within());
        assertEquals(expect[1], t.late());
        assertEquals(expect[2], t.overdue());
        assertEquals(expect[3], t.waiting());
        assertEquals(t.overdue(), r.overdue().size());
        assertTrue(Double.isNaN(t.shareWithin()) || (t.shareWithin() >= 0 && t.shareWithin() <= 1));
        List<Object> shuffled = new ArrayList<>(rows);
        Collections.shuffle(shuffled, new Random(seed));
        assertEquals(r, Sla.compute(build(shuffled), q));
      }
    });
  }

  @Test
  void anySplitOfTheLeadsMergesToTheWhole() {
    qt().withExamples(30).forAll(longs().between(1, Long.MAX_VALUE)).checkAssert(seed -> {
      SlaQuery q = SlaQuery.of("MQL", Duration.ofHours(4), AS_OF);
      List<FirstResponse> all = Sla.responses(build(rows(seed)), q);
      Random r = new Random(seed);
      SlaTally a = SlaTally.empty();
      SlaTally b = SlaTally.empty();
      for (FirstResponse f : all) {
        (r.nextBoolean() ? a : b).add(f);
      }
      SlaTally whole = SlaTally.empty();
      all.forEach(whole::add);
      assertEquals(whole.result(), a.merge(b).result());
      assertEquals(whole.byOwner(), b.merge(a).byOwner());
    });
  }
}
