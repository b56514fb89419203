package dev.funnel.cohort.ltv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The RFM summary built from the CDNOW transactions (calibration to 1997-09-30, weeks) equals the
 * published summary to its two decimals, and the fits on it reproduce the published parameters.
 */
class RfmSharedDataTest {

  static final LocalDate UNTIL = LocalDate.of(1997, 9, 30);

  @Test
  void summaryFromTransactionsMatchesThePublishedSummary() throws Exception {
    RfmSummary published = ReferenceSampleFiles.summary();
    RfmSummary built = Ltv.summarize(ReferenceSampleFiles.transactions(), UNTIL, RfmUnit.WEEK);
    assertEquals(published.size(), built.size());
    Map<String, RfmCustomer> byId =
        built.customers().stream()
            .collect(Collectors.toMap(RfmCustomer::customerId, Function.identity()));
    for (RfmCustomer p : published.customers()) {
      RfmCustomer b = byId.get(p.customerId());
      assertEquals(p.x(), b.x(), p.customerId());
      assertEquals(p.tx(), b.tx(), 0.005 + 1e-9, p.customerId());
      assertEquals(p.T(), b.T(), 0.005 + 1e-9, p.customerId());
      assertEquals(p.meanRepeatSpend(), b.meanRepeatSpend(), 0.005 + 1e-9, p.customerId());
    }
  }

  @Test
  void fitsOnTheBuiltSummaryReproduceThePublishedParameters() throws Exception {
    RfmSummary built = Ltv.summarize(ReferenceSampleFiles.transactions(), UNTIL, RfmUnit.WEEK);
    BgNbdFit bg = Ltv.bgNbd(built);
    assertEquals(0.243, bg.r().value(), 0.0005);
    assertEquals(4.414, bg.alpha().value(), 0.0005);
    assertEquals(0.793, bg.a().value(), 0.0005);
    assertEquals(2.426, bg.b().value(), 0.0005);
    assertEquals(-9582.4, bg.logLikelihood(), 0.05);
    GammaGammaFit gg = Ltv.gammaGamma(built);
    assertEquals(6.25, gg.p().value(), 0.005);
    assertEquals(3.74, gg.q().value(), 0.005);
    assertEquals(15.44, gg.gamma().value(), 0.005);
  }
}
