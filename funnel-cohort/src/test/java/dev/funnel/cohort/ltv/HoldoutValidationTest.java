package dev.funnel.cohort.ltv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The BTYD holdout validation on CDNOW (calibration to 1997-09-30, holdout to 1998-06-30, as in
 * Fader, Hardie and Lee 2005): actual counts against a recount of the raw transactions, the
 * predictions against the fitted models called directly, and the published calibration summary.
 */
class HoldoutValidationTest {

  private static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);
  private static final LocalDate HOLDOUT_END = LocalDate.of(1998, 6, 30);

  @Test
  void cdnowHoldoutAgainstARecountAndTheModels() throws IOException {
    List<Purchase> purchases = ReferenceSampleFiles.transactions();
    HoldoutValidation v = Ltv.holdout(purchases, CALIBRATION_END, HOLDOUT_END, RfmUnit.WEEK);
    RfmSummary published = ReferenceSampleFiles.summary();
    assertEquals(published.size(), v.customers()); // 2357 customers, as published
    assertEquals(39.0, v.horizon(), 1e-12);

    // recount: purchase days per customer, from the raw rows
    Map<String, TreeSet<LocalDate>> days = new TreeMap<>();
    for (Purchase p : purchases) {
      if (p.amount().signum() >= 0) {
        days.computeIfAbsent(p.customerId(), k -> new TreeSet<>()).add(p.day());
      }
    }
    long[] count = new long[8];
    long[] holdout = new long[8];
    long repeatsBeforeEnd = 0;
    for (TreeSet<LocalDate> d : days.values()) {
      int x = d.headSet(CALIBRATION_END, true).size() - 1;
      if (x < 0) {
        continue;
      }
      count[Math.min(x, 7)]++;
      holdout[Math.min(x, 7)] += d.subSet(CALIBRATION_END, false, HOLDOUT_END, true).size();
      repeatsBeforeEnd += d.headSet(HOLDOUT_END, true).size() - 1;
    }
    long total = 0;
    for (HoldoutValidation.Bucket b : v.buckets()) {
      int i = b.label().equals("7+") ? 7 : Integer.parseInt(b.label());
      assertEquals(count[i], b.customers(), b.label());
      assertEquals((double) holdout[i] / count[i], b.actual(), 1e-12, b.label());
      total += holdout[i];
    }
    assertEquals(total, v.model(HoldoutValidation.BG_NBD).actual());

    // predictions: the fitted models' conditional expectations over 39 weeks, summed
    RfmSummary calibration = Ltv.summarize(purchases, CALIBRATION_END, RfmUnit.WEEK);
    BgNbdFit bg = Ltv.bgNbd(calibration);
    assertEquals(0.243, bg.r().value(), 5e-4); // FHL 2005: r = 0.243, alpha = 4.414
    assertEquals(4.414, bg.alpha().value(), 5e-3);
    double predicted = 0;
    double weighted = 0;
    for (RfmCustomer c : calibration.customers()) {
      predicted += bg.expectedPurchases(39, c);
    }
    for (HoldoutValidation.Bucket b : v.buckets()) {
      weighted += b.customers() * b.bgNbd();
    }
    assertEquals(predicted, v.model(HoldoutValidation.BG_NBD).predicted(), 1e-9 * predicted);
    assertEquals(predicted, weighted, 1e-9 * predicted);
    assertEquals(-9582.4, v.model(HoldoutValidation.BG_NBD).logLikelihood(), 0.05); // FHL 2005

    // tracking: 78 weeks from 1997-01-01; the last point counts every repeat purchase day; at
    // the calibration end the expectation is the sum of the unconditional E[X(T_i)]
    List<HoldoutValidation.Tracking> tr = v.tracking();
    assertEquals(78, tr.size());
    assertEquals(repeatsBeforeEnd, tr.get(tr.size() - 1).actual());
    HoldoutValidation.Tracking week39 = tr.get(38);
    assertEquals(LocalDate.of(1997, 9, 30), week39.through());
    double sum = 0;
    for (RfmCustomer c : calibration.customers()) {
      sum += bg.expectedPurchases(c.T());
    }
    assertEquals(sum, week39.bgNbd(), 1e-9 * sum);
    assertTrue(!week39.holdout() && tr.get(39).holdout());
    for (int i = 1; i < tr.size(); i++) {
      assertTrue(tr.get(i).actual() >= tr.get(i - 1).actual());
      assertTrue(tr.get(i).bgNbd() >= tr.get(i - 1).bgNbd());
    }
    // model comparison: both scored; AIC from the log-likelihood
    HoldoutValidation.ModelScore m = v.model(HoldoutValidation.PARETO_NBD);
    assertEquals(2 * m.parameters() - 2 * m.logLikelihood(), m.aic(), 1e-9);
    HoldoutValidation.ModelScore mbg = v.model(HoldoutValidation.MBG_NBD);
    assertEquals(Ltv.mbgNbd(calibration).logLikelihood(), mbg.logLikelihood(), 1e-9);
    assertEquals(4 * Math.log(2357) - 2 * mbg.logLikelihood(), mbg.bic(), 1e-9);
    assertTrue(v.toString().startsWith("Holdout 1997-10-01..1998-06-30: 2357 customers"));

    // tracking errors from the rows: cumulative and per-week, over the 39 holdout weeks
    List<HoldoutValidation.Tracking> inc = v.incremental();
    for (HoldoutValidation.ModelScore s : v.models()) {
      double cum = 0;
      double per = 0;
      int weeks = 0;
      for (int i = 0; i < tr.size(); i++) {
        if (tr.get(i).holdout()) {
          weeks++;
          cum += Math.abs(expected(tr.get(i), s.model()) - tr.get(i).actual());
          double step = expected(tr.get(i), s.model()) - expected(tr.get(i - 1), s.model());
          assertEquals(step, expected(inc.get(i), s.model()), 1e-9);
          assertEquals(tr.get(i).actual() - tr.get(i - 1).actual(), inc.get(i).actual());
          per += Math.abs(step - (tr.get(i).actual() - tr.get(i - 1).actual()));
        }
      }
      assertEquals(39, weeks);
      assertEquals(cum / 39, s.cumulativeTrackingError(), 1e-9, s.model());
      assertEquals(per / 39, s.incrementalTrackingError(), 1e-9, s.model());
    }
    // the rule: smallest MAE; within 1% of it, the smallest cumulative tracking error
    double bestMae = Double.POSITIVE_INFINITY;
    for (HoldoutValidation.ModelScore s : v.models()) {
      bestMae = Math.min(bestMae, s.meanAbsoluteError());
    }
    String pick = null;
    double pickTracking = Double.POSITIVE_INFINITY;
    for (HoldoutValidation.ModelScore s : v.models()) {
      if (s.meanAbsoluteError() <= 1.01 * bestMae && s.cumulativeTrackingError() < pickTracking) {
        pick = s.model();
        pickTracking = s.cumulativeTrackingError();
      }
    }
    assertEquals(pick, v.recommended());

    // CDNOW is not discrete by the week: the BG/BB is left out, and the reason names two purchase
    // days of one customer in one week of the grid ending on the calibration end
    assertEquals(3, v.models().size());
    assertTrue(Double.isNaN(v.buckets().get(0).bgBb()));
    java.util.regex.Matcher named = java.util.regex.Pattern
        .compile("customer (\\S+) bought on two days of one week \\((\\S+) and (\\S+)\\)")
        .matcher(v.bgBbProblem());
    assertTrue(named.find(), v.bgBbProblem());
    LocalDate d1 = LocalDate.parse(named.group(2));
    LocalDate d2 = LocalDate.parse(named.group(3));
    assertTrue(days.get(named.group(1)).containsAll(List.of(d1, d2)));
    assertEquals(Math.floorDiv(ChronoUnit.DAYS.between(d1, CALIBRATION_END), 7),
        Math.floorDiv(ChronoUnit.DAYS.between(d2, CALIBRATION_END), 7));
  }

  private static double expected(HoldoutValidation.Tracking r, String model) {
    return switch (model) {
      case HoldoutValidation.BG_NBD -> r.bgNbd();
      case HoldoutValidation.MBG_NBD -> r.mbgNbd();
      case HoldoutValidation.PARETO_NBD -> r.paretoNbd();
      default -> r.bgBb();
    };
  }

  /**
   * The Pareto/NBD's figure of the BTYD walkthrough (McCarthy and Wadsworth, "Buy 'Til You Die - A
   * Walkthrough", 2014, section 2.4, {@code pnbd.PlotFreqVsConditionalExpectedFrequency} on
   * CDNOW with censor 7): actual holdout transactions per customer by calibration frequency
   * 0.2367116, 0.6970387, 1.392523, 1.560000, 2.532258, 2.947368, 3.862069, 6.359375 (bins of
   * 1411, 439, 214, 100, 62, 38, 29, 64 customers), and the conditional expectations 0.138,
   * 0.600, 1.196, 1.714, 2.399, 2.907, 3.819, 6.403 at BTYD's estimates r = 0.553,
   * alpha = 10.580, s = 0.606, beta = 11.656.
   */
  @Test
  void cdnowBucketsAsPublishedByBtyd() throws IOException {
    List<Purchase> purchases = ReferenceSampleFiles.transactions();
    HoldoutValidation v = Ltv.holdout(purchases, CALIBRATION_END, HOLDOUT_END, RfmUnit.WEEK);
    double[] actual = {0.2367116, 0.6970387, 1.392523, 1.560000, 2.532258, 2.947368, 3.862069,
        6.359375};
    long[] bins = {1411, 439, 214, 100, 62, 38, 29, 64};
    double[] btyd = {0.138, 0.600, 1.196, 1.714, 2.399, 2.907, 3.819, 6.403};
    ParetoNbdFit published = new ParetoNbdFit(new Estimate("r", 0.553, 0),
        new Estimate("alpha", 10.580, 0), new Estimate("s", 0.606, 0),
        new Estimate("beta", 11.656, 0), 0, 0, 0, new Convergence(true, 0, 0, 0, "given"),
        RfmUnit.WEEK);
    RfmSummary calibration = Ltv.summarize(purchases, CALIBRATION_END, RfmUnit.WEEK);
    double[] sums = new double[8];
    for (RfmCustomer c : calibration.customers()) {
      sums[Math.min(c.x(), 7)] += published.expectedPurchases(39, c);
    }
    for (int i = 0; i < 8; i++) {
      HoldoutValidation.Bucket b = v.buckets().get(i);
      assertEquals(bins[i], b.customers(), b.label());
      assertEquals(actual[i], b.actual(), 5e-7, b.label());
      // the published parameters are rounded to 3 decimals: the means move by up to 1e-3
      assertEquals(btyd[i], sums[i] / bins[i], 1e-3, b.label());
      // our own fit (r 0.553, alpha 10.578, s 0.606, beta 11.669) predicts within 1e-3 of BTYD's
      assertEquals(btyd[i], b.paretoNbd(), 1e-3, b.label());
    }
  }

  @Test
  void rowOrderDoesNotMatterAndBadWindowsAreRefused() throws IOException {
    List<Purchase> purchases = new ArrayList<>(ReferenceSampleFiles.transactions());
    HoldoutValidation a = Ltv.holdout(purchases, CALIBRATION_END, HOLDOUT_END, RfmUnit.WEEK);
    Collections.shuffle(purchases, new java.util.Random(4));
    HoldoutValidation b = Ltv.holdout(purchases, CALIBRATION_END, HOLDOUT_END, RfmUnit.WEEK);
    assertEquals(a, b);
    assertThrows(IllegalArgumentException.class,
        () -> Ltv.holdout(purchases, HOLDOUT_END, CALIBRATION_END, RfmUnit.WEEK));
    assertThrows(IllegalArgumentException.class, () -> Ltv.holdout(purchases,
        LocalDate.of(1990, 1, 1), LocalDate.of(1991, 1, 1), RfmUnit.WEEK));
    assertEquals(273, ChronoUnit.DAYS.between(CALIBRATION_END, HOLDOUT_END));
  }
}
