package dev.funnel.cli.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.cli.FaderHardieSample;
import dev.funnel.cohort.ltv.HoldoutValidation;
import dev.funnel.cohort.ltv.Ltv;
import dev.funnel.cohort.ltv.RfmUnit;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The holdout view's text, HTML and CSV show the numbers of its JSON, on CDNOW (calibration to
 * 1997-09-30, holdout to 1998-06-30): the model comparison, the buckets and both tracking tables,
 * cell by cell.
 */
class HoldoutViewTest {

  private static Map<String, String> cols(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  @Test
  void everyRenderingShowsTheJsonFigures() throws Exception {
    HoldoutValidation v = Ltv.holdout(FaderHardieSample.purchases(), LocalDate.of(1997, 9, 30),
        LocalDate.of(1998, 6, 30), RfmUnit.WEEK);
    Consistency c = Consistency.of(HoldoutView.of(v));
    c.table("models", c.json().get("models"), "model", cols("logL", "logLikelihood", "k",
        "parameters", "AIC", "aic", "BIC", "bic", "predicted", "predicted", "actual", "actual",
        "MAE", "meanAbsoluteError", "RMSE", "rootMeanSquaredError", "tracking MAE",
        "cumulativeTrackingError", "per-week MAE", "incrementalTrackingError"));
    c.table("buckets", c.json().get("buckets"), "repeatPurchases", cols("customers",
        "customers", "actual holdout", "actual", "BG/NBD", "bgNbd", "MBG/NBD", "mbgNbd",
        "Pareto/NBD", "paretoNbd"));
    Map<String, String> tracking = cols("actual", "actual", "BG/NBD", "bgNbd", "MBG/NBD",
        "mbgNbd", "Pareto/NBD", "paretoNbd");
    c.table("tracking", c.json().get("tracking"), "period", tracking);
    c.csvOnly().table("incremental", c.json().get("incremental"), "period", tracking);
    assertEquals(3 * 10 + 8 * 5 + 2 * 78 * 4, c.checked());
    assertTrue(c.json().get("rule").asText().startsWith("smallest mean absolute"));
  }
}
