package dev.funnel.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** On leads whose true conversion probability is known, the model is calibrated and ranks well. */
class SimulatedModelTest {

  static final SimulatedLeads SIM = new SimulatedLeads(20260301L, 8000, 360);

  @Test
  void heldOutPredictionsAreCalibratedWithinSamplingNoiseAndRankLikeTheTruth() {
    ScoreQuery q = ScoreQuery.of(SIM.end);
    Instant cut = Validation.defaultCut(SIM.dataset, q);
    Timeline tl = new Timeline(SIM.dataset);
    LeadModel model = LeadModel.fit(tl, q, cut);
    Timeline.State st = tl.state();
    Panel test = Panel.heldOut(tl, st, model.targetIndex(), q.horizon().toMillis(),
        q.scoreDelay().toMillis(), Timeline.millis(cut), 0, Timeline.millis(q.asOf()), 0);
    assertTrue(test.size > 1500, "held-out leads: " + test.size);
    assertEquals(0, test.immature, "the simulation ends 45 days after the last lead");
    LeadModel.Scorer sc = model.scorer(tl);
    double[] p = new double[test.size];
    double[] truth = new double[test.size];
    boolean[] y = new boolean[test.size];
    double gap = 0;
    for (int i = 0; i < test.size; i++) {
      tl.load(st, test.lead[i], test.ms[i], test.sub[i], model.targetIndex());
      p[i] = sc.probability(st);
      truth[i] = SIM.truth.get(tl.leads.id(test.lead[i]));
      y[i] = test.label[i];
      gap += Math.abs(p[i] - truth[i]);
    }
    assertTrue(gap / test.size < 0.03, "mean |model - truth| " + gap / test.size);

    CalibrationTable cal = Metrics.calibration(p, y);
    for (CalibrationBin b : cal.bins()) {
      double se = Math.sqrt(b.meanPredicted() * (1 - b.meanPredicted()) / b.rows());
      double z = (b.observedRate() - b.meanPredicted()) / se;
      assertTrue(Math.abs(z) < 3.5, "decile " + b.bin() + " off by z = " + z + "\n" + cal);
    }
    assertTrue(cal.pValue() > 0.001, cal.toString());
    assertTrue(Math.abs(cal.slope() - 1) < 0.25, "Cox slope " + cal.slope());

    double aucModel = Metrics.auc(p, y, 0.95).auc();
    double aucTruth = Metrics.auc(truth, y, 0.95).auc();
    assertTrue(Math.abs(aucModel - aucTruth) < 0.02, "model " + aucModel + " truth " + aucTruth);
  }

  @Test
  void theCardNamesTheFeaturesTheTruthUses() {
    LeadModel m = LeadModel.fit(SIM.dataset, ScoreQuery.of(SIM.end));
    ModelCard card = m.card();
    int referral = card.columns().indexOf("channel=referral");
    int seo = card.columns().indexOf("channel=seo");
    int enterprise = card.columns().indexOf("segment=enterprise");
    assertTrue(referral > 0 && seo > 0 && enterprise > 0, card.columns().toString());
    // paid_search is the reference (the most frequent level or tied): effects relative to it
    assertTrue(card.coefficients().get(referral) > 0.5, card.toString());
    assertTrue(card.coefficients().get(seo) < -0.1, card.toString());
    assertTrue(card.coefficients().get(enterprise) > 0.5, card.toString());
    assertTrue(card.summary().startsWith("Model P(SQL within 30d)"), card.summary());
  }

  @Test
  void contributionsAddUpToTheLogOddsAboveTheBase() {
    LeadModel m = LeadModel.fit(SIM.dataset, ScoreQuery.of(SIM.end));
    LeadScores s = m.score(SIM.dataset, SIM.end.minus(java.time.Duration.ofDays(40)));
    assertTrue(s.leads().size() > 100, s.toString());
    for (LeadScore l : s.leads().subList(0, 100)) {
      double sum = l.baseLogOdds();
      for (Contribution c : l.contributions()) {
        sum += c.logOdds();
      }
      double logit = Math.log(l.probability() / (1 - l.probability()));
      assertEquals(logit, sum, 1e-9, l.toString());
      for (int k = 1; k < l.contributions().size(); k++) {
        assertTrue(Math.abs(l.contributions().get(k - 1).logOdds()) >= Math.abs(l.contributions().get(k).logOdds()));
      }
    }
    LeadScore top = s.leads().get(0);
    assertTrue(top.why(3).matches("[a-z_:]+=[^ ]+ [+-]\\d\\.\\d\\d(; [a-z_:]+=[^ ]+ [+-]\\d\\.\\d\\d){2}"), top.why(3));
    assertTrue(s.toString().contains("why (top 3)"), s.toString());
  }

  /**
   * Rules that are the truth itself in points (ten points per unit of log-odds, touches in steps)
   * rank as well as the model: the verdict must not claim the model wins.
   */
  @Test
  void againstRulesThatKnowTheTruthTheModelIsNotSaidToWin() {
    RuleSet truth = RuleSet.builder().mqlAt(0)
        .add("seo", "channel", "=", "seo", -4).add("referral", "channel", "=", "referral", 9)
        .add("webinar", "channel", "=", "webinar", 5).add("mid", "segment", "=", "mid", 3)
        .add("enterprise", "segment", "=", "enterprise", 8)
        .add("1 touch", "touches", ">=", "1", 5).add("2 touches", "touches", ">=", "2", 3)
        .add("3 touches", "touches", ">=", "3", 2).add("5 touches", "touches", ">=", "5", 3)
        .build();
    ModelValidation v = Validation.run(SIM.dataset, ScoreQuery.of(SIM.end).rules(truth));
    assertTrue(!v.modelBeatsRules(), v.toString());
    assertTrue(v.verdict().startsWith("the model does not beat the rules")
        || v.verdict().startsWith("the rules beat the model"), v.verdict());
    assertTrue(Math.abs(v.comparison().difference()) < 0.01, v.toString());
  }

  @Test
  void validationComparesModelAndRulesOnTheSameHeldOutLeads() {
    ModelValidation v = Validation.run(SIM.dataset, ScoreQuery.of(SIM.end));
    assertEquals(v.model().rows(), v.rules().rows());
    assertEquals(v.model().positives(), v.rules().positives());
    assertEquals(v.testRows(), v.model().rows());
    assertEquals(v.modelBeatsRules(), v.comparison().lower() > 0);
    assertTrue(v.verdict().startsWith(v.modelBeatsRules() ? "the model beats the rules"
        : v.comparison().secondBetter() ? "the rules beat the model" : "the model does not beat"), v.verdict());
    assertTrue(v.toString().startsWith("Held-out SQL within 30d"), v.toString());
    assertTrue(v.model().auc().auc() > 0.6, v.toString());
  }
}
