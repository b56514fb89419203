package dev.funnel.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.core.Dataset;
import dev.funnel.core.JourneyPath;
import dev.funnel.core.Lead;
import dev.funnel.core.Payment;
import dev.funnel.core.StageChange;
import dev.funnel.core.Touch;
import dev.funnel.core.demo.DemoData;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@link JourneySet#pathOf}, the per-lead step shared with the Spark route: the rows of every
 * lead, grouped and shuffled, summed into path counts give exactly the path counts of
 * {@link JourneySet#fromDataset} under each option.
 */
class PerLeadPathTest {

  static final Dataset DEMO = DemoData.builder().seed(23).leads(2_500).build().dataset();

  static PathState perLead(Dataset ds, JourneyOptions o, Random rnd) {
    Map<String, List<Touch>> touches = new TreeMap<>();
    ds.touches().forEach(t -> touches.computeIfAbsent(t.leadId(), k -> new ArrayList<>()).add(t));
    Map<String, List<StageChange>> stages = new TreeMap<>();
    ds.stages().forEach(s -> stages.computeIfAbsent(s.leadId(), k -> new ArrayList<>()).add(s));
    TreeSet<String> ids = new TreeSet<>(touches.keySet());
    ids.addAll(stages.keySet());
    ds.leads().forEach(l -> ids.add(l.id()));
    List<String> order = new ArrayList<>(ids);
    Collections.shuffle(order, rnd);
    PathState pc = PathState.empty();
    int journeys = 0;
    for (String id : order) {
      Lead lead = ds.lead(id);
      List<Touch> ts = new ArrayList<>(touches.getOrDefault(id, List.of()));
      List<StageChange> cs = new ArrayList<>(stages.getOrDefault(id, List.of()));
      List<Payment> ps = new ArrayList<>(ds.paymentsOf(lead == null ? id : lead.customerId()));
      Collections.shuffle(ts, rnd);
      Collections.shuffle(cs, rnd);
      Collections.shuffle(ps, rnd);
      JourneyPath p = JourneySet.pathOf(id, lead, ts, cs, ps, ds.catalog(), o);
      if (p != null) {
        pc.add(p);
        journeys++;
      }
    }
    assertTrue(journeys > 100, "journeys " + journeys);
    return pc;
  }

  @Test
  void perLeadPathsSumToThePathCountsOfTheDataset() {
    Random rnd = new Random(4);
    for (JourneyOptions o : List.of(
        JourneyOptions.DEFAULTS,
        JourneyOptions.DEFAULTS.withCampaigns(true).withLookbackDays(14),
        JourneyOptions.DEFAULTS.withPaidRevenueWithinDays(60),
        JourneyOptions.DEFAULTS.withConversionStage("SQL"),
        JourneyOptions.DEFAULTS.withConversionStage("LEAD"))) {
      PathState expected = JourneySet.fromDataset(DEMO, o).pathCounts();
      PathState actual = perLead(DEMO, o, rnd);
      assertEquals(expected, actual, o.toString());
      assertEquals(
          Attribution.attribute(JourneySet.fromCounts(expected), Model.LINEAR),
          Attribution.attribute(JourneySet.fromCounts(actual), Model.LINEAR));
    }
  }

  /** The same sum from each id's {@link dev.funnel.core.LeadHistory} ({@code Dataset.history}). */
  @Test
  void leadHistoriesSumToThePathCountsOfTheDataset() {
    for (JourneyOptions o : List.of(JourneyOptions.DEFAULTS,
        JourneyOptions.DEFAULTS.withPaidRevenueWithinDays(60))) {
      TreeSet<String> ids = new TreeSet<>();
      DEMO.touches().forEach(t -> ids.add(t.leadId()));
      DEMO.stages().forEach(c -> ids.add(c.leadId()));
      DEMO.leads().forEach(l -> ids.add(l.id()));
      PathState pc = PathState.empty();
      for (String id : ids) {
        JourneyPath p = JourneySet.pathOf(DEMO.history(id), DEMO.catalog(), o);
        if (p != null) {
          pc.add(p);
        }
      }
      assertEquals(JourneySet.fromDataset(DEMO, o).pathCounts(), pc, o.toString());
    }
  }

  @Test
  void aLeadWithoutTouchesOrConversionHasNoPath() {
    Lead l = DEMO.leads().get(0);
    assertEquals(null, JourneySet.pathOf(l.id(), l, List.of(), List.of(), List.of(), DEMO.catalog(), null));
  }
}
