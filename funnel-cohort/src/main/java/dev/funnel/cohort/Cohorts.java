package dev.funnel.cohort;

import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Granularity;
import dev.funnel.core.Lead;
import dev.funnel.core.LeadHistory;
import dev.funnel.core.PeriodSpan;
import dev.funnel.core.Stage;
import dev.funnel.core.StageCatalog;
import dev.funnel.core.StageChange;
import dev.funnel.core.Touch;
import dev.funnel.core.columnar.Columns;
import dev.funnel.core.columnar.LeadColumns;
import java.time.ZoneId;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Cohort tables (retention, churn, orders, revenue, cumulative revenue per customer) from a
 * dataset's payments; definitions in {@code docs/spec/metrics.md} ("Cohorts and LTV") and the JSON
 * conventions of {@code docs/spec/cli.md} ({@code cohorts}).
 */
public final class Cohorts {

  private Cohorts() {}

  /**
   * The most periods the data of a cohort table may span by default: 2,000 (about 5 years of days,
   * 38 of weeks, 166 of months). A cohort table has a row per cohort period running to the end of
   * the data, so its cells grow with the square of the span (2,000 periods: up to 2 million cells
   * per metric); a larger limit is a parameter of {@link #table(Dataset, Granularity, CohortBasis,
   * int)}, {@link #byGroup(Dataset, Granularity, Function, int)}, {@link #ltvToCac(Dataset,
   * Granularity, double, int, int)} ({@link LtvToCacQuery#maxPeriods(int)}) and {@link
   * CohortState#result(int)}.
   */
  public static final int DEFAULT_MAX_PERIODS = 2_000;

  /**
   * The cohort table of the dataset's payments, customers grouped by the calendar period (in the
   * dataset zone) of their first positive payment.
   *
   * @throws IllegalArgumentException when the dataset or the granularity is null, or the data spans
   *     more than {@link #DEFAULT_MAX_PERIODS} periods
   * @throws IllegalStateException when the dataset has no payments table
   */
  public static CohortTable byFirstPayment(Dataset data, Granularity granularity) {
    if (data == null) {
      throw new IllegalArgumentException("dataset must not be null");
    }
    return table(data, granularity, CohortBasis.PAYMENT);
  }

  private static void requireGranularity(Granularity granularity) {
    if (granularity == null) {
      throw new IllegalArgumentException("cohort granularity is required");
    }
  }

  /** An empty mergeable state, to feed payments in parts (see {@link CohortState}). */
  public static CohortState empty(Granularity granularity, ZoneId zone) {
    return new CohortState(granularity, zone, CohortBasis.PAYMENT);
  }

  /**
   * An empty mergeable state for cohorts on another basis: feed it the anchor events
   * ({@link CohortState#anchor}) and the payments.
   */
  public static CohortState empty(Granularity granularity, ZoneId zone, CohortBasis basis) {
    return new CohortState(granularity, zone, basis);
  }

  /**
   * The cohort table of the dataset on a basis: first positive payment, first touch, lead
   * creation or SQL (see {@link CohortBasis}); customers are the {@code customer_id} of leads
   * (a lead's own id when it has none), touches and stage changes reach them through their lead.
   * The data may span at most {@link #DEFAULT_MAX_PERIODS} periods.
   *
   * @throws IllegalArgumentException when an argument is null, or the data spans more periods
   * @throws IllegalStateException when the dataset lacks the payments table or the table the
   *     basis needs (touches, leads, stages)
   */
  public static CohortTable table(Dataset data, Granularity granularity, CohortBasis basis) {
    return table(data, granularity, basis, null, DEFAULT_MAX_PERIODS);
  }

  /**
   * {@link #table(Dataset, Granularity, CohortBasis)} with a limit on the periods the data may
   * span, from its earliest payment or anchor event to its latest (see {@link PeriodSpan}).
   *
   * @throws IllegalArgumentException when an argument is null, {@code maxPeriods} is below 1 or
   *     the data spans more periods (the message names the span and the limit)
   * @throws IllegalStateException when the dataset lacks the payments table or the table the
   *     basis needs (touches, leads, stages)
   */
  public static CohortTable table(Dataset data, Granularity granularity, CohortBasis basis,
      int maxPeriods) {
    return table(data, granularity, basis, null, maxPeriods);
  }

  /**
   * The cohort table of the dataset on a basis as of an instant: payments and anchor events
   * (first touch, lead creation, SQL) stamped after {@code asOf} are left out, as if the data
   * ended there (null: all the data). An event at {@code asOf} itself counts. The rows run to the
   * period of the latest payment or anchor event at or before {@code asOf}; whether that period is
   * complete is for the caller to say ({@link CohortTable#averages(dev.funnel.core.Period)}). The
   * data may span at most {@link #DEFAULT_MAX_PERIODS} periods.
   *
   * @throws IllegalArgumentException when the dataset, granularity or basis is null, or the data
   *     spans more periods
   * @throws IllegalStateException when the dataset lacks the payments table or the table the
   *     basis needs (touches, leads, stages)
   */
  public static CohortTable table(Dataset data, Granularity granularity, CohortBasis basis,
      java.time.Instant asOf) {
    return table(data, granularity, basis, asOf, DEFAULT_MAX_PERIODS);
  }

  /**
   * The cohort table as of an instant (null: all the data) with a limit on the periods the data
   * may span; see the two overloads above.
   *
   * @throws IllegalArgumentException when the dataset, granularity or basis is null,
   *     {@code maxPeriods} is below 1 or the data spans more periods
   * @throws IllegalStateException when the dataset lacks a table the basis needs
   */
  public static CohortTable table(Dataset data, Granularity granularity, CohortBasis basis,
      java.time.Instant asOf, int maxPeriods) {
    if (data == null || basis == null) {
      throw new IllegalArgumentException("dataset and cohort basis are required");
    }
    requireGranularity(granularity);
    PeriodSpan.requireLimit(maxPeriods);
    data.require(DatasetTable.PAYMENTS, "cohort tables");
    switch (basis) {
      case LEAD -> data.require(DatasetTable.LEADS, "cohorts by lead creation");
      case TOUCH -> data.require(DatasetTable.TOUCHES, "cohorts by first touch");
      case SQL -> {
        data.require(DatasetTable.STAGES, "cohorts by SQL date");
        sqlStage(data.catalog());
      }
      default -> {
        // the payments suffice
      }
    }
    return ColumnarCohorts.table(Columns.of(data), granularity, basis, asOf, maxPeriods);
  }

  /**
   * Adds the anchors of one lead's history: {@link #anchorLead(CohortState, String, Lead, List,
   * List, StageCatalog)} of its id, lead, touches and stage changes.
   */
  public static CohortState anchorLead(CohortState state, LeadHistory h, StageCatalog catalog) {
    if (h == null) {
      throw new IllegalArgumentException("lead history must not be null");
    }
    return anchorLead(state, h.id(), h.lead(), h.touches(), h.stages(), catalog);
  }

  /**
   * The per-lead step of cohorts on an anchor basis: adds to {@code state} the anchor events that
   * one lead's rows give on the state's basis (lead basis: the lead's creation; touch basis: each
   * touch; SQL basis: each stage change to SQL or a later non-exit stage), all for the lead's
   * customer (its {@code customer_id}; the lead id itself when the lead is not in the leads
   * table). A distributed route calls it once per lead after grouping its rows; {@link
   * #table(Dataset, Granularity, CohortBasis)} finds the same anchors in the dataset's columns
   * (earliest event per customer), so a state fed by this step and the dataset's payments gives
   * the same table (tested on random datasets).
   *
   * @param state   an anchor-basis state ({@link #empty(Granularity, ZoneId, CohortBasis)})
   * @param leadId  the lead id the touches and stage changes belong to
   * @param lead    the lead, or null when the leads table has no such lead
   * @param touches the lead's touches (read on the touch basis)
   * @param changes the lead's stage changes (read on the SQL basis)
   * @param catalog the stage catalog (the SQL stage's position)
   * @return the state
   * @throws IllegalArgumentException for the payment basis, a null state, lead id or catalog, or
   *     (SQL basis, with stage changes) a catalog without an SQL stage
   */
  public static CohortState anchorLead(CohortState state, String leadId, Lead lead,
      List<Touch> touches, List<StageChange> changes, StageCatalog catalog) {
    if (state == null || leadId == null || catalog == null) {
      throw new IllegalArgumentException("state, lead id and catalog are required");
    }
    String customer = lead == null ? leadId : lead.customerId();
    switch (state.basis()) {
      case LEAD:
        if (lead != null) {
          state.anchor(lead.customerId(), lead.createdAt());
        }
        break;
      case TOUCH:
        for (Touch t : touches) {
          state.anchor(customer, t.at());
        }
        break;
      case SQL:
        if (!changes.isEmpty()) {
          Stage sql = sqlStage(catalog);
          for (StageChange c : changes) {
            if (!c.stage().exit() && c.stage().index() >= sql.index()) {
              state.anchor(customer, c.at());
            }
          }
        }
        break;
      default:
        throw new IllegalArgumentException(
            "cohorts by first payment take no anchors; use the touch, lead or sql basis");
    }
    return state;
  }

  /**
   * The SQL stage of the catalog, which anchors cohorts on the SQL basis.
   *
   * @throws IllegalArgumentException when the catalog has no SQL stage
   */
  public static Stage sqlStage(StageCatalog catalog) {
    Optional<Stage> sql = catalog.find("SQL");
    if (sql.isEmpty()) {
      throw new IllegalArgumentException("the stage catalog has no SQL stage: " + catalog);
    }
    return sql.get();
  }

  /**
   * The recurring-revenue bridge (start + new + expansion + reactivation - contraction - churn =
   * end, NRR, GRR, quick ratio) of the dataset's payments per calendar period in the dataset zone;
   * monthly periods give the MRR bridge.
   *
   * @throws IllegalArgumentException when the dataset or the granularity is null, or the payments
   *     span more than {@link PeriodSpan#DEFAULT_MAX} periods
   * @throws IllegalStateException when the dataset has no payments table
   */
  public static RecurringRevenueBridge recurringRevenue(Dataset data, Granularity granularity) {
    if (data == null) {
      throw new IllegalArgumentException("dataset must not be null");
    }
    if (granularity == null) {
      throw new IllegalArgumentException("cohort granularity is required");
    }
    data.require(DatasetTable.PAYMENTS, "the recurring-revenue bridge");
    return ColumnarRecurringRevenue.of(Columns.of(data), granularity, PeriodSpan.DEFAULT_MAX);
  }

  /**
   * CAC, historical LTV, LTV/CAC and payback per acquisition channel and per channel cohort.
   *
   * <p>Conventions: a customer's channel is the channel of their lead (the earliest created lead
   * booked to the customer id; {@code (none)} without one); a customer is acquired in the period
   * of the first positive payment. CAC of a channel cohort = the channel's spend dated in that
   * period / the cohort's size; CAC of a channel = all its spend / all its new customers. LTV is
   * historical: cumulative revenue per customer at period index {@code horizon} times the margin,
   * pooled over the channel's cohorts that reached it (every channel's rows run to the end of all
   * the payments, not to the channel's own last payment). Payback = the first period index at which
   * cumulative margin per customer reaches CAC, or empty ("not yet"). Undefined is never zero: CAC
   * is NaN (and payback undefined, {@link ChannelLtvToCac#paybackDefined()}) when the dataset has no
   * spend table, when the channel (or, for a cohort, the channel in that period) has no spend row —
   * its spend is unknown, not zero — or when there is no customer; the row says why.
   *
   * <p>{@link #ltvToCac(Dataset, LtvToCacQuery)} asks the same with the parts named: {@code
   * ltvToCac(data, MONTH, 0.8, 6)} is {@code ltvToCac(data, LtvToCacQuery.monthly().margin(0.8)
   * .horizon(6))}.
   *
   * @throws IllegalArgumentException for a null dataset or granularity, a negative horizon or a
   *     non-finite margin, or data spanning more than {@link #DEFAULT_MAX_PERIODS} periods
   * @throws IllegalStateException when the dataset has no payments table
   */
  public static LtvToCac ltvToCac(
      Dataset data, Granularity granularity, double margin, int horizon) {
    return LtvToCacCalculation.of(data, granularity, margin, horizon, null, DEFAULT_MAX_PERIODS);
  }

  /**
   * {@link #ltvToCac(Dataset, Granularity, double, int)} with a limit on the periods the payments
   * may span (see {@link PeriodSpan}).
   *
   * @throws IllegalArgumentException as there, and when {@code maxPeriods} is below 1 or the
   *     payments span more periods
   * @throws IllegalStateException when the dataset has no payments table
   */
  public static LtvToCac ltvToCac(
      Dataset data, Granularity granularity, double margin, int horizon, int maxPeriods) {
    return LtvToCacCalculation.of(data, granularity, margin, horizon, null, maxPeriods);
  }

  /**
   * {@link #ltvToCac(Dataset, Granularity, double, int)} as of an instant (null: all the data):
   * payments after {@code asOf} are left out ({@link #table(Dataset, Granularity, CohortBasis,
   * java.time.Instant)}), spend counts up to the local day containing {@code asOf}, leads created
   * after it acquire nobody, and the LTV and payback of a channel are read from the periods
   * complete at {@code asOf} ({@link dev.funnel.core.Period#lastComplete}): a period the as-of
   * instant cuts short is left out of the pooled averages, so it cannot look like churn. The
   * per-cohort rows keep every period.
   */
  public static LtvToCac ltvToCac(
      Dataset data, Granularity granularity, double margin, int horizon, java.time.Instant asOf) {
    return LtvToCacCalculation.of(data, granularity, margin, horizon, asOf, DEFAULT_MAX_PERIODS);
  }

  /**
   * CAC, historical LTV, LTV/CAC and payback per acquisition channel and per channel cohort, the
   * question's parts by name: {@link #ltvToCac(Dataset, Granularity, double, int, int)} and {@link
   * #ltvToCac(Dataset, Granularity, double, int, java.time.Instant)} in one call (an as-of instant
   * and a period limit together too).
   *
   * <pre>{@code
   * LtvToCac u = Cohorts.ltvToCac(data, LtvToCacQuery.monthly().margin(0.8).horizon(6).asOf(t));
   * }</pre>
   *
   * @throws IllegalArgumentException for a null dataset or query, or data spanning more than the
   *     query's {@code maxPeriods} periods
   * @throws IllegalStateException when the dataset has no payments table
   */
  public static LtvToCac ltvToCac(Dataset data, LtvToCacQuery query) {
    if (query == null) {
      throw new IllegalArgumentException(
          "the LTV/CAC query must not be null (LtvToCacQuery.monthly() asks with the defaults)");
    }
    return LtvToCacCalculation.of(data, query.granularity(), query.margin(), query.horizon(),
        query.asOf(), query.maxPeriods());
  }

  /**
   * The lifetime-value analysis of a dataset: the RFM summary of its payments up to
   * {@link LtvQuery#until} (by default the day of the latest payment, {@link
   * dev.funnel.cohort.ltv.Ltv#lastPurchaseDay}), the purchase-count fit of the query's model
   * ({@link dev.funnel.cohort.ltv.Ltv#bgNbd} or {@link dev.funnel.cohort.ltv.Ltv#paretoNbd}), the
   * Gamma-Gamma spend fit ({@link dev.funnel.cohort.ltv.Ltv#gammaGamma}; when the data cannot be
   * fitted, e.g. no repeat buyer, the result says why and has no CLV), the discounted CLV of the
   * query's terms ({@link dev.funnel.cohort.ltv.Ltv#clv}, the spend fallback when asked for), and
   * the channels' LTV, CAC, LTV/CAC and payback of monthly cohorts ({@link #ltvToCac(Dataset,
   * Granularity, double, int, java.time.Instant)} with the terms' margin, read at
   * {@link LtvQuery#ltvAt}) as of the end of {@code until} in the dataset zone: later payments and
   * spend are left out, like the fits'.
   *
   * <pre>{@code
   * LtvAnalysis a = Cohorts.ltv(data, LtvQuery.defaults().until(LocalDate.parse("2026-03-31")));
   * a.print();
   * }</pre>
   *
   * @throws IllegalArgumentException when an argument is null, the payments table is empty, or no
   *     customer bought on or before {@code until}
   * @throws IllegalStateException when the dataset has no payments table
   */
  public static LtvAnalysis ltv(Dataset data, LtvQuery query) {
    if (data == null || query == null) {
      throw new IllegalArgumentException("an LTV analysis needs a dataset and a query");
    }
    data.require(DatasetTable.PAYMENTS, "ltv");
    java.time.LocalDate end = query.until() != null ? query.until()
        : dev.funnel.cohort.ltv.Ltv.lastPurchaseDay(data).orElseThrow(() ->
            new IllegalArgumentException("ltv needs payments; the payments table is empty"));
    dev.funnel.cohort.ltv.RfmSummary s = dev.funnel.cohort.ltv.Ltv.summarize(data, end, query.unit());
    if (s.size() == 0) {
      throw new IllegalArgumentException("no customer made a purchase on or before " + end);
    }
    boolean bg = query.model() == dev.funnel.cohort.ltv.PurchaseModel.BGNBD;
    dev.funnel.cohort.ltv.BgNbdFit counts = bg ? dev.funnel.cohort.ltv.Ltv.bgNbd(s) : null;
    dev.funnel.cohort.ltv.ParetoNbdFit pareto = bg ? null : dev.funnel.cohort.ltv.Ltv.paretoNbd(s);
    dev.funnel.cohort.ltv.GammaGammaFit spend = null;
    String problem = null;
    try {
      spend = dev.funnel.cohort.ltv.Ltv.gammaGamma(s);
    } catch (IllegalArgumentException e) {
      problem = e.getMessage();
    }
    double fallback = query.spendFallback() ? dev.funnel.cohort.ltv.Ltv.observedMeanSpend(s)
        : Double.NaN;
    dev.funnel.cohort.ltv.ClvTable clv = spend == null ? null
        : counts != null ? dev.funnel.cohort.ltv.Ltv.clv(s, counts, spend, query.terms(), fallback)
        : dev.funnel.cohort.ltv.Ltv.clv(s, pareto, spend, query.terms(), fallback);
    java.time.Instant asOf = end.plusDays(1).atStartOfDay(data.zone()).toInstant().minusNanos(1);
    return new LtvAnalysis(end, s, query.model(), counts, pareto, spend, problem, clv,
        ltvToCac(data, LtvToCacQuery.monthly().margin(query.terms().margin())
            .horizon(query.ltvAt()).asOf(asOf)),
        query.spendFallback());
  }

  /**
   * Cohort tables by first positive payment, one per acquisition group: the group of a customer
   * is {@code group} applied to their earliest created lead ({@code (none)} for a customer without
   * a lead or when the function returns null), e.g. {@code Lead::channel} or {@code Lead::segment}.
   * Every group's rows run to the end of all the payments, not to the group's own last payment.
   *
   * @return the tables by group name, in name order
   * @throws IllegalArgumentException when an argument is null, or the payments span more than
   *     {@link #DEFAULT_MAX_PERIODS} periods
   * @throws IllegalStateException when the dataset has no payments table
   */
  public static SortedMap<String, CohortTable> byGroup(
      Dataset data,
      Granularity granularity,
      Function<Lead, String> group) {
    return byGroup(data, granularity, group, DEFAULT_MAX_PERIODS);
  }

  /**
   * {@link #byGroup(Dataset, Granularity, Function)} with a limit on the periods the payments may
   * span (see {@link PeriodSpan}).
   *
   * @throws IllegalArgumentException when an argument is null, {@code maxPeriods} is below 1 or
   *     the payments span more periods
   * @throws IllegalStateException when the dataset has no payments table
   */
  public static SortedMap<String, CohortTable> byGroup(
      Dataset data,
      Granularity granularity,
      Function<Lead, String> group,
      int maxPeriods) {
    if (data == null || group == null) {
      throw new IllegalArgumentException("dataset and group function are required");
    }
    return byGroup(data, granularity, group, null, maxPeriods);
  }

  /**
   * {@link #byGroup(Dataset, Granularity, Function)} as of an instant (null: all the data):
   * payments after {@code asOf} are left out and leads created after it belong to nobody yet.
   */
  public static SortedMap<String, CohortTable> byGroup(
      Dataset data,
      Granularity granularity,
      Function<Lead, String> group,
      java.time.Instant asOf) {
    return byGroup(data, granularity, group, asOf, DEFAULT_MAX_PERIODS);
  }

  /**
   * Cohort tables per group as of an instant (null: all the data), the payments spanning at most
   * {@code maxPeriods} periods; see the overloads above.
   *
   * @throws IllegalArgumentException when an argument is null, {@code maxPeriods} is below 1 or
   *     the payments span more periods
   * @throws IllegalStateException when the dataset has no payments table
   */
  public static SortedMap<String, CohortTable> byGroup(
      Dataset data,
      Granularity granularity,
      Function<Lead, String> group,
      java.time.Instant asOf,
      int maxPeriods) {
    if (data == null || group == null) {
      throw new IllegalArgumentException("dataset and group function are required");
    }
    PeriodSpan.requireLimit(maxPeriods);
    data.require(DatasetTable.PAYMENTS, "cohort tables");
    List<Lead> byCreation = data.leads(); // one record per group lookup: the customer's first lead
    return Collections.unmodifiableSortedMap(
        grouped(data, granularity, k -> group.apply(byCreation.get(k)), asOf, maxPeriods));
  }

  /**
   * Tables by first positive payment per group of the customer's earliest lead (by creation time,
   * then id): {@code group} gives the group of the k-th lead in creation order ({@link
   * LeadColumns#byCreated}, the order of {@link Dataset#leads()}), or null for {@link Lead#NO_CHANNEL};
   * a customer without a lead is in {@link Lead#NO_CHANNEL}. Only groups with paying customers
   * are present, and every table runs to the last payment of all groups. As of an instant (null:
   * no cut) later payments are left out and leads created later belong to nobody yet. The payments
   * may span at most {@code maxPeriods} periods.
   */
  static SortedMap<String, CohortTable> grouped(Dataset data, Granularity granularity,
      java.util.function.IntFunction<String> group, java.time.Instant asOf, int maxPeriods) {
    requireGranularity(granularity);
    Columns c = Columns.of(data);
    LeadColumns leads = c.leads();
    int customers = c.customers().size();
    int[] groupOf = new int[customers];
    java.util.Arrays.fill(groupOf, -1);
    Map<String, Integer> ids = new HashMap<>();
    List<String> names = new java.util.ArrayList<>();
    for (int k = 0; k < leads.withRow(); k++) { // creation order: the first lead of a customer wins
      int lead = leads.byCreated(k);
      if (asOf != null && leads.created(lead).isAfter(asOf)) {
        break; // creation order: every later lead is after the as-of instant too
      }
      int customer = leads.customer(lead);
      if (groupOf[customer] < 0 && c.payments().from(customer) < c.payments().to(customer)) {
        String g = group.apply(k);
        groupOf[customer] = ids.computeIfAbsent(g == null ? Lead.NO_CHANNEL : g, key -> {
          names.add(key);
          return names.size() - 1;
        });
      }
    }
    for (int customer = 0; customer < customers; customer++) {
      if (groupOf[customer] < 0) {
        groupOf[customer] = ids.computeIfAbsent(Lead.NO_CHANNEL, key -> {
          names.add(key);
          return names.size() - 1;
        });
      }
    }
    CohortTable[] tables = ColumnarCohorts.byGroup(c, granularity, groupOf, names.size(), asOf,
        maxPeriods);
    SortedMap<String, CohortTable> out = new TreeMap<>();
    for (int i = 0; i < tables.length; i++) {
      if (tables[i] != null) {
        out.put(names.get(i), tables[i]);
      }
    }
    return out;
  }
}
