package dev.funnel.cli.view;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import dev.funnel.attribution.AttributionResult;
import dev.funnel.attribution.ChannelCredit;
import dev.funnel.attribution.ChannelEconomics;
import dev.funnel.attribution.ChannelReturn;
import dev.funnel.attribution.JourneySet;
import dev.funnel.attribution.OrderSelection;
import dev.funnel.core.display.Cell;
import dev.funnel.core.display.Formats;
import dev.funnel.core.display.TextTable;
import dev.funnel.io.chart.ChartOptions;
import dev.funnel.io.chart.Charts;
import dev.funnel.io.chart.Series;
import dev.funnel.io.chart.Svg;
import dev.funnel.io.html.Section;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Channel credit of one attribution model or of several side by side ({@code funnel attribution},
 * the review pack's attribution section): per channel the conversions and value credited (with
 * bootstrap intervals, standard errors and Markov removal effects when the result has them), the
 * return on spend when joined with the spend table; JSON the single-model object of docs/spec/cli.md,
 * or {@code {"models": [...]}}; the chart the conversions credited per channel, one colour per
 * model.
 */
public final class AttributionView implements View {

  private final JourneySet js;
  private final List<AttributionResult> results;
  private final List<ChannelEconomics> economics;
  private final boolean sideBySide;
  private final String title;

  private AttributionView(JourneySet js, List<AttributionResult> results,
      List<ChannelEconomics> economics, boolean sideBySide, String title) {
    this.js = js;
    this.results = List.copyOf(results);
    this.economics = List.copyOf(economics);
    this.sideBySide = sideBySide;
    this.title = title;
  }

  /**
   * The journeys of a window as of an instant, the members before the credit in JSON
   * ({@code funnel attribution --period}, the review pack).
   *
   * @param period       the period whose conversions count, or null
   * @param from         its start, or null
   * @param asOf         the as-of instant (ISO-8601, UTC)
   * @param lookbackDays how far before a conversion its touches count
   */
  public record Journeys(String period, String from, String asOf, int lookbackDays) {}

  /**
   * The Markov order chosen from the data ({@code --order auto}) as a view: a heading with each
   * order's held-out AUC, the JSON member {@code "markovOrder"} before the credit, and the orders'
   * table in CSV.
   */
  public static View withOrder(View credit, OrderSelection s) {
    StringBuilder line = new StringBuilder("Markov order " + s.suggested() + " chosen by "
        + s.folds() + "-fold held-out AUC (");
    for (OrderSelection.OrderFit f : s.orders()) {
      line.append(f.order() == s.orders().get(0).order() ? "" : ", ").append(f.order())
          .append(": ").append(Formats.number(f.auc()));
    }
    line.append(")");
    List<OrderJson> orders = new ArrayList<>();
    for (OrderSelection.OrderFit f : s.orders()) {
      orders.add(new OrderJson(f.order(), f.states(), f.auc(), f.logLoss(), f.journeys()));
    }
    View framed = Framed.of(credit, line.toString(),
        new OrderMember(new OrderChoice(s.suggested(), s.folds(), orders)));
    return new View() {
      @Override
      public String text() {
        return framed.text();
      }

      @Override
      public Object json() {
        return framed.json();
      }

      @Override
      public String csv() {
        return Views.csv(tables());
      }

      @Override
      public Map<String, TextTable> tables() {
        Map<String, TextTable> t = new LinkedHashMap<>();
        t.put("markov order", s.table());
        t.putAll(credit.tables());
        return t;
      }

      @Override
      public dev.funnel.io.html.Section html(dev.funnel.io.html.Section into) {
        return framed.html(into);
      }

      @Override
      public java.util.Optional<Svg> svg() {
        return credit.svg();
      }
    };
  }

  record OrderJson(int order, int lastStates, double heldOutAuc, double logLoss, long journeys) {}

  record OrderChoice(int suggested, int folds, List<OrderJson> orders) {}

  record OrderMember(OrderChoice markovOrder) {}

  /** The view of one model's credit. */
  public static AttributionView of(JourneySet js, AttributionResult r) {
    return new AttributionView(js, List.of(r), List.of(), false,
        "Conversions credited, " + r.model().label());
  }

  /** The view of several models side by side ({@code --model all}). */
  public static AttributionView sideBySide(JourneySet js, List<AttributionResult> results) {
    return new AttributionView(js, results, List.of(), true, "Conversions credited by model");
  }

  /** This view with the return on spend of each result (one per result, in order). */
  public AttributionView economics(List<ChannelEconomics> perResult) {
    if (!perResult.isEmpty() && perResult.size() != results.size()) {
      throw new IllegalArgumentException("one economics per result: " + perResult.size() + " for "
          + results.size());
    }
    return new AttributionView(js, results, perResult, sideBySide, title);
  }

  record ChannelJson(String channel, double conversions, double value, long assisted,
      @JsonInclude(Include.NON_NULL) Double conversionsLow,
      @JsonInclude(Include.NON_NULL) Double conversionsHigh,
      @JsonInclude(Include.NON_NULL) Double valueLow,
      @JsonInclude(Include.NON_NULL) Double valueHigh,
      @JsonInclude(Include.NON_NULL) Double standardError,
      @JsonInclude(Include.NON_NULL) Double removalEffect) {}

  record ReturnJson(String channel, BigDecimal spend, double conversions, double revenue,
      double roas, double romi, double cac, double drr,
      @JsonInclude(Include.NON_NULL) Map<String, String> undefined) {
    static ReturnJson of(ChannelReturn r) {
      Map<String, String> why = r.whySpendUnknown().map(w -> {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("roas", w);
        m.put("romi", w);
        m.put("cac", w);
        m.put("drr", w);
        return m;
      }).orElse(null);
      return new ReturnJson(r.channel(), r.spend(), r.conversions(), r.revenue(), r.roas(),
          r.romi(), r.cac(), r.drr(), why);
    }
  }

  /** Attributed return on spend: the basis of ROMI, a row per channel and the total. */
  record EconomicsJson(String romiBasis, BigDecimal margin, List<ReturnJson> channels,
      ReturnJson total) {
    static EconomicsJson of(ChannelEconomics e) {
      return new EconomicsJson(e.basis(), e.margin(),
          e.channels().stream().map(ReturnJson::of).toList(), ReturnJson.of(e.total()));
    }
  }

  /** The single-model object of docs/spec/cli.md, plus assisted conversions and intervals. */
  record ModelJson(String model, long conversions, BigDecimal value, List<ChannelJson> channels,
      @JsonInclude(Include.NON_NULL) Double level,
      @JsonInclude(Include.NON_NULL) Integer replicates,
      @JsonInclude(Include.NON_NULL) Double conversionProbability,
      long unattributedConversions, BigDecimal unattributedValue,
      @JsonInclude(Include.NON_NULL) EconomicsJson economics) {}

  /** Several models: the journeys' totals, one object per model, what stayed unattributed. */
  record AllJson(long conversions, BigDecimal value, List<ModelJson> models,
      long unattributedConversions, BigDecimal unattributedValue) {}

  private ModelJson model(int i) {
    AttributionResult r = results.get(i);
    boolean ci = r.replicates() > 0;
    List<ChannelJson> channels = new ArrayList<>();
    for (ChannelCredit c : r.channels()) {
      channels.add(new ChannelJson(c.channel(), c.conversions(), c.value(), c.assisted(),
          ci ? c.conversionsLow() : null, ci ? c.conversionsHigh() : null,
          ci ? c.valueLow() : null, ci ? c.valueHigh() : null,
          Double.isNaN(c.standardError()) ? null : c.standardError(),
          r.removal() == null ? null : r.removal().effects().get(c.channel())));
    }
    return new ModelJson(r.model().label(), r.conversions(), r.value(), channels,
        ci ? r.level() : null, ci ? r.replicates() : null,
        r.removal() == null ? null : r.removal().conversionProbability(),
        js.unattributedConversions(), js.unattributedValue(),
        economics.isEmpty() ? null : EconomicsJson.of(economics.get(i)));
  }

  @Override
  public Object json() {
    if (!sideBySide) {
      return model(0);
    }
    List<ModelJson> models = new ArrayList<>();
    for (int i = 0; i < results.size(); i++) {
      models.add(model(i));
    }
    return new AllJson(js.conversions(), js.value(), models, js.unattributedConversions(),
        js.unattributedValue());
  }

  private String header() {
    return Formats.count(js.conversions()) + " conversions, value " + Formats.amount(js.value())
        + " over " + Formats.count(js.channels().size()) + " channels"
        + (js.unattributedConversions() > 0
            ? "; " + Formats.count(js.unattributedConversions())
                + " conversions without a touch in the lookback left out"
            : "")
        + "\n";
  }

  /** One table per quantity, a row per channel and a column per model, then the totals. */
  public TextTable grid(boolean conversions) {
    List<String> cols = new ArrayList<>();
    cols.add("channel");
    results.forEach(r -> cols.add(r.model().label()));
    TreeMap<String, double[]> rows = new TreeMap<>();
    for (int i = 0; i < results.size(); i++) {
      for (ChannelCredit c : results.get(i).channels()) {
        double[] row = rows.computeIfAbsent(c.channel(), k -> {
          double[] a = new double[results.size()];
          Arrays.fill(a, Double.NaN);
          return a;
        });
        row[i] = conversions ? c.conversions() : c.value();
      }
    }
    TextTable t = TextTable.of(cols.toArray(new String[0]));
    for (Map.Entry<String, double[]> e : rows.entrySet()) {
      Object[] cells = new Object[results.size() + 1];
      cells[0] = e.getKey();
      for (int i = 0; i < results.size(); i++) {
        cells[i + 1] = conversions ? Cell.number(e.getValue()[i]) : Cell.amount(e.getValue()[i]);
      }
      t = t.plus(cells);
    }
    Object[] total = new Object[results.size() + 1];
    total[0] = "total";
    for (int i = 0; i < results.size(); i++) {
      AttributionResult r = results.get(i);
      total[i + 1] = conversions ? Cell.number(r.creditedConversions())
          : Cell.amount(r.creditedValue());
    }
    return t.plus(total);
  }

  /** What spend economics leave undefined, as footnote lines. */
  private static List<String> footnotes(ChannelEconomics e) {
    List<String> unknown = new ArrayList<>();
    for (ChannelReturn r : e.channels()) {
      if (!r.spendKnown()) {
        unknown.add(r.channel());
      }
    }
    return unknown.isEmpty() ? List.of()
        : List.of("roas, romi, cac, drr: no spend rows for " + String.join(", ", unknown));
  }

  @Override
  public String text() {
    StringBuilder b = new StringBuilder();
    if (sideBySide) {
      b.append(header());
      b.append("\nConversions credited\n").append(grid(true).render());
      b.append("\nValue credited\n").append(grid(false).render());
      if (results.stream().anyMatch(r -> r.replicates() > 0)) {
        b.append("\nIntervals: run a single --model with --ci to see them.\n");
      }
    } else {
      AttributionResult r = results.get(0);
      b.append(r.summary()).append('\n').append(header()).append('\n').append(r.table().render());
    }
    for (ChannelEconomics e : economics) {
      b.append('\n').append(e.summary()).append('\n').append(e.table().render())
          .append(Formats.footnotes(footnotes(e)));
    }
    return b.toString();
  }

  @Override
  public String csv() {
    if (!sideBySide && economics.isEmpty()) {
      return results.get(0).table().csv();
    }
    return Views.csv(tables());
  }

  @Override
  public Map<String, TextTable> tables() {
    Map<String, TextTable> t = new LinkedHashMap<>();
    if (sideBySide) {
      t.put("conversions credited", grid(true));
      t.put("value credited", grid(false));
    } else {
      t.put("credit " + results.get(0).model().label(), results.get(0).table());
    }
    for (ChannelEconomics e : economics) {
      t.put("return on spend " + e.model().label(), e.table());
    }
    return t;
  }

  /** Every channel credited by any of the results, sorted. */
  private List<String> creditedChannels() {
    TreeSet<String> names = new TreeSet<>();
    results.forEach(x -> x.channels().forEach(c -> names.add(c.channel())));
    return List.copyOf(names);
  }

  /** Grouped bars of the conversions credited per channel, one colour per model. */
  public Svg chart() {
    List<String> channels = creditedChannels();
    List<Series> series = new ArrayList<>();
    for (AttributionResult x : results) {
      List<Double> v = new ArrayList<>();
      for (String ch : channels) {
        v.add(x.channel(ch).map(ChannelCredit::conversions).orElse(Double.NaN));
      }
      series.add(new Series(x.model().label(), v));
    }
    return Charts.grouped(ChartOptions.titled(title).valueAxis("Conversions"), channels, series);
  }

  @Override
  public Optional<Svg> svg() {
    return creditedChannels().isEmpty() ? Optional.empty() : Optional.of(chart());
  }

  @Override
  public Section html(Section s) {
    if (!creditedChannels().isEmpty()) {
      s = s.chart(chart());
    }
    s = s.paragraph(header().strip() + ".");
    TextTable c = sideBySide ? grid(true) : results.get(0).table();
    s = s.table(sideBySide ? "Conversions credited" : results.get(0).summary(), c.header(),
        c.textRows());
    if (sideBySide) {
      TextTable v = grid(false);
      s = s.table("Value credited", v.header(), v.textRows());
    }
    for (ChannelEconomics e : economics) {
      TextTable t = e.table();
      s = s.table(e.summary(), t.header(), t.textRows());
      String notes = Formats.footnoteLine(footnotes(e));
      s = notes.isEmpty() ? s : s.paragraph(notes);
    }
    return s;
  }
}
