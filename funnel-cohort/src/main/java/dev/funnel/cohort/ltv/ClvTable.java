package dev.funnel.cohort.ltv;

import dev.funnel.core.display.Tabular;
import dev.funnel.core.display.Cell;
import dev.funnel.core.display.Formats;
import dev.funnel.core.display.TextTable;
import java.util.List;
import java.util.Locale;

/**
 * Discounted customer lifetime value per customer, from a BG/NBD (or Pareto/NBD) purchase model
 * and a Gamma-Gamma spend model fitted to the same customers.
 *
 * <p>Fader, Hardie and Lee (2005, "RFM and CLV", Journal of Marketing Research 42(4)) write the
 * expected residual value as {@code margin x E[spend] x DERT}, DERT being the discounted expected
 * residual transactions. Here DERT is the discrete sum over future periods with end-of-period
 * discounting: {@code DERT = sum_{k=1..K} (E[Y(k d)] - E[Y((k-1) d)]) / (1 + i)^k}, with
 * {@code E[Y(t)]} the BG/NBD conditional expectation (FHL 2005, eq. 10; with
 * {@link Ltv#clv(RfmSummary, ParetoNbdFit, GammaGammaFit, ClvTerms, double)} the Pareto/NBD one), {@code d} the period
 * length in the model's time unit and {@code i} the per-period rate (so a customer's CLV counts
 * future purchases only, not past revenue). Spend is taken independent of purchase counts, as both
 * models assume.
 *
 * <p>Beside it, each customer's DERT in continuous time over the whole remaining lifetime
 * ({@link CustomerValue#residualTransactions()}: {@link BgNbdFit#discountedResidualTransactions},
 * {@link ParetoNbdFit#discountedResidualTransactions}) at the continuously compounded rate
 * equivalent to the terms' ({@link ClvTerms#continuousRate}), and the lifetime value
 * {@code margin x E[spend] x DERT} it gives: no horizon, continuous discounting, the closed forms
 * of Fader, Hardie and Lee (2005) for the Pareto/NBD and their analogue for the BG/NBD. Over a
 * long horizon the discrete sum approaches it (the end-of-period discounting makes the discrete
 * sum slightly smaller).
 *
 * <p>Undefined values: when the Gamma-Gamma {@code q <= 1} the population mean spend
 * {@code p gamma / (q - 1)} is infinite, so a customer without repeat spend (whose expected spend is
 * that population mean) has no finite expected spend and no CLV (NaN), while repeat buyers' posterior
 * means {@code p (gamma + x zbar) / (p x + q - 1)} stay finite. {@link #total()} and {@link #mean()}
 * are then NaN, and {@link #definedTotal()} and {@link #definedMean()} cover the customers whose CLV
 * is defined. Only when the caller supplies a fallback spend
 * ({@link Ltv#clv(RfmSummary, BgNbdFit, GammaGammaFit, ClvTerms, double)}) do those customers get a
 * CLV, recorded here as {@code fallbackSpend} and {@code fallbackCustomers}.
 *
 * <p>Caveats: a CLV is a prediction of the fitted models, so it is only as good as the fits. When a
 * fit did not converge (its parameters are the best point found, not a certified maximum, see
 * {@link Convergence}) the table still holds the numbers but says so in {@link #caveats()}, and its
 * {@link #summary()} (so every text rendering) names the fit; a caller that shows the CLV shows
 * the caveats with it (the {@code funnel ltv} text and JSON do).
 *
 * @param terms             horizon, period, discount rate and margin
 * @param customers         one row per customer, in the summary's order
 * @param fallbackSpend     the spend per purchase the caller supplied for customers without a finite
 *                          model expected spend; NaN when none was supplied
 * @param fallbackCustomers customers whose expected spend is that fallback (0 when none)
 * @param caveats           why the numbers may not be model predictions, one sentence each (a fit
 *                          that did not converge); empty when there is none
 * @param continuousRate    the continuously compounded discount rate per model time unit of the
 *                          lifetime figures; NaN when they were not computed
 */
public record ClvTable(
    ClvTerms terms, List<CustomerValue> customers, double fallbackSpend, long fallbackCustomers,
    List<String> caveats, double continuousRate)
    implements Tabular {

  public ClvTable {
    customers = List.copyOf(customers);
    caveats = List.copyOf(caveats);
  }

  /** A table without lifetime figures. */
  public ClvTable(ClvTerms terms, List<CustomerValue> customers, double fallbackSpend,
      long fallbackCustomers, List<String> caveats) {
    this(terms, customers, fallbackSpend, fallbackCustomers, caveats, Double.NaN);
  }

  /** A table without caveats. */
  public ClvTable(
      ClvTerms terms, List<CustomerValue> customers, double fallbackSpend, long fallbackCustomers) {
    this(terms, customers, fallbackSpend, fallbackCustomers, List.of());
  }

  /** A table without a fallback spend or caveats. */
  public ClvTable(ClvTerms terms, List<CustomerValue> customers) {
    this(terms, customers, Double.NaN, 0);
  }

  /** Whether every fit behind the table converged (no {@link #caveats()}). */
  public boolean fromConvergedFits() {
    return caveats.isEmpty();
  }

  /** Sum of the customers' CLV (NaN when any is undefined). */
  public double total() {
    double s = 0;
    for (CustomerValue c : customers) {
      s += c.clv();
    }
    return s;
  }

  /** Mean CLV per customer; NaN for no customers or when any is undefined. */
  public double mean() {
    return customers.isEmpty() ? Double.NaN : total() / customers.size();
  }

  /** Customers whose CLV is defined (finite). */
  public long definedCustomers() {
    long n = 0;
    for (CustomerValue c : customers) {
      if (Double.isFinite(c.clv())) {
        n++;
      }
    }
    return n;
  }

  /** Sum of the CLV over the customers whose CLV is defined. */
  public double definedTotal() {
    double s = 0;
    for (CustomerValue c : customers) {
      if (Double.isFinite(c.clv())) {
        s += c.clv();
      }
    }
    return s;
  }

  /** Mean CLV over the customers whose CLV is defined; NaN when none is. */
  public double definedMean() {
    long n = definedCustomers();
    return n == 0 ? Double.NaN : definedTotal() / n;
  }

  /**
   * Mean continuous-time DERT over the whole lifetime per customer; NaN when any is undefined
   * (no positive rate).
   */
  public double meanResidualTransactions() {
    double s = 0;
    for (CustomerValue c : customers) {
      s += c.residualTransactions();
    }
    return customers.isEmpty() ? Double.NaN : s / customers.size();
  }

  /** Mean lifetime value over the customers whose lifetime value is defined; NaN when none is. */
  public double definedLifetimeMean() {
    double s = 0;
    long n = 0;
    for (CustomerValue c : customers) {
      if (Double.isFinite(c.lifetimeValue())) {
        s += c.lifetimeValue();
        n++;
      }
    }
    return n == 0 ? Double.NaN : s / n;
  }

  @Override
  public String summary() {
    return caveats.isEmpty() ? plainSummary()
        : plainSummary() + "\nCAVEAT: " + String.join("\nCAVEAT: ", caveats);
  }

  private String plainSummary() {
    long defined = definedCustomers();
    if (defined == customers.size()) {
      return String.format(
          Locale.ROOT,
          "CLV: %s customers, mean %s over %s at %s per %s",
          Formats.count(customers.size()),
          Formats.amount(mean()),
          horizon(),
          Formats.percent(terms.discountRate()),
          monthly() ? "month" : "period");
    }
    return String.format(
        Locale.ROOT,
        "CLV: defined for %s of %s customers, their mean %s over %s",
        Formats.count(defined),
        Formats.count(customers.size()),
        Formats.amount(definedMean()),
        horizon());
  }

  /** Whether the terms' periods are months ({@link ClvTerms#monthly}). */
  private boolean monthly() {
    return terms.periodDays() == 365.25 / 12;
  }

  /** The horizon in words: {@code 12 months}, or {@code 10 periods of 7 days}. */
  private String horizon() {
    return monthly() ? Formats.months(terms.periods())
        : terms.periods() + " periods of " + Formats.number(terms.periodDays()) + " days";
  }

  @Override
  public TextTable table() {
    return table(Integer.MAX_VALUE);
  }

  private TextTable table(int maxRows) {
    TextTable t = TextTable.of("customer", "x", "P(alive)", "E[purchases]", "E[spend]", "CLV",
        "DERT (lifetime)", "lifetime value");
    for (CustomerValue c : customers.subList(0, Math.min(maxRows, customers.size()))) {
      t = t.plus(
          c.customerId(), c.x(), Cell.percent(c.probabilityAlive()), c.expectedPurchases(),
          Cell.amount(c.expectedSpend()), Cell.amount(c.clv()), c.residualTransactions(),
          Cell.amount(c.lifetimeValue()));
    }
    return t;
  }

  /**
   * {@link Tabular#preview} without building the whole table: a summary of millions of customers
   * prints its first rows in constant time.
   */
  @Override
  public String toString() {
    String head = summary() + "\n" + table(PREVIEW_ROWS).render();
    int more = customers.size() - PREVIEW_ROWS;
    return more > 0 ? head + "... " + more + " more rows; print() shows all\n" : head;
  }
}
