package dev.funnel.cli.view;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import dev.funnel.cohort.ChannelLtvToCac;
import dev.funnel.cohort.CohortLtvToCac;
import dev.funnel.cohort.LtvAnalysis;
import dev.funnel.cohort.LtvToCac;
import dev.funnel.cohort.ltv.AliveGrid;
import dev.funnel.cohort.ltv.BgNbdFit;
import dev.funnel.cohort.ltv.ClvTable;
import dev.funnel.cohort.ltv.Estimate;
import dev.funnel.cohort.ltv.GammaGammaFit;
import dev.funnel.cohort.ltv.ParetoNbdFit;
import dev.funnel.cohort.ltv.PurchaseModel;
import dev.funnel.core.display.Formats;
import dev.funnel.core.display.TextTable;
import dev.funnel.io.chart.ChartOptions;
import dev.funnel.io.chart.Charts;
import dev.funnel.io.chart.HeatRow;
import dev.funnel.io.chart.Svg;
import dev.funnel.io.html.KeyFigure;
import dev.funnel.io.html.Section;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Customer lifetime value ({@link LtvAnalysis}, {@code funnel ltv}): the purchase-count and spend
 * fits with their standard errors, log-scale intervals and limit models, the CLV with its caveats,
 * and per channel the LTV, CAC, LTV/CAC and payback with the reasons a figure is undefined; and the
 * channel economics alone ({@link #channels(LtvToCac)}, the review pack's LTV/CAC table).
 */
public final class LtvView implements View {

  private final LtvAnalysis a;

  private LtvView(LtvAnalysis a) {
    this.a = a;
  }

  /** The view of an analysis. */
  public static LtvView of(LtvAnalysis a) {
    return new LtvView(a);
  }

  /** The view of the channels' LTV, CAC, LTV/CAC and payback alone. */
  public static View channels(LtvToCac u) {
    return new Channels(u);
  }

  /** Each parameter's standard error by name. */
  private static Map<String, Double> errors(Estimate... es) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (Estimate e : es) {
      m.put(e.name(), e.standardError());
    }
    return m;
  }

  /**
   * Each parameter's approximate 95% interval {@code [low, high]} on its scale (log for a positive
   * parameter, logit for a probability: never below zero; {@link Estimate}); null bounds where it
   * is not defined.
   */
  private static Map<String, List<Double>> intervals(Estimate... es) {
    Map<String, List<Double>> m = new LinkedHashMap<>();
    for (Estimate e : es) {
      m.put(e.name(), Arrays.asList(e.lower95(), e.upper95()));
    }
    return m;
  }

  /** The BG/NBD member: parameters, log-likelihood, standard errors, convergence, boundary. */
  record BgNbdJson(double r, double alpha, double a, double b, double pi, double logLikelihood,
      Map<String, Double> standardErrors, Map<String, List<Double>> intervals95, boolean converged,
      String boundary) {
    static BgNbdJson of(BgNbdFit b) {
      return new BgNbdJson(b.r().value(), b.alpha().value(), b.a().value(), b.b().value(),
          b.pi().value(), b.logLikelihood(), errors(b.r(), b.alpha(), b.a(), b.b(), b.pi()),
          intervals(b.r(), b.alpha(), b.a(), b.b(), b.pi()), b.convergence().converged(),
          b.boundary());
    }
  }

  /**
   * The Pareto/NBD member in the BG/NBD member's shape: r, alpha, s, beta, the mean purchase rate
   * lambda and dropout rate mu, log-likelihood, standard errors, convergence, boundary.
   */
  record ParetoNbdJson(double r, double alpha, double s, double beta, double lambda, double mu,
      double logLikelihood, Map<String, Double> standardErrors,
      Map<String, List<Double>> intervals95, boolean converged, String boundary) {
    static ParetoNbdJson of(ParetoNbdFit p) {
      return new ParetoNbdJson(p.r().value(), p.alpha().value(), p.s().value(), p.beta().value(),
          p.lambda().value(), p.mu().value(), p.logLikelihood(),
          errors(p.r(), p.alpha(), p.s(), p.beta(), p.lambda(), p.mu()),
          intervals(p.r(), p.alpha(), p.s(), p.beta(), p.lambda(), p.mu()),
          p.convergence().converged(), p.boundary());
    }
  }

  /** The Gamma-Gamma member: parameters, fit, and why the mean spend is infinite when it is. */
  record GammaGammaJson(double p, double q, double gamma, double theta, String boundary,
      double logLikelihood, Map<String, Double> standardErrors,
      Map<String, List<Double>> intervals95, long customers, long excluded, boolean converged,
      double populationMeanSpend, @JsonInclude(Include.NON_NULL) String note) {}

  /** The Gamma-Gamma member without a fit: why. */
  record NoGammaGammaJson(Double p, Double q, Double gamma, String problem) {}

  private Object gammaGamma() {
    GammaGammaFit g = a.gammaGamma();
    if (g == null) {
      return new NoGammaGammaJson(null, null, null, a.gammaGammaProblem());
    }
    return new GammaGammaJson(g.p().value(), g.q().value(), g.gamma().value(), g.theta().value(),
        g.boundary(), g.logLikelihood(), errors(g.p(), g.q(), g.gamma(), g.theta()),
        intervals(g.p(), g.q(), g.gamma(), g.theta()), g.customers(), g.excluded(),
        g.convergence().converged(), g.populationMeanSpend(),
        g.hasFiniteMeanSpend() ? null : a.spendNote().orElse(null));
  }

  /**
   * The CLV member; {@code continuousRate}, {@code meanResidualTransactions} and
   * {@code lifetimeMean} are the lifetime figures beside the horizon's discrete sum: the
   * continuously compounded rate per {@code --unit} equivalent to {@code discountRate} a month, the
   * mean continuous-time DERT over the whole remaining lifetime, and the mean of margin x expected
   * spend x that DERT over the customers where it is defined (null without a positive rate).
   */
  record ClvJson(int horizonMonths, double discountRate, double margin, double mean, double total,
      long definedCustomers, double definedMean, double definedTotal, String spendFallback,
      double fallbackSpend, long fallbackCustomers, boolean fromConvergedFits,
      List<String> caveats, double continuousRate, double meanResidualTransactions,
      double lifetimeMean) {}

  /** The channels' member: per channel and per channel cohort. */
  record ChannelJson(String channel, double ltv, double cac, double ltvToCac,
      Integer paybackMonths, String paybackStatus, long customers, BigDecimal spend,
      long spendRows, @JsonInclude(Include.NON_EMPTY) Map<String, String> undefined) {}

  record ChannelCohortJson(String channel, String cohort, long customers, BigDecimal spend,
      long spendRows, double cac, Integer paybackMonths,
      @JsonInclude(Include.NON_NULL) Map<String, String> undefined) {}

  /** The channel economics of {@code Cohorts.ltvToCac}, a member set of the LTV document. */
  record ChannelsJson(List<ChannelJson> channels, int ltvAtMonth, double margin,
      List<ChannelCohortJson> channelCohorts) {
    static ChannelsJson of(LtvToCac u) {
      List<ChannelJson> channels = new ArrayList<>();
      for (ChannelLtvToCac c : u.channels()) {
        channels.add(new ChannelJson(c.channel(), c.ltv(), c.cac(), c.ltvToCac(),
            c.payback().isPresent() ? c.payback().getAsInt() : null,
            !c.paybackDefined() ? "undefined" : c.payback().isPresent() ? "reached" : "not yet",
            c.customers(), c.spend(), c.spendRows(), LtvAnalysis.undefined(c, u)));
      }
      List<ChannelCohortJson> cohorts = new ArrayList<>();
      for (CohortLtvToCac c : u.cohorts()) {
        Map<String, String> why = null;
        if (c.cacUndefined() != null) {
          why = new LinkedHashMap<>();
          why.put("cac", c.cacUndefined());
          why.put("paybackMonths", c.cacUndefined());
        }
        cohorts.add(new ChannelCohortJson(c.channel(), c.cohort().label(), c.customers(),
            c.spend(), c.spendRows(), c.cac(),
            c.payback().isPresent() ? c.payback().getAsInt() : null, why));
      }
      return new ChannelsJson(channels, u.horizon(), u.margin(), cohorts);
    }
  }

  /** The document of docs/spec/cli.md (ltv). */
  record Json(long customers, LocalDate until, String unit, long repeatCustomers,
      @JsonInclude(Include.NON_NULL) String model,
      @JsonInclude(Include.NON_NULL) ParetoNbdJson paretoNbd,
      @JsonInclude(Include.NON_NULL) BgNbdJson bgnbd,
      Object gammaGamma,
      @JsonInclude(Include.NON_NULL) ClvJson clv,
      @com.fasterxml.jackson.annotation.JsonUnwrapped ChannelsJson channels) {}

  @Override
  public Object json() {
    ClvTable c = a.clv();
    ClvJson clv = c == null ? null : new ClvJson(c.terms().periods(), c.terms().discountRate(),
        c.terms().margin(), c.mean(), c.total(), c.definedCustomers(), c.definedMean(),
        c.definedTotal(), a.spendFallback() ? "observed" : "none", c.fallbackSpend(),
        c.fallbackCustomers(), c.fromConvergedFits(), c.caveats(), c.continuousRate(),
        c.meanResidualTransactions(), c.definedLifetimeMean());
    boolean pareto = a.model() == PurchaseModel.PARETO_NBD;
    return new Json(a.rfm().size(), a.until(), a.rfm().unit().label(), a.rfm().repeatCustomers(),
        pareto ? PurchaseModel.PARETO_NBD.label() : null,
        pareto ? ParetoNbdJson.of(a.paretoNbd()) : null,
        pareto ? null : BgNbdJson.of(a.bgNbd()), gammaGamma(), clv,
        ChannelsJson.of(a.channels()));
  }

  @Override
  public String text() {
    return a.text();
  }

  @Override
  public Map<String, TextTable> tables() {
    Map<String, TextTable> t = new LinkedHashMap<>();
    t.put("channels", a.channels().table());
    t.put(a.paretoNbd() != null ? "pareto/nbd" : "bg/nbd",
        a.paretoNbd() != null ? a.paretoNbd().table() : a.bgNbd().table());
    if (a.gammaGamma() != null) {
      t.put("gamma-gamma", a.gammaGamma().table());
    }
    return t;
  }

  /** The channels' table: LTV, CAC, LTV/CAC and payback per channel. */
  @Override
  public String csv() {
    return a.channels().table().csv();
  }

  @Override
  public Section html(Section s) {
    List<KeyFigure> f = new ArrayList<>();
    f.add(new KeyFigure("Customers", Formats.count(a.rfm().size()),
        Formats.count(a.rfm().repeatCustomers()) + " repeat"));
    if (a.clv() != null) {
      f.add(new KeyFigure("Mean CLV", Formats.amount(a.clv().definedMean()),
          "over " + Formats.months(a.clv().terms().periods())));
    }
    s = s.figures(f).paragraph(a.purchaseFitSummary());
    if (a.clv() != null) {
      for (String c : a.clv().caveats()) {
        s = s.warning("CAVEAT: " + c);
      }
    }
    return channels(a.channels()).html(s);
  }

  /**
   * P(alive) of the fitted purchase model as a heat map: a row per number of repeat purchases, a
   * column per recency, each cell the grid's value ({@link LtvAnalysis#aliveGrid()}); impossible
   * histories (x = 0 with t_x > 0, x > 0 with t_x = 0) blank.
   */
  public static Svg aliveChart(AliveGrid g, String unit) {
    List<String> columns = new ArrayList<>();
    for (double t : g.recencies()) {
      columns.add(Formats.label(t));
    }
    List<HeatRow> rows = new ArrayList<>();
    int[] xs = g.frequencies();
    for (int i = 0; i < xs.length; i++) {
      List<Double> values = new ArrayList<>();
      for (int j = 0; j < columns.size(); j++) {
        values.add(g.alive(i, j));
      }
      rows.add(new HeatRow("x = " + xs[i], values));
    }
    return Charts.heatmap(ChartOptions.titled("P(alive) by repeat purchases and recency, "
            + g.model() + " at T = " + Formats.label(g.age()) + " " + unit + "s")
        .valueAxis("Recency t_x: age at the last repeat purchase, " + unit + "s")
        .categoryAxis("Repeat purchases x"), "t_x", columns, rows);
  }

  /** P(alive) of the fitted purchase model over frequency x recency ({@link #aliveChart}). */
  @Override
  public Optional<Svg> svg() {
    return a.aliveGrid().map(g -> aliveChart(g, a.rfm().unit().label()));
  }

  /** The channel economics alone. */
  private record Channels(LtvToCac u) implements View {
    @Override
    public Object json() {
      return ChannelsJson.of(u);
    }

    @Override
    public String text() {
      return u.summary() + "\n" + u.table().render()
          + Formats.footnotes(LtvAnalysis.footnotes(u));
    }

    @Override
    public String csv() {
      return u.table().csv();
    }

    @Override
    public Map<String, TextTable> tables() {
      return Map.of("channels", u.table());
    }

    @Override
    public Section html(Section s) {
      TextTable t = u.table();
      s = s.table(u.summary(), t.header(), t.textRows());
      String notes = Formats.footnoteLine(LtvAnalysis.footnotes(u));
      return notes.isEmpty() ? s : s.paragraph(notes);
    }
  }
}
