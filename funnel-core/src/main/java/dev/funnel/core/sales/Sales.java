package dev.funnel.core.sales;

import dev.funnel.core.Dataset;
import dev.funnel.core.Stage;
import dev.funnel.core.StageCatalog;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The entry point of the sales metrics (docs/spec/metrics.md, "Funnel and sales metrics"): win rate,
 * average deal, sales cycle, time in stage, exit reasons, pipeline, velocity, first-response SLA
 * and per-owner KPIs.
 *
 * <p>Every method makes one pass over the leads, reading each lead's own stage changes and
 * payments from the dataset indexes. Windows are half-open {@code [from, to)} with null meaning
 * open; {@code asOf} is the observation instant (stage changes and payments after it are
 * ignored). Stage names are the catalog's, case-insensitive.
 */
public final class Sales {
  private Sales() {}

  private static void query(SalesQuery q) {
    if (q == null) {
      throw new IllegalArgumentException("the sales query must not be null (SalesQuery.all() asks of everything)");
    }
  }

  /**
   * Win rate from a base stage (SQL or OPPORTUNITY, usually) of leads that reached it in the
   * window; see {@link WinRate} for the definitions.
   */
  public static WinRate winRate(Dataset d, String baseStage, Instant from, Instant to) {
    return winRate(d, baseStage, from, to, null);
  }

  /** Win rate as {@link #winRate(Dataset, String, Instant, Instant)}, ignoring changes after asOf. */
  public static WinRate winRate(Dataset d, String baseStage, Instant from, Instant to, Instant asOf) {
    return WinRates.winRate(d, baseStage, from, to, asOf);
  }

  /**
   * Win rate from the query's stage of the leads that reached it in its window, as of its as-of
   * instant: {@link #winRate(Dataset, String, Instant, Instant, Instant)} with named parts.
   */
  public static WinRate winRate(Dataset d, SalesQuery q) {
    query(q);
    return winRate(d, q.stage(), q.from(), q.to(), q.asOf());
  }

  /**
   * Average WON amount of the deals first won in the query's window, as of its as-of instant
   * (the query's stage plays no part): {@link #dealSize(Dataset, Instant, Instant, Instant)}.
   */
  public static DealSize dealSize(Dataset d, SalesQuery q) {
    query(q);
    return dealSize(d, q.from(), q.to(), q.asOf());
  }

  /**
   * Days from the query's stage to the first payment, open deals censored at its as-of instant,
   * over the leads that reached the stage in its window: {@link #cycle(Dataset, String, Instant,
   * Instant, Instant)} with named parts.
   */
  public static SalesCycle cycle(Dataset d, SalesQuery q) {
    query(q);
    return cycle(d, q.stage(), q.asOf(), q.from(), q.to());
  }

  /** {@link #cycle(Dataset, SalesQuery)} per group of leads by {@code by}, with the log-rank test. */
  public static CycleComparison cycleBy(Dataset d, dev.funnel.core.funnel.Dimension by, SalesQuery q) {
    query(q);
    return cycleBy(d, by, q.stage(), q.asOf(), q.from(), q.to());
  }

  /** Average WON amount of deals won in the window (time of the first change into WON). */
  public static DealSize dealSize(Dataset d, Instant from, Instant to) {
    return WinRates.dealSize(d, from, to, null);
  }

  /**
   * Average WON amount of deals first won in the half-open window {@code [from, to)} and at or
   * before {@code asOf} (null: no limit): the as-of instant itself is inside, so a deal won at
   * exactly the as-of instant counts, as it does in {@link #winRate(Dataset, String, Instant,
   * Instant, Instant)} with the same instant. Stage changes after {@code asOf} are ignored.
   */
  public static DealSize dealSize(Dataset d, Instant from, Instant to, Instant asOf) {
    return WinRates.dealSize(d, from, to, asOf);
  }

  /**
   * Days from the start stage (SQL by default in {@link #cycle(Dataset, Instant)}) to the first
   * payment, open deals censored at {@code asOf}; see {@link SalesCycle}. The window is on the
   * instant the lead reached the start stage.
   */
  public static SalesCycle cycle(Dataset d, String fromStage, Instant asOf, Instant from, Instant to) {
    return Cycles.cycle(d, fromStage, asOf, from, to);
  }

  /**
   * The cycle of {@link #cycle(Dataset, String, Instant, Instant, Instant)} per group of leads by
   * {@code by}, with the log-rank test that the groups share one curve; see
   * {@link CycleComparison}.
   */
  public static CycleComparison cycleBy(Dataset d, dev.funnel.core.funnel.Dimension by,
      String fromStage, Instant asOf, Instant from, Instant to) {
    return Cycles.cycleBy(d, by, fromStage, asOf, from, to);
  }

  /** The cycle from SQL to the first payment of every lead, as of an instant. */
  public static SalesCycle cycle(Dataset d, Instant asOf) {
    return cycle(d, "SQL", asOf, null, null);
  }

  /** Time in each progression stage as of an instant; see {@link TimeInStages}. */
  public static TimeInStages timeInStages(Dataset d, Instant asOf) {
    return Cycles.timeInStages(d, asOf);
  }

  /** Exit reasons in the window, early = before OPPORTUNITY; see {@link ExitReasons}. */
  public static ExitReasons reasons(Dataset d, Instant from, Instant to) {
    return reasons(d, "OPPORTUNITY", from, to);
  }

  /** Exit reasons in the window (on the exit time), early = before the boundary stage. */
  public static ExitReasons reasons(Dataset d, String boundaryStage, Instant from, Instant to) {
    return Exits.reasons(d, boundaryStage, from, to);
  }

  /**
   * The open pipeline from OPPORTUNITY to the stage before WON as of an instant, with coverage of
   * a plan value (null for none); see {@link Pipeline}.
   */
  public static Pipeline pipeline(Dataset d, Instant asOf, BigDecimal plan) {
    StageCatalog c = d.catalog();
    String beforeWon = c.progression().get(c.progression().size() - 2).name();
    return pipeline(d, "OPPORTUNITY", beforeWon, asOf, plan);
  }

  /**
   * The open pipeline as of an instant with coverage of the period's revenue plan: the
   * all-channel {@code revenue} target of the period in the plan table (coverage is NaN when there
   * is none).
   */
  public static Pipeline pipelineAgainstPlan(Dataset d, Instant asOf, dev.funnel.core.Period period) {
    return pipeline(d, asOf, revenuePlan(d, period));
  }

  /** The all-channel {@code revenue} target of the period in the plan table, or null. */
  private static BigDecimal revenuePlan(Dataset d, dev.funnel.core.Period period) {
    BigDecimal plan = null;
    for (dev.funnel.core.PlanTarget t : d.plan()) {
      if (t.period().equals(period) && t.metric().equals("revenue") && t.channel() == null) {
        plan = plan == null ? t.target() : plan.add(t.target());
      }
    }
    return plan;
  }

  /** The open pipeline between two progression stages (inclusive) as of an instant. */
  public static Pipeline pipeline(
      Dataset d, String firstStage, String lastStage, Instant asOf, BigDecimal plan) {
    return Pipelines.pipeline(d, firstStage, lastStage, asOf, plan);
  }

  /**
   * Sales velocity as of an instant: open opportunities x win rate from OPPORTUNITY x average deal
   * / median SQL-to-payment cycle; see {@link SalesVelocity}.
   */
  public static SalesVelocity velocity(Dataset d, Instant asOf) {
    return Pipelines.forecast(d, asOf, null).velocity();
  }

  /**
   * The open pipeline as of an instant with coverage of the period's revenue plan (as
   * {@link #pipelineAgainstPlan}; null period: no plan) and its sales velocity (as
   * {@link #velocity}), from one pass over the leads instead of five.
   */
  public static SalesForecast forecast(Dataset d, Instant asOf, dev.funnel.core.Period period) {
    return Pipelines.forecast(d, asOf, period == null ? null : revenuePlan(d, period));
  }


  /**
   * Per-owner KPIs of the hand-offs in the window, as of an instant, credited by role
   * ({@link OwnerRule#ROLE}, the default: SDR side to who worked the lead from MQL to SQL, AE side to who
   * closed it); see {@link OwnerKpis}. Needs the leads and stages tables; activities and payments
   * are used when present.
   */
  public static OwnerKpis owners(Dataset d, Instant asOf, Instant from, Instant to) {
    return owners(d, asOf, from, to, OwnerRule.ROLE);
  }

  /**
   * Per-owner KPIs as {@link #owners(Dataset, Instant, Instant, Instant)}, credited by the given
   * rule ({@link OwnerRule#LEAD_OWNER} for everything to {@code leads.owner}).
   */
  public static OwnerKpis owners(Dataset d, Instant asOf, Instant from, Instant to, OwnerRule rule) {
    return OwnerScores.owners(d, asOf, from, to, rule);
  }

  /**
   * The mergeable state behind {@link #owners(Dataset, Instant, Instant, Instant, OwnerRule)}, for
   * combining datasets that split the leads.
   */
  public static OwnerTally ownerTally(
      Dataset d, Instant asOf, Instant from, Instant to, OwnerRule rule) {
    return OwnerScores.tally(d, asOf, from, to, rule);
  }

  /**
   * Per-owner KPIs of the hand-offs in the query's window, as of its as-of instant, credited by
   * role: {@link #owners(Dataset, Instant, Instant, Instant)} with named parts. The window is on
   * the hand-off times (MQL for the SDR side, SQL for the AE side), so the query's stage plays no
   * part; the as-of instant is required.
   *
   * <pre>{@code
   * OwnerKpis k = Sales.owners(data, SalesQuery.all().between(march, april).asOf(endOfMarch));
   * }</pre>
   *
   * @throws IllegalArgumentException for a null query or a query without an as-of instant
   */
  public static OwnerKpis owners(Dataset d, SalesQuery q) {
    return owners(d, q, OwnerRule.ROLE);
  }

  /**
   * Per-owner KPIs as {@link #owners(Dataset, SalesQuery)}, credited by the given rule:
   * {@link #owners(Dataset, Instant, Instant, Instant, OwnerRule)} with named parts.
   *
   * @throws IllegalArgumentException for a null query or rule, or a query without an as-of instant
   */
  public static OwnerKpis owners(Dataset d, SalesQuery q, OwnerRule rule) {
    query(q);
    return owners(d, q.asOf(), q.from(), q.to(), rule);
  }

  /**
   * The mergeable state behind {@link #owners(Dataset, SalesQuery, OwnerRule)}:
   * {@link #ownerTally(Dataset, Instant, Instant, Instant, OwnerRule)} with named parts.
   *
   * @throws IllegalArgumentException for a null query or rule, or a query without an as-of instant
   */
  public static OwnerTally ownerTally(Dataset d, SalesQuery q, OwnerRule rule) {
    query(q);
    return ownerTally(d, q.asOf(), q.from(), q.to(), rule);
  }
}
