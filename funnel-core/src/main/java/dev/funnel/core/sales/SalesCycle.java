package dev.funnel.core.sales;

import dev.funnel.core.display.Tabular;
import dev.funnel.core.display.TextTable;
import dev.funnel.core.stats.SurvivalCurve;
import java.time.Instant;
import java.util.Locale;

/**
 * Sales cycle length in days from a start stage (SQL by default) to the first payment
 * (docs/spec/metrics.md), with still-open deals censored, not dropped.
 *
 * <p>Each lead that reached the start stage in the window (and before {@code asOf}) is one
 * observation: the event is its customer's first positive payment at or after that moment (a
 * payment booked to another lead of the same customer does not count) and no later than
 * {@code asOf}; a deal with no such payment that is still open (won but unpaid included) is
 * censored at {@code asOf}; lost or returned deals without a payment are left out (they will never
 * pay: censoring them would pretend they might) and counted apart, lost and returned each. A
 * returned deal is thus never "open" here, as in {@link WinRate} (where it is neither won, lost nor
 * open); a deal whose customer paid is an event whatever its outcome, because the cycle ends at the
 * payment. Days are elapsed time / 24 h. Percentiles are Kaplan-Meier percentiles (NaN when
 * censoring keeps the curve above the level).
 *
 * @param from       the start stage
 * @param asOf       the observation instant
 * @param paid       observations with the event
 * @param censored   open deals (won but unpaid included), censored at asOf
 * @param lost       lost deals without a payment, left out
 * @param returned   deals returned to marketing without a payment, left out
 * @param medianDays median days to payment
 * @param p75Days    75th percentile
 * @param p90Days    90th percentile
 * @param curve      the whole Kaplan-Meier curve (share not yet paid by day)
 */
public record SalesCycle(
    String from, Instant asOf, long paid, long censored, long lost, long returned,
    double medianDays, double p75Days, double p90Days, SurvivalCurve curve) implements Tabular {

  /** Deals left out: lost or returned without a payment. */
  public long excluded() {
    return lost + returned;
  }

  @Override
  public String summary() {
    return String.format(Locale.ROOT, "Sales cycle %s->payment: median %s days (%d paid, %d open)",
        from, TextTable.number(medianDays), paid, censored);
  }

  @Override
  public TextTable table() {
    return TextTable.of("from", "paid", "open (censored)", "lost (left out)",
            "returned (left out)", "median days", "p75 days", "p90 days")
        .plus(from, paid, censored, lost, returned, medianDays, p75Days, p90Days);
  }

  @Override
  public String toString() {
    return Tabular.preview(this);
  }
}
