package dev.funnel.core.sales;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The mergeable partial state of a {@link WinRate}: counts and exact value sums of the leads that
 * reached the base stage.
 *
 * <p>Protocol: {@link #empty(String)}, {@link #add(Outcome, BigDecimal)} per lead (mutates; not
 * thread-safe), {@link #merge(WinRateTally)} (a new tally; associative, commutative, identity
 * {@code empty}), {@link #result()}.
 */
public final class WinRateTally {

  private final String base;
  private long reached;
  private long won;
  private long lost;
  private long returned;
  private BigDecimal wonValue = BigDecimal.ZERO;
  private BigDecimal lostValue = BigDecimal.ZERO;

  private WinRateTally(String base) {
    this.base = Objects.requireNonNull(base, "base stage");
  }

  /** No leads, for a base stage name. */
  public static WinRateTally empty(String base) {
    return new WinRateTally(base);
  }

  /**
   * One lead that reached the base stage.
   *
   * @param outcome its outcome
   * @param value   the WON amount for a won deal, the last known amount for a lost one, or null
   * @return this tally
   */
  public WinRateTally add(Outcome outcome, BigDecimal value) {
    reached++;
    if (outcome == Outcome.WON) {
      won++;
      wonValue = value == null ? wonValue : wonValue.add(value);
    } else if (outcome == Outcome.LOST) {
      lost++;
      lostValue = value == null ? lostValue : lostValue.add(value);
    } else if (outcome == Outcome.RETURNED) {
      returned++;
    }
    return this;
  }

  /**
   * Both tallies together; neither changes.
   *
   * @throws IllegalArgumentException when the base stages differ
   */
  public WinRateTally merge(WinRateTally other) {
    if (!base.equals(other.base)) {
      throw new IllegalArgumentException("cannot merge win rates from " + base + " and " + other.base);
    }
    WinRateTally t = new WinRateTally(base);
    t.reached = reached + other.reached;
    t.won = won + other.won;
    t.lost = lost + other.lost;
    t.returned = returned + other.returned;
    t.wonValue = wonValue.add(other.wonValue);
    t.lostValue = lostValue.add(other.lostValue);
    return t;
  }

  /** The win rate of the leads added so far. */
  public WinRate result() {
    return new WinRate(base, reached, won, lost, returned, reached - won - lost - returned,
        wonValue, lostValue,
        DealHistory.ratio(won, won + lost), DealHistory.ratio(wonValue, wonValue.add(lostValue)));
  }
}
