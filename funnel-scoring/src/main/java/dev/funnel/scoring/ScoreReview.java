package dev.funnel.scoring;

import dev.funnel.core.display.Formats;
import dev.funnel.core.display.InstantLabel;
import dev.funnel.core.display.Tabular;
import dev.funnel.core.display.TextTable;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/**
 * A lead-scoring review as of an instant ({@link Scoring#review}): the model against the points
 * rules on the held-out period, the model fitted on everything known by the instant, the
 * worklist per owner and the plan outlook. A part that cannot be computed (too few mature leads
 * to validate, no conversion to learn from) is null and its reason is in {@link #problems()}.
 *
 * @param query      the query
 * @param validation model vs rules on the held-out leads, or null
 * @param model      the card of the model fitted as of the instant (the one the worklist and
 *                   scores use for the query's target), or null
 * @param worklist   the next-best-action worklist
 * @param outlook    expected SQLs and wins by period beside the plan
 * @param problems   why a part is missing
 */
public record ScoreReview(
    ScoreQuery query, ModelValidation validation, ModelCard model, WorklistReport worklist,
    PlanOutlook outlook, List<String> problems) implements Tabular {

  public ScoreReview {
    problems = List.copyOf(problems);
  }

  @Override
  public String summary() {
    return String.format(Locale.ROOT, "Lead scoring as of %s, %s within %dd: %s; worklist of %s",
        InstantLabel.of(query.asOf(), ZoneOffset.UTC), query.target(), query.horizon().toDays(),
        validation == null ? "not validated" : validation.verdict(),
        Formats.count(worklist.items().size()));
  }

  /** The model-vs-rules table (empty without a validation). */
  @Override
  public TextTable table() {
    return validation == null ? TextTable.of("metric", "model", "rules") : validation.table();
  }

  @Override
  public String toString() {
    return Tabular.preview(this);
  }
}
