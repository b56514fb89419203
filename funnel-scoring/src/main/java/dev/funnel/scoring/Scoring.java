package dev.funnel.scoring;

import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lead scoring, the entry points: points rules ({@link #points}), the learned model
 * ({@link LeadModel#fit}), validation on time ({@link Validation#run}), the worklist
 * ({@link Worklist#compute}), the plan outlook ({@link PlanOutlook#compute}), and all of them at
 * once for a review ({@link #review}). Everything is as of an instant: no row after it is read.
 * Stateless and thread-safe.
 */
public final class Scoring {

  private Scoring() {}

  /**
   * One lead's points score as of {@code at}, with its breakdown by rule.
   *
   * @throws IllegalArgumentException when the lead is unknown or a stage rule names a stage the
   *     catalog does not have
   */
  public static PointsScore points(Dataset d, RuleSet rules, String leadId, Instant at) {
    d.require(DatasetTable.LEADS, "points scoring");
    Timeline tl = new Timeline(d);
    int l = tl.leads.index(leadId);
    if (l < 0 || !tl.leads.hasRow(l)) {
      throw new IllegalArgumentException("no lead '" + leadId + "' in the leads table");
    }
    BoundRules b = new BoundRules(rules, tl);
    Timeline.State st = tl.state();
    tl.load(st, l, Timeline.millis(at), Timeline.sub(at), -1);
    return score(tl, b, st, new double[b.size()]);
  }

  /** Every open lead's points score as of {@code at} (see {@link PointsScores}). */
  public static PointsScores points(Dataset d, RuleSet rules, Instant at) {
    d.require(DatasetTable.LEADS, "points scoring");
    Timeline tl = new Timeline(d);
    BoundRules b = new BoundRules(rules, tl);
    Timeline.State st = tl.state();
    long ms = Timeline.millis(at);
    int sub = Timeline.sub(at);
    double[] hits = new double[b.size()];
    List<PointsScore> out = new ArrayList<>();
    for (int k = 0; k < tl.leads.withRow(); k++) {
      int l = tl.leads.byCreated(k);
      if (!Panel.le(tl.leads.createdAt(l), tl.createdSub(l), ms, sub)) {
        break;
      }
      tl.load(st, l, ms, sub, -1);
      if (st.closed || st.stage >= tl.wonIndex) {
        continue;
      }
      out.add(score(tl, b, st, hits));
    }
    out.sort(Comparator.comparingDouble((PointsScore s) -> -s.score()).thenComparing(PointsScore::leadId));
    return new PointsScores(at, rules, out);
  }

  /**
   * The whole review as of the query's instant: validation on time (model against the points
   * rules), the model fitted on everything known then, the worklist and the plan outlook. Parts
   * that cannot be computed are null with their reason in {@link ScoreReview#problems()}. The
   * validation runs on the common fork-join pool beside the rest (it reads only the immutable
   * dataset), so a review uses two cores where there are two; the result is the same.
   *
   * @throws IllegalStateException when the dataset has no leads table
   * @throws IllegalArgumentException when the target is not a later progression stage
   */
  public static ScoreReview review(Dataset d, ScoreQuery q) {
    d.require(DatasetTable.LEADS, "lead scoring");
    Timeline tl = new Timeline(d);
    LeadModel.targetIndex(tl, q.target());
    List<String> problems = new ArrayList<>();
    // the validation (its own model and rows) runs beside the fits below, on the common pool
    java.util.concurrent.CompletableFuture<Object> validation =
        java.util.concurrent.CompletableFuture.supplyAsync(() -> {
          try {
            return Validation.run(d, q);
          } catch (IllegalArgumentException e) {
            return e;
          }
        });
    ModelCache models = new ModelCache(tl, q);
    ModelCard card = null;
    try {
      card = models.get(q.target(), q.horizon()).card();
    } catch (IllegalArgumentException e) {
      problems.add("model: " + e.getMessage());
    }
    WorklistReport w = Worklist.compute(tl, q, models);
    PlanOutlook o = PlanOutlook.compute(tl, q, models);
    ModelValidation v = null;
    Object done;
    try {
      done = validation.join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw e;
    }
    if (done instanceof ModelValidation mv) {
      v = mv;
    } else {
      problems.add(0, "validation: " + ((IllegalArgumentException) done).getMessage());
    }
    return new ScoreReview(q, v, card, w, o, problems);
  }

  static PointsScore score(Timeline tl, BoundRules b, Timeline.State st, double[] hits) {
    double total = b.score(st, hits);
    Map<String, Double> breakdown = new LinkedHashMap<>();
    for (int i = 0; i < hits.length; i++) {
      if (!Double.isNaN(hits[i])) {
        breakdown.put(b.set.rules().get(i).name(), hits[i]);
      }
    }
    return new PointsScore(tl.leads.id(st.lead), tl.catalog.get(st.stage).name(), total,
        total >= b.set.threshold(), breakdown);
  }
}
