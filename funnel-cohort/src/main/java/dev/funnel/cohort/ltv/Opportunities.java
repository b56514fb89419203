package dev.funnel.cohort.ltv;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The discrete transaction opportunities of a holdout validation, for the BG/BB (Fader, Hardie and
 * Shang 2010): a grid of periods of one time unit that ends on the calibration end, so that the
 * calibration is periods {@code ..., -1, 0} and the holdout periods {@code 1 .. m}. Days and weeks
 * are 1 and 7 days long (period 0 is the unit ending on the calibration end); months are calendar
 * months (the calibration end must be a month's last day).
 *
 * <p>A customer whose first purchase falls in period P has the opportunities {@code P+1, P+2, ...}:
 * {@code n = -P} in the calibration, and a repeat purchase in period j is a transaction at its
 * opportunity {@code j - P}. The data is discrete when no customer has two purchase days in one
 * period (its first purchase's included) through the holdout end, and the holdout is a whole
 * number of periods; otherwise {@link #problem()} says why, and the BG/BB is not fitted.
 */
final class Opportunities {

  private final RfmUnit unit;
  private final LocalDate calibrationEnd;
  private final int holdoutPeriods;
  private final String problem;

  private Opportunities(RfmUnit unit, LocalDate calibrationEnd, int holdoutPeriods,
      String problem) {
    this.unit = unit;
    this.calibrationEnd = calibrationEnd;
    this.holdoutPeriods = holdoutPeriods;
    this.problem = problem;
  }

  /**
   * The grid of a validation and whether the purchase days of the calibration customers fit it.
   *
   * @param days the purchase days through the holdout end of every calibration customer
   */
  static Opportunities of(RfmUnit unit, LocalDate calibrationEnd, LocalDate holdoutEnd,
      List<RfmCustomer> customers, Map<String, TreeSet<LocalDate>> days) {
    String name = unit.label();
    if (unit == RfmUnit.MONTH && !calibrationEnd.equals(YearMonth.from(calibrationEnd).atEndOfMonth())) {
      return new Opportunities(unit, calibrationEnd, 0, "monthly opportunities are calendar months,"
          + " and the calibration end " + calibrationEnd + " is not a month's last day");
    }
    Opportunities grid = new Opportunities(unit, calibrationEnd, 0, null);
    int m = grid.ended(holdoutEnd);
    if (grid.period(holdoutEnd) != m) {
      return new Opportunities(unit, calibrationEnd, 0, "the holdout " + calibrationEnd.plusDays(1)
          + ".." + holdoutEnd + " is not a whole number of " + name + "s");
    }
    for (RfmCustomer c : customers) {
      LocalDate previous = null;
      int previousPeriod = Integer.MIN_VALUE;
      for (LocalDate d : days.get(c.customerId())) {
        int j = grid.period(d);
        if (j == previousPeriod) {
          return new Opportunities(unit, calibrationEnd, m, "customer " + c.customerId()
              + " bought on two days of one " + name + " (" + previous + " and " + d
              + "): the BG/BB needs at most one purchase per " + name + " (opportunity)");
        }
        previous = d;
        previousPeriod = j;
      }
    }
    return new Opportunities(unit, calibrationEnd, m, null);
  }

  /** Why the purchases are not discrete on this grid, or null when they are. */
  String problem() {
    return problem;
  }

  /** The holdout's opportunities, m. */
  int holdoutPeriods() {
    return holdoutPeriods;
  }

  /** The period a day falls in: 0 for the unit ending on the calibration end. */
  int period(LocalDate d) {
    if (unit == RfmUnit.MONTH) {
      return (int) YearMonth.from(calibrationEnd).until(YearMonth.from(d), ChronoUnit.MONTHS);
    }
    long length = (long) unit.days();
    long delta = ChronoUnit.DAYS.between(calibrationEnd, d);
    return (int) Math.floorDiv(delta + length - 1, length);
  }

  /** The last period that has ended by the end of a day. */
  int ended(LocalDate d) {
    if (unit == RfmUnit.MONTH) {
      int j = period(d);
      return d.equals(YearMonth.from(d).atEndOfMonth()) ? j : j - 1;
    }
    return (int) Math.floorDiv(ChronoUnit.DAYS.between(calibrationEnd, d), (long) unit.days());
  }

  /** A customer's calibration history on the grid: {x, t_x, n}. */
  int[] history(TreeSet<LocalDate> purchaseDays) {
    int first = period(purchaseDays.first());
    int x = 0;
    int last = first;
    for (LocalDate d : purchaseDays.tailSet(purchaseDays.first(), false)) {
      int j = period(d);
      if (j > 0) {
        break;
      }
      x++;
      last = j;
    }
    return new int[] {x, last - first, -first};
  }
}
