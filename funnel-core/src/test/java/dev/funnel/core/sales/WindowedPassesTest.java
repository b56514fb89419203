package dev.funnel.core.sales;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.funnel.core.Dataset;
import dev.funnel.core.Granularity;
import dev.funnel.core.Lead;
import dev.funnel.core.Period;
import dev.funnel.core.demo.DemoData;
import dev.funnel.core.funnel.FunnelQuery;
import dev.funnel.core.funnel.FunnelReport;
import dev.funnel.core.funnel.LeadReach;
import dev.funnel.core.funnel.StageFunnel;
import dev.funnel.core.sla.Sla;
import dev.funnel.core.sla.SlaQuery;
import dev.funnel.core.sla.SlaStats;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The windowed calculations that look only at the leads able to reach a stage in the window
 * ({@link LeadReach#candidates}), and the one-pass forecast, against independent routes on the
 * demo dataset with its defects (changes before creation, out of order, skipped stages): the
 * candidates against every lead's reach times, and each windowed figure summed over the months
 * of the data against the same figure over the open window, which visits every lead.
 */
class WindowedPassesTest {

  static final DemoData DEMO = DemoData.builder().leads(2_500).seed(7).zone(ZoneId.of("Europe/Berlin")).build();
  static final Dataset D = DEMO.dataset();
  static final Instant AS_OF = Instant.parse("2027-01-01T00:00:00Z");

  /** Every month from before the first lead to after the last change, covering all the data. */
  static List<Period> months() {
    LocalDate first = LocalDate.ofInstant(D.leads().get(0).createdAt(), D.zone()).minusMonths(2);
    List<Period> out = new ArrayList<>();
    for (Period p = Period.of(Granularity.MONTH, first); out.size() < 30; p = p.next()) {
      out.add(p);
    }
    return out;
  }

  @Test
  void candidatesIncludeEveryLeadWithAReachTimeInTheWindow() {
    for (Period p : months()) {
      Instant from = p.startInstant(D.zone());
      Instant to = p.endInstant(D.zone());
      List<String> brute = new ArrayList<>();
      for (Lead l : D.leads()) {
        LeadReach r = LeadReach.of(D, l);
        boolean in = false;
        for (int k = 0; k < r.stages(); k++) {
          Instant t = r.reachedAt(k);
          in |= t != null && !t.isBefore(from) && t.isBefore(to);
        }
        if (in) {
          brute.add(l.id());
        }
      }
      List<String> got = LeadReach.candidates(D, from, to).stream().map(Lead::id).toList();
      // candidates may include a lead whose change in the window is hidden by an earlier reach
      assertEquals(true, got.containsAll(brute), p.label());
    }
  }

  @Test
  void monthlyFiguresSumToTheWhole() {
    long won = 0;
    long valued = 0;
    BigDecimal total = BigDecimal.ZERO;
    long reached = 0;
    long wins = 0;
    long paid = 0;
    long censored = 0;
    long excluded = 0;
    long[] funnel = new long[D.catalog().progression().size()];
    long slaLeads = 0;
    long slaWithin = 0;
    SlaQuery sla = SlaQuery.of("MQL", Duration.ofHours(1), AS_OF);
    for (Period p : months()) {
      Instant from = p.startInstant(D.zone());
      Instant to = p.endInstant(D.zone());
      DealSize s = Sales.dealSize(D, from, to);
      won += s.won();
      valued += s.valued();
      total = total.add(s.total());
      WinRate w = Sales.winRate(D, "SQL", from, to, AS_OF);
      reached += w.reached();
      wins += w.won();
      SalesCycle c = Sales.cycle(D, "SQL", AS_OF, from, to);
      paid += c.paid();
      censored += c.censored();
      excluded += c.excluded();
      FunnelReport f = StageFunnel.compute(D, FunnelQuery.event().between(from, to));
      for (int k = 0; k < funnel.length; k++) {
        funnel[k] += f.count(D.catalog().progression().get(k).name());
      }
      SlaStats st = Sla.compute(D, sla.between(from, to)).total();
      slaLeads += st.leads();
      slaWithin += st.within();
    }
    DealSize all = Sales.dealSize(D, null, null);
    assertEquals(all.won(), won);
    assertEquals(all.valued(), valued);
    assertEquals(0, all.total().compareTo(total));
    WinRate wa = Sales.winRate(D, "SQL", null, null, AS_OF);
    assertEquals(wa.reached(), reached);
    assertEquals(wa.won(), wins);
    SalesCycle ca = Sales.cycle(D, "SQL", AS_OF, null, null);
    assertEquals(ca.paid(), paid);
    assertEquals(ca.censored(), censored);
    assertEquals(ca.excluded(), excluded);
    FunnelReport fa = StageFunnel.compute(D, FunnelQuery.event());
    for (int k = 0; k < funnel.length; k++) {
      assertEquals(fa.count(D.catalog().progression().get(k).name()), funnel[k], "stage " + k);
    }
    SlaStats sa = Sla.compute(D, sla).total();
    assertEquals(sa.leads(), slaLeads);
    assertEquals(sa.within(), slaWithin);
  }

  @Test
  void forecastEqualsThePipelineAndTheVelocityFromTheirOwnPasses() {
    Period month = Period.parse("2026-06");
    SalesForecast f = Sales.forecast(D, AS_OF, month);
    assertEquals(Sales.pipelineAgainstPlan(D, AS_OF, month), f.pipeline());
    Pipeline p = Sales.pipeline(D, AS_OF, null);
    double winRate = Sales.winRate(D, "OPPORTUNITY", null, null, AS_OF).byCount();
    double deal = Sales.dealSize(D, null, AS_OF).average();
    double cycle = Sales.cycle(D, AS_OF).medianDays();
    SalesVelocity v = f.velocity();
    assertEquals(p.deals(), v.opportunities());
    assertEquals(winRate, v.winRate());
    assertEquals(deal, v.averageDeal());
    assertEquals(cycle, v.cycleDays());
    assertEquals(p.deals() * winRate * deal / cycle, v.perDay(), 1e-9 * v.perDay());
    assertEquals(v, Sales.velocity(D, AS_OF));
  }
}
