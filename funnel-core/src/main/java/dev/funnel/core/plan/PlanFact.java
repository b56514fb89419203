package dev.funnel.core.plan;

import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Granularity;
import dev.funnel.core.Period;
import dev.funnel.core.PlanTarget;
import dev.funnel.core.Stage;
import dev.funnel.core.funnel.Dimension;
import dev.funnel.core.funnel.FunnelQuery;
import dev.funnel.core.funnel.FunnelReport;
import dev.funnel.core.funnel.GroupFunnel;
import dev.funnel.core.funnel.StageFunnel;
import dev.funnel.core.money.UnitEconomics;
import dev.funnel.core.money.UnitReport;
import dev.funnel.core.money.UnitRow;
import dev.funnel.core.sales.Sales;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The entry point of plan vs actual (spec/metrics.md, "Plan vs actual"; JSON of {@code planfact}
 * in spec/cli.md).
 *
 * <p>For each target of the period in the plan table: the actual from the first day of the period
 * through the observed day, a run-rate forecast to the end of the period, the relative deviation
 * of the forecast from the plan, a status from the metric's tolerance bands and direction, and
 * the quarter-to-date plan and actual. Actuals use the definitions of the other packages, on the
 * event basis, over local days in the dataset zone: {@code leads} (created), {@code customers}
 * (new), {@code revenue}, {@code spend}, {@code cpl}, {@code cac}, {@code romi}, {@code drr}
 * ({@link UnitEconomics}), any stage name such as {@code mql}, {@code sql}, {@code won} (leads that
 * reached the stage in the window, {@link StageFunnel}) and {@code win_rate} (from SQL, by count,
 * of leads that reached SQL in the window; all channels only). Additive metrics are forecast as
 * {@code actual x total days / elapsed days}; ratios are forecast by their current value. Targets
 * the library cannot compute are listed in {@link PlanFactReport#unsupported()}, never dropped
 * silently.
 */
public final class PlanFact {
  private PlanFact() {}

  private static final Set<String> UNIT =
      Set.of("leads", "customers", "revenue", "spend", "cpl", "cac", "romi", "drr");
  private static final Set<String> RATIOS = Set.of("cpl", "cac", "romi", "drr", "win_rate");

  /**
   * Plan vs actual of the period.
   *
   * @throws IllegalStateException when the dataset has no plan or leads table
   */
  public static PlanFactReport compute(Dataset d, Period period, PlanFactOptions options) {
    d.require(DatasetTable.PLAN, "plan vs actual");
    d.require(DatasetTable.LEADS, "plan vs actual");
    LocalDate start = period.start();
    LocalDate end = period.endExclusive();
    LocalDate obsEnd = options.through() == null ? end : min(options.through().plusDays(1), end);
    if (obsEnd.isBefore(start)) {
      obsEnd = start;
    }
    long elapsed = days(start, obsEnd, options);
    long total = days(start, end, options);
    Period quarter = period.within(Granularity.QUARTER);
    boolean qtd = period.granularity() != Granularity.YEAR;
    Actuals now = new Actuals(d, start, obsEnd, options);
    Actuals toDate = new Actuals(d, qtd ? quarter.start() : start, obsEnd, options);
    List<PlanFactRow> rows = new ArrayList<>();
    List<String> unsupported = new ArrayList<>();
    for (PlanTarget t : d.plan()) {
      if (!t.period().equals(period)) {
        continue;
      }
      String m = t.metric();
      Optional<String> why = now.unsupported(m, t.channel());
      if (why.isPresent()) {
        unsupported.add(m + (t.channel() == null ? "" : " [" + t.channel() + "]") + ": " + why.get());
        continue;
      }
      double actual = now.value(m, t.channel());
      double run;
      if (elapsed == 0) {
        run = Double.NaN;
      } else if (RATIOS.contains(m) || elapsed == total) {
        run = actual;
      } else {
        run = actual * total / elapsed;
      }
      double plan = t.target().doubleValue();
      double dev = plan == 0 ? Double.NaN : (run - plan) / plan;
      double qtdPlan = Double.NaN;
      if (qtd && !RATIOS.contains(m)) {
        qtdPlan = 0;
        for (PlanTarget o : d.plan()) {
          if (o.metric().equals(m) && java.util.Objects.equals(o.channel(), t.channel())
              && o.period().granularity() == period.granularity()
              && o.period().within(Granularity.QUARTER).equals(quarter)
              && !o.period().start().isAfter(start)) {
            qtdPlan += o.target().doubleValue();
          }
        }
      }
      rows.add(new PlanFactRow(m, t.channel(), t.target(), actual, run, dev,
          options.toleranceOf(m).status(dev), qtdPlan, toDate.value(m, t.channel())));
    }
    return new PlanFactReport(period.label(), obsEnd.minusDays(1), elapsed, total,
        options.businessDays(), rows, unsupported);
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }

  /** Days in [from, to): calendar days, or Monday-Friday days outside the holidays. */
  static long days(LocalDate from, LocalDate to, PlanFactOptions o) {
    if (!o.businessDays()) {
      return java.time.temporal.ChronoUnit.DAYS.between(from, to);
    }
    long n = 0;
    for (LocalDate day = from; day.isBefore(to); day = day.plusDays(1)) {
      DayOfWeek w = day.getDayOfWeek();
      if (w != DayOfWeek.SATURDAY && w != DayOfWeek.SUNDAY && !o.holidays().contains(day)) {
        n++;
      }
    }
    return n;
  }

  /** The actuals of one window, each underlying report computed once. */
  private static final class Actuals {
    private final Dataset d;
    private final LocalDate from;
    private final LocalDate to;
    private final PlanFactOptions options;
    private UnitReport unit;
    private FunnelReport funnel;
    private final Map<String, Double> winRate = new HashMap<>();

    Actuals(Dataset d, LocalDate from, LocalDate to, PlanFactOptions options) {
      this.d = d;
      this.from = from;
      this.to = to;
      this.options = options;
    }

    Optional<String> unsupported(String metric, String channel) {
      if (metric.equals("win_rate")) {
        return channel == null ? Optional.empty()
            : Optional.of("win rate is computed for all channels only");
      }
      if (UNIT.contains(metric) || stage(metric) != null) {
        return Optional.empty();
      }
      return Optional.of("unknown metric (expected leads, customers, revenue, spend, cpl, cac,"
          + " romi, drr, win_rate or a stage name)");
    }

    private Stage stage(String metric) {
      return d.catalog().find(metric).filter(Stage::progression).orElse(null);
    }

    double value(String metric, String channel) {
      if (from.equals(to)) {
        return RATIOS.contains(metric) ? Double.NaN : 0;
      }
      if (metric.equals("win_rate")) {
        return winRate.computeIfAbsent("SQL",
            s -> Sales.winRate(d, s, instant(from), instant(to)).byCount());
      }
      if (UNIT.contains(metric)) {
        if (unit == null) {
          unit = UnitEconomics.tally(d, from, to, UnitEconomics.NON_MARKETING)
              .result(d.currency(), options.margin(), from + ".." + to);
        }
        UnitRow r = channel == null ? unit.total()
            : unit.channels().stream().filter(c -> c.channel().equals(channel)).findFirst()
                .orElse(null);
        if (r == null) {
          return RATIOS.contains(metric) ? Double.NaN : 0;
        }
        switch (metric) {
          case "leads": return r.leads();
          case "customers": return r.customers();
          case "revenue": return r.revenue().doubleValue();
          case "spend": return r.spend().doubleValue();
          case "cpl": return r.cpl();
          case "cac": return r.cac();
          case "romi": return r.romi();
          default: return r.drr();
        }
      }
      if (funnel == null) {
        funnel = StageFunnel.compute(d,
            FunnelQuery.event().between(instant(from), instant(to)).by(Dimension.CHANNEL));
      }
      String name = stage(metric).name();
      if (channel == null) {
        return funnel.count(name);
      }
      for (GroupFunnel g : funnel.groups()) {
        if (g.key().equals(channel)) {
          return g.stages().stream().filter(s -> s.stage().equals(name)).findFirst()
              .orElseThrow().count();
        }
      }
      return 0;
    }

    private Instant instant(LocalDate day) {
      return day.atStartOfDay(d.zone()).toInstant();
    }
  }
}
