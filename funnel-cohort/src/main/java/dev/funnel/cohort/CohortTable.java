package dev.funnel.cohort;

import dev.funnel.core.Granularity;
import dev.funnel.core.Period;
import dev.funnel.core.display.Tabular;
import dev.funnel.core.display.Cell;
import dev.funnel.core.display.Formats;
import dev.funnel.core.display.TextTable;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * A left-aligned cohort table: one {@link CohortRow} per acquisition period (cohorts by the
 * calendar period, in the dataset time zone, of each customer's first positive payment, or of
 * another {@link CohortBasis} event), in period order, plus the size-weighted averages across cohorts.
 *
 * <p>Nothing is dropped silently: customers outside every cohort (on the payment basis those who
 * never paid a positive amount) and payments dated before a customer's cohort period are
 * reported here, outside the rows. On a basis other than payment, a cohort counts members who
 * never paid, so retention at period 0 is the share that paid in the cohort period.
 *
 * @param granularity              the period length
 * @param zone                     the time zone of the calendar periods
 * @param basis                    what put customers into cohorts
 * @param lastPeriod               the period of the latest payment or anchor event (the end of
 *                                 every row), or null when there is none
 * @param cohorts                  the cohorts in period order
 * @param customersOutside         customers with payments but in no cohort: without a positive
 *                                 payment (payment basis), without an anchor event (other bases)
 * @param revenueOutside           the exact sum of those customers' payments
 * @param paymentsBeforeCohort     payments dated in a period before the customer's cohort period
 *                                 (on the payment basis necessarily non-positive)
 * @param revenueBeforeCohort      their exact sum
 */
public record CohortTable(
    Granularity granularity,
    ZoneId zone,
    CohortBasis basis,
    Period lastPeriod,
    List<CohortRow> cohorts,
    long customersOutside,
    BigDecimal revenueOutside,
    long paymentsBeforeCohort,
    BigDecimal revenueBeforeCohort)
    implements Tabular {

  public CohortTable {
    cohorts = List.copyOf(cohorts);
  }

  /** Customers in all cohorts. */
  public long customers() {
    long n = 0;
    for (CohortRow r : cohorts) {
      n += r.size();
    }
    return n;
  }

  /** Exact revenue of all cohorts over all periods. */
  public BigDecimal revenue() {
    BigDecimal s = BigDecimal.ZERO;
    for (CohortRow r : cohorts) {
      for (BigDecimal v : r.revenue()) {
        s = s.add(v);
      }
    }
    return s;
  }

  /**
   * Size-weighted averages per period index over the cohorts that reached it. One pass over the
   * table's cells (each cohort's running revenue sum is carried along its row), so the work is
   * linear in the cells, however many periods the table spans.
   */
  public List<CohortAverage> averages() {
    return averages(null);
  }

  /**
   * Size-weighted averages per period index over the cohorts that reached it by the period
   * {@code through} (null: by the end of the data): a cohort's cell {@code k} counts only when
   * its calendar period {@code cohort + k} is {@code through} or earlier, so a partial last
   * period (the data end or an as-of instant inside it) does not pull the averages down. An index
   * no cohort reached by then is left out of the list.
   *
   * @throws IllegalArgumentException when {@code through} has another granularity
   */
  public List<CohortAverage> averages(Period through) {
    if (through != null && through.granularity() != granularity) {
      throw new IllegalArgumentException("averages through a " + through.granularity().label()
          + " of a table by " + granularity.label());
    }
    int max = 0;
    for (CohortRow r : cohorts) {
      max = Math.max(max, reached(r, through));
    }
    int[] reached = new int[max];
    long[] size = new long[max];
    long[] active = new long[max];
    long[] activeBefore = new long[max];
    long[] retained = new long[max];
    BigDecimal[] revenue = new BigDecimal[max];
    BigDecimal[] cumulative = new BigDecimal[max];
    java.util.Arrays.fill(revenue, BigDecimal.ZERO);
    java.util.Arrays.fill(cumulative, BigDecimal.ZERO);
    for (CohortRow r : cohorts) {
      List<Long> act = r.active();
      List<Long> ret = r.retained();
      List<BigDecimal> rev = r.revenue();
      BigDecimal running = BigDecimal.ZERO;
      long previous = 0;
      for (int k = 0, upTo = reached(r, through); k < upTo; k++) {
        long a = act.get(k);
        reached[k]++;
        size[k] += r.size();
        active[k] += a;
        if (k > 0) {
          activeBefore[k] += previous;
          retained[k] += ret.get(k);
        }
        previous = a;
        BigDecimal v = rev.get(k);
        revenue[k] = revenue[k].add(v);
        running = running.add(v);
        cumulative[k] = cumulative[k].add(running);
      }
    }
    List<CohortAverage> out = new ArrayList<>(max);
    for (int k = 0; k < max; k++) {
      long s = size[k];
      out.add(
          new CohortAverage(
              k,
              reached[k],
              s,
              ratio(active[k], s),
              activeBefore[k] == 0 ? Double.NaN : 1.0 - (double) retained[k] / activeBefore[k],
              s == 0 ? Double.NaN : revenue[k].doubleValue() / s,
              s == 0 ? Double.NaN : cumulative[k].doubleValue() / s));
    }
    return out;
  }

  /** The number of a row's periods that are {@code through} or earlier (all with null). */
  private static int reached(CohortRow r, Period through) {
    if (through == null) {
      return r.periods();
    }
    long k = r.cohort().until(through) + 1;
    return (int) Math.max(0, Math.min(r.periods(), k));
  }

  /**
   * Historical LTV at period index {@code period}: cumulative revenue per customer up to and
   * including that period, pooled over the cohorts that reached it, times the margin; NaN when no
   * cohort reached it.
   */
  public double historicalLtv(int period, double margin) {
    return historicalLtv(period, margin, null);
  }

  /**
   * {@link #historicalLtv(int, double)} over the cohorts that reached the period by the period
   * {@code through} ({@link #averages(Period)}; null: by the end of the data).
   */
  public double historicalLtv(int period, double margin, Period through) {
    if (period < 0) {
      throw new IllegalArgumentException("period index must be >= 0, got " + period);
    }
    List<CohortAverage> avg = averages(through);
    return period < avg.size() ? avg.get(period).cumulativeRevenuePerCustomer() * margin : Double.NaN;
  }

  /** The formula LTV, ARPU x margin / churn, estimated from this table (see {@link FormulaLtv}). */
  public FormulaLtv formulaLtv(double margin) {
    if (!Double.isFinite(margin)) {
      throw new IllegalArgumentException("margin must be finite, got " + margin);
    }
    BigDecimal revenue = BigDecimal.ZERO;
    long customerPeriods = 0;
    long base = 0;
    long retainedSum = 0;
    for (CohortRow r : cohorts) {
      for (int k = 0; k < r.periods(); k++) {
        revenue = revenue.add(r.revenue().get(k));
        customerPeriods += r.active().get(k);
        if (k > 0) {
          base += r.active().get(k - 1);
          retainedSum += r.retained().get(k);
        }
      }
    }
    double arpu = customerPeriods == 0 ? Double.NaN : revenue.doubleValue() / customerPeriods;
    double churn = base == 0 ? Double.NaN : 1.0 - (double) retainedSum / base;
    double ltv = churn > 0 ? arpu * margin / churn : Double.NaN;
    return new FormulaLtv(arpu, churn, margin, ltv, customerPeriods, base);
  }

  private static double ratio(long a, long b) {
    return b == 0 ? Double.NaN : (double) a / b;
  }

  @Override
  public String summary() {
    return "Cohorts by " + basis.label() + "/" + granularity.label() + ": "
        + Formats.count(cohorts.size()) + " cohorts, " + Formats.count(customers()) + " customers"
        + (lastPeriod == null ? "" : ", data to " + lastPeriod.label());
  }

  /** Retention heat map: one row per cohort, one column per period index, then the average. */
  @Override
  public TextTable table() {
    return table(CohortMetric.RETENTION, false);
  }

  /**
   * A view of one metric. Left-aligned ({@code calendarAligned == false}): column k is the k-th
   * period of each cohort, with the size-weighted average as the last row (for revenue: revenue
   * per customer of the cohorts that reached the period). Calendar-aligned:
   * columns are calendar periods from the first cohort to the last period of the data, and a
   * cohort's cells start at its own period (no average row: a calendar column mixes ages).
   */
  public TextTable table(CohortMetric metric, boolean calendarAligned) {
    return table(metric, calendarAligned, null);
  }

  /**
   * {@link #table(CohortMetric, boolean)} marking the partial periods: a cell whose calendar
   * period is after {@code through} (the last complete period; null: none is partial) ends in
   * {@code *}, and the average row is {@link #averages(Period)} through it (a period index no
   * cohort reached by then is blank).
   */
  public TextTable table(CohortMetric metric, boolean calendarAligned, Period through) {
    if (metric == null) {
      throw new IllegalArgumentException("metric is required");
    }
    int width;
    if (calendarAligned) {
      width = cohorts.isEmpty() ? 0 : (int) cohorts.get(0).cohort().until(lastPeriod) + 1;
    } else {
      width = 0;
      for (CohortRow r : cohorts) {
        width = Math.max(width, r.periods());
      }
    }
    String[] header = new String[width + 2];
    header[0] = "cohort";
    header[1] = "size";
    for (int k = 0; k < width; k++) {
      header[k + 2] =
          calendarAligned ? cohorts.get(0).cohort().plus(k).label() : String.valueOf(k);
    }
    TextTable t = TextTable.of(header);
    for (CohortRow r : cohorts) {
      Object[] cells = new Object[width + 2];
      cells[0] = r.cohort().label();
      cells[1] = r.size();
      List<?> values = values(r, metric);
      int offset = calendarAligned ? (int) cohorts.get(0).cohort().until(r.cohort()) : 0;
      int complete = reached(r, through);
      for (int k = 0; k < values.size(); k++) {
        Object v = values.get(k);
        Cell c = v instanceof BigDecimal d ? Cell.amount(d)
            : metric == CohortMetric.RETENTION ? Cell.percent((Double) v) : Cell.amount((Double) v);
        cells[k + 2 + offset] = k < complete ? c : c.marked("*");
      }
      t = t.plus(cells);
    }
    if (!cohorts.isEmpty() && !calendarAligned) {
      Object[] cells = new Object[width + 2];
      cells[0] = metric == CohortMetric.REVENUE ? "per customer" : "average";
      cells[1] = customers();
      List<CohortAverage> avg = averages(through);
      for (int k = 0; k < width; k++) {
        if (k >= avg.size()) {
          cells[k + 2] = "";
          continue;
        }
        CohortAverage a = avg.get(k);
        cells[k + 2] =
            switch (metric) {
              case RETENTION -> Cell.percent(a.retention());
              case REVENUE -> Cell.amount(a.revenuePerCustomer());
              case CUMULATIVE -> Cell.amount(a.cumulativeRevenuePerCustomer());
            };
      }
      t = t.plus(cells);
    }
    return t;
  }

  private static List<?> values(CohortRow r, CohortMetric metric) {
    return switch (metric) {
      case RETENTION -> r.retention();
      case REVENUE -> r.revenue();
      case CUMULATIVE -> r.cumulativeRevenuePerCustomer();
    };
  }

  @Override
  public String toString() {
    return Tabular.preview(this);
  }
}
