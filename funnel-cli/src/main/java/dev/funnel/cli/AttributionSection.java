package dev.funnel.cli;

import dev.funnel.io.html.Section;
import dev.funnel.io.chart.Series;
import dev.funnel.attribution.Attribution;
import dev.funnel.attribution.AttributionOptions;
import dev.funnel.attribution.AttributionResult;
import dev.funnel.attribution.JourneyOptions;
import dev.funnel.attribution.JourneySet;
import dev.funnel.attribution.Model;
import dev.funnel.core.DatasetTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Attribution by several models side by side ({@link Attribution}): first touch, last touch,
 * linear, position-based (40/20/40), first-order Markov removal effect and Shapley value, over the
 * journeys that end in the report window, from the start of the period to the as-of instant
 * (both included; {@link JourneySet#fromDataset(dev.funnel.core.Dataset, JourneyOptions,
 * java.time.Instant, java.time.Instant)}): every conversion to WON in it, with the touches within
 * {@value #LOOKBACK_DAYS} days before it, and the leads not converted by the as-of instant whose
 * last touch is in it (the null journeys Markov and Shapley need). The text and JSON are those of
 * {@code funnel attribution --model all --period P}.
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
  String text(Result r, ReportInput in) {
    return window(in) + "\n" + AttributionCommand.sideBySide(r.results(), r.journeys());
  }

  /** What the journeys are, for people. */
  static String window(ReportInput in) {
    ReportScope s = in.scope();
    return "conversions to WON from the start of " + s.period().label() + " to "
        + s.asOfLabel() + ", touches up to " + LOOKBACK_DAYS + " days before each";
  }

  @Override
  Map<String, Object> json(Result r, ReportInput in) {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    ReportScope s = in.scope();
    m.put("period", s.period().label());
    m.put("from", s.from(s.period()).toString());
    m.put("asOf", s.asOf().toString());
    m.put("lookbackDays", LOOKBACK_DAYS);
    m.putAll(AttributionCommand.json(r.journeys(), r.results(), List.of()));
    return m;
  }

  @Override
  Section html(Result r, ReportInput in, Section s) {
    List<String> channels = ResultCharts.creditedChannels(r.results());
    List<List<String>> rows = new ArrayList<>();
    for (String ch : channels) {
      List<String> row = new ArrayList<>();
      row.add(ch);
      rows.add(row);
    }
    for (Series x : ResultCharts.credits(channels, r.results())) {
      for (int i = 0; i < channels.size(); i++) {
        rows.get(i).add(dev.funnel.core.display.Formats.number(x.values().get(i)));
      }
    }
    List<String> header = new ArrayList<>();
    header.add("channel");
    MODELS.forEach(m -> header.add(m.label()));
    if (!channels.isEmpty()) {
      s = s.chart(ResultCharts.credited("Conversions credited by model", r.results()));
    }
    return s.paragraph(r.journeys().conversions() + " " + window(in) + "; value "
            + r.journeys().value().toPlainString() + ".")
        .table(List.of(header.toArray(new String[0])), rows);
  }
}
