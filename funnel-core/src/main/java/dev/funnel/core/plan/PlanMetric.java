package dev.funnel.core.plan;

import java.util.Locale;
import java.util.Optional;

/**
 * The metrics plan vs actual computes, with their plan-table names, directions and whether they
 * add up over time (docs/spec/metrics.md, "Plan vs actual" and "Money metrics").
 *
 * <p>Actual values over a half-open window of instants (calendar periods in the dataset zone),
 * optionally for one channel:
 * <ul>
 *   <li>{@code leads}: leads created in the window;
 *   <li>{@code mql}, {@code sql}, {@code won}: event basis — leads that first reached the stage
 *       (or a later one, when the CRM skipped it) in the window
 *       ({@link dev.funnel.core.funnel.LeadReach}); {@code won} is the catalog's last stage;
 *   <li>{@code revenue}: payments in the window, refunds included, summed exactly; for a channel,
 *       the payments of customers whose first lead (earliest {@code created_at}, then id) came
 *       from it; payments of customers without a lead fall under {@code (none)}, as in
 *       {@link dev.funnel.core.money.UnitEconomics};
 *   <li>{@code spend}: spend whose day starts in the window (a day's spend is booked at its local
 *       midnight), summed exactly;
 *   <li>{@code cpl} = spend / leads; {@code cac} = spend / new customers, a new customer being one
 *       whose first positive payment falls in the window;
 *   <li>{@code romi} = (revenue - spend) / spend — revenue-based, no margin;
 *   <li>{@code win_rate} = won / (won + lost) of leads exiting in the window: won as above, lost
 *       = leads whose first change into an exit stage other than RETURNED falls in the window and
 *       that had not been won before it (returned-to-marketing is not a lost deal).
 * </ul>
 * Ratios are NaN when their denominator is zero.
 */
public enum PlanMetric {
  LEADS(Direction.HIGHER_IS_BETTER, true),
  MQL(Direction.HIGHER_IS_BETTER, true),
  SQL(Direction.HIGHER_IS_BETTER, true),
  WON(Direction.HIGHER_IS_BETTER, true),
  REVENUE(Direction.HIGHER_IS_BETTER, true),
  SPEND(Direction.ON_TARGET, true),
  CPL(Direction.LOWER_IS_BETTER, false),
  CAC(Direction.LOWER_IS_BETTER, false),
  ROMI(Direction.HIGHER_IS_BETTER, false),
  WIN_RATE(Direction.HIGHER_IS_BETTER, false);

  private final Direction direction;
  private final boolean additive;

  PlanMetric(Direction direction, boolean additive) {
    this.direction = direction;
    this.additive = additive;
  }

  /** The default direction. */
  public Direction direction() {
    return direction;
  }

  /**
   * Whether values of sub-periods add up to the period's value (counts and money); ratios do
   * not: their plans are not pro-rated and their run-rate is the ratio so far.
   */
  public boolean additive() {
    return additive;
  }

  /** The name in the plan table: {@code leads}, ..., {@code win_rate}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The metric with this plan-table name (case-insensitive), if the library computes it. */
  public static Optional<PlanMetric> find(String name) {
    if (name != null) {
      for (PlanMetric m : values()) {
        if (m.label().equalsIgnoreCase(name.trim())) {
          return Optional.of(m);
        }
      }
    }
    return Optional.empty();
  }
}
