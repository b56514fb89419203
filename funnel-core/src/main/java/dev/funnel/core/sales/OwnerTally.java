package dev.funnel.core.sales;

import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Lead;
import dev.funnel.core.Stage;
import dev.funnel.core.StageCatalog;
import dev.funnel.core.columnar.ActivityColumns;
import dev.funnel.core.columnar.Columns;
import dev.funnel.core.columnar.Dictionary;
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
   * No leads, for the query's as-of instant and window on the hand-off times (its stage plays no
   * part): {@link #empty(Instant, Instant, Instant, OwnerRule)} with named parts.
   *
   * @throws IllegalArgumentException for a null query or rule, or a query without an as-of instant
   */
  public static OwnerTally empty(SalesQuery q, OwnerRule rule) {
    if (q == null) {
      throw new IllegalArgumentException(
          "the sales query must not be null (SalesQuery.all().asOf(t) asks of everything at t)");
    }
    return new OwnerTally(q.asOf(), q.from(), q.to(), rule);
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
    Step step = step(d);
    step.add(step.history.load(l));
    return this;
  }

  /** The per-lead step of this state over one dataset, with its reusable cursor. */
  Step step(Dataset d) {
    return new Step(d);
  }

  /**
   * Adds leads of one dataset to the state: the one per-lead route of both {@link #add(Dataset,
   * Lead)} and the batch pass ({@link OwnerScores#tally}), reading the lead's stage-change,
   * activity and payment rows from the columns.
   */
  final class Step {
    final DealHistory history;
    private final Dataset d;
    private final ActivityColumns acts;
    private final int reachedCode;
    private final Dictionary owners;
    private final Stage mql;
    private final Stage sql;

    Step(Dataset d) {
      this.d = d;
      this.history = new DealHistory(d, asOf);
      StageCatalog c = d.catalog();
      this.mql = DealHistory.progression(c, "MQL");
      this.sql = DealHistory.progression(c, "SQL");
      Columns cols = Columns.of(d);
      this.acts = d.has(DatasetTable.ACTIVITIES) ? cols.activities() : null;
      this.reachedCode = cols.outcomes().find("reached");
      this.owners = cols.owners();
    }

    /** Adds the lead loaded in {@link #history}. */
    void add(DealHistory h) {
      int tm = h.reach[mql.index()];
      int ts = h.reach[sql.index()];
      if (tm != DealHistory.NONE && h.inWindow(tm, from, to)) {
        boolean reached = false;
        int first = -1;
        String owner;
        if (acts != null && h.lead >= 0) {
          for (int r = acts.from(h.lead); r < acts.to(h.lead); r++) {
            if (OwnerScores.compare(acts, r, asOf) > 0) {
              break;
            }
            reached |= reachedCode >= 0 && acts.outcome(r) == reachedCode;
          }
          first = OwnerScores.firstAfter(acts, h, tm, DealHistory.NONE, asOf, false);
        }
        if (rule == OwnerRule.LEAD_OWNER) {
          owner = OwnerScores.leadOwner(h);
        } else {
          int named = acts == null ? -1 : OwnerScores.firstAfter(acts, h, tm, ts, asOf, true);
          owner = OwnerScores.sdr(h, sql, ts,
              named < 0 ? null : owners.value(acts.owner(named)));
        }
        Cell o = cell(owner);
        o.mqls++;
        o.toSql += ts != DealHistory.NONE ? 1 : 0;
        o.reached += reached ? 1 : 0;
        Instant end = first < 0 ? asOf : acts.instant(first);
        o.reaction.add(DealHistory.hours(Duration.between(h.instant(tm), end)), first >= 0);
        noActivities |= acts == null;
      }
      if (ts != DealHistory.NONE && h.inWindow(ts, from, to)) {
        String owner = rule == OwnerRule.LEAD_OWNER
            ? OwnerScores.leadOwner(h) : OwnerScores.ae(h, ts);
        Cell o = cell(owner);
        o.sqls++;
        o.won += h.outcome == Outcome.WON ? 1 : 0;
        o.lost += h.outcome == Outcome.LOST ? 1 : 0;
        BigDecimal wonAmount = h.outcome == Outcome.WON ? h.wonAmount() : null;
        if (wonAmount != null) {
          o.valued++;
          o.wonValue = o.wonValue.add(wonAmount);
        }
        int p = h.firstPayment(ts);
        if (p >= 0) {
          o.cycle.add(h.daysToPayment(ts, p), true);
        } else if (h.outcome == Outcome.OPEN || h.outcome == Outcome.WON) {
          o.cycle.add(DealHistory.days(h.instant(ts), asOf), false);
        }
        noPayments |= !d.has(DatasetTable.PAYMENTS);
      }
    }
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
