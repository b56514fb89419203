package dev.funnel.cli;

import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Period;
import dev.funnel.core.display.InstantLabel;
import dev.funnel.core.sales.DealSize;
import dev.funnel.core.sales.OwnerKpi;
import dev.funnel.core.sales.OwnerKpis;
import dev.funnel.core.sales.Pipeline;
import dev.funnel.core.sales.PipelineStage;
import dev.funnel.core.sales.Sales;
import dev.funnel.core.sales.SalesCycle;
import dev.funnel.core.sales.SalesForecast;
import dev.funnel.core.sales.SalesVelocity;
import dev.funnel.core.sales.StageTime;
import dev.funnel.core.sales.TimeInStages;
import dev.funnel.core.sales.WinRate;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code funnel sales DATA}: the sales figures of {@link Sales} (docs/spec/metrics.md, "Funnel and sales
 * metrics") as of an instant: win rate from SQL and from OPPORTUNITY by count and by
 * value, the average won deal, the SQL-to-payment cycle (Kaplan-Meier, open deals censored), time
 * in each stage, the open pipeline with its weighted value and coverage of a period's revenue
 * plan, sales velocity, and per-owner KPIs. {@code --from}/{@code --to} bound when a lead reached
 * the base stage (win rates, owners), when a deal was first won (average deal) and when the cycle
 * started; the pipeline, velocity and time in stage are as of the instant over every lead.
 */
final class SalesCommand implements Command {

  /**
   * The tables this command's computation uses; only these are read from DATA. Touches and spend
   * count for the default as-of, the end of the data ({@link ReportScope#endOfData}).
   */
  static final Set<DatasetTable> TABLES = EnumSet.of(DatasetTable.LEADS, DatasetTable.STAGES,
      DatasetTable.ACTIVITIES, DatasetTable.TOUCHES, DatasetTable.PAYMENTS, DatasetTable.SPEND,
      DatasetTable.PLAN);

  static final Option PERIOD = new Option("period", "P",
      "the period reviewed (e.g. 2026-03): as of its end, average deal of its won deals, coverage of its revenue target");
  static final Option AS_OF = new Option("as-of", "DATE",
      "as of the end of this day, or of an instant such as 2026-03-16T09:00:00Z (default: the end of --period, else of the data)");

  @Override
  public String name() {
    return "sales";
  }

  @Override
  public String summary() {
    return "win rate, average deal, sales cycle, time in stage, pipeline, velocity, owner KPIs";
  }

  @Override
  public String operands() {
    return "DATA | --demo";
  }

  @Override
  public String details() {
    return "Win rate = won / (won + lost) of the leads that reached the base stage (by count and by\n"
        + "value). RETURNED (latest change, never won) is neither won, lost nor open: returned and\n"
        + "open deals are counted apart and are in neither side of the rate. The cycle runs from SQL\n"
        + "to the first payment; open deals are censored at the as-of instant (Kaplan-Meier), lost\n"
        + "and returned ones without a payment left out (and counted).\n"
        + "Weighted pipeline: each open deal's amount x the share of closed deals that won after\n"
        + "reaching its stage. Velocity = open deals x win rate x average deal / median cycle days.\n"
        + "--from/--to bound the reach time of the base stage, the won time and the cycle start.\n"
        + "Everything is as of one instant: --as-of, else the end of --period (or of the data's\n"
        + "last day when the data ends inside it), else the latest event of the data; changes\n"
        + "after it are ignored and a deal won at that very instant counts. With --period and no\n"
        + "--from/--to the average deal is over the deals won in the period.";
  }

  @Override
  public List<Option> options() {
    return DataInput.options(true, PERIOD, AS_OF);
  }

  @Override
  public List<Format> formats() {
    return List.of(Format.TEXT, Format.JSON);
  }

  /** Everything the command shows. */
  record Result(Instant asOf, ZoneId zone, Window window, List<WinRate> winRates, DealSize deals,
      SalesCycle cycle, TimeInStages stages, SalesForecast forecast, OwnerKpis owners) {}

  @Override
  public int run(Arguments args, Session session) {
    Format format = args.format();
    Period period = ReportCommand.period(args, PERIOD);
    DataInput in = DataInput.read(args, session, false, TABLES);
    Dataset d = in.dataset();
    Instant asOf = asOf(args, d, period);
    Window w = in.window();
    Instant from = w.from() == null ? null : w.from().atStartOfDay(d.zone()).toInstant();
    Instant to = w.to() == null ? null : w.to().atStartOfDay(d.zone()).toInstant();
    // the average deal of the deals won in the window, else in the period; at or before the as-of
    boolean byPeriod = period != null && !w.bounded();
    Instant wonFrom = byPeriod ? period.startInstant(d.zone()) : from;
    Instant wonTo = byPeriod ? period.endInstant(d.zone()) : to;
    Result r = new Result(asOf, d.zone(), w,
        List.of(Sales.winRate(d, "SQL", from, to, asOf), Sales.winRate(d, "OPPORTUNITY", from, to, asOf)),
        Sales.dealSize(d, wonFrom, wonTo, asOf),
        Sales.cycle(d, "SQL", asOf, from, to), Sales.timeInStages(d, asOf),
        Sales.forecast(d, asOf, period), Sales.owners(d, asOf, from, to));
    session.emit(format == Format.JSON ? in.json(json(r)) : text(r, period, byPeriod));
    return Funnel.OK;
  }

  /**
   * The as-of instant of the command ({@link AsOf}): {@code --as-of}; else the end of
   * {@code --period} (or of the data's last day when the data ends inside it); else the instant of
   * the latest timed row; the current instant for a dataset without timed rows (nothing to count).
   */
  static Instant asOf(Arguments args, Dataset d, Period period) {
    Instant explicit = AsOf.parse(args, AS_OF, args.zone());
    if (explicit != null) {
      return explicit;
    }
    if (period != null) {
      return AsOf.ofPeriod(d, period);
    }
    Instant end = ReportScope.endOfData(d);
    return end == null ? Instant.now() : end;
  }

  /** The command's text: every figure's summary line and table. */
  static String text(Result r, Period period, boolean wonInPeriod) {
    StringBuilder b = new StringBuilder();
    b.append("Sales as of ").append(InstantLabel.of(r.asOf(), r.zone()));
    b.append(r.window().bounded() ? ", window " + r.window().label() : "").append('\n');
    for (WinRate w : r.winRates()) {
      b.append('\n').append(w.summary()).append('\n').append(w.table().render());
    }
    b.append('\n').append(r.deals().summary())
        .append(wonInPeriod ? " in " + period.label() : "").append('\n');
    b.append('\n').append(r.cycle().summary()).append('\n').append(r.cycle().table().render());
    b.append('\n').append(r.stages().summary(r.zone())).append('\n').append(r.stages().table().render());
    Pipeline p = r.forecast().pipeline();
    b.append('\n').append(p.summary()).append('\n');
    if (period != null) {
      b.append("plan (revenue target of ").append(period.label()).append("): ")
          .append(p.plan() == null ? "none" : p.plan().toPlainString()).append('\n');
    }
    b.append(p.table().render());
    SalesVelocity v = r.forecast().velocity();
    b.append('\n').append(v.summary()).append('\n').append(v.table().render());
    b.append('\n').append(r.owners().summary(r.zone())).append('\n').append(r.owners().table().render());
    return b.toString();
  }

  /** The JSON document of the command. */
  static Map<String, Object> json(Result r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("asOf", r.asOf().toString());
    m.put("window", DealsSection.jsonOf("from", r.window().from(), "to", r.window().to()));
    List<Object> rates = new ArrayList<>();
    for (WinRate w : r.winRates()) {
      rates.add(DealsSection.jsonOf("base", w.base(), "reached", w.reached(), "won", w.won(),
          "lost", w.lost(), "returned", w.returned(), "open", w.open(), "wonValue", w.wonValue(),
          "lostValue", w.lostValue(),
          "byCount", w.byCount(), "byValue", w.byValue()));
    }
    m.put("winRates", rates);
    m.put("dealSize", json(r.deals()));
    SalesCycle c = r.cycle();
    m.put("cycle", DealsSection.jsonOf("from", c.from(), "paid", c.paid(), "censored", c.censored(),
        "excluded", c.excluded(), "lost", c.lost(), "returned", c.returned(),
        "medianDays", c.medianDays(), "p75Days", c.p75Days(),
        "p90Days", c.p90Days()));
    List<Object> stages = new ArrayList<>();
    for (StageTime s : r.stages().stages()) {
      stages.add(DealsSection.jsonOf("stage", s.stage(), "stays", s.stays(), "completed", s.completed(),
          "censored", s.censored(), "medianDays", s.medianDays(), "p75Days", s.p75Days()));
    }
    m.put("timeInStage", stages);
    m.put("pipeline", json(r.forecast().pipeline()));
    m.put("velocity", json(r.forecast().velocity()));
    List<Object> owners = new ArrayList<>();
    for (OwnerKpi k : r.owners().owners()) {
      owners.add(DealsSection.jsonOf("owner", k.owner(), "mqls", k.mqls(), "reachRate", k.reachRate(),
          "mqlToSql", k.mqlToSql(), "reactionMedianHours", k.reactionMedianHours(), "sqls", k.sqls(),
          "winRate", k.winRate(), "cycleMedianDays", k.cycleMedianDays(), "averageDeal", k.averageDeal()));
    }
    m.put("owners", owners);
    return m;
  }

  /** The average deal as JSON; the command's and the report's. */
  static Map<String, Object> json(DealSize d) {
    return DealsSection.jsonOf("won", d.won(), "valued", d.valued(), "total", d.total(),
        "average", d.average());
  }

  /** The open pipeline as JSON, with a row per stage; the command's and the report's. */
  static Map<String, Object> json(Pipeline p) {
    Map<String, Object> pm = DealsSection.jsonOf("asOf", p.asOf(), "deals", p.deals(),
        "unvalued", p.unvalued(), "value", p.value(), "weighted", p.weighted(), "plan", p.plan(),
        "coverage", p.coverage());
    List<Object> stages = new ArrayList<>();
    for (PipelineStage st : p.stages()) {
      stages.add(DealsSection.jsonOf("stage", st.stage(), "deals", st.deals(), "value", st.value(),
          "winProbability", st.winProbability(), "weighted", st.weighted()));
    }
    pm.put("stages", stages);
    return pm;
  }

  /** Sales velocity as JSON; the command's and the report's. */
  static Map<String, Object> json(SalesVelocity v) {
    return DealsSection.jsonOf("opportunities", v.opportunities(), "winRate", v.winRate(),
        "averageDeal", v.averageDeal(), "cycleDays", v.cycleDays(), "perDay", v.perDay());
  }
}
