package dev.funnel.cli.view;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import dev.funnel.core.display.TextTable;
import dev.funnel.core.funnel.Dimension;
import dev.funnel.core.funnel.FunnelReport;
import dev.funnel.core.funnel.GroupFunnel;
import dev.funnel.core.funnel.PeriodFunnel;
import dev.funnel.core.funnel.StageCount;
import dev.funnel.io.chart.Bar;
import dev.funnel.io.chart.ChartOptions;
import dev.funnel.io.chart.Charts;
import dev.funnel.io.chart.Svg;
import dev.funnel.io.html.Section;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stage funnel ({@link FunnelReport}, {@code funnel funnel}, the review pack's funnel): counts
 * and conversions per stage, per group and per period; the text and CSV are the report's own
 * table ({@link FunnelReport#table()}), the JSON the shape of docs/spec/cli.md, the chart the funnel
 * bars of the whole window.
 */
public final class FunnelView implements View {

  private final FunnelReport r;
  private final String title;
  private final Map<String, List<String>> partial;

  private FunnelView(FunnelReport r, String title, Map<String, List<String>> partial) {
    this.r = r;
    this.title = title;
    this.partial = partial;
  }

  /** The view of a funnel. */
  public static FunnelView of(FunnelReport r) {
    return new FunnelView(r, "Funnel (" + r.basis().label() + " basis)", null);
  }

  /** This view with its chart titled so. */
  public FunnelView titled(String chartTitle) {
    return new FunnelView(r, chartTitle, partial);
  }

  /**
   * This view with the partial periods of a per-period funnel and why each is partial: text lines
   * {@code partial: 2026-05 (as of ...)} and JSON {@code "partialPeriods"}.
   */
  public FunnelView partial(Map<String, List<String>> why) {
    return new FunnelView(r, title, new LinkedHashMap<>(why));
  }

  /** A stage of the JSON. */
  record StageJson(String stage, long count, double conversionFromPrevious,
      double conversionFromFirst) {
    static List<StageJson> of(List<StageCount> rows) {
      return rows.stream().map(s -> new StageJson(s.stage(), s.count(),
          s.conversionFromPrevious(), s.conversionFromFirst())).toList();
    }
  }

  /** A period of the JSON. */
  record PeriodJson(String period, List<StageJson> stages) {
    static List<PeriodJson> of(List<PeriodFunnel> ps) {
      return ps.stream().map(p -> new PeriodJson(p.period(), StageJson.of(p.stages()))).toList();
    }
  }

  /** A breakdown group of the JSON. */
  record GroupJson(String key, List<String> values, List<StageJson> stages,
      @JsonInclude(Include.NON_NULL) List<PeriodJson> periods) {}

  /** A partial period and why. */
  record PartialJson(String period, List<String> why) {}

  /** The JSON of docs/spec/cli.md: basis, stages, and groups / periods when asked for. */
  record Json(String basis, List<StageJson> stages,
      @JsonInclude(Include.NON_NULL) List<String> by,
      @JsonInclude(Include.NON_NULL) List<GroupJson> groups,
      @JsonInclude(Include.NON_NULL) String granularity,
      @JsonInclude(Include.NON_NULL) List<PeriodJson> periods,
      @JsonInclude(Include.NON_NULL) Double withinDays,
      @JsonInclude(Include.NON_NULL) List<PartialJson> partialPeriods) {}

  @Override
  public Object json() {
    boolean grouped = !r.query().by().isEmpty();
    boolean periodic = r.query().granularity() != null;
    List<GroupJson> groups = null;
    if (grouped) {
      groups = new ArrayList<>();
      for (GroupFunnel g : r.groups()) {
        groups.add(new GroupJson(g.key(), g.values(), StageJson.of(g.stages()),
            periodic ? PeriodJson.of(g.periods()) : null));
      }
    }
    List<PartialJson> marks = null;
    if (periodic && partial != null) {
      marks = new ArrayList<>();
      for (Map.Entry<String, List<String>> e : partial.entrySet()) {
        marks.add(new PartialJson(e.getKey(), e.getValue()));
      }
    }
    return new Json(r.basis().label(), StageJson.of(r.stages()),
        grouped ? r.query().by().stream().map(Dimension::label).toList() : null, groups,
        periodic ? r.query().granularity().label() : null,
        periodic ? PeriodJson.of(r.periods()) : null,
        r.query().within() == null ? null : r.query().within().toSeconds() / 86400.0, marks);
  }

  /** The funnel's table: stage, count and conversions, with group and period columns when asked. */
  public TextTable table() {
    return r.table();
  }

  @Override
  public String text() {
    StringBuilder b = new StringBuilder(r.text());
    if (partial != null) {
      partial.forEach((p, why) -> b.append("partial: ").append(p).append(" (")
          .append(String.join("; ", why)).append(")\n"));
    }
    return b.toString();
  }

  @Override
  public Map<String, TextTable> tables() {
    return Map.of("funnel", table());
  }

  @Override
  public String csv() {
    return table().csv();
  }

  /** Funnel bars of the whole window: each stage's count with its conversion from the previous. */
  public Svg chart() {
    List<Bar> bars = new ArrayList<>();
    List<Double> conv = new ArrayList<>();
    for (StageCount c : r.stages()) {
      bars.add(new Bar(c.stage(), c.count()));
      conv.add(c.conversionFromPrevious());
    }
    return Charts.funnel(ChartOptions.titled(title).valueAxis("Leads"), bars, conv);
  }

  @Override
  public Section html(Section s) {
    TextTable t = table();
    return s.chart(chart()).table(r.summary(), t.header(), t.textRows());
  }

  /** The funnel bars; a funnel with groups or periods has no one chart (empty). */
  @Override
  public Optional<Svg> svg() {
    boolean one = r.query().by().isEmpty() && r.query().granularity() == null;
    return one && !r.stages().isEmpty() ? Optional.of(chart()) : Optional.empty();
  }
}
