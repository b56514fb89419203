package dev.funnel.scoring;

import dev.funnel.core.Dataset;
import dev.funnel.core.display.Formats;
import dev.funnel.core.display.InstantLabel;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Validation on time, never at random: the model is trained on leads created before a cut (with
 * every label known by the cut, {@link LeadModel}) and tested on the leads created at or after it,
 * each scored once at its first snapshot (a day after creation by default) and followed for the
 * horizon; held-out leads whose horizon has not ended by the as-of instant are immature and left
 * out (counted, never taken as misses). The points rules are scored on the same rows.
 *
 * <p>Default cut: among the leads whose first snapshot's horizon has ended by the as-of instant,
 * the start of the day (in the dataset zone) on which the lead at 70% of them in creation order
 * was created; so about 30% of the mature leads are held out. The rules' points are turned into
 * probabilities for log loss, Brier score and calibration by a logistic regression of the
 * outcomes of the training leads' first snapshots (the moment held-out leads are scored at) on
 * their points (Platt 1999, "Probabilistic outputs for support vector machines"); their AUC and
 * gains use the raw points. Stateless and thread-safe.
 */
public final class Validation {

  /** Share of the mature leads before the default cut. */
  public static final double DEFAULT_TRAIN_SHARE = 0.7;
  /** The confidence level of intervals. */
  public static final double LEVEL = 0.95;

  private Validation() {}

  /**
   * The default cut of a query (see the class comment).
   *
   * @throws IllegalArgumentException when fewer than 20 leads have matured
   */
  public static Instant defaultCut(Dataset d, ScoreQuery q) {
    Timeline tl = new Timeline(d);
    long need = q.scoreDelay().toMillis() + q.horizon().toMillis();
    long asOf = Timeline.millis(q.asOf());
    int mature = 0;
    for (int k = 0; k < tl.leads.withRow(); k++) {
      if (tl.leads.createdAt(tl.leads.byCreated(k)) + need <= asOf) {
        mature++;
      } else {
        break;
      }
    }
    if (mature < 20) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "only %d leads were created early enough to have an outcome (%dd horizon, first scored"
              + " %s after creation) by %s; validation needs at least 20", mature,
          q.horizon().toDays(), Worklist.human(q.scoreDelay()),
          InstantLabel.of(q.asOf(), d.zone())));
    }
    int at = (int) Math.floor(DEFAULT_TRAIN_SHARE * mature);
    Instant created = tl.leads.created(tl.leads.byCreated(at));
    ZoneId zone = d.zone();
    return created.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
  }

  /**
   * Trains on the leads before the query's cut (or the default cut) and compares the model with
   * the points rules on the held-out leads.
   *
   * @throws IllegalArgumentException when the target is not a later stage, too few leads have
   *     matured, or the training rows are empty or all of one outcome
   */
  public static ModelValidation run(Dataset d, ScoreQuery q) {
    Instant cut = q.cut() != null ? q.cut() : defaultCut(d, q);
    Timeline tl = new Timeline(d);
    LeadModel model = LeadModel.fit(tl, q, cut);
    int target = model.targetIndex();
    long h = q.horizon().toMillis();
    long delay = q.scoreDelay().toMillis();
    Timeline.State st = tl.state();
    BoundRules rules = new BoundRules(q.rules(), tl);

    Panel train = Panel.training(tl, st, target, h, delay, q.maxSnapshots(), Timeline.millis(cut),
        Timeline.sub(cut));
    // the points are calibrated on the training leads' first snapshots: the moment held-out leads
    // are scored at (older snapshots, which the rules cannot tell apart, would bias them)
    int first = 0;
    for (int i = 0; i < train.size; i++) {
      if (train.ms[i] == tl.leads.createdAt(train.lead[i]) + delay) {
        first++;
      }
    }
    double[][] px = new double[first][1];
    double[] py = new double[first];
    for (int i = 0, k = 0; i < train.size; i++) {
      if (train.ms[i] != tl.leads.createdAt(train.lead[i]) + delay) {
        continue;
      }
      tl.load(st, train.lead[i], train.ms[i], train.sub[i], target);
      px[k][0] = rules.score(st, null);
      py[k++] = train.label[i] ? 1 : 0;
    }
    LogisticFit platt = null;
    String plattNote;
    try {
      platt = LogisticRegression.ridge(1e-4).fit(px, py);
      plattNote = String.format(Locale.ROOT, "rules' probabilities: points calibrated on the"
          + " training leads' first snapshots, logit p = %.3f %+.4f x points (Platt scaling); AUC"
          + " and gains use the raw points", platt.coefficient(0), platt.coefficient(1));
    } catch (IllegalArgumentException e) {
      plattNote = "rules' probabilities: the points cannot be calibrated on the training leads'"
          + " first snapshots (" + e.getMessage() + "); every lead gets their rate instead";
    }
    double flat = 0;
    for (double v : py) {
      flat += v;
    }
    flat = py.length == 0 ? 0.5 : flat / py.length;

    Panel test = Panel.heldOut(tl, st, target, h, delay, Timeline.millis(cut), Timeline.sub(cut),
        Timeline.millis(q.asOf()), Timeline.sub(q.asOf()));
    LeadModel.Scorer sc = model.scorer(tl);
    double[] pm = new double[test.size];
    double[] points = new double[test.size];
    double[] pr = new double[test.size];
    boolean[] y = new boolean[test.size];
    for (int i = 0; i < test.size; i++) {
      tl.load(st, test.lead[i], test.ms[i], test.sub[i], target);
      pm[i] = sc.probability(st);
      points[i] = rules.score(st, null);
      pr[i] = platt == null ? flat : platt.probability(new double[] {points[i]});
      y[i] = test.label[i];
    }
    BinaryMetrics mm = Metrics.evaluate("model", pm, pm, y, LEVEL);
    BinaryMetrics rm = Metrics.evaluate("rules", points, pr, y, LEVEL);
    AucComparison cmp = Metrics.compare("model", pm, "rules", points, y, LEVEL);
    ZoneId zone = d.zone();
    String verdict = verdict(mm, rm, cmp, test, q);
    List<String> notes = new ArrayList<>();
    notes.add(String.format(Locale.ROOT, "trained on %s snapshots of %s leads created before %s"
            + " (outcomes known by then); tested on %s leads created from %s, each scored %s after"
            + " creation and followed for %dd", Formats.count(model.card().rows()),
        Formats.count(model.card().leads()), InstantLabel.of(cut, zone), Formats.count(test.size),
        InstantLabel.of(cut, zone),
        Worklist.human(q.scoreDelay()), q.horizon().toDays()));
    if (test.immature > 0) {
      notes.add(String.format(Locale.ROOT, "%s held-out leads are too recent for their %dd horizon"
          + " to have ended by %s: left out, not counted as misses", Formats.count(test.immature),
          q.horizon().toDays(), InstantLabel.of(q.asOf(), zone)));
    }
    notes.add(plattNote);
    notes.add("AUC intervals: DeLong (1988); the difference is DeLong's paired comparison on the same leads");
    return new ModelValidation(model.target(), q.horizon(), cut, q.asOf(), model.card(), test.size,
        test.immature, mm, rm, cmp, cmp.firstBetter(), verdict, notes);
  }

  private static String verdict(BinaryMetrics m, BinaryMetrics r, AucComparison c, Panel test, ScoreQuery q) {
    if (Double.isNaN(c.difference())) {
      return String.format(Locale.ROOT, "no verdict: %d held-out leads with an outcome, %d reached"
          + " the target; both outcomes are needed (move the cut earlier or wait)", test.size,
          m.positives());
    }
    String aucs = String.format(Locale.ROOT, "AUC %.3f vs %.3f, difference %s", m.auc().auc(),
        r.auc().auc(), c.label());
    if (c.firstBetter()) {
      return "the model beats the rules: " + aucs;
    }
    if (c.secondBetter()) {
      return "the rules beat the model: " + aucs;
    }
    return "the model does not beat the rules (the difference could be chance): " + aucs;
  }
}
