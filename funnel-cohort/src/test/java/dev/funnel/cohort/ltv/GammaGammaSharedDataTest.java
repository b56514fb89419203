package dev.funnel.cohort.ltv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Fader, Hardie and Lee (2005, "RFM and CLV"; also Fader and Hardie's 2013 note on the Gamma-Gamma
 * model) fit the spend model to the 946 CDNOW repeat buyers: p = 6.25, q = 3.74, gamma = 15.44.
 *
 * <p>The summary CSV rounds zbar to cents, which moves gamma to 15.448 (0.002 standard errors);
 * the fit on exact spends from the transactions ({@link RfmSharedDataTest}) gives 15.443, the
 * published value to its rounding. Here gamma is held to 0.01.
 */
class GammaGammaSharedDataTest {

  @Test
  void reproducesThePublishedCdnowFit() throws Exception {
    GammaGammaFit f = Ltv.gammaGamma(ReferenceSampleFiles.summary());
    assertTrue(f.convergence().converged(), f.convergence().toString());
    assertEquals(946, f.customers());
    assertEquals(2357 - 946, f.excluded());
    assertEquals(6.25, f.p().value(), 0.005);
    assertEquals(3.74, f.q().value(), 0.005);
    assertEquals(15.44, f.gamma().value(), 0.01);
  }
}
