package dev.funnel.core.sales;

import static dev.funnel.core.sales.DealHistory.progression;
import static dev.funnel.core.sales.DealHistory.ratio;
import static dev.funnel.core.sales.DealHistory.hours;

import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Lead;
import dev.funnel.core.Payment;
import dev.funnel.core.Stage;
import dev.funnel.core.StageCatalog;
import dev.funnel.core.stats.KaplanMeier;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Per-owner KPIs in one pass over the leads. */
final class OwnerScores {
  private OwnerScores() {}

  static OwnerKpis owners(Dataset d, Instant asOf, Instant from, Instant to) {
    d.require(DatasetTable.LEADS, "owner KPIs");
    d.require(DatasetTable.STAGES, "owner KPIs");
    DealHistory.requireAsOf(asOf, "owner KPIs");
    StageCatalog c = d.catalog();
    Stage mql = progression(c, "MQL");
    Stage sql = progression(c, "SQL");
    Map<String, OwnerCounter> by = new TreeMap<>();
    for (Lead l : d.leads()) {
      DealHistory h = DealHistory.of(d, l, asOf);
      String owner = l.owner() == null ? "(none)" : l.owner();
      OwnerCounter o = by.computeIfAbsent(owner, k -> new OwnerCounter());
      Instant tm = h.reach.reachedAt(mql);
      if (tm != null && DealHistory.inWindow(tm, from, to)) {
        o.mqls++;
        o.toSql += h.reach.reachedAt(sql) != null ? 1 : 0;
        Instant first = null;
        boolean reached = false;
        for (dev.funnel.core.Activity a : d.activitiesOf(l.id())) {
          if (a.at().isAfter(asOf)) {
            break;
          }
          reached |= "reached".equals(a.outcome());
          if (first == null && !a.at().isBefore(tm)) {
            first = a.at();
          }
        }
        o.reached += reached ? 1 : 0;
        Instant end = first == null ? asOf : first;
        o.reaction.add(hours(java.time.Duration.between(tm, end)), first != null);
      }
      Instant ts = h.reach.reachedAt(sql);
      if (ts != null && DealHistory.inWindow(ts, from, to)) {
        o.sqls++;
        o.won += h.outcome == Outcome.WON ? 1 : 0;
        o.lost += h.outcome == Outcome.LOST ? 1 : 0;
        if (h.outcome == Outcome.WON && h.wonAmount != null) {
          o.valued++;
          o.wonValue = o.wonValue.add(h.wonAmount);
        }
        Payment p = DealHistory.firstPayment(d, l, ts, asOf);
        if (p != null) {
          o.cycle.add(DealHistory.days(ts, p.paidAt()), true);
        } else if (h.outcome == Outcome.OPEN || h.outcome == Outcome.WON) {
          o.cycle.add(DealHistory.days(ts, asOf), false);
        }
      }
    }
    // without the table the figure is unknown, not zero
    boolean activities = d.has(DatasetTable.ACTIVITIES);
    boolean payments = d.has(DatasetTable.PAYMENTS);
    List<OwnerKpi> rows = new ArrayList<>();
    by.forEach((name, o) -> {
      if (o.mqls > 0 || o.sqls > 0) {
        rows.add(new OwnerKpi(name, o.mqls,
            activities ? ratio(o.reached, o.mqls) : Double.NaN, ratio(o.toSql, o.mqls),
            activities ? o.reaction.result().median() : Double.NaN, o.sqls,
            ratio(o.won, o.won + o.lost), payments ? o.cycle.result().median() : Double.NaN,
            o.valued == 0 ? Double.NaN : ratio(o.wonValue, BigDecimal.valueOf(o.valued))));
      }
    });
    return new OwnerKpis(asOf, rows);
  }

  private static final class OwnerCounter {
    long mqls;
    long reached;
    long toSql;
    final KaplanMeier reaction = KaplanMeier.empty();
    long sqls;
    long won;
    long lost;
    long valued;
    BigDecimal wonValue = BigDecimal.ZERO;
    final KaplanMeier cycle = KaplanMeier.empty();
  }
}
