package dev.funnel.cli.view;

import dev.funnel.core.Period;
import dev.funnel.core.display.Formats;
import dev.funnel.core.display.InstantLabel;
import dev.funnel.core.display.TextTable;
import dev.funnel.core.sales.DealSize;
import dev.funnel.core.sales.OwnerKpi;
import dev.funnel.core.sales.OwnerKpis;
import dev.funnel.core.sales.Pipeline;
import dev.funnel.core.sales.PipelineStage;
import dev.funnel.core.sales.SalesCycle;
import dev.funnel.core.sales.SalesForecast;
import dev.funnel.core.sales.SalesVelocity;
import dev.funnel.core.sales.TimeInStages;
import dev.funnel.core.sales.WinRate;
import dev.funnel.io.html.KeyFigure;
import dev.funnel.io.html.Section;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sales figures as of an instant ({@code funnel sales}): win rates from SQL and from
 * OPPORTUNITY, the average won deal, the sales cycle, time in stage, the open pipeline with its
 * coverage of the plan, sales velocity and the owners' KPIs; each figure's summary line and table
 * in text, one member each in JSON, and one CSV of every table in long form
 * ({@link Views#csv(Map)}).
 */
public final class SalesView implements View {

  /**
   * What the command shows.
   *
   * @param asOf        the as-of instant
   * @param zone        the dataset zone
   * @param from        the first day of the window, or null
   * @param to          the day after the window, or null
   * @param period      the period reviewed, or null
   * @param wonInPeriod whether the average deal is over the deals won in {@code period}
   * @param currency    the dataset currency (null: not stated)
   */
  public record Figures(Instant asOf, ZoneId zone, LocalDate from, LocalDate to, Period period,
      boolean wonInPeriod, List<WinRate> winRates, DealSize deals, SalesCycle cycle,
      TimeInStages stages, SalesForecast forecast, OwnerKpis owners, String currency) {

    public Figures {
      winRates = List.copyOf(winRates);
    }
  }

  private final Figures f;

  private SalesView(Figures f) {
    this.f = f;
  }

  /** The view of the figures. */
  public static SalesView of(Figures f) {
    return new SalesView(f);
  }

  record Window(LocalDate from, LocalDate to) {}

  record WinRateJson(String base, long reached, long won, long lost, long returned, long open,
      BigDecimal wonValue, BigDecimal lostValue, double byCount, double byValue) {
    static WinRateJson of(WinRate w) {
      return new WinRateJson(w.base(), w.reached(), w.won(), w.lost(), w.returned(), w.open(),
          w.wonValue(), w.lostValue(), w.byCount(), w.byValue());
    }
  }

  /** The average deal as JSON; the command's and the report's. */
  record DealSizeJson(long won, long valued, BigDecimal total, double average) {
    static DealSizeJson of(DealSize d) {
      return new DealSizeJson(d.won(), d.valued(), d.total(), d.average());
    }
  }

  record CycleJson(String from, long paid, long censored, long excluded, long lost, long returned,
      double medianDays, double p75Days, double p90Days) {
    static CycleJson of(SalesCycle c) {
      return new CycleJson(c.from(), c.paid(), c.censored(), c.excluded(), c.lost(), c.returned(),
          c.medianDays(), c.p75Days(), c.p90Days());
    }
  }

  record StageTimeJson(String stage, long stays, long completed, long censored, double medianDays,
      double p75Days) {}

  record PipelineStageJson(String stage, long deals, BigDecimal value, double winProbability,
      double weighted) {}

  /** The open pipeline as JSON with a row per stage; the command's and the report's. */
  record PipelineJson(Instant asOf, long deals, long unvalued, BigDecimal value, double weighted,
      BigDecimal plan, double coverage, List<PipelineStageJson> stages) {
    static PipelineJson of(Pipeline p) {
      return new PipelineJson(p.asOf(), p.deals(), p.unvalued(), p.value(), p.weighted(), p.plan(),
          p.coverage(), p.stages().stream().map(s -> new PipelineStageJson(s.stage(), s.deals(),
              s.value(), s.winProbability(), s.weighted())).toList());
    }
  }

  /** Sales velocity as JSON; the command's and the report's. */
  record VelocityJson(long opportunities, double winRate, double averageDeal, double cycleDays,
      double perDay) {
    static VelocityJson of(SalesVelocity v) {
      return new VelocityJson(v.opportunities(), v.winRate(), v.averageDeal(), v.cycleDays(),
          v.perDay());
    }
  }

  record OwnerJson(String owner, long mqls, double reachRate, double mqlToSql,
      double reactionMedianHours, long sqls, double winRate, double cycleMedianDays,
      double averageDeal) {
    static OwnerJson of(OwnerKpi k) {
      return new OwnerJson(k.owner(), k.mqls(), k.reachRate(), k.mqlToSql(),
          k.reactionMedianHours(), k.sqls(), k.winRate(), k.cycleMedianDays(), k.averageDeal());
    }
  }

  record Json(String asOf, Window window, List<WinRateJson> winRates, DealSizeJson dealSize,
      CycleJson cycle, List<StageTimeJson> timeInStage, PipelineJson pipeline,
      VelocityJson velocity, List<OwnerJson> owners) {}

  @Override
  public Object json() {
    return new Json(f.asOf().toString(), new Window(f.from(), f.to()),
        f.winRates().stream().map(WinRateJson::of).toList(), DealSizeJson.of(f.deals()),
        CycleJson.of(f.cycle()),
        f.stages().stages().stream().map(s -> new StageTimeJson(s.stage(), s.stays(),
            s.completed(), s.censored(), s.medianDays(), s.p75Days())).toList(),
        PipelineJson.of(f.forecast().pipeline()), VelocityJson.of(f.forecast().velocity()),
        f.owners().owners().stream().map(OwnerJson::of).toList());
  }

  /** The plan line under the pipeline's summary: the period's revenue target, or none. */
  static String planLine(Pipeline p, Period period, String currency) {
    return "plan (revenue target of " + period.label() + "): "
        + (p.plan() == null ? "none" : Formats.money(p.plan(), currency)) + "\n";
  }

  @Override
  public String text() {
    StringBuilder b = new StringBuilder();
    b.append("Sales as of ").append(InstantLabel.of(f.asOf(), f.zone()));
    b.append(f.from() != null || f.to() != null ? ", window " + Formats.window(f.from(), f.to())
        : "").append('\n');
    for (WinRate w : f.winRates()) {
      b.append('\n').append(w.summary()).append('\n').append(w.table().render());
    }
    b.append('\n').append(f.deals().summary())
        .append(f.wonInPeriod() ? " in " + f.period().label() : "").append('\n');
    b.append('\n').append(f.cycle().summary()).append('\n').append(f.cycle().table().render());
    b.append('\n').append(f.stages().summary(f.zone())).append('\n')
        .append(f.stages().table().render());
    Pipeline p = f.forecast().pipeline();
    b.append('\n').append(p.summary()).append('\n');
    if (f.period() != null) {
      b.append(planLine(p, f.period(), f.currency()));
    }
    b.append(p.table().render());
    SalesVelocity v = f.forecast().velocity();
    b.append('\n').append(v.summary()).append('\n').append(v.table().render());
    b.append('\n').append(f.owners().summary(f.zone())).append('\n')
        .append(f.owners().table().render());
    return b.toString();
  }

  /** Every table, by name. */
  private Map<String, TextTable> namedTables() {
    Map<String, TextTable> t = new LinkedHashMap<>();
    for (WinRate w : f.winRates()) {
      t.put("win rate from " + w.base(), w.table());
    }
    t.put("deal size", f.deals().table());
    t.put("cycle", f.cycle().table());
    t.put("time in stage", f.stages().table());
    t.put("pipeline", f.forecast().pipeline().table());
    t.put("velocity", f.forecast().velocity().table());
    t.put("owners", f.owners().table());
    return t;
  }

  @Override
  public Map<String, TextTable> tables() {
    return namedTables();
  }

  @Override
  public String csv() {
    return Views.csv(namedTables());
  }

  @Override
  public Section html(Section s) {
    Pipeline p = f.forecast().pipeline();
    s = s.figures(List.of(
        new KeyFigure("Average deal", Formats.money(f.deals().average(), f.currency()),
            Formats.count(f.deals().valued()) + " won deals"),
        new KeyFigure("Weighted pipeline", Formats.money(p.weighted(), f.currency()),
            Formats.count(p.deals()) + " open deals"),
        new KeyFigure("Sales velocity", Formats.money(f.forecast().velocity().perDay(),
            f.currency()), "per day")));
    for (Map.Entry<String, TextTable> e : namedTables().entrySet()) {
      s = s.table(e.getKey(), e.getValue().header(), e.getValue().textRows());
    }
    return s;
  }

  /** The pipeline's stages for a page: deals, value, win probability and weighted value. */
  static TextTable pipelineTable(Pipeline p) {
    TextTable t = TextTable.of("stage", "deals", "value", "win probability", "weighted");
    for (PipelineStage st : p.stages()) {
      t = t.plus(st.stage(), st.deals(), st.value(),
          dev.funnel.core.display.Cell.percent(st.winProbability()),
          dev.funnel.core.display.Cell.amount(st.weighted()));
    }
    return t;
  }
}
