package dev.funnel.cli;

import dev.funnel.cohort.Cohorts;
import dev.funnel.cohort.LtvAnalysis;
import dev.funnel.cohort.LtvQuery;
import dev.funnel.cohort.ltv.ClvTerms;
import dev.funnel.cohort.ltv.PurchaseModel;
import dev.funnel.cohort.ltv.RfmUnit;
import dev.funnel.core.DatasetTable;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import dev.funnel.cli.view.HoldoutView;
import dev.funnel.cli.view.LtvView;
import dev.funnel.cohort.ltv.HoldoutValidation;
import dev.funnel.cohort.ltv.Ltv;


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

  static final Option HOLDOUT = new Option("holdout", "DATE",
      "validate the purchase models instead: fit on the purchases to DATE, predict those after it"
          + " to --until; BG/NBD, MBG/NBD, Pareto/NBD (and BG/BB when discrete) compared");

  /** The tables of {@code --holdout}: the payments alone. */
  static final Set<DatasetTable> HOLDOUT_TABLES = EnumSet.of(DatasetTable.PAYMENTS);

  @Override
  public String name() {
    return "ltv";
  }

  @Override
  public java.util.Optional<Set<DatasetTable>> tablesByDefault() {
    return java.util.Optional.of(TABLES);
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
        + "CLV from a fit that did not converge says so (text CAVEAT lines, JSON clv.caveats).\n"
        + "--format svg draws P(alive) of the fitted model over repeat purchases x recency at the\n"
        + "oldest customer's age (a heat map; impossible histories blank).\n"
        + "--holdout DATE validates the purchase models (Fader, Hardie and Lee 2005, section 4):\n"
        + "BG/NBD, MBG/NBD and Pareto/NBD fitted on the purchases to DATE, and the BG/BB when no\n"
        + "customer buys twice in one --unit period (periods end on DATE; months are calendar\n"
        + "months); predictions of the purchases after DATE to --until (default: the last payment\n"
        + "day) per calibration frequency (0..6, 7+) and per unit (cumulative and incremental),\n"
        + "errors per model (MAE, RMSE per customer; tracking MAE), logL, AIC, BIC, and the\n"
        + "recommended model: " + HoldoutValidation.RULE + ".\n"
        + "With --format svg it draws the three validation figures in one document. Only the\n"
        + "payments are read; --model, --horizon, --discount, --margin, --ltv-at and\n"
        + "--spend-fallback do not apply.";
  }

  @Override
  public List<Option> options() {
    return DataInput.options(true, UNTIL, UNIT, MODEL, HOLDOUT, HORIZON, DISCOUNT, MARGIN,
        LTV_AT, SPEND_FALLBACK);
  }

  @Override
  public List<Format> formats() {
    return List.of(Format.TEXT, Format.JSON, Format.CSV, Format.SVG);
  }

  @Override
  public int run(Arguments args, Session session) {
    if (args.has(HOLDOUT)) {
      return holdout(args, session);
    }
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
    LtvAnalysis r = Cohorts.ltv(in.dataset(), new LtvQuery(until, unit, model,
        ClvTerms.monthly(horizon, discount, margin), ltvAt, observed));
    Output.emit(session, format, LtvView.of(r), in);
    return ExitCodes.OK;
  }

  /** {@code --holdout DATE}: the calibration/holdout validation of the purchase models. */
  private static int holdout(Arguments args, Session session) {
    Format format = args.format();
    for (Option o : List.of(MODEL, HORIZON, DISCOUNT, MARGIN, LTV_AT, SPEND_FALLBACK)) {
      if (args.has(o)) {
        throw args.usage("--holdout compares the purchase models: --" + o.name()
            + " does not apply");
      }
    }
    LocalDate calibrationEnd = date(args, HOLDOUT);
    LocalDate until = until(args);
    RfmUnit unit = unit(args);
    DataInput in = DataInput.read(args, session, HOLDOUT_TABLES);
    LocalDate end = until != null ? until : Ltv.lastPurchaseDay(in.dataset()).orElseThrow(() ->
        new IllegalArgumentException("ltv --holdout needs payments; the payments table is empty"));
    if (!end.isAfter(calibrationEnd)) {
      throw args.usage("--holdout " + calibrationEnd + " leaves no holdout: the data end at " + end
          + (until != null ? " (--until)" : " (the last payment day)"));
    }
    HoldoutValidation v =
        Ltv.holdout(Ltv.purchases(in.dataset()), calibrationEnd, end, unit);
    Output.emit(session, format, HoldoutView.of(v), in);
    return ExitCodes.OK;
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
    try {
      return PurchaseModel.parse(v);
    } catch (IllegalArgumentException e) {
      throw args.usage("bad --model '" + v + "': use bgnbd or pareto");
    }
  }

  private static LocalDate until(Arguments args) {
    return date(args, UNTIL);
  }

  private static LocalDate date(Arguments args, Option o) {
    String v = args.value(o);
    if (v == null) {
      return null;
    }
    try {
      return LocalDate.parse(v.trim());
    } catch (DateTimeParseException e) {
      throw args.usage("bad --" + o.name() + " '" + v + "': expected a date such as 2026-03-31");
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
}
