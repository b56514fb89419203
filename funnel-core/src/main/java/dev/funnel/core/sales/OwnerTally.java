package dev.funnel.core.sales;

import dev.funnel.core.Activity;
import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Lead;
import dev.funnel.core.Payment;
import dev.funnel.core.Stage;
import dev.funnel.core.StageCatalog;
import dev.funnel.core.stats.KaplanMeier;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The mergeable partial state of {@link OwnerKpis}: per credited owner, the SDR-side and AE-side
 * counts, the exact won value and the Kaplan-Meier states of reaction time and cycle.
 *
 * <p>Protocol: {@link #empty(Instant, Instant, Instant, OwnerRule)} for an as-of instant, window
 * and rule; {@link #add(Dataset, Lead)} per lead of a dataset (mutates; not thread-safe);
 * {@link #merge(OwnerTally)} (a new state, inputs unchanged; associative, commutative, identity
 * {@code empty}); {@link #result()}. Splitting the leads into datasets that each hold their leads'
 * own rows, tallying each and merging gives the result of the whole. A figure whose table (activities
 * or payments) was missing for any counted lead is NaN, as it is unknown rather than zero.
 */
public final class OwnerTally {

  private final Instant asOf;
  private final Instant from;
  private final Instant to;
  private final OwnerRule rule;
  private final TreeMap<String, Cell> owners = new TreeMap<>();
  private boolean noActivities;
  private boolean noPayments;

  private OwnerTally(Instant asOf, Instant from, Instant to, OwnerRule rule) {
    this.asOf = DealHistory.requireAsOf(asOf, "owner KPIs");
    if (rule == null) {
      throw new IllegalArgumentException("owner KPIs need an owner rule (ROLE or LEAD_OWNER)");
    }
    this.from = from;
    this.to = to;
    this.rule = rule;
  }

  /**
   * No leads.
   *
   * @param asOf the observation instant; nothing after it is seen
   * @param from start of the window on the hand-off times (inclusive), null for open
   * @param to   end of the window (exclusive), null for open
   * @param rule who leads are credited to
   */
  public static OwnerTally empty(Instant asOf, Instant from, Instant to, OwnerRule rule) {
    return new OwnerTally(asOf, from, to, rule);
  }

  /**
   * One lead, read with its own stage changes, activities and payments from the dataset; a lead
   * whose MQL and SQL hand-offs both fall outside the window adds nothing.
   *
   * @return this state
   * @throws IllegalStateException when the dataset has no leads or stages table
   */
  public OwnerTally add(Dataset d, Lead l) {
    OwnerScores.require(d);
    StageCatalog c = d.catalog();
    Stage mql = DealHistory.progression(c, "MQL");
    Stage sql = DealHistory.progression(c, "SQL");
    DealHistory h = DealHistory.of(d, l, asOf);
    Instant tm = h.reach.reachedAt(mql);
    Instant ts = h.reach.reachedAt(sql);
    if (tm != null && DealHistory.inWindow(tm, from, to)) {
      List<Activity> acts = d.activitiesOf(l.id());
      boolean reached = false;
      for (Activity a : acts) {
        if (a.at().isAfter(asOf)) {
          break;
        }
        reached |= "reached".equals(a.outcome());
      }
      Activity first = OwnerScores.firstAfter(acts, tm, asOf, false);
      String owner;
      if (rule == OwnerRule.LEAD_OWNER) {
        owner = OwnerScores.leadOwner(l);
      } else {
        Activity named = OwnerScores.firstAfter(acts, tm, ts == null ? asOf : ts, true);
        owner = OwnerScores.sdr(h, sql, ts, named == null ? null : named.owner());
      }
      Cell o = cell(owner);
      o.mqls++;
      o.toSql += ts != null ? 1 : 0;
      o.reached += reached ? 1 : 0;
      Instant end = first == null ? asOf : first.at();
      o.reaction.add(DealHistory.hours(Duration.between(tm, end)), first != null);
      noActivities |= !d.has(DatasetTable.ACTIVITIES);
    }
    if (ts != null && DealHistory.inWindow(ts, from, to)) {
      String owner = rule == OwnerRule.LEAD_OWNER
          ? OwnerScores.leadOwner(l) : OwnerScores.ae(h, c.won(), ts);
      Cell o = cell(owner);
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
      noPayments |= !d.has(DatasetTable.PAYMENTS);
    }
    return this;
  }

  private Cell cell(String owner) {
    return owners.computeIfAbsent(owner, k -> new Cell());
  }

  /**
   * Both states together; neither changes.
   *
   * @throws IllegalArgumentException when the as-of instants, windows or rules differ
   */
  public OwnerTally merge(OwnerTally other) {
    if (!asOf.equals(other.asOf) || !Objects.equals(from, other.from)
        || !Objects.equals(to, other.to) || rule != other.rule) {
      throw new IllegalArgumentException("cannot merge owner KPIs of different settings: "
          + describe() + " and " + other.describe());
    }
    OwnerTally t = new OwnerTally(asOf, from, to, rule);
    for (OwnerTally src : List.of(this, other)) {
      for (Map.Entry<String, Cell> e : src.owners.entrySet()) {
        t.owners.merge(e.getKey(), e.getValue().copy(), Cell::plus);
      }
    }
    t.noActivities = noActivities || other.noActivities;
    t.noPayments = noPayments || other.noPayments;
    return t;
  }

  private String describe() {
    return rule.label() + " as of " + asOf + " in [" + from + ", " + to + ")";
  }

  /** The KPIs of the leads added so far, one row per owner by name. */
  public OwnerKpis result() {
    List<OwnerKpi> rows = new ArrayList<>();
    owners.forEach((name, o) -> rows.add(new OwnerKpi(name, o.mqls, o.toSql,
        noActivities ? Double.NaN : DealHistory.ratio(o.reached, o.mqls),
        DealHistory.ratio(o.toSql, o.mqls),
        noActivities ? Double.NaN : o.reaction.result().median(),
        o.sqls, o.won, o.lost, DealHistory.ratio(o.won, o.won + o.lost),
        noPayments ? Double.NaN : o.cycle.result().median(),
        o.valued == 0 ? Double.NaN : DealHistory.ratio(o.wonValue, BigDecimal.valueOf(o.valued)))));
    return new OwnerKpis(asOf, rule, rows);
  }

  /** One owner's counts. */
  private static final class Cell {
    long mqls;
    long reached;
    long toSql;
    KaplanMeier reaction = KaplanMeier.empty();
    long sqls;
    long won;
    long lost;
    long valued;
    BigDecimal wonValue = BigDecimal.ZERO;
    KaplanMeier cycle = KaplanMeier.empty();

    Cell copy() {
      return new Cell().plus(this);
    }

    /** Adds the other cell into this one (the other is unchanged); returns this. */
    Cell plus(Cell o) {
      mqls += o.mqls;
      reached += o.reached;
      toSql += o.toSql;
      reaction = reaction.merge(o.reaction);
      sqls += o.sqls;
      won += o.won;
      lost += o.lost;
      valued += o.valued;
      wonValue = wonValue.add(o.wonValue);
      cycle = cycle.merge(o.cycle);
      return this;
    }
  }
}
