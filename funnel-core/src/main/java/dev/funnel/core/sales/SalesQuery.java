package dev.funnel.core.sales;

import java.time.Instant;

/**
 * What a sales question is asked of, by name instead of by the position of three instants: the
 * stage it starts from (the base of a win rate, the start of a cycle; SQL unless set), the
 * half-open window {@code [from, to)} on the instant a lead reached that stage (deals: the instant
 * they were won; owner KPIs: the MQL and SQL hand-offs, whatever the stage), and the as-of
 * instant after which nothing counts. Null parts are open (the owner KPIs need the as-of instant).
 *
 * <pre>{@code
 * SalesQuery q = SalesQuery.from("OPPORTUNITY").between(march, april).asOf(endOfMarch);
 * WinRate w = Sales.winRate(data, q);
 * SalesCycle c = Sales.cycle(data, q);
 * OwnerKpis k = Sales.owners(data, q);
 * }</pre>
 *
 * @param stage the stage the question starts from
 * @param from  start of the window (inclusive), or null
 * @param to    end of the window (exclusive), or null
 * @param asOf  the instant after which stage changes and payments are not yet known, or null
 */
public record SalesQuery(String stage, Instant from, Instant to, Instant asOf) {

  /** The stage a query starts from unless told: SQL. */
  public static final String DEFAULT_STAGE = "SQL";

  public SalesQuery {
    if (stage == null || stage.isBlank()) {
      throw new IllegalArgumentException("a sales query needs a stage to start from");
    }
    if (from != null && to != null && !from.isBefore(to)) {
      throw new IllegalArgumentException("window start " + from + " must be before its end " + to);
    }
  }

  /** Every lead from SQL, no window, no as-of instant. */
  public static SalesQuery all() {
    return new SalesQuery(DEFAULT_STAGE, null, null, null);
  }

  /** Every lead from {@code stage}, no window, no as-of instant. */
  public static SalesQuery from(String stage) {
    return new SalesQuery(stage, null, null, null);
  }

  /** This query over the window {@code [from, to)} (either side null: open). */
  public SalesQuery between(Instant from, Instant to) {
    return new SalesQuery(stage, from, to, asOf);
  }

  /** This query as of {@code asOf} (null: all the data). */
  public SalesQuery asOf(Instant asOf) {
    return new SalesQuery(stage, from, to, asOf);
  }
}
