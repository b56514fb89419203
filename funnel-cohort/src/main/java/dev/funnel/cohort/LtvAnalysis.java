package dev.funnel.cohort;

import dev.funnel.cohort.ltv.AliveGrid;
import dev.funnel.cohort.ltv.BgNbdFit;
import dev.funnel.cohort.ltv.ClvTable;
import dev.funnel.cohort.ltv.GammaGammaFit;
import dev.funnel.cohort.ltv.Ltv;
import dev.funnel.cohort.ltv.ParetoNbdFit;
import dev.funnel.cohort.ltv.PurchaseModel;
import dev.funnel.cohort.ltv.RfmCustomer;
import dev.funnel.cohort.ltv.RfmSummary;
import dev.funnel.core.display.Formats;
import dev.funnel.core.display.Tabular;
import dev.funnel.core.display.TextTable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A lifetime-value analysis of a dataset ({@link Cohorts#ltv}): the RFM summary of the payments up
 * to {@code until}, the purchase-count fit (BG/NBD or Pareto/NBD), the Gamma-Gamma spend fit, the
 * discounted CLV that combines them, and per acquisition channel the historical LTV, CAC, LTV/CAC
 * and payback ({@link Cohorts#ltvToCac}) as of the end of {@code until}.
 *
 * @param until             the last day observed
 * @param rfm               the RFM summary (Fader, Hardie and Lee 2005)
 * @param model             the purchase-count model fitted
 * @param bgNbd             the BG/NBD fit; null with {@link PurchaseModel#PARETO_NBD}
 * @param paretoNbd         the Pareto/NBD fit; null with {@link PurchaseModel#BGNBD}
 * @param gammaGamma        the Gamma-Gamma fit; null when it could not be fitted
 * @param gammaGammaProblem why there is no Gamma-Gamma fit (e.g. no repeat buyer), else null
 * @param clv               the CLV per customer; null without a Gamma-Gamma fit
 * @param channels          the channels' LTV, CAC, LTV/CAC and payback
 * @param spendFallback     whether customers without a finite expected spend were valued at the
 *                          observed mean spend per repeat purchase ({@link LtvQuery#spendFallback})
 */
public record LtvAnalysis(LocalDate until, RfmSummary rfm, PurchaseModel model, BgNbdFit bgNbd,
    ParetoNbdFit paretoNbd, GammaGammaFit gammaGamma, String gammaGammaProblem, ClvTable clv,
    LtvToCac channels, boolean spendFallback) implements Tabular {

  /** The most rows of {@link #aliveGrid()}: repeat purchases 0 to 15. */
  public static final int GRID_FREQUENCIES = 15;
  /** The recency steps of {@link #aliveGrid()}: recencies 0, T/10, ..., T. */
  public static final int GRID_STEPS = 10;

  /**
   * P(alive) of the fitted purchase model ({@link Ltv#aliveGrid}) over repeat purchases
   * {@code 0..min(max x, 15)} by recencies {@code 0, T/10, ..., T}, at T the oldest customer's age
   * (as lifetimes' {@code plot_probability_alive_matrix} takes the largest T); empty when every
   * customer's age is 0 (all first bought on {@code until}).
   */
  public Optional<AliveGrid> aliveGrid() {
    double age = 0;
    int maxX = 0;
    for (RfmCustomer c : rfm.customers()) {
      age = Math.max(age, c.T());
      maxX = Math.max(maxX, c.x());
    }
    if (!(age > 0)) {
      return Optional.empty();
    }
    int rows = Math.min(maxX, GRID_FREQUENCIES);
    return Optional.of(paretoNbd != null ? Ltv.aliveGrid(paretoNbd, age, rows, GRID_STEPS)
        : Ltv.aliveGrid(bgNbd, age, rows, GRID_STEPS));
  }

  /** The purchase-count fit's summary line, whichever model it is. */
  public String purchaseFitSummary() {
    return paretoNbd != null ? paretoNbd.summary() : bgNbd.summary();
  }

  /** The purchase-count fit's limit model (its {@code boundary()}), or null for an interior fit. */
  public String purchaseFitBoundary() {
    return paretoNbd != null ? paretoNbd.boundary() : bgNbd.boundary();
  }

  @Override
  public String summary() {
    String clvPart = clv == null ? "no CLV (" + gammaGammaProblem + ")"
        : "CLV mean " + Formats.amount(clv.definedCustomers() == clv.customers().size()
            ? clv.mean() : clv.definedMean()) + " over " + Formats.months(clv.terms().periods());
    return "LTV: " + Formats.count(rfm.size()) + " customers (" + Formats.count(rfm.repeatCustomers())
        + " repeat) to " + until + ", " + clvPart;
  }

  /** The channels' table: LTV, CAC, LTV/CAC and payback per channel. */
  @Override
  public TextTable table() {
    return channels.table();
  }

  /**
   * The whole analysis as text: the customers observed, each fit's summary and parameter table
   * (with its limit model), why the expected spend is undefined when it is, the CLV, and the
   * channels' table with footnotes for its undefined figures.
   */
  @Override
  public String text() {
    StringBuilder b = new StringBuilder();
    b.append(Formats.count(rfm.size())).append(" customers (")
        .append(Formats.count(rfm.repeatCustomers())).append(" repeat), observed to ")
        .append(until).append(", time unit ").append(rfm.unit().label()).append("\n\n");
    if (paretoNbd != null) {
      b.append(paretoNbd.summary()).append('\n').append(paretoNbd.table().render());
    } else {
      b.append(bgNbd.summary()).append('\n').append(bgNbd.table().render());
    }
    if (purchaseFitBoundary() != null) {
      b.append("Limit model: ").append(purchaseFitBoundary()).append('\n');
    }
    b.append('\n');
    if (gammaGamma != null) {
      b.append(gammaGamma.summary()).append('\n').append(gammaGamma.table().render());
      if (gammaGamma.atBoundary()) {
        b.append("Limit model: ").append(gammaGamma.boundary()).append('\n');
      }
      spendNote().ifPresent(n -> b.append(n).append('\n'));
      b.append('\n');
      b.append(clv.summary()).append('\n');
      if (clv.definedCustomers() < clv.customers().size()) {
        b.append("  total over those ").append(Formats.amount(clv.definedTotal()))
            .append("; the other ").append(Formats.count(clv.customers().size() - clv.definedCustomers()))
            .append(" have no finite expected spend (see above)\n");
      } else {
        b.append("  total ").append(Formats.amount(clv.total())).append('\n');
      }
      if (clv.continuousRate() > 0) {
        b.append("  lifetime (continuous DERT at ")
            .append(Formats.number(clv.continuousRate())).append(" per ")
            .append(rfm.unit().label()).append(", no horizon): mean ")
            .append(Formats.number(clv.meanResidualTransactions()))
            .append(" discounted purchases, value ")
            .append(Formats.amount(clv.definedLifetimeMean())).append(" per customer\n");
      }
      if (clv.fallbackCustomers() > 0) {
        b.append("  of which ").append(Formats.count(clv.fallbackCustomers()))
            .append(" valued at the observed mean spend per repeat purchase, ")
            .append(Formats.amount(clv.fallbackSpend()))
            .append(" (spend fallback: an assumption, not a model result)\n");
      }
      b.append('\n');
    } else {
      b.append("Gamma-Gamma: not fitted: ").append(gammaGammaProblem).append("\n\n");
    }
    b.append(channels.summary()).append('\n').append(channels.table().render())
        .append(Formats.footnotes(channelFootnotes()));
    return b.toString();
  }

  /**
   * Why the expected spend of customers without repeat spend is undefined (the Gamma-Gamma
   * population mean is infinite, {@code q <= 1}) and what the spend fallback does about it; empty
   * when it is finite or there is no spend fit.
   */
  public Optional<String> spendNote() {
    GammaGammaFit g = gammaGamma;
    if (g == null || g.hasFiniteMeanSpend()) {
      return Optional.empty();
    }
    long without = rfm.size() - g.customers();
    String repeat = g.atBoundary()
        ? "Repeat buyers' expected spend is their own constant spend zbar; "
        : "Repeat buyers' expected spend p (gamma + x zbar) / (p x + q - 1) is finite; ";
    String head = "q = " + Formats.number(g.q().value()) + " <= 1: customers' spends vary so widely"
        + " that their population mean is infinite.\n" + repeat + "the " + Formats.count(without)
        + " customers\nwithout repeat spend have no finite expected spend, hence no CLV.";
    String mean = Formats.amount(Ltv.observedMeanSpend(rfm));
    return Optional.of(spendFallback
        ? head + "\nThey are valued at the observed mean spend per repeat purchase (" + mean
            + ") instead\n(--spend-fallback observed: an assumption, not a model result)."
        : head + "\n--spend-fallback observed values them at the observed mean spend per repeat"
            + " purchase\n(" + mean + ") instead.");
  }

  /**
   * Why a channel's figures are undefined, by JSON field name ({@code cac}, {@code ltvToCac},
   * {@code paybackMonths}, {@code ltv}): CAC, LTV/CAC and payback when its spend is unknown (no
   * spend table, no spend rows) or it has no customer; LTV when no cohort reached the month;
   * LTV/CAC when CAC is 0. Empty when every figure is defined.
   */
  public static Map<String, String> undefined(ChannelLtvToCac c, LtvToCac u) {
    Map<String, String> m = new LinkedHashMap<>();
    c.whyCacUndefined().ifPresent(why -> {
      m.put("cac", why);
      m.put("ltvToCac", why);
      m.put("paybackMonths", why);
    });
    if (Double.isNaN(c.ltv())) {
      String why = "no cohort of " + c.channel() + " reached month " + u.horizon();
      m.put("ltv", why);
      m.putIfAbsent("ltvToCac", why);
    } else if (c.paybackDefined() && Double.isNaN(c.ltvToCac())) {
      m.put("ltvToCac", "zero CAC for " + c.channel());
    }
    return m;
  }

  /**
   * The channels' footnotes, one per reason, naming the figures it makes undefined:
   * {@code "CAC, LTV/CAC, payback: no spend rows for direct"}.
   */
  public List<String> channelFootnotes() {
    return footnotes(channels);
  }

  /** {@link #channelFootnotes()} of any channel economics. */
  public static List<String> footnotes(LtvToCac u) {
    Map<String, List<String>> byReason = new LinkedHashMap<>();
    for (ChannelLtvToCac c : u.channels()) {
      undefined(c, u).forEach((field, why) -> byReason
          .computeIfAbsent(why, k -> new ArrayList<>()).add(label(field)));
    }
    List<String> out = new ArrayList<>();
    byReason.forEach((why, fields) -> out.add(String.join(", ", fields) + ": " + why));
    return out;
  }

  private static String label(String field) {
    return switch (field) {
      case "cac" -> "CAC";
      case "ltv" -> "LTV";
      case "ltvToCac" -> "LTV/CAC";
      default -> "payback";
    };
  }

  @Override
  public String toString() {
    return Tabular.preview(this);
  }
}
