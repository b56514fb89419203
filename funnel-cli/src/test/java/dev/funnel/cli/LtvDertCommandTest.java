package dev.funnel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.funnel.cohort.Cohorts;
import dev.funnel.cohort.LtvAnalysis;
import dev.funnel.cohort.LtvQuery;
import dev.funnel.cohort.ltv.ClvTerms;
import dev.funnel.cohort.ltv.PurchaseModel;
import dev.funnel.cohort.ltv.RfmCustomer;
import dev.funnel.cohort.ltv.RfmUnit;
import dev.funnel.core.Dataset;
import dev.funnel.core.demo.DemoData;
import org.junit.jupiter.api.Test;

/**
 * {@code funnel ltv}'s lifetime figures beside the horizon's discrete CLV: the continuously
 * compounded rate equivalent to {@code --discount} a month per {@code --unit}, and the mean
 * continuous-time DERT, which equals the fitted model's
 * {@code discountedResidualTransactions} averaged over the customers.
 */
class LtvDertCommandTest {

  static final ObjectMapper JACKSON = new ObjectMapper();

  @Test
  void jsonAndTextCarryTheContinuousDert() throws Exception {
    Dataset d = DemoData.builder().seed(9).leads(2_000).build().dataset();
    for (PurchaseModel model : PurchaseModel.values()) {
      FunnelTest.Run r = InMemoryDatasetTest.run(d, "ltv", "--model", model.label(), "--discount",
          "0.02", "--format", "json");
      assertEquals(0, r.code(), r.toString());
      JsonNode clv = JACKSON.readTree(r.out()).get("clv");
      double delta = ClvTerms.monthly(12, 0.02, 1).continuousRate(RfmUnit.WEEK);
      assertEquals(Math.log(1.02) * 7 / (365.25 / 12), clv.get("continuousRate").asDouble(),
          1e-15);
      LtvAnalysis a = Cohorts.ltv(d, LtvQuery.defaults().model(model)
          .terms(ClvTerms.monthly(12, 0.02, 1)));
      double sum = 0;
      for (RfmCustomer c : a.rfm().customers()) {
        sum += model == PurchaseModel.BGNBD ? a.bgNbd().discountedResidualTransactions(delta, c)
            : a.paretoNbd().discountedResidualTransactions(delta, c);
      }
      double mean = sum / a.rfm().size();
      assertEquals(mean, clv.get("meanResidualTransactions").asDouble(), 1e-12 * mean);
      assertEquals(a.clv().definedLifetimeMean(), clv.get("lifetimeMean").asDouble(),
          1e-12 * Math.abs(a.clv().definedLifetimeMean()), model.label());
      String text = InMemoryDatasetTest.run(d, "ltv", "--model", model.label(), "--discount",
          "0.02").out();
      assertTrue(text.contains("lifetime (continuous DERT at "), text);
    }
  }
}
