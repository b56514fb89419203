package dev.funnel.cli;

import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Period;
import dev.funnel.core.funnel.Dimension;
import dev.funnel.core.sales.Sales;
import dev.funnel.core.sales.SalesQuery;
import dev.funnel.cli.view.CycleView;
import dev.funnel.cli.view.SalesView;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * {@code funnel sales DATA}: the sales figures of {@link Sales} (docs/spec/metrics.md, "Funnel and sales
 * metrics") as of an instant: win rate from SQL and from OPPORTUNITY by count and by
 * value, the average won deal, the SQL-to-payment cycle (Kaplan-Meier, open deals censored), time
 * in each stage, the open pipeline with its weighted value and coverage of a period's revenue
 * plan, sales velocity, and per-owner KPIs. {@code --from}/{@code --to} bound when a lead reached
 * the base stage (win rates, owners), when a deal was first won (average deal) and when the cycle
 * started; the pipeline, velocity and time in stage are as of the instant over every lead. With
 * {@code --cycle-by D} it shows instead the cycle per group of leads with each group's median and
 * its interval and the log-rank test ({@link Sales#cycleBy(Dataset, Dimension, SalesQuery)}).
 */
final class SalesCommand implements Command {

  /**
   * The tables this command's computation uses; only these are read from DATA. Touches and spend
   * count for the default as-of, the end of the data ({@link TimedRows#endOfData}).
   */
  static final Set<DatasetTable> TABLES = EnumSet.of(DatasetTable.LEADS, DatasetTable.STAGES,
      DatasetTable.ACTIVITIES, DatasetTable.TOUCHES, DatasetTable.PAYMENTS, DatasetTable.SPEND,
      DatasetTable.PLAN);

  static final Option PERIOD = new Option("period", "P",
      "the period reviewed (e.g. 2026-03): as of its end, average deal of its won deals, coverage of its revenue target");
  static final Option AS_OF = new Option("as-of", "DATE",
      "as of the end of this day, or of an instant such as 2026-03-16T09:00:00Z (default: the end of --period, else of the data)");
  static final Option CYCLE_BY = new Option("cycle-by", "D",
      "instead: the SQL-to-payment cycle per channel|segment|campaign|owner, medians with 95% intervals, log-rank test");

  @Override
  public String name() {
    return "sales";
  }

  @Override
  public java.util.Optional<Set<DatasetTable>> tablesByDefault() {
    return java.util.Optional.of(TABLES);
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
        + "--from/--to the average deal is over the deals won in the period.\n"
        + "--cycle-by D shows only the cycle, per group of leads by D (channel, segment, campaign or\n"
        + "owner): paid, open and left-out deals, the Kaplan-Meier median days with its 95% interval\n"
        + "(Brookmeyer-Crowley, log-log Greenwood band; - when not estimable), the 75th percentile,\n"
        + "and the log-rank test that the groups share one curve (chi-squared, df, p-value).";
  }

  @Override
  public List<Option> options() {
    return DataInput.options(true, PERIOD, AS_OF, CYCLE_BY);
  }

  @Override
  public List<Format> formats() {
    return List.of(Format.TEXT, Format.JSON, Format.CSV);
  }

  @Override
  public int run(Arguments args, Session session) {
    Format format = args.format();
    Period period = args.period(PERIOD);
    Dimension cycleBy = null;
    if (args.has(CYCLE_BY)) {
      try {
        cycleBy = Dimension.parse(args.value(CYCLE_BY));
      } catch (IllegalArgumentException e) {
        throw args.usage("bad --cycle-by: " + e.getMessage());
      }
    }
    DataInput in = DataInput.read(args, session, false, TABLES);
    Dataset d = in.dataset();
    Instant asOf = asOf(args, d, period);
    Window w = in.window();
    Instant from = w.from() == null ? null : w.from().atStartOfDay(d.zone()).toInstant();
    Instant to = w.to() == null ? null : w.to().atStartOfDay(d.zone()).toInstant();
    if (cycleBy != null) {
      SalesQuery q = SalesQuery.all().between(from, to).asOf(asOf);
      Output.emit(session, format,
          CycleView.of(Sales.cycleBy(d, cycleBy, q), asOf, d.zone(), w.from(), w.to()), in);
      return ExitCodes.OK;
    }
    // the average deal of the deals won in the window, else in the period; at or before the as-of
    boolean byPeriod = period != null && !w.bounded();
    Instant wonFrom = byPeriod ? period.startInstant(d.zone()) : from;
    Instant wonTo = byPeriod ? period.endInstant(d.zone()) : to;
    SalesView.Figures r = new SalesView.Figures(asOf, d.zone(), w.from(), w.to(), period, byPeriod,
        List.of(Sales.winRate(d, "SQL", from, to, asOf), Sales.winRate(d, "OPPORTUNITY", from, to, asOf)),
        Sales.dealSize(d, wonFrom, wonTo, asOf),
        Sales.cycle(d, "SQL", asOf, from, to), Sales.timeInStages(d, asOf),
        Sales.forecast(d, asOf, period), Sales.owners(d, asOf, from, to), d.currency());
    Output.emit(session, format, SalesView.of(r), in);
    return ExitCodes.OK;
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
    Instant end = TimedRows.endOfData(d);
    return end == null ? Instant.now() : end;
  }
}
