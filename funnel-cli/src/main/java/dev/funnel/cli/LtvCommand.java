package dev.funnel.cli;

import dev.funnel.cohort.ChannelLtvToCac;
import dev.funnel.cohort.CohortLtvToCac;
import dev.funnel.cohort.Cohorts;
import dev.funnel.cohort.LtvToCac;
import dev.funnel.cohort.ltv.BgNbdFit;
import dev.funnel.cohort.ltv.ClvTable;
import dev.funnel.cohort.ltv.ClvTerms;
import dev.funnel.cohort.ltv.Estimate;
import dev.funnel.cohort.ltv.GammaGammaFit;
import dev.funnel.cohort.ltv.Ltv;
import dev.funnel.cohort.ltv.ParetoNbdFit;
import dev.funnel.cohort.ltv.RfmSummary;
import dev.funnel.cohort.ltv.RfmUnit;
import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Granularity;
import dev.funnel.core.columnar.PaymentColumns;
import dev.funnel.core.display.TextTable;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code funnel ltv DATA}: customer lifetime value (docs/spec/cli.md, ltv). The RFM summary of
 * the payments up to {@code --until}, the purchase-count fit of {@link Ltv} ({@code --model}:
 * BG/NBD of Fader, Hardie and Lee 2005 by default, or Pareto/NBD of Schmittlein, Morrison and
 * Colombo 1987) and its Gamma-Gamma spend fit, the mean discounted CLV over {@code --horizon}
 * months, and per acquisition channel the historical LTV, CAC, LTV/CAC and payback in months of
 * {@link Cohorts#ltvToCac}.
 */
final class LtvCommand implements Command {

  /** The tables this command's computation uses; only these are read from DATA. */
  static final Set<DatasetTable> TABLES =
      EnumSet.of(DatasetTable.LEADS, DatasetTable.PAYMENTS, DatasetTable.SPEND);

  static final Option UNTIL = new Option("until", "DATE",
      "end of the observation period; purchases on that day count (default: the last payment day)");
  static final Option UNIT = new Option("unit", "U", "time unit of the fits: day, week (default) or month");
  static final Option HORIZON = new Option("horizon", "N", "CLV horizon in months (default 12)");
  static final Option DISCOUNT = new Option("discount", "R", "monthly discount rate of the CLV (default 0.01)");
  static final Option MARGIN =
      new Option("margin", "M", "gross margin of CLV, LTV and payback, in (0, 1] (default 1: revenue)");
  static final Option LTV_AT = new Option("ltv-at", "N",
      "channels: historical LTV is the cumulative margin per customer at month N after acquisition (default 6)");
  static final Option SPEND_FALLBACK = new Option("spend-fallback", "F",
      "none (default) or observed: when the Gamma-Gamma mean spend is infinite (q <= 1), value customers"
          + " without repeat spend at the observed mean spend per repeat purchase (an assumption)");

  static final Option MODEL = new Option("model", "M",
      "purchase-count model: bgnbd (default, BG/NBD) or pareto (Pareto/NBD)");

  /** The purchase-count model of {@code --model}. */
  enum PurchaseModel {
    /** BG/NBD (Fader, Hardie and Lee 2005), {@link Ltv#bgNbd}. */
    BGNBD("bgnbd"),
    /** Pareto/NBD (Schmittlein, Morrison and Colombo 1987), {@link Ltv#paretoNbd}. */
    PARETO("pareto");

    final String label;

    PurchaseModel(String label) {
      this.label = label;
    }
  }

  @Override
  public String name() {
    return "ltv";
  }

  @Override
  public String summary() {
    return "LTV: BG/NBD (or Pareto/NBD) and Gamma-Gamma fits, CLV, LTV, CAC, LTV/CAC, payback";
  }

  @Override
  public String operands() {
    return "DATA | --demo";
  }

  @Override
  public String details() {
    return "Purchases are the payments, by calendar day in the dataset time zone. The RFM summary\n"
        + "follows Fader, Hardie and Lee (2005): purchases on the same day merge, x counts the\n"
        + "repeat purchase days, ages are whole days from the first purchase to --until, in\n"
        + "--unit. Channels: a customer's channel is the channel of its first lead; LTV is the\n"
        + "cumulative margin per customer at month --ltv-at after the first payment, pooled over\n"
        + "the monthly cohorts that reached it; CAC is the channel's spend per new customer;\n"
        + "all as of the end of --until: later payments and spend are left out, and a month cut\n"
        + "short by it is left out of the pooled LTV and payback;\n"
        + "payback is the month index (0 = the month of the first payment) at which cumulative\n"
        + "margin per customer first covers CAC, null when not yet.\n"
        + "--model pareto fits the Pareto/NBD (Schmittlein, Morrison and Colombo 1987) instead of\n"
        + "BG/NBD; it then gives the CLV's expected purchases and P(alive). JSON: \"model\":\n"
        + "\"pareto\" and a \"paretoNbd\" member (r, alpha, s, beta, lambda, mu, ...) in place of\n"
        + "\"bgnbd\"; r and alpha are null at the homogeneous-rate limit, lambda the common rate;\n"
        + "s and beta are null at the constant-dropout-rate limit, mu the common dropout rate.\n"
        + "Fits that run to a boundary of the parameter space report the limit model there (its\n"
        + "name in \"boundary\"); intervals95 are on the log scale (logit for pi), never below 0. A\n"
        + "CLV from a fit that did not converge says so (text CAVEAT lines, JSON clv.caveats).";
  }

  @Override
  public List<Option> options() {
    return DataInput.options(true, UNTIL, UNIT, MODEL, HORIZON, DISCOUNT, MARGIN, LTV_AT,
        SPEND_FALLBACK);
  }

  @Override
  public List<Format> formats() {
    return List.of(Format.TEXT, Format.JSON);
  }

  /**
   * Everything the command computes.
   *
   * @param bgnbd            the BG/NBD fit; null with {@code --model pareto}
   * @param observedFallback whether customers without a finite expected spend were valued at the
   *                         observed mean spend per repeat purchase ({@code --spend-fallback observed})
   * @param paretoNbd        the Pareto/NBD fit with {@code --model pareto}; null otherwise
   */
  record Result(LocalDate until, RfmSummary summary, BgNbdFit bgnbd, GammaGammaFit gammaGamma,
      String gammaGammaProblem, ClvTable clv, LtvToCac channels, boolean observedFallback,
      ParetoNbdFit paretoNbd) {}

  @Override
  public int run(Arguments args, Session session) {
    Format format = args.format();
    LocalDate until = until(args);
    RfmUnit unit = unit(args);
    int horizon = (int) args.integer(HORIZON, 12, 1, 1200);
    double discount = fraction(args, DISCOUNT, 0.01, -0.99, 10);
    double margin = fraction(args, MARGIN, 1, 1e-9, 1);
    int ltvAt = (int) args.integer(LTV_AT, 6, 0, 1200);
    boolean observed = spendFallback(args);
    PurchaseModel model = model(args);
    DataInput in = DataInput.read(args, session, TABLES);
    Result r = compute(in.dataset(), until, unit, ClvTerms.monthly(horizon, discount, margin), ltvAt,
        observed, model);
    session.emit(format == Format.JSON ? in.json(json(r)) : text(r));
    return Funnel.OK;
  }

  /**
   * The fits and channel economics of a dataset.
   *
   * @param until the end of observation, or null for the day of the last payment
   * @param ltvAt the month index at which the channels' historical LTV is read
   */
  static Result compute(Dataset d, LocalDate until, RfmUnit unit, ClvTerms terms, int ltvAt) {
    return compute(d, until, unit, terms, ltvAt, false);
  }

  /**
   * {@link #compute(Dataset, LocalDate, RfmUnit, ClvTerms, int)}; with {@code observedFallback}
   * customers whose Gamma-Gamma expected spend is infinite get the observed mean spend per repeat
   * purchase ({@link Ltv#observedMeanSpend(RfmSummary)}) in the CLV.
   */
  static Result compute(Dataset d, LocalDate until, RfmUnit unit, ClvTerms terms, int ltvAt,
      boolean observedFallback) {
    return compute(d, until, unit, terms, ltvAt, observedFallback, PurchaseModel.BGNBD);
  }

  /**
   * {@link #compute(Dataset, LocalDate, RfmUnit, ClvTerms, int, boolean)} with the purchase-count
   * model chosen: BG/NBD ({@link Ltv#bgNbd}) or Pareto/NBD ({@link Ltv#paretoNbd}), which then
   * drives the CLV's expected purchases and probability alive.
   */
  static Result compute(Dataset d, LocalDate until, RfmUnit unit, ClvTerms terms, int ltvAt,
      boolean observedFallback, PurchaseModel model) {
    d.require(DatasetTable.PAYMENTS, "ltv");
    PaymentColumns payments = d.columns().payments();
    if (payments.size() == 0) {
      throw new IllegalArgumentException("ltv needs payments; the payments table is empty");
    }
    long lastAt = Long.MIN_VALUE;
    for (int r = 0; r < payments.size(); r++) {
      lastAt = Math.max(lastAt, payments.at(r));
    }
    // the local day of the last payment (a day never changes within a millisecond)
    LocalDate last = LocalDate.ofInstant(java.time.Instant.ofEpochMilli(lastAt), d.zone());
    LocalDate end = until == null ? last : until;
    RfmSummary s = Ltv.summarize(d, end, unit);
    if (s.size() == 0) {
      throw new IllegalArgumentException("no customer made a purchase on or before " + end);
    }
    BgNbdFit counts = model == PurchaseModel.BGNBD ? Ltv.bgNbd(s) : null;
    ParetoNbdFit pareto = model == PurchaseModel.PARETO ? Ltv.paretoNbd(s) : null;
    GammaGammaFit spend = null;
    String problem = null;
    try {
      spend = Ltv.gammaGamma(s);
    } catch (IllegalArgumentException e) {
      problem = e.getMessage();
    }
    double fallback = observedFallback ? Ltv.observedMeanSpend(s) : Double.NaN;
    ClvTable clv = spend == null ? null
        : counts != null ? Ltv.clv(s, counts, spend, terms, fallback)
        : Ltv.clv(s, pareto, spend, terms, fallback);
    // the channel economics as of the end of the observation day, like the fits
    return new Result(end, s, counts, spend, problem, clv,
        Cohorts.ltvToCac(d, Granularity.MONTH, terms.margin(), ltvAt, AsOf.endOfDay(end, d.zone())),
        observedFallback, pareto);
  }

  private static boolean spendFallback(Arguments args) {
    String v = args.value(SPEND_FALLBACK);
    if (v == null || v.trim().equals("none")) {
      return false;
    }
    if (v.trim().equals("observed")) {
      return true;
    }
    throw args.usage("bad --spend-fallback '" + v + "': use none or observed");
  }

  private static PurchaseModel model(Arguments args) {
    String v = args.value(MODEL);
    if (v == null) {
      return PurchaseModel.BGNBD;
    }
    for (PurchaseModel m : PurchaseModel.values()) {
      if (m.label.equals(v.trim().toLowerCase(java.util.Locale.ROOT))) {
        return m;
      }
    }
    throw args.usage("bad --model '" + v + "': use bgnbd or pareto");
  }

  private static LocalDate until(Arguments args) {
    String v = args.value(UNTIL);
    if (v == null) {
      return null;
    }
    try {
      return LocalDate.parse(v.trim());
    } catch (DateTimeParseException e) {
      throw args.usage("bad --until '" + v + "': expected a date such as 2026-03-31");
    }
  }

  private static RfmUnit unit(Arguments args) {
    String v = args.value(UNIT);
    if (v == null) {
      return RfmUnit.WEEK;
    }
    try {
      return RfmUnit.parse(v);
    } catch (IllegalArgumentException e) {
      throw args.usage("bad --unit: " + e.getMessage());
    }
  }

  private static double fraction(Arguments args, Option o, double dflt, double min, double max) {
    String v = args.value(o);
    if (v == null) {
      return dflt;
    }
    double x;
    try {
      x = Double.parseDouble(v.trim());
    } catch (NumberFormatException e) {
      throw args.usage("bad --" + o.name() + " '" + v + "': expected a number");
    }
    if (!(x >= min && x <= max)) {
      throw args.usage("--" + o.name() + " must be between " + min + " and " + max + ", got " + v);
    }
    return x;
  }

  static Map<String, Object> json(Result r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("customers", r.summary().size());
    m.put("until", r.until());
    m.put("unit", r.summary().unit().label());
    m.put("repeatCustomers", r.summary().repeatCustomers());
    if (r.paretoNbd() != null) {
      m.put("model", PurchaseModel.PARETO.label);
      m.put("paretoNbd", json(r.paretoNbd()));
    } else {
      m.put("bgnbd", json(r.bgnbd()));
    }
    Map<String, Object> gg = new LinkedHashMap<>();
    GammaGammaFit g = r.gammaGamma();
    gg.put("p", g == null ? null : g.p().value());
    gg.put("q", g == null ? null : g.q().value());
    gg.put("gamma", g == null ? null : g.gamma().value());
    if (g != null) {
      gg.put("theta", g.theta().value());
      gg.put("boundary", g.boundary());
      gg.put("logLikelihood", g.logLikelihood());
      gg.put("standardErrors", errors(g.p(), g.q(), g.gamma(), g.theta()));
      gg.put("intervals95", intervals(g.p(), g.q(), g.gamma(), g.theta()));
      gg.put("customers", g.customers());
      gg.put("excluded", g.excluded());
      gg.put("converged", g.convergence().converged());
      gg.put("populationMeanSpend", g.populationMeanSpend());
      if (!g.hasFiniteMeanSpend()) {
        gg.put("note", spendNote(r));
      }
    } else {
      gg.put("problem", r.gammaGammaProblem());
    }
    m.put("gammaGamma", gg);
    if (r.clv() != null) {
      Map<String, Object> clv = new LinkedHashMap<>();
      clv.put("horizonMonths", r.clv().terms().periods());
      clv.put("discountRate", r.clv().terms().discountRate());
      clv.put("margin", r.clv().terms().margin());
      clv.put("mean", r.clv().mean());
      clv.put("total", r.clv().total());
      clv.put("definedCustomers", r.clv().definedCustomers());
      clv.put("definedMean", r.clv().definedMean());
      clv.put("definedTotal", r.clv().definedTotal());
      clv.put("spendFallback", r.observedFallback() ? "observed" : "none");
      clv.put("fallbackSpend", r.clv().fallbackSpend());
      clv.put("fallbackCustomers", r.clv().fallbackCustomers());
      clv.put("fromConvergedFits", r.clv().fromConvergedFits());
      clv.put("caveats", r.clv().caveats());
      m.put("clv", clv);
    }
    m.putAll(json(r.channels()));
    return m;
  }

  /** The BG/NBD member: parameters, log-likelihood, standard errors, convergence, boundary. */
  private static Map<String, Object> json(BgNbdFit b) {
    Map<String, Object> bg = new LinkedHashMap<>();
    bg.put("r", b.r().value());
    bg.put("alpha", b.alpha().value());
    bg.put("a", b.a().value());
    bg.put("b", b.b().value());
    bg.put("pi", b.pi().value());
    bg.put("logLikelihood", b.logLikelihood());
    bg.put("standardErrors", errors(b.r(), b.alpha(), b.a(), b.b(), b.pi()));
    bg.put("intervals95", intervals(b.r(), b.alpha(), b.a(), b.b(), b.pi()));
    bg.put("converged", b.convergence().converged());
    bg.put("boundary", b.boundary());
    return bg;
  }

  /**
   * The Pareto/NBD member, in the BG/NBD member's shape: r, alpha, s, beta, the mean purchase rate
   * lambda (r/alpha; the common rate at the homogeneous-rate limit, where r and alpha are infinite,
   * JSON null), log-likelihood, standard errors, convergence, boundary.
   */
  private static Map<String, Object> json(ParetoNbdFit p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("r", p.r().value());
    m.put("alpha", p.alpha().value());
    m.put("s", p.s().value());
    m.put("beta", p.beta().value());
    m.put("lambda", p.lambda().value());
    m.put("mu", p.mu().value());
    m.put("logLikelihood", p.logLikelihood());
    m.put("standardErrors", errors(p.r(), p.alpha(), p.s(), p.beta(), p.lambda(), p.mu()));
    m.put("intervals95", intervals(p.r(), p.alpha(), p.s(), p.beta(), p.lambda(), p.mu()));
    m.put("converged", p.convergence().converged());
    m.put("boundary", p.boundary());
    return m;
  }

  /**
   * The channel economics of {@link Cohorts#ltvToCac}: per channel LTV, CAC, LTV/CAC and
   * payback, the month LTV is read at, the margin, and per channel and cohort CAC and payback.
   */
  static Map<String, Object> json(LtvToCac u) {
    Map<String, Object> m = new LinkedHashMap<>();
    List<Object> channels = new ArrayList<>();
    for (ChannelLtvToCac c : u.channels()) {
      Map<String, Object> ch = new LinkedHashMap<>();
      ch.put("channel", c.channel());
      ch.put("ltv", c.ltv());
      ch.put("cac", c.cac());
      ch.put("ltvToCac", c.ltvToCac());
      ch.put("paybackMonths", c.payback().isPresent() ? c.payback().getAsInt() : null);
      ch.put("paybackStatus", !c.paybackDefined() ? "undefined"
          : c.payback().isPresent() ? "reached" : "not yet");
      ch.put("customers", c.customers());
      ch.put("spend", c.spend());
      ch.put("spendRows", c.spendRows());
      Map<String, Object> why = undefined(c, u);
      if (!why.isEmpty()) {
        ch.put("undefined", why);
      }
      channels.add(ch);
    }
    m.put("channels", channels);
    m.put("ltvAtMonth", u.horizon());
    m.put("margin", u.margin());
    List<Object> cohorts = new ArrayList<>();
    for (CohortLtvToCac c : u.cohorts()) {
      Map<String, Object> ch = new LinkedHashMap<>();
      ch.put("channel", c.channel());
      ch.put("cohort", c.cohort().label());
      ch.put("customers", c.customers());
      ch.put("spend", c.spend());
      ch.put("spendRows", c.spendRows());
      ch.put("cac", c.cac());
      ch.put("paybackMonths", c.payback().isPresent() ? c.payback().getAsInt() : null);
      if (c.cacUndefined() != null) {
        ch.put("undefined", Map.of("cac", c.cacUndefined(), "paybackMonths", c.cacUndefined()));
      }
      cohorts.add(ch);
    }
    m.put("channelCohorts", cohorts);
    return m;
  }

  /**
   * Each parameter's approximate 95% interval {@code [low, high]} on its scale (log for a positive
   * parameter, logit for a probability: never below zero; {@link Estimate}); null bounds where it
   * is not defined (a limit value or no standard error).
   */
  private static Map<String, Object> intervals(Estimate... es) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (Estimate e : es) {
      m.put(e.name(), java.util.Arrays.asList(e.lower95(), e.upper95()));
    }
    return m;
  }

  /**
   * Why a channel's figures are undefined, by JSON field: CAC, LTV/CAC and payback when its spend is
   * unknown (no spend table, no spend rows) or it has no customer; LTV when no cohort reached the
   * month; LTV/CAC when CAC is 0.
   */
  static Map<String, Object> undefined(ChannelLtvToCac c, LtvToCac u) {
    Map<String, Object> m = new LinkedHashMap<>();
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
  static List<String> footnoteLines(LtvToCac u) {
    Map<String, List<String>> byReason = new LinkedHashMap<>();
    for (ChannelLtvToCac c : u.channels()) {
      undefined(c, u).forEach((field, why) -> byReason
          .computeIfAbsent((String) why, k -> new ArrayList<>()).add(label(field)));
    }
    List<String> out = new ArrayList<>();
    byReason.forEach((why, fields) -> out.add(String.join(", ", fields) + ": " + why));
    return out;
  }

  /** {@link #footnoteLines} as text under the table: {@code "- = undefined:"}, then a line each. */
  static String footnotes(LtvToCac u) {
    List<String> lines = footnoteLines(u);
    if (lines.isEmpty()) {
      return "";
    }
    StringBuilder b = new StringBuilder("- = undefined:\n");
    lines.forEach(l -> b.append("  ").append(l).append('\n'));
    return b.toString();
  }

  private static String label(String field) {
    return switch (field) {
      case "cac" -> "CAC";
      case "ltv" -> "LTV";
      case "ltvToCac" -> "LTV/CAC";
      default -> "payback";
    };
  }

  private static Map<String, Object> errors(Estimate... es) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (Estimate e : es) {
      m.put(e.name(), e.standardError());
    }
    return m;
  }

  /** Why the expected spend of customers without repeat spend is undefined, and what to do. */
  static String spendNote(Result r) {
    GammaGammaFit g = r.gammaGamma();
    long without = r.summary().size() - g.customers();
    String q = TextTable.number(g.q().value());
    String repeat = g.atBoundary()
        ? "Repeat buyers' expected spend is their own constant spend zbar; "
        : "Repeat buyers' expected spend p (gamma + x zbar) / (p x + q - 1) is finite; ";
    String head = "q = " + q + " <= 1: customers' spends vary so widely that their population mean"
        + " is infinite.\n" + repeat + "the " + without + " customers\nwithout repeat spend have no"
        + " finite expected spend, hence no CLV.";
    return r.observedFallback()
        ? head + "\nThey are valued at the observed mean spend per repeat purchase ("
            + TextTable.number(Ltv.observedMeanSpend(r.summary())) + ") instead\n(--spend-fallback"
            + " observed: an assumption, not a model result)."
        : head + "\n--spend-fallback observed values them at the observed mean spend per repeat"
            + " purchase\n(" + TextTable.number(Ltv.observedMeanSpend(r.summary())) + ") instead.";
  }

  static String text(Result r) {
    StringBuilder b = new StringBuilder();
    b.append(r.summary().size()).append(" customers (").append(r.summary().repeatCustomers())
        .append(" repeat), observed to ").append(r.until()).append(", time unit ")
        .append(r.summary().unit().label()).append("\n\n");
    if (r.paretoNbd() != null) {
      b.append(r.paretoNbd().summary()).append('\n').append(r.paretoNbd().table().render());
      if (r.paretoNbd().atBoundary()) {
        b.append("Limit model: ").append(r.paretoNbd().boundary()).append('\n');
      }
    } else {
      b.append(r.bgnbd().summary()).append('\n').append(r.bgnbd().table().render());
      if (r.bgnbd().atBoundary()) {
        b.append("Limit model: ").append(r.bgnbd().boundary()).append('\n');
      }
    }
    b.append('\n');
    if (r.gammaGamma() != null) {
      b.append(r.gammaGamma().summary()).append('\n').append(r.gammaGamma().table().render());
      if (r.gammaGamma().atBoundary()) {
        b.append("Limit model: ").append(r.gammaGamma().boundary()).append('\n');
      }
      if (!r.gammaGamma().hasFiniteMeanSpend()) {
        b.append(spendNote(r)).append('\n');
      }
      b.append('\n');
      ClvTable c = r.clv();
      b.append(c.summary()).append('\n');
      if (c.definedCustomers() < c.customers().size()) {
        b.append("  total over those ").append(TextTable.number(c.definedTotal()))
            .append("; the other ").append(c.customers().size() - c.definedCustomers())
            .append(" have no finite expected spend (see above)\n");
      } else {
        b.append("  total ").append(TextTable.number(c.total())).append('\n');
      }
      if (c.fallbackCustomers() > 0) {
        b.append("  of which ").append(c.fallbackCustomers())
            .append(" valued at the observed mean spend per repeat purchase, ")
            .append(TextTable.number(c.fallbackSpend()))
            .append(" (--spend-fallback observed: an assumption, not a model result)\n");
      }
      b.append('\n');
    } else {
      b.append("Gamma-Gamma: not fitted: ").append(r.gammaGammaProblem()).append("\n\n");
    }
    b.append(r.channels().summary()).append('\n').append(r.channels().table().render())
        .append(footnotes(r.channels()));
    return b.toString();
  }
}
