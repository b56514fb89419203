package dev.funnel.cohort.ltv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Fader, Hardie and Lee (2005), "Counting your customers the easy way", fit the BG/NBD model to
 * the CDNOW sample of 2,357 customers (calibration to 1997-09-30, weeks) and report r = 0.243,
 * alpha = 4.414, a = 0.793, b = 2.426 and log-likelihood -9582.4.
 */
class BgNbdSharedDataTest {

  @Test
  void reproducesThePublishedCdnowFit() throws Exception {
    RfmSummary s = ReferenceSampleFiles.summary();
    assertEquals(2357, s.size());
    BgNbdFit f = Ltv.bgNbd(s);
    assertTrue(f.convergence().converged(), f.convergence().toString());
    assertEquals(0.243, f.r().value(), 0.0005);
    assertEquals(4.414, f.alpha().value(), 0.0005);
    assertEquals(0.793, f.a().value(), 0.0005);
    assertEquals(2.426, f.b().value(), 0.0005);
    assertEquals(-9582.4, f.logLikelihood(), 0.05);
  }
}
