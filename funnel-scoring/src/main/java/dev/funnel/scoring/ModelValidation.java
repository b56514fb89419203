package dev.funnel.scoring;

import dev.funnel.core.display.Cell;
import dev.funnel.core.display.Formats;
import dev.funnel.core.display.InstantLabel;
import dev.funnel.core.display.Tabular;
import dev.funnel.core.display.TextTable;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/**
 * The model against the points rules on a held-out period ({@link Validation#run}): trained on
 * leads created before the cut, tested on leads created at or after it.
 *
 * @param target         the target stage
 * @param horizon        the horizon
 * @param cut            the time split
 * @param asOf           outcomes are known until this instant
 * @param card           the model trained until the cut
 * @param testRows       held-out leads with an outcome (one row each)
 * @param immature       held-out leads too recent for their horizon to have ended (left out,
 *                       not counted as misses)
 * @param model          the model's metrics on the held-out rows
 * @param rules          the points rules' metrics on the same rows (AUC and gains from the raw
 *                       points; probabilities from the points calibrated on the training rows)
 * @param comparison     AUC(model) - AUC(rules), DeLong's paired interval
 * @param modelBeatsRules whether the model's AUC is higher with the interval above zero
 * @param verdict        one sentence: does the model beat the rules
 * @param notes          how the rows were chosen, the calibration of the points, caveats
 */
public record ModelValidation(
    String target, Duration horizon, Instant cut, Instant asOf, ModelCard card, int testRows,
    int immature, BinaryMetrics model, BinaryMetrics rules, AucComparison comparison,
    boolean modelBeatsRules, String verdict, List<String> notes) implements Tabular {

  public ModelValidation {
    notes = List.copyOf(notes);
  }

  @Override
  public String summary() {
    return String.format(Locale.ROOT, "Held-out %s within %dd (cut %s): %s leads, %s", target,
        horizon.toDays(), InstantLabel.of(cut, ZoneOffset.UTC), Formats.count(testRows), verdict);
  }

  @Override
  public TextTable table() {
    TextTable t = TextTable.of("metric", "model", "rules");
    t = t.plus("rows", model.rows(), rules.rows());
    t = t.plus("positives", model.positives(), rules.positives());
    t = t.plus("AUC", model.auc().auc(), rules.auc().auc());
    t = t.plus(String.format(Locale.ROOT, "AUC %.0f%% interval", 100 * model.auc().level()),
        interval(model.auc()), interval(rules.auc()));
    t = t.plus("log loss", model.logLoss(), rules.logLoss());
    t = t.plus("Brier score", model.brier(), rules.brier());
    t = t.plus("Brier skill", model.brierSkill(), rules.brierSkill());
    t = t.plus("ECE", Cell.points(model.calibration().expectedCalibrationError()),
        Cell.points(rules.calibration().expectedCalibrationError()));
    t = t.plus("Hosmer-Lemeshow p", model.calibration().pValue(), rules.calibration().pValue());
    t = t.plus("calibration slope", model.calibration().slope(), rules.calibration().slope());
    t = t.plus("top decile lift", Cell.multiple(model.gains().topLift()),
        Cell.multiple(rules.gains().topLift()));
    t = t.plus("gain at 30%", Cell.percent(model.gains().gainAt(3)),
        Cell.percent(rules.gains().gainAt(3)));
    return t;
  }

  private static String interval(AucEstimate a) {
    return Double.isNaN(a.auc()) ? Formats.UNDEFINED
        : Formats.number(a.lower()) + " to " + Formats.number(a.upper());
  }

  @Override
  public String toString() {
    return Tabular.preview(this);
  }
}
