package dev.funnel.cohort;

import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Granularity;
import dev.funnel.core.Lead;
import dev.funnel.core.Payment;
import dev.funnel.core.Stage;
import dev.funnel.core.StageCatalog;
import dev.funnel.core.StageChange;
import dev.funnel.core.Touch;
import dev.funnel.core.columnar.Columns;
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
 * dataset's payments; definitions in {@code spec/metrics.md} ("Cohorts and LTV") and the JSON
 * conventions of {@code spec/cli.md} ({@code cohorts}).
 */
public final class Cohorts {

  private Cohorts() {}

  /**
   * The cohort table of the dataset's payments, customers grouped by the calendar period (in the
   * dataset zone) of their first positive payment.
   *
   * @throws IllegalArgumentException when the dataset or the granularity is null
   * @throws IllegalStateException when the dataset has no payments table
   */
  public static CohortTable byFirstPayment(Dataset data, Granularity granularity) {
    if (data == null) {
      throw new IllegalArgumentException("dataset must not be null");
    }
    data.require(DatasetTable.PAYMENTS, "cohort tables");
    CohortState s = empty(granularity, data.zone());
    for (Payment p : data.payments()) {
      s.add(p);
    }
    return s.result();
  }

  /**
   * The same cohort table as {@link #byFirstPayment(Dataset, Granularity)} for the dataset the
   * columns were built from, computed in one pass over the columnar payments (flat counters, long
   * sums). Revenue values are exact sums at the payment column's scale ({@code
   * columns.payments().amount().scale()}); numerically equal to the object route's, whose scale
   * follows the amounts as written, so the two tables are equal records once trailing zeros are
   * stripped from every revenue value.
   *
   * @throws IllegalArgumentException when the columns or the granularity are null, or for a basis
   *     other than the first positive payment
   * @throws IllegalStateException when the columns have no payments table
   */
  public static CohortTable byFirstPayment(Columns columns, Granularity granularity) {
    return ColumnarCohorts.byFirstPayment(columns, granularity);
  }

  /**
   * The columnar cohort table on a basis; only {@link CohortBasis#PAYMENT} has a columnar route.
   *
   * @throws IllegalArgumentException for another basis or a null argument
   */
  public static CohortTable table(Columns columns, Granularity granularity, CohortBasis basis) {
    if (basis != CohortBasis.PAYMENT) {
      throw new IllegalArgumentException(
          "the columnar cohort table supports only the payment basis (first positive payment), got "
              + basis + "; use table(Dataset, Granularity, CohortBasis) for other bases");
    }
    return byFirstPayment(columns, granularity);
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
   *
   * @throws IllegalArgumentException when an argument is null
   * @throws IllegalStateException when the dataset lacks the payments table or the table the
   *     basis needs (touches, leads, stages)
   */
  public static CohortTable table(Dataset data, Granularity granularity, CohortBasis basis) {
    if (data == null || basis == null) {
      throw new IllegalArgumentException("dataset and cohort basis are required");
    }
    if (basis == CohortBasis.PAYMENT) {
      return byFirstPayment(data, granularity);
    }
    data.require(DatasetTable.PAYMENTS, "cohort tables");
    CohortState s = empty(granularity, data.zone(), basis);
    switch (basis) {
      case LEAD:
        data.require(DatasetTable.LEADS, "cohorts by lead creation");
        for (Lead l : data.leads()) {
          anchorLead(s, l.id(), l, List.of(), List.of(), data.catalog());
        }
        break;
      case TOUCH:
        data.require(DatasetTable.TOUCHES, "cohorts by first touch");
        for (Touch t : data.touches()) {
          anchorLead(s, t.leadId(), data.lead(t.leadId()), List.of(t), List.of(), data.catalog());
        }
        break;
      case SQL:
        data.require(DatasetTable.STAGES, "cohorts by SQL date");
        sqlStage(data.catalog());
        for (StageChange c : data.stages()) {
          anchorLead(s, c.leadId(), data.lead(c.leadId()), List.of(), List.of(c), data.catalog());
        }
        break;
      default:
        throw new AssertionError(basis);
    }
    for (Payment p : data.payments()) {
      s.add(p);
    }
    return s.result();
  }

  /**
   * The per-lead step of cohorts on an anchor basis: adds to {@code state} the anchor events that
   * one lead's rows give on the state's basis (lead basis: the lead's creation; touch basis: each
   * touch; SQL basis: each stage change to SQL or a later non-exit stage), all for the lead's
   * customer (its {@code customer_id}; the lead id itself when the lead is not in the leads
   * table). {@link #table(Dataset, Granularity, CohortBasis)} calls it row by row, a distributed
   * route once per lead after grouping its rows; anchors keep the earliest event per customer, so
   * both give the same state.
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
   * @throws IllegalArgumentException when the dataset or the granularity is null
   * @throws IllegalStateException when the dataset has no payments table
   */
  public static RecurringRevenueBridge recurringRevenue(Dataset data, Granularity granularity) {
    if (data == null) {
      throw new IllegalArgumentException("dataset must not be null");
    }
    data.require(DatasetTable.PAYMENTS, "the recurring-revenue bridge");
    CohortState s = empty(granularity, data.zone());
    for (Payment p : data.payments()) {
      s.add(p);
    }
    return s.bridge();
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
   * cumulative margin per customer reaches CAC, or empty ("not yet").
   *
   * @throws IllegalArgumentException for a null dataset or granularity, a negative horizon or a
   *     non-finite margin
   * @throws IllegalStateException when the dataset has no payments table
   */
  public static LtvToCac ltvToCac(
      Dataset data, Granularity granularity, double margin, int horizon) {
    return LtvToCacCalculation.of(data, granularity, margin, horizon);
  }

  /**
   * Cohort tables by first positive payment, one per acquisition group: the group of a customer
   * is {@code group} applied to their earliest created lead ({@code (none)} for a customer without
   * a lead or when the function returns null), e.g. {@code Lead::channel} or {@code Lead::segment}.
   * Every group's rows run to the end of all the payments, not to the group's own last payment.
   *
   * @return the tables by group name, in name order
   * @throws IllegalArgumentException when an argument is null
   * @throws IllegalStateException when the dataset has no payments table
   */
  public static SortedMap<String, CohortTable> byGroup(
      Dataset data,
      Granularity granularity,
      Function<Lead, String> group) {
    if (data == null || group == null) {
      throw new IllegalArgumentException("dataset and group function are required");
    }
    data.require(DatasetTable.PAYMENTS, "cohort tables");
    Map<String, CohortState> states = grouped(data, granularity, group);
    SortedMap<String, CohortTable> out = new TreeMap<>();
    states.forEach((k, v) -> out.put(k, v.result()));
    return Collections.unmodifiableSortedMap(out);
  }

  /** Payment states per group of the customer's earliest lead, all extended to the data's end. */
  static Map<String, CohortState> grouped(
      Dataset data, Granularity granularity,
      Function<Lead, String> group) {
    Map<String, Lead> leadOf = new HashMap<>();
    for (Lead l : data.leads()) { // by creation time, then id: the first one wins
      leadOf.putIfAbsent(l.customerId(), l);
    }
    Map<String, CohortState> states = new TreeMap<>();
    for (Payment p : data.payments()) {
      Lead l = leadOf.get(p.customerId());
      String g = l == null ? null : group.apply(l);
      String key = g == null ? Lead.NO_CHANNEL : g;
      states.computeIfAbsent(key, k -> empty(granularity, data.zone())).add(p);
    }
    long last = Long.MIN_VALUE;
    for (CohortState st : states.values()) {
      last = Math.max(last, st.lastOrdinal());
    }
    for (CohortState st : states.values()) {
      st.extendTo(last);
    }
    return states;
  }
}
