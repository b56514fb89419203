package dev.funnel.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.funnel.core.Granularity;
import dev.funnel.core.Payment;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The merge laws of {@link CohortState}, on random payments for every granularity. */
class CohortStateLawsTest {

  static final ZoneId ZONE = ZoneId.of("America/New_York");

  static CohortState state(Granularity g, List<Payment> payments) {
    CohortState s = Cohorts.empty(g, ZONE);
    payments.forEach(s::add);
    return s;
  }

  @Test
  void mergeOfPartsEqualsTheWhole() {
    for (Granularity g : Granularity.values()) {
      for (long seed = 1; seed <= 10; seed++) {
        List<Payment> all = CohortFixtures.random(seed, 300);
        Random rnd = new Random(seed * 31);
        int cut1 = rnd.nextInt(all.size() + 1);
        int cut2 = cut1 + rnd.nextInt(all.size() - cut1 + 1);
        CohortState a = state(g, all.subList(0, cut1));
        CohortState b = state(g, all.subList(cut1, cut2));
        CohortState c = state(g, all.subList(cut2, all.size()));
        CohortTable whole = state(g, all).result();
        assertEquals(whole, a.merge(b).merge(c).result(), "parts, " + g + " seed " + seed);
        assertEquals(state(g, all).bridge(), c.merge(a).merge(b).bridge(), "bridge of parts");
        assertEquals(a.merge(b).merge(c).result(), a.merge(b.merge(c)).result(), "associative");
        assertEquals(a.merge(b).result(), b.merge(a).result(), "commutative");
        assertEquals(a.result(), Cohorts.empty(g, ZONE).merge(a).result(), "left identity");
        assertEquals(a.result(), a.merge(Cohorts.empty(g, ZONE)).result(), "right identity");
      }
    }
  }

  @Test
  void mergeLeavesItsInputsUnchanged() {
    List<Payment> all = CohortFixtures.random(99, 200);
    CohortState a = state(Granularity.MONTH, all.subList(0, 100));
    CohortState b = state(Granularity.MONTH, all.subList(100, 200));
    CohortTable before = a.result();
    a.merge(b);
    assertEquals(before, a.result());
  }

  @Test
  void rowOrderDoesNotMatter() {
    List<Payment> all = new ArrayList<>(CohortFixtures.random(7, 400));
    CohortTable t = state(Granularity.WEEK, all).result();
    Collections.shuffle(all, new Random(8));
    assertEquals(t, state(Granularity.WEEK, all).result());
  }
}
