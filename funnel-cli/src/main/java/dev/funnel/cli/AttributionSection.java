package dev.funnel.cli;

import dev.funnel.cli.view.AttributionView;
import dev.funnel.cli.view.Framed;
import dev.funnel.cli.view.View;
import dev.funnel.attribution.Attribution;
import dev.funnel.attribution.AttributionOptions;
import dev.funnel.attribution.AttributionResult;
import dev.funnel.attribution.JourneyOptions;
import dev.funnel.attribution.JourneySet;
import dev.funnel.attribution.Model;
import dev.funnel.core.DatasetTable;
import java.util.ArrayList;
import java.util.List;

/**
 * Attribution by several models side by side ({@link Attribution}): first touch, last touch,
 * linear, position-based (40/20/40), first-order Markov removal effect and Shapley value, over the
 * journeys that end in the report window, from the start of the period to the as-of instant
 * (both included; {@link JourneySet#fromDataset(dev.funnel.core.Dataset, JourneyOptions,
 * java.time.Instant, java.time.Instant)}): every conversion to WON in it, with the touches within
 * {@value #LOOKBACK_DAYS} days before it, and the leads not converted by the as-of instant whose
 * last touch is in it (the null journeys Markov and Shapley need). The view is that of
 * {@code funnel attribution --model all --period P} ({@link AttributionView}).
 */
final class AttributionSection extends ComputedSection<AttributionSection.Result> {

  /** The models of the report, in column order. */
  static final List<Model> MODELS =
      List.of(Model.FIRST, Model.LAST, Model.LINEAR, Model.POSITION, Model.MARKOV, Model.SHAPLEY);

  /** The lookback of the report's journeys (the default of {@code funnel attribution}). */
  static final int LOOKBACK_DAYS = 90;

  /** The journeys and one result per model. */
  record Result(JourneySet journeys, List<AttributionResult> results) {}

  @Override
  public String key() {
    return "attribution";
  }

  @Override
  public String title() {
    return "Attribution by model";
  }

  @Override
  List<DatasetTable> tables() {
    return List.of(DatasetTable.LEADS, DatasetTable.STAGES, DatasetTable.TOUCHES);
  }

  @Override
  Result compute(ReportInput in) {
    ReportScope s = in.scope();
    JourneySet js = JourneySet.fromDataset(in.dataset(),
        JourneyOptions.DEFAULTS.withLookbackDays(LOOKBACK_DAYS), s.from(s.period()), s.asOf());
    AttributionOptions o = AttributionOptions.builder().build();
    List<AttributionResult> rs = new ArrayList<>();
    for (Model m : MODELS) {
      rs.add(Attribution.attribute(js, m, o));
    }
    return new Result(js, List.copyOf(rs));
  }

  @Override
  View view(Result r, ReportInput in) {
    ReportScope s = in.scope();
    return Framed.of(AttributionView.sideBySide(r.journeys(), r.results()),
        "conversions to WON from the start of " + s.period().label() + " to " + s.asOfLabel()
            + ", touches up to " + LOOKBACK_DAYS + " days before each",
        new AttributionView.Journeys(s.period().label(), s.from(s.period()).toString(),
            s.asOf().toString(), LOOKBACK_DAYS));
  }
}
