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
 * journeys of every conversion to WON in the data (touches within 90 days before it; leads that
 * never converted are the null journeys Markov and Shapley need). The text and JSON are those of
 * {@code funnel attribution --model all} ({@link AttributionCommand}).
 */
final class AttributionSection extends ComputedSection<AttributionSection.Result> {

  /** The models of the report, in column order. */
  static final List<Model> MODELS =
      List.of(Model.FIRST, Model.LAST, Model.LINEAR, Model.POSITION, Model.MARKOV, Model.SHAPLEY);

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
    JourneySet js = JourneySet.fromDataset(in.dataset(), JourneyOptions.DEFAULTS);
    AttributionOptions o = AttributionOptions.builder().build();
    List<AttributionResult> rs = new ArrayList<>();
    for (Model m : MODELS) {
      rs.add(Attribution.attribute(js, m, o));
    }
    return new Result(js, List.copyOf(rs));
  }

  @Override
  String text(Result r, ReportInput in) {
    return "conversions to WON over the whole data\n"
        + AttributionCommand.sideBySide(r.results(), r.journeys());
  }

  @Override
  Map<String, Object> json(Result r, ReportInput in) {
    return AttributionCommand.json(r.journeys(), r.results(), List.of());
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
        rows.get(i).add(dev.funnel.core.display.TextTable.number(x.values().get(i)));
      }
    }
    List<String> header = new ArrayList<>();
    header.add("channel");
    MODELS.forEach(m -> header.add(m.label()));
    if (!channels.isEmpty()) {
      s = s.chart(ResultCharts.credited("Conversions credited by model", r.results()));
    }
    return s.paragraph(r.journeys().conversions() + " conversions to WON over the whole data, value "
            + r.journeys().value().toPlainString() + ".")
        .table(List.of(header.toArray(new String[0])), rows);
  }
}
