package dev.funnel.scoring;

import dev.funnel.core.display.Cell;
import dev.funnel.core.display.Formats;
import dev.funnel.core.display.Tabular;
import dev.funnel.core.display.TextTable;
import java.util.Locale;

/**
 * How one score does on a set of rows with known outcomes ({@link Metrics#evaluate}).
 *
 * <p>Ranking: AUC with its DeLong interval ({@link AucEstimate}) and the gains table, from the
 * score. Probabilities: log loss {@code -mean(y log p + (1 - y) log(1 - p))} (natural log, p
 * clipped to {@code [1e-15, 1 - 1e-15]}), Brier score {@code mean((p - y)^2)} (Brier 1950,
 * Monthly Weather Review 78:1-3), Brier skill {@code 1 - Brier / (r (1 - r))} against always
 * predicting the rows' own rate r, and the calibration table.
 *
 * @param name        what was scored ({@code model}, {@code rules})
 * @param rows        rows
 * @param positives   rows with the outcome
 * @param baseRate    positives / rows
 * @param auc         the AUC and its interval
 * @param logLoss     mean log loss
 * @param brier       Brier score
 * @param brierSkill  1 - Brier / Brier of the base rate (NaN when the rate is 0 or 1)
 * @param calibration the calibration table by decile of the probability
 * @param gains       lift and cumulative gains by decile of the score
 */
public record BinaryMetrics(
    String name, long rows, long positives, double baseRate, AucEstimate auc, double logLoss,
    double brier, double brierSkill, CalibrationTable calibration, GainsTable gains)
    implements Tabular {

  @Override
  public String summary() {
    return String.format(Locale.ROOT, "%s on %s rows (%s positive): AUC %s, log loss %s, Brier %s",
        name, Formats.count(rows), Formats.count(positives), auc.label(), Formats.number(logLoss),
        Formats.number(brier));
  }

  @Override
  public TextTable table() {
    return TextTable.of("metric", "value")
        .plus("rows", rows)
        .plus("positives", positives)
        .plus("base rate", Cell.percent(baseRate))
        .plus("AUC", auc.auc())
        .plus("AUC std error (DeLong)", auc.standardError())
        .plus(String.format(Locale.ROOT, "AUC %.0f%% interval", 100 * auc.level()),
            Double.isNaN(auc.auc()) ? Formats.UNDEFINED
                : Formats.number(auc.lower()) + " to " + Formats.number(auc.upper()))
        .plus("log loss", logLoss)
        .plus("Brier score", brier)
        .plus("Brier skill", brierSkill)
        .plus("ECE", Cell.points(calibration.expectedCalibrationError()))
        .plus("Hosmer-Lemeshow p", calibration.pValue())
        .plus("calibration slope", calibration.slope())
        .plus("top decile lift", Cell.multiple(gains.topLift()))
        .plus("gain at 30%", Cell.percent(gains.gainAt(3)));
  }

  @Override
  public String toString() {
    return Tabular.preview(this);
  }
}
