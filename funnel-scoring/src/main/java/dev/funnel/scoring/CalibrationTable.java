package dev.funnel.scoring;

import dev.funnel.core.display.Cell;
import dev.funnel.core.display.Formats;
import dev.funnel.core.display.Tabular;
import dev.funnel.core.display.TextTable;
import java.util.List;
import java.util.Locale;

/**
 * How well predicted probabilities match what happened, by decile of the prediction.
 *
 * <p>Rows are sorted by predicted probability (ties in row order) and cut into ten groups of
 * equal size (group {@code g} holds sorted rows {@code [floor(g n / 10), floor((g + 1) n / 10))};
 * fewer groups when there are fewer than ten rows). Per group: mean prediction, observed rate and
 * its 95% Wilson interval. Summaries: the expected calibration error
 * {@code sum_g n_g / n * |observed_g - predicted_g|} (Naeini, Cooper and Hauskrecht 2015); the
 * Hosmer-Lemeshow statistic {@code sum_g (O_g - E_g)^2 / (E_g (1 - E_g / n_g))} with its
 * chi-square p-value on {@code groups - 2} degrees of freedom (Hosmer and Lemeshow 1980,
 * Communications in Statistics A9:1035-1060; a small p-value says the predictions are off by more
 * than chance); and Cox's (1958, Biometrika 45:562-565) calibration slope and intercept, the
 * logistic regression of the outcome on the logit of the prediction (slope 1 and intercept 0 when
 * calibrated; a slope below 1 means predictions too extreme).
 *
 * @param bins                     the groups
 * @param meanPredicted            mean prediction over all rows
 * @param observedRate             positives / rows
 * @param expectedCalibrationError the weighted mean absolute gap
 * @param hosmerLemeshow           the statistic
 * @param degreesOfFreedom         groups - 2
 * @param pValue                   its chi-square upper tail
 * @param slope                    Cox calibration slope (NaN when it cannot be fitted)
 * @param intercept                Cox calibration intercept
 */
public record CalibrationTable(
    List<CalibrationBin> bins, double meanPredicted, double observedRate,
    double expectedCalibrationError, double hosmerLemeshow, int degreesOfFreedom, double pValue,
    double slope, double intercept) implements Tabular {

  public CalibrationTable {
    bins = List.copyOf(bins);
  }

  @Override
  public String summary() {
    return String.format(Locale.ROOT,
        "Calibration: mean predicted %s vs observed %s, ECE %s, Hosmer-Lemeshow %s (df %d, p %s),"
            + " slope %s", Formats.percent(meanPredicted), Formats.percent(observedRate),
        Formats.points(expectedCalibrationError), Formats.number(hosmerLemeshow), degreesOfFreedom,
        Formats.number(pValue), Formats.number(slope));
  }

  @Override
  public TextTable table() {
    TextTable t = TextTable.of("decile", "rows", "mean predicted", "observed", "observed rate",
        "95% low", "95% high");
    for (CalibrationBin b : bins) {
      t = t.plus(b.bin(), b.rows(), Cell.percent(b.meanPredicted()), b.observed(),
          Cell.percent(b.observedRate()), Cell.percent(b.lower()), Cell.percent(b.upper()));
    }
    return t;
  }

  @Override
  public String toString() {
    return Tabular.preview(this);
  }
}
