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
    double best = Math.min(Math.min(v.model(HoldoutValidation.BG_NBD).meanAbsoluteError(),
        mbg.meanAbsoluteError()), m.meanAbsoluteError());
    assertEquals(best, v.model(v.recommended()).meanAbsoluteError());
    assertTrue(v.toString().startsWith("Holdout 1997-10-01..1998-06-30: 2357 customers"));
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
