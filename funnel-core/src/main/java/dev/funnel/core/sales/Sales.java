package dev.funnel.core.sales;

import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Lead;
import dev.funnel.core.Payment;
import dev.funnel.core.Stage;
import dev.funnel.core.StageCatalog;
import dev.funnel.core.StageChange;
import dev.funnel.core.stats.KaplanMeier;
import dev.funnel.core.stats.SurvivalCurve;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The entry point of the sales metrics (spec/metrics.md, "Funnel and sales metrics"): win rate,
 * average deal, sales cycle, time in stage, exit reasons, pipeline and velocity.
 *
 * <p>Every method makes one pass over the leads, reading each lead's own stage changes and
 * payments from the dataset indexes. Windows are half-open {@code [from, to)} with null meaning
 * open; {@code asOf} is the observation instant (stage changes and payments after it are
 * ignored). Stage names are the catalog's, case-insensitive.
 */
public final class Sales {
  private Sales() {}

  /**
   * Win rate from a base stage (SQL or OPPORTUNITY, usually) of leads that reached it in the
   * window; see {@link WinRate} for the definitions.
   */
  public static WinRate winRate(Dataset d, String baseStage, Instant from, Instant to) {
    return winRate(d, baseStage, from, to, null);
  }

  /** Win rate as {@link #winRate(Dataset, String, Instant, Instant)}, ignoring changes after asOf. */
  public static WinRate winRate(Dataset d, String baseStage, Instant from, Instant to, Instant asOf) {
    d.require(DatasetTable.LEADS, "win rate");
    Stage base = progression(d.catalog(), baseStage);
    long reached = 0;
    long won = 0;
    long lost = 0;
    BigDecimal wonValue = BigDecimal.ZERO;
    BigDecimal lostValue = BigDecimal.ZERO;
    for (Lead l : d.leads()) {
      DealHistory h = DealHistory.of(d, l, asOf);
      if (!DealHistory.inWindow(h.reach.reachedAt(base), from, to)) {
        continue;
      }
      reached++;
      if (h.outcome == Outcome.WON) {
        won++;
        wonValue = h.wonAmount == null ? wonValue : wonValue.add(h.wonAmount);
      } else if (h.outcome == Outcome.LOST) {
        lost++;
        lostValue = h.amount == null ? lostValue : lostValue.add(h.amount);
      }
    }
    return new WinRate(base.name(), reached, won, lost, reached - won - lost, wonValue, lostValue,
        ratio(won, won + lost), ratio(wonValue, wonValue.add(lostValue)));
  }

  /** Average WON amount of deals won in the window (time of the first change into WON). */
  public static DealSize dealSize(Dataset d, Instant from, Instant to) {
    d.require(DatasetTable.LEADS, "average deal size");
    Stage won = d.catalog().won();
    long count = 0;
    long valued = 0;
    BigDecimal total = BigDecimal.ZERO;
    for (Lead l : d.leads()) {
      DealHistory h = DealHistory.of(d, l, null);
      if (h.outcome != Outcome.WON || !DealHistory.inWindow(h.entered[won.index()], from, to)) {
        continue;
      }
      count++;
      if (h.wonAmount != null) {
        valued++;
        total = total.add(h.wonAmount);
      }
    }
    return new DealSize(count, valued, total,
        valued == 0 ? Double.NaN : total.divide(BigDecimal.valueOf(valued), MathContext.DECIMAL64).doubleValue());
  }

  /**
   * Days from the start stage (SQL by default in {@link #cycle(Dataset, Instant)}) to the first
   * payment, open deals censored at {@code asOf}; see {@link SalesCycle}. The window is on the
   * instant the lead reached the start stage.
   */
  public static SalesCycle cycle(Dataset d, String fromStage, Instant asOf, Instant from, Instant to) {
    d.require(DatasetTable.LEADS, "the sales cycle");
    d.require(DatasetTable.PAYMENTS, "the sales cycle");
    Objects.requireNonNull(asOf, "the sales cycle needs an as-of instant");
    Stage start = progression(d.catalog(), fromStage);
    KaplanMeier km = KaplanMeier.empty();
    long paid = 0;
    long censored = 0;
    long excluded = 0;
    for (Lead l : d.leads()) {
      DealHistory h = DealHistory.of(d, l, asOf);
      Instant t0 = h.reach.reachedAt(start);
      if (t0 == null || !DealHistory.inWindow(t0, from, to)) {
        continue;
      }
      Payment p = DealHistory.firstPayment(d, l, t0, asOf);
      if (p != null) {
        km.add(DealHistory.days(t0, p.paidAt()), true);
        paid++;
      } else if (h.outcome == Outcome.OPEN || h.outcome == Outcome.WON) {
        km.add(DealHistory.days(t0, asOf), false);
        censored++;
      } else {
        excluded++;
      }
    }
    SurvivalCurve c = km.result();
    return new SalesCycle(start.name(), asOf, paid, censored, excluded, c.median(),
        c.percentile(0.75), c.percentile(0.9), c);
  }

  /** The cycle from SQL to the first payment of every lead, as of an instant. */
  public static SalesCycle cycle(Dataset d, Instant asOf) {
    return cycle(d, "SQL", asOf, null, null);
  }

  /** Time in each progression stage as of an instant; see {@link TimeInStages}. */
  public static TimeInStages timeInStages(Dataset d, Instant asOf) {
    d.require(DatasetTable.LEADS, "time in stage");
    Objects.requireNonNull(asOf, "time in stage needs an as-of instant");
    StageCatalog c = d.catalog();
    int n = c.progression().size();
    KaplanMeier[] km = new KaplanMeier[n];
    long[] stays = new long[n];
    long[] done = new long[n];
    for (int k = 0; k < n; k++) {
      km[k] = KaplanMeier.empty();
    }
    Instant[] open = new Instant[n];
    for (Lead l : d.leads()) {
      if (l.createdAt().isAfter(asOf)) {
        continue;
      }
      java.util.Arrays.fill(open, null);
      boolean[] started = new boolean[n];
      open[0] = l.createdAt();
      started[0] = true;
      for (StageChange s : d.stagesOf(l.id())) {
        if (s.at().isAfter(asOf)) {
          break;
        }
        int idx = s.stage().index();
        for (int k = 0; k < n; k++) {
          if (open[k] != null && k != idx) {
            km[k].add(Math.max(0, DealHistory.days(open[k], s.at())), true);
            done[k]++;
            stays[k]++;
            open[k] = null;
          }
        }
        if (!s.stage().exit() && !started[idx]) {
          started[idx] = true;
          open[idx] = s.at();
        }
      }
      for (int k = 0; k < n; k++) {
        if (open[k] != null) {
          km[k].add(Math.max(0, DealHistory.days(open[k], asOf)), false);
          stays[k]++;
        }
      }
    }
    List<StageTime> rows = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      SurvivalCurve s = km[k].result();
      rows.add(new StageTime(c.progression().get(k).name(), stays[k], done[k], stays[k] - done[k],
          s.median(), s.percentile(0.75)));
    }
    return new TimeInStages(asOf, rows);
  }

  /** Exit reasons in the window, early = before OPPORTUNITY; see {@link ExitReasons}. */
  public static ExitReasons reasons(Dataset d, Instant from, Instant to) {
    return reasons(d, "OPPORTUNITY", from, to);
  }

  /** Exit reasons in the window (on the exit time), early = before the boundary stage. */
  public static ExitReasons reasons(Dataset d, String boundaryStage, Instant from, Instant to) {
    d.require(DatasetTable.STAGES, "exit reasons");
    Stage boundary = progression(d.catalog(), boundaryStage);
    Map<String, Map<String, long[]>> byExit = new TreeMap<>();
    Map<String, Long> perExit = new TreeMap<>();
    long total = 0;
    for (Lead l : d.leads()) {
      int furthest = 0;
      for (StageChange s : d.stagesOf(l.id())) {
        if (!s.stage().exit()) {
          furthest = Math.max(furthest, s.stage().index());
          continue;
        }
        if (!DealHistory.inWindow(s.at(), from, to)) {
          continue;
        }
        String reason = s.reason() == null ? "(none)" : s.reason();
        long[] c = byExit.computeIfAbsent(s.stage().name(), x -> new TreeMap<>())
            .computeIfAbsent(reason, x -> new long[2]);
        c[furthest < boundary.index() ? 0 : 1]++;
        perExit.merge(s.stage().name(), 1L, Long::sum);
        total++;
      }
    }
    List<ReasonCount> rows = new ArrayList<>();
    for (Map.Entry<String, Map<String, long[]>> e : byExit.entrySet()) {
      long all = perExit.get(e.getKey());
      List<ReasonCount> part = new ArrayList<>();
      for (Map.Entry<String, long[]> r : e.getValue().entrySet()) {
        long cnt = r.getValue()[0] + r.getValue()[1];
        part.add(new ReasonCount(e.getKey(), r.getKey(), cnt, (double) cnt / all,
            r.getValue()[0], r.getValue()[1]));
      }
      part.sort(Comparator.comparingLong(ReasonCount::count).reversed()
          .thenComparing(ReasonCount::reason));
      rows.addAll(part);
    }
    return new ExitReasons(boundary.name(), total, rows);
  }

  /**
   * The open pipeline from OPPORTUNITY to the stage before WON as of an instant, with coverage of
   * a plan value (null for none); see {@link Pipeline}.
   */
  public static Pipeline pipeline(Dataset d, Instant asOf, BigDecimal plan) {
    StageCatalog c = d.catalog();
    return pipeline(d, "OPPORTUNITY", c.progression().get(c.progression().size() - 2).name(), asOf, plan);
  }

  /** The open pipeline between two progression stages (inclusive) as of an instant. */
  public static Pipeline pipeline(
      Dataset d, String firstStage, String lastStage, Instant asOf, BigDecimal plan) {
    d.require(DatasetTable.LEADS, "the pipeline");
    Objects.requireNonNull(asOf, "the pipeline needs an as-of instant");
    StageCatalog c = d.catalog();
    Stage first = progression(c, firstStage);
    Stage last = progression(c, lastStage);
    if (first.index() > last.index() || last.equals(c.won())) {
      throw new IllegalArgumentException(
          "pipeline stages must run forward and stop before " + c.won() + ": " + first + ".." + last);
    }
    int n = c.progression().size();
    long[] closedWon = new long[n];
    long[] closed = new long[n];
    long[] deals = new long[n];
    BigDecimal[] value = new BigDecimal[n];
    java.util.Arrays.fill(value, BigDecimal.ZERO);
    long unvalued = 0;
    for (Lead l : d.leads()) {
      DealHistory h = DealHistory.of(d, l, asOf);
      if (h.outcome == Outcome.WON || h.outcome == Outcome.LOST) {
        for (int k = 0; k <= h.reach.furthest(); k++) {
          closed[k]++;
          closedWon[k] += h.outcome == Outcome.WON ? 1 : 0;
        }
      } else if (h.outcome == Outcome.OPEN) {
        int k = h.current(c).index();
        if (k >= first.index() && k <= last.index()) {
          deals[k]++;
          if (h.amount == null) {
            unvalued++;
          } else {
            value[k] = value[k].add(h.amount);
          }
        }
      }
    }
    List<PipelineStage> rows = new ArrayList<>();
    long allDeals = 0;
    BigDecimal allValue = BigDecimal.ZERO;
    double weighted = 0;
    for (int k = first.index(); k <= last.index(); k++) {
      double p = ratio(closedWon[k], closed[k]);
      double w = Double.isNaN(p) ? 0 : value[k].doubleValue() * p;
      rows.add(new PipelineStage(c.progression().get(k).name(), deals[k], value[k], p, w));
      allDeals += deals[k];
      allValue = allValue.add(value[k]);
      weighted += w;
    }
    double coverage = plan == null || plan.signum() <= 0 ? Double.NaN
        : allValue.divide(plan, MathContext.DECIMAL64).doubleValue();
    return new Pipeline(asOf, allDeals, unvalued, allValue, weighted, plan, coverage, rows);
  }

  /**
   * Sales velocity as of an instant: open opportunities x win rate from OPPORTUNITY x average deal
   * / median SQL-to-payment cycle; see {@link SalesVelocity}.
   */
  public static SalesVelocity velocity(Dataset d, Instant asOf) {
    Pipeline p = pipeline(d, asOf, null);
    WinRate w = winRate(d, "OPPORTUNITY", null, null, asOf);
    DealSize size = dealSize(d, null, asOf);
    SalesCycle cyc = cycle(d, asOf);
    double v = p.deals() * w.byCount() * size.average() / cyc.medianDays();
    if (cyc.medianDays() == 0 || Double.isNaN(v)) {
      v = Double.NaN;
    }
    return new SalesVelocity(p.deals(), w.byCount(), size.average(), cyc.medianDays(), v);
  }

  /** First-response SLA and stale leads; see {@link SlaReport}. */
  public static SlaReport sla(Dataset d, SlaQuery q) {
    d.require(DatasetTable.LEADS, "the SLA");
    d.require(DatasetTable.ACTIVITIES, "the SLA");
    Stage start = progression(d.catalog(), q.fromStage());
    Map<String, SlaCounter> byOwner = new TreeMap<>();
    SlaCounter all = new SlaCounter();
    List<SlaCase> breaches = new ArrayList<>();
    List<SlaCase> stale = new ArrayList<>();
    Instant asOf = q.asOf();
    for (Lead l : d.leads()) {
      DealHistory h = DealHistory.of(d, l, asOf);
      Instant t0 = h.reach.reachedAt(start);
      String owner = l.owner() == null ? "(none)" : l.owner();
      Instant lastActivity = null;
      Instant first = null;
      for (dev.funnel.core.Activity a : d.activitiesOf(l.id())) { // time order
        if (a.at().isAfter(asOf)) {
          break;
        }
        lastActivity = a.at();
        if (first == null && t0 != null && !a.at().isBefore(t0)) {
          first = a.at();
        }
      }
      if (t0 == null) {
        continue;
      }
      boolean open = h.outcome == Outcome.OPEN;
      if (open) {
        Instant since = latest(latest(t0, lastActivity), h.last == null ? null : h.last.at());
        java.time.Duration idle = q.measure(since, asOf);
        if (idle.compareTo(q.staleAfter()) > 0) {
          stale.add(new SlaCase(l.id(), owner, since, hours(idle)));
        }
      }
      if (!DealHistory.inWindow(t0, q.from(), q.to())) {
        continue;
      }
      SlaCounter c = byOwner.computeIfAbsent(owner, o -> new SlaCounter());
      if (first != null) {
        java.time.Duration wait = q.measure(t0, first);
        boolean within = wait.compareTo(q.target()) <= 0;
        c.respond(hours(wait), within);
        all.respond(hours(wait), within);
      } else {
        java.time.Duration wait = q.measure(t0, asOf);
        boolean overdue = wait.compareTo(q.target()) > 0;
        c.waiting(hours(wait), overdue);
        all.waiting(hours(wait), overdue);
        if (overdue && open) {
          breaches.add(new SlaCase(l.id(), owner, t0, hours(wait)));
        }
      }
    }
    Comparator<SlaCase> longest = Comparator.comparingDouble(SlaCase::hours).reversed()
        .thenComparing(SlaCase::leadId);
    breaches.sort(longest);
    stale.sort(longest);
    List<SlaRow> owners = new ArrayList<>();
    byOwner.forEach((o, c) -> owners.add(c.row(o)));
    return new SlaReport(start.name(), q.target(), asOf, q.calendar() != null, all.row("(all)"),
        owners, breaches, q.staleAfter(), stale);
  }

  /**
   * Per-owner KPIs of the hand-offs in the window, as of an instant; see {@link OwnerKpis}.
   * Needs the leads table; activities and payments are used when present.
   */
  public static OwnerKpis owners(Dataset d, Instant asOf, Instant from, Instant to) {
    d.require(DatasetTable.LEADS, "owner KPIs");
    Objects.requireNonNull(asOf, "owner KPIs need an as-of instant");
    StageCatalog c = d.catalog();
    Stage mql = progression(c, "MQL");
    Stage sql = progression(c, "SQL");
    Map<String, OwnerCounter> by = new TreeMap<>();
    for (Lead l : d.leads()) {
      DealHistory h = DealHistory.of(d, l, asOf);
      OwnerCounter o = by.computeIfAbsent(l.owner() == null ? "(none)" : l.owner(), k -> new OwnerCounter());
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
        o.reaction.add(hours(java.time.Duration.between(tm, first == null ? asOf : first)), first != null);
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
    List<OwnerKpi> rows = new ArrayList<>();
    by.forEach((name, o) -> {
      if (o.mqls > 0 || o.sqls > 0) {
        rows.add(new OwnerKpi(name, o.mqls, ratio(o.reached, o.mqls), ratio(o.toSql, o.mqls),
            o.reaction.result().median(), o.sqls, ratio(o.won, o.won + o.lost),
            o.cycle.result().median(),
            o.valued == 0 ? Double.NaN : ratio(o.wonValue, BigDecimal.valueOf(o.valued))));
      }
    });
    return new OwnerKpis(asOf, rows);
  }

  /** Running counts of one owner. */
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

  private static Instant latest(Instant a, Instant b) {
    return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
  }

  private static double hours(java.time.Duration d) {
    return d.toMillis() / 3_600_000.0;
  }

  /** Counts and a Kaplan-Meier state of response times for one owner. */
  private static final class SlaCounter {
    final KaplanMeier km = KaplanMeier.empty();
    long leads;
    long responded;
    long within;
    long overdue;

    void respond(double hours, boolean inTarget) {
      leads++;
      responded++;
      within += inTarget ? 1 : 0;
      km.add(hours, true);
    }

    void waiting(double hours, boolean late) {
      leads++;
      overdue += late ? 1 : 0;
      km.add(hours, false);
    }

    SlaRow row(String owner) {
      SurvivalCurve s = km.result();
      return new SlaRow(owner, leads, responded, within, responded - within, overdue,
          leads - responded - overdue, ratio(within, responded + overdue), s.median(),
          s.percentile(0.9));
    }
  }

  private static Stage progression(StageCatalog c, String name) {
    Stage s = c.stage(name);
    if (s.exit()) {
      throw new IllegalArgumentException("stage " + s + " is an exit, not a progression stage");
    }
    return s;
  }

  static double ratio(long num, long den) {
    return den == 0 ? Double.NaN : (double) num / den;
  }

  static double ratio(BigDecimal num, BigDecimal den) {
    return den.signum() == 0 ? Double.NaN : num.divide(den, MathContext.DECIMAL64).doubleValue();
  }
}
