package dev.funnel.scoring;

import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Granularity;
import dev.funnel.core.Period;
import dev.funnel.core.PlanTarget;
import dev.funnel.core.display.Cell;
import dev.funnel.core.display.Formats;
import dev.funnel.core.display.InstantLabel;
import dev.funnel.core.display.Tabular;
import dev.funnel.core.display.TextTable;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Are we going to make the period? Expected SQLs and wins from the open pipeline by period, beside
 * the plan: the pipeline's answer next to the run-rate's.
 *
 * <p>For SQL the population is the open MQLs (reached MQL, not SQL, not closed); for WON every
 * open lead that reached MQL or later and is not won. Each lead's probability {@code p} of
 * reaching the stage within the model's horizon {@code H} (a {@link LeadModel} fitted as of the
 * instant: SQL within the query's horizon, or 30 days when the query's target is another stage;
 * WON within the won horizon) is spread over time with a constant hazard inside the horizon:
 * {@code F(t) = 1 - (1 - p)^(t / H)} for the time {@code t} after the instant, so the chance to
 * reach it inside a period is {@code F(end) - F(start)} over the period's part of the horizon
 * (an approximation; the model itself only speaks of the whole horizon). The further count is a
 * sum of independent Bernoulli variables, Poisson-binomial: mean {@code sum q}, variance
 * {@code sum q (1 - q)}; the interval is its exact central interval from the convolution of the
 * leads (up to 10,000 leads; beyond, the normal approximation). Leads that are not MQL yet, and
 * leads created later, are not in the sum, so a period beyond the current one is understated.
 *
 * @param asOf        the instant
 * @param granularity the periods
 * @param level       the interval's level (0.9)
 * @param rows        one row per metric and period, SQL first
 * @param notes       the models, the population, what is not counted
 */
public record PlanOutlook(Instant asOf, Granularity granularity, double level, List<OutlookRow> rows,
    List<String> notes) implements Tabular {

  /** The interval level. */
  public static final double LEVEL = 0.9;
  /** Above this many leads the interval is the normal approximation. */
  static final int EXACT_LIMIT = 10_000;

  public PlanOutlook {
    rows = List.copyOf(rows);
    notes = List.copyOf(notes);
  }

  /**
   * The outlook as of the query's instant, over the query's periods.
   *
   * @throws IllegalStateException when the dataset has no leads table
   */
  public static PlanOutlook compute(Dataset d, ScoreQuery q) {
    d.require(DatasetTable.LEADS, "the plan outlook");
    Timeline tl = new Timeline(d);
    return compute(tl, q, new ModelCache(tl, q));
  }

  static PlanOutlook compute(Timeline tl, ScoreQuery q, ModelCache models) {
    List<String> notes = new ArrayList<>();
    List<OutlookRow> rows = new ArrayList<>();
    Duration sqlHorizon = q.target().equals("SQL") ? q.horizon() : ScoreQuery.DEFAULT_HORIZON;
    if (tl.catalog.find("SQL").isPresent() && tl.catalog.find("MQL").isPresent()) {
      metric(tl, q, models, "SQL", sqlHorizon, rows, notes);
    } else {
      notes.add("the catalog has no MQL and SQL stages: no SQL outlook");
    }
    metric(tl, q, models, tl.catalog.won().name(), q.wonHorizon(), rows, notes);
    notes.add("open pipeline only: leads not yet MQL and leads created later are not counted; a"
        + " period the horizon does not cover to its end is understated");
    return new PlanOutlook(q.asOf(), q.period(), LEVEL, rows, notes);
  }

  private static void metric(Timeline tl, ScoreQuery q, ModelCache models, String stage, Duration h,
      List<OutlookRow> rows, List<String> notes) {
    String metric = stage.equals(tl.catalog.won().name()) ? "won" : stage.toLowerCase(Locale.ROOT);
    LeadModel model;
    try {
      model = models.get(stage, h);
    } catch (IllegalArgumentException e) {
      notes.add("no " + metric + " outlook: " + e.getMessage());
      return;
    }
    int target = model.targetIndex();
    int mql = tl.catalog.find("MQL").map(s -> s.index()).orElse(1);
    Instant asOf = q.asOf();
    long ms = Timeline.millis(asOf);
    int sub = Timeline.sub(asOf);
    long hMs = h.toMillis();
    Timeline.State st = tl.state();
    LeadModel.Scorer sc = model.scorer(tl);
    List<Double> probs = new ArrayList<>();
    List<Period> periods = new ArrayList<>();
    java.time.ZoneId zone = tl.dataset.zone();
    Instant end = asOf.plus(h);
    for (Period p = Period.containing(asOf.plusNanos(1), q.period(), zone);
        p.startInstant(zone).isBefore(end); p = p.next()) {
      periods.add(p);
    }
    long[] actual = new long[periods.size()];
    Instant firstStart = periods.get(0).startInstant(zone);
    long firstStartMs = Timeline.millis(firstStart);
    // leads in index order: every table's rows are stored in it (sequential reads)
    for (int l = 0; l < tl.leads.size(); l++) {
      if (!tl.leads.hasRow(l)) {
        continue;
      }
      tl.load(st, l, ms, sub, target);
      if (st.targetReached()) {
        if (st.targetMs >= firstStartMs) {
          actual[0]++;
        }
        continue;
      }
      if (!Panel.le(tl.leads.createdAt(l), tl.createdSub(l), ms, sub)) {
        continue;
      }
      if (st.closed || st.stage >= tl.wonIndex || st.stage < mql) {
        continue;
      }
      probs.add(sc.probability(st));
    }
    List<PlanTarget> plan = tl.dataset.has(DatasetTable.PLAN) ? tl.dataset.plan() : List.of();
    for (int i = 0; i < periods.size(); i++) {
      Period p = periods.get(i);
      double a = Math.max(0, Duration.between(asOf, p.startInstant(zone)).toMillis()) / (double) hMs;
      Instant pe = p.endInstant(zone);
      boolean covers = !pe.isAfter(end);
      double b = Math.min(hMs, Duration.between(asOf, pe).toMillis()) / (double) hMs;
      double[] qs = new double[probs.size()];
      for (int k = 0; k < qs.length; k++) {
        double pk = probs.get(k);
        qs[k] = Math.max(0, Math.pow(1 - pk, a) - Math.pow(1 - pk, b));
      }
      double[] interval = interval(qs, LEVEL);
      double planned = Double.NaN;
      for (PlanTarget t : plan) {
        if (t.period().equals(p) && t.metric().equals(metric) && t.channel() == null) {
          planned = (Double.isNaN(planned) ? 0 : planned) + t.target().doubleValue();
        }
      }
      double mean = 0;
      for (double x : qs) {
        mean += x;
      }
      rows.add(new OutlookRow(metric, p.label(), planned, actual[i], mean, interval[0], interval[1],
          actual[i] + mean, qs.length, covers));
    }
    notes.add(String.format(Locale.ROOT, "%s: %s open leads, %s", metric, Formats.count(probs.size()),
        model.label()));
  }

  /**
   * The central interval of a Poisson-binomial count: exact quantiles from the convolution up to
   * {@link #EXACT_LIMIT} probabilities, else mean +- z sd (cut at 0).
   */
  static double[] interval(double[] q, double level) {
    double tail = (1 - level) / 2;
    if (q.length > EXACT_LIMIT) {
      double mean = 0;
      double var = 0;
      for (double x : q) {
        mean += x;
        var += x * (1 - x);
      }
      double z = NormalDistribution.of(0, 1).inverseCumulativeProbability(1 - tail);
      return new double[] {Math.max(0, mean - z * Math.sqrt(var)), mean + z * Math.sqrt(var)};
    }
    double[] dist = new double[q.length + 1];
    dist[0] = 1;
    for (int k = 0; k < q.length; k++) {
      double x = q[k];
      for (int j = k + 1; j >= 1; j--) {
        dist[j] = dist[j] * (1 - x) + dist[j - 1] * x;
      }
      dist[0] *= 1 - x;
    }
    double cum = 0;
    int lo = -1;
    int hi = q.length;
    for (int j = 0; j < dist.length; j++) {
      cum += dist[j];
      if (lo < 0 && cum >= tail - 1e-12) {
        lo = j;
      }
      if (cum >= 1 - tail - 1e-12) {
        hi = j;
        break;
      }
    }
    return new double[] {Math.max(0, lo), hi};
  }

  @Override
  public String summary() {
    OutlookRow first = rows.isEmpty() ? null : rows.get(0);
    return String.format(Locale.ROOT, "Plan outlook as of %s: %s", InstantLabel.of(asOf, ZoneOffset.UTC),
        first == null ? "no rows" : String.format(Locale.ROOT, "%s %s projected %s (%.0f%% interval %s to %s more)%s",
            first.metric(), first.period(), Formats.number(first.projected()), 100 * level,
            Formats.number(first.lower()), Formats.number(first.upper()),
            Double.isNaN(first.plan()) ? "" : " vs plan " + Formats.number(first.plan())));
  }

  @Override
  public TextTable table() {
    TextTable t = TextTable.of("metric", "period", "plan", "actual so far", "expected more",
        String.format(Locale.ROOT, "%.0f%% low", 100 * level), String.format(Locale.ROOT, "%.0f%% high", 100 * level),
        "projected", "projected/plan", "open leads", "horizon covers");
    for (OutlookRow r : rows) {
      t = t.plus(r.metric(), r.period(), r.plan(), r.actual(), r.expected(), r.lower(), r.upper(),
          r.projected(), Cell.percent(r.projectedToPlan()), r.leads(), r.horizonCovers() ? "yes" : "no");
    }
    return t;
  }

  @Override
  public String toString() {
    return Tabular.preview(this);
  }
}
