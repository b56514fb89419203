package dev.funnel.scoring;

import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Stage;
import dev.funnel.core.display.InstantLabel;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A learned, calibrated probability that an open lead reaches a target stage (SQL, WON, ...)
 * within a horizon: L2-regularised logistic regression ({@link LogisticRegression}) on the lead's
 * features as of the scoring instant ({@link Encoding}: one-hot channel, segment, campaign and
 * stage with rare levels pooled, log counts of touches and activities, recency).
 *
 * <p>Rows are lead snapshots on each lead's own clock ({@link Panel}): a day after creation and
 * then every horizon, while the lead is open and has not reached the target; the label is
 * whether it reached the target within the horizon after the snapshot. Everything a row reads is
 * at or before its snapshot; a model fitted as of an instant uses only the snapshots whose
 * horizon has ended by then, so it never sees an outcome after that instant.
 *
 * <p>Each score comes with per-feature contributions ({@link Contribution}): the exact
 * decomposition of the log-odds of a linear model around the training mean. Immutable and
 * thread-safe (scoring makes its own cursors).
 */
public final class LeadModel {

  private final ScoreQuery query;
  private final String target;
  private final int targetIndex;
  private final Instant trainedUntil;
  private final Encoding encoding;
  private final LogisticFit fit;
  private final double[] beta;
  private final double[] means;
  private final int rows;
  private final int positives;
  private final int leads;
  private final List<String> notes;

  private LeadModel(ScoreQuery query, String target, int targetIndex, Instant trainedUntil,
      Encoding encoding, LogisticFit fit, double[] means, int rows, int positives, int leads,
      List<String> notes) {
    this.query = query;
    this.target = target;
    this.targetIndex = targetIndex;
    this.trainedUntil = trainedUntil;
    this.encoding = encoding;
    this.fit = fit;
    this.beta = fit.coefficients();
    this.means = means;
    this.rows = rows;
    this.positives = positives;
    this.leads = leads;
    this.notes = List.copyOf(notes);
    this.groupBase = new double[encoding.groupNames.size()];
    double b0 = beta[0];
    for (int j = 1; j < beta.length; j++) {
      b0 += beta[j] * means[j];
      groupBase[encoding.groupOf[j]] -= beta[j] * means[j];
    }
    this.baseLogOdds = b0;
  }

  /** Per feature group: minus the sum of b_j mean_j over its columns. */
  private final double[] groupBase;
  /** The log-odds of the average training row. */
  private final double baseLogOdds;

  /**
   * Fits the model on every snapshot whose horizon has ended by the query's as-of instant.
   *
   * @throws IllegalArgumentException when the target is not a later progression stage, when no
   *     snapshot has matured, when every row went the same way, or (lambda 0) when the rows are
   *     separated ({@link SeparationException}, naming the columns)
   * @throws IllegalStateException when the dataset has no leads table
   */
  public static LeadModel fit(Dataset d, ScoreQuery q) {
    return fit(new Timeline(d), q, q.asOf());
  }

  /** The target's progression index. */
  static int targetIndex(Timeline tl, String target) {
    Stage s = tl.catalog.stage(target);
    if (s.exit() || s.index() == 0) {
      throw new IllegalArgumentException("the target must be a progression stage after "
          + tl.catalog.first().name() + " (e.g. SQL or " + tl.catalog.won().name() + "), got " + s.name());
    }
    return s.index();
  }

  /** Fits on the snapshots matured by {@code until} (features and labels at or before it). */
  static LeadModel fit(Timeline tl, ScoreQuery q, Instant until) {
    tl.dataset.require(DatasetTable.LEADS, "lead scoring");
    int target = targetIndex(tl, q.target());
    long h = q.horizon().toMillis();
    long delay = q.scoreDelay().toMillis();
    Timeline.State st = tl.state();
    long untilMs = Timeline.millis(until);
    Panel train = Panel.training(tl, st, target, h, delay, q.maxSnapshots(), untilMs,
        Timeline.sub(until));
    String what = String.format(Locale.ROOT, "%s within %dd", tl.catalog.get(target).name(),
        q.horizon().toDays());
    String when = InstantLabel.of(until, tl.dataset.zone());
    if (train.size == 0) {
      throw new IllegalArgumentException("no lead snapshot to learn " + what + " from: no open lead"
          + " created before " + when + " has a horizon that ended by then");
    }
    int pos = train.positives();
    if (pos == 0 || pos == train.size) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "all %d training snapshots (until %s) %s: nothing to learn %s from", train.size, when,
          pos == 0 ? "missed the target" : "reached the target", what));
    }
    Encoding enc = Encoding.learn(tl, train, q.minLevelRows(), untilMs, Timeline.sub(until));
    int raw = enc.rawColumns() + 1;
    Encoding.Bound bound = enc.bind(tl);
    int[] idx = new int[raw];
    double[] val = new double[raw];
    Design.Builder b = new Design.Builder(raw, train.size);
    double[] min = new double[raw];
    double[] max = new double[raw];
    int[] nonZero = new int[raw];
    java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
    java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
    for (int i = 0; i < train.size; i++) {
      tl.load(st, train.lead[i], train.ms[i], train.sub[i], target);
      int n = enc.encodeRaw(bound, st, idx, val);
      for (int k = 0; k < n; k++) {
        int j = idx[k];
        nonZero[j]++;
        min[j] = Math.min(min[j], val[k]);
        max[j] = Math.max(max[j], val[k]);
      }
      b.add(idx, val, n, train.label[i] ? 1 : 0, 1);
    }
    boolean[] keep = new boolean[raw];
    for (int j = 1; j < raw; j++) {
      boolean constant = nonZero[j] == 0 || (nonZero[j] == train.size && min[j] == max[j]);
      keep[j] = !constant;
    }
    enc.retain(keep);
    Design design = retained(b, enc, keep);
    LogisticRegression solver = q.lambda() == 0 ? LogisticRegression.unpenalized()
        : LogisticRegression.ridge(q.lambda());
    LogisticFit f = solver.fit(design, enc.names);
    double[] means = new double[design.cols];
    for (int i = 0; i < design.rows; i++) {
      for (int k = design.start[i]; k < design.start[i + 1]; k++) {
        means[design.index[k]] += design.value[k];
      }
    }
    for (int j = 0; j < means.length; j++) {
      means[j] /= design.rows;
    }
    List<String> notes = new ArrayList<>(enc.notes);
    notes.addAll(oneSided(design, enc, q.lambda()));
    if (!f.converged()) {
      notes.add("the Newton iterations did not converge; the coefficients are the last iterate");
    }
    return new LeadModel(q, tl.catalog.get(target).name(), target, until, enc, f, means,
        train.size, pos, train.leads, notes);
  }

  /** The design restricted to the kept columns (the encoding's retained layout). */
  private static Design retained(Design.Builder b, Encoding enc, boolean[] keep) {
    int[] map = new int[keep.length];
    int next = 1;
    for (int j = 1; j < keep.length; j++) {
      map[j] = keep[j] ? next++ : -1;
    }
    if (next != enc.names.size()) {
      throw new IllegalStateException("encoding and design disagree: " + next + " vs " + enc.names.size());
    }
    return b.build(map, next);
  }

  /** Notes for one-hot columns whose rows all went one way (separated levels). */
  private static List<String> oneSided(Design d, Encoding enc, double lambda) {
    int[] n = new int[d.cols];
    int[] y = new int[d.cols];
    for (int i = 0; i < d.rows; i++) {
      for (int k = d.start[i] + 1; k < d.start[i + 1]; k++) {
        n[d.index[k]]++;
        if (d.y[i] > 0) {
          y[d.index[k]]++;
        }
      }
    }
    List<String> out = new ArrayList<>();
    for (int j = 1; j < d.cols; j++) {
      String name = enc.names.get(j);
      if (name.contains("=") && n[j] > 0 && (y[j] == 0 || y[j] == n[j])) {
        out.add(String.format(Locale.ROOT, "%s: all %d training rows %s the target (the level"
            + " separates; %s)", name, n[j], y[j] == 0 ? "missed" : "reached",
            lambda > 0 ? "the penalty keeps its coefficient finite" : "maximum likelihood diverges"));
      }
    }
    return out;
  }

  /** The query the model was fitted with. */
  public ScoreQuery query() {
    return query;
  }

  /** The target stage. */
  public String target() {
    return target;
  }

  /** The horizon. */
  public Duration horizon() {
    return query.horizon();
  }

  /** Features and labels of the training rows end at this instant. */
  public Instant trainedUntil() {
    return trainedUntil;
  }

  /** The fitted regression (coefficients per column). */
  public LogisticFit regression() {
    return fit;
  }

  /** The model card: target, training rows, coefficients, encoding notes. */
  public ModelCard card() {
    List<Double> c = new ArrayList<>();
    List<Double> se = new ArrayList<>();
    List<Double> m = new ArrayList<>();
    for (int j = 0; j < beta.length; j++) {
      c.add(beta[j]);
      se.add(fit.standardError(j));
      m.add(means[j]);
    }
    return new ModelCard(target, query.horizon(), trainedUntil, query.lambda(), rows, positives,
        leads, encoding.names, c, se, m, notes);
  }

  int targetIndex() {
    return targetIndex;
  }

  /** A scorer over one dataset: cursors and codes; not thread-safe. */
  Scorer scorer(Timeline tl) {
    return new Scorer(tl);
  }

  final class Scorer {
    final Timeline tl;
    final Encoding.Bound bound;
    final int[] idx;
    final double[] val;

    Scorer(Timeline tl) {
      this.tl = tl;
      this.bound = encoding.bind(tl);
      this.idx = new int[encoding.rawColumns() + 1];
      this.val = new double[encoding.rawColumns() + 1];
    }

    /** The probability of a loaded state. */
    double probability(Timeline.State s) {
      int n = encoding.encode(bound, s, idx, val);
      double eta = beta[0];
      for (int k = 0; k < n; k++) {
        eta += beta[idx[k]] * val[k];
      }
      return LogisticRegression.sigmoid(eta);
    }

    /** Contributions of a loaded state, largest magnitude first; {@code base[0]} gets the base. */
    List<Contribution> contributions(Timeline.State s, double[] base) {
      int n = encoding.encode(bound, s, idx, val);
      double[] byGroup = groupBase.clone();
      for (int k = 0; k < n; k++) {
        int j = idx[k];
        byGroup[encoding.groupOf[j]] += beta[j] * val[k];
      }
      if (base != null) {
        base[0] = baseLogOdds;
      }
      Contribution[] out = new Contribution[byGroup.length];
      for (int g = 0; g < byGroup.length; g++) {
        String name = encoding.groupNames.get(g);
        out[g] = new Contribution(name, Encoding.display(tl, s, name), byGroup[g]);
      }
      java.util.Arrays.sort(out, Comparator.comparingDouble((Contribution c) -> -Math.abs(c.logOdds()))
          .thenComparing(Contribution::feature));
      return java.util.Arrays.asList(out);
    }
  }

  /**
   * Scores every lead at risk as of {@code at} (created by then, target not reached, not closed,
   * not won) with the model and the query's points rules, the most likely first.
   */
  public LeadScores score(Dataset d, Instant at) {
    Timeline tl = new Timeline(d);
    Scorer sc = scorer(tl);
    BoundRules rules = new BoundRules(query.rules(), tl);
    Timeline.State st = tl.state();
    long ms = Timeline.millis(at);
    int sub = Timeline.sub(at);
    List<LeadScore> out = new ArrayList<>();
    double[] base = new double[1];
    // leads in index order (sequential reads of the tables); the list is sorted below
    for (int l = 0; l < tl.leads.size(); l++) {
      if (!tl.leads.hasRow(l) || !Panel.le(tl.leads.createdAt(l), tl.createdSub(l), ms, sub)) {
        continue;
      }
      if (!tl.loadAtRisk(st, l, ms, sub, targetIndex)) {
        continue;
      }
      out.add(leadScore(tl, sc, rules, st, base));
    }
    out.sort(Comparator.comparingDouble((LeadScore s) -> -s.probability()).thenComparing(LeadScore::leadId));
    return new LeadScores(target, query.horizon(), at, out);
  }

  /**
   * The probability of every lead at risk as of {@code at} (the leads {@link #score} scores), in
   * creation order, without reasons or points: one pass over the leads, each lead's state as of
   * the instant, its columns, a dot product with the coefficients and the logistic function.
   */
  public LeadProbabilities probabilities(Dataset d, Instant at) {
    Timeline tl = new Timeline(d);
    Scorer sc = scorer(tl);
    Timeline.State st = tl.state();
    long ms = Timeline.millis(at);
    int sub = Timeline.sub(at);
    int n = tl.leads.withRow();
    int[] rank = new int[tl.leads.size()];
    for (int k = 0; k < n; k++) {
      rank[tl.leads.byCreated(k)] = k;
    }
    // leads in index order (each table's rows are stored in that order: sequential reads), the
    // results put in creation order
    double[] byRank = new double[n];
    java.util.Arrays.fill(byRank, Double.NaN);
    for (int l = 0; l < rank.length; l++) {
      if (!tl.leads.hasRow(l) || !Panel.le(tl.leads.createdAt(l), tl.createdSub(l), ms, sub)
          || !tl.loadAtRisk(st, l, ms, sub, targetIndex)) {
        continue;
      }
      byRank[rank[l]] = sc.probability(st);
    }
    String[] ids = new String[n];
    double[] p = new double[n];
    int m = 0;
    for (int k = 0; k < n; k++) {
      if (!Double.isNaN(byRank[k])) {
        ids[m] = tl.leads.id(tl.leads.byCreated(k));
        p[m++] = byRank[k];
      }
    }
    return new LeadProbabilities(target, query.horizon(), at,
        java.util.Arrays.asList(ids).subList(0, m), java.util.Arrays.copyOf(p, m));
  }

  LeadScore leadScore(Timeline tl, Scorer sc, BoundRules rules, Timeline.State st, double[] base) {
    double p = sc.probability(st);
    List<Contribution> c = sc.contributions(st, base);
    double points = rules.score(st, null);
    String owner = st.lastOwner < 0 ? FeatureRef.NONE : tl.cols.owners().value(st.lastOwner);
    return new LeadScore(tl.leads.id(st.lead), owner, tl.catalog.get(st.stage).name(), p, points,
        points >= rules.set.threshold(), base[0], c);
  }

  @Override
  public String toString() {
    return card().toString();
  }

  /** For messages: the model's label. */
  String label() {
    return String.format(Locale.ROOT, "P(%s within %dd) as of %s", target, query.horizon().toDays(),
        InstantLabel.of(trainedUntil, ZoneOffset.UTC));
  }
}
