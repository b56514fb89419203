package dev.funnel.core.sales;

import dev.funnel.core.display.Tabular;
import dev.funnel.core.display.TextTable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The open pipeline as of an instant (docs/spec/metrics.md, "Pipeline").
 *
 * <p>Open deals: leads whose latest stage change at or before {@code asOf} is a progression stage
 * from OPPORTUNITY to NEGOTIATION (by default) and that were never won; their value is the latest
 * known amount (deals without one are counted in {@code deals} and {@code unvalued}, adding 0).
 * Weighted pipeline: each stage's value times the probability, learned from history up to
 * {@code asOf}, that a lead which reached that stage was won: won / (won + lost) among closed leads
 * (NaN, and 0 weight, when none closed). The weighted value is the forecast of what the open
 * pipeline will bring. Coverage = value / plan (typically 3-5x for long cycles); NaN without a
 * positive plan.
 *
 * @param asOf     the instant
 * @param deals    open deals
 * @param unvalued open deals without an amount
 * @param value    exact open pipeline value
 * @param weighted probability-weighted value (an estimate, not an exact sum)
 * @param plan     the plan value coverage is measured against, or null
 * @param coverage value / plan
 * @param stages   per stage, in catalog order
 */
public record Pipeline(
    Instant asOf, long deals, long unvalued, BigDecimal value, double weighted, BigDecimal plan,
    double coverage, List<PipelineStage> stages) implements Tabular {

  public Pipeline {
    stages = List.copyOf(stages);
  }

  @Override
  public String summary() {
    return String.format(Locale.ROOT, "Pipeline: %d deals, %s open, %s weighted, coverage %s",
        deals, value.toPlainString(), TextTable.number(weighted), TextTable.number(coverage));
  }

  @Override
  public TextTable table() {
    TextTable t = TextTable.of("stage", "deals", "value", "win probability", "weighted");
    for (PipelineStage s : stages) {
      t = t.plus(s.stage(), s.deals(), s.value(), s.winProbability(), s.weighted());
    }
    return t.plus("(total)", deals, value, null, weighted);
  }

  @Override
  public String toString() {
    return Tabular.preview(this);
  }
}
