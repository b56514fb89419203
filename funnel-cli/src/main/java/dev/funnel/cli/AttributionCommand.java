package dev.funnel.cli;

import dev.funnel.attribution.Attribution;
import dev.funnel.attribution.AttributionOptions;
import dev.funnel.attribution.AttributionResult;
import dev.funnel.attribution.ChannelCredit;
import dev.funnel.attribution.ChannelEconomics;
import dev.funnel.attribution.ChannelReturn;
import dev.funnel.attribution.JourneyOptions;
import dev.funnel.attribution.JourneySet;
import dev.funnel.attribution.Model;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Period;
import dev.funnel.core.display.TextTable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code funnel attribution DATA --model M}: channel credit of one attribution model, or of every
 * model side by side ({@code --model all}), from {@link Attribution} (docs/spec/cli.md, attribution).
 * Journeys come from the touches and stages ({@code --input touches}, the default) or
 * from the pre-aggregated {@code paths} table; {@code --ci LEVEL} adds seeded percentile bootstrap
 * intervals.
 */
final class AttributionCommand implements Command {

  /**
   * The tables attribution uses; only these are read from DATA: the journeys (leads, touches and
   * the stage changes that mark conversions and carry their value; the command does not value
   * conversions by payments) or the paths file, and spend with {@code --spend}.
   */
  static Set<DatasetTable> tables(boolean paths, boolean spend) {
    EnumSet<DatasetTable> t = paths ? EnumSet.of(DatasetTable.PATHS)
        : EnumSet.of(DatasetTable.LEADS, DatasetTable.STAGES, DatasetTable.TOUCHES);
    if (spend) {
      t.add(DatasetTable.SPEND);
    }
    return t;
  }

  static final Option MODEL = new Option("model", "M",
      "first, last, last-non-direct, linear, position, w-shaped, time-decay, custom, markov, shapley, or all");
  static final Option ORDER = new Option("order", "K", "Markov chain order (default 1)");
  static final Option CONVERSION =
      new Option("conversion", "STAGE", "the stage whose entry is the conversion (default: the won stage)");
  static final Option LOOKBACK = new Option("lookback", "DAYS", "journey lookback before the conversion (default 90)");
  static final Option INPUT = new Option("input", "SOURCE", "journeys from 'touches' (default) or the 'paths' table");
  static final Option CI = new Option("ci", "LEVEL",
      "add seeded bootstrap confidence intervals at this level, e.g. 0.95");
  static final Option REPLICATES = new Option("replicates", "N", "bootstrap replicates with --ci (default 200)");
  static final Option DIRECT =
      new Option("direct", "NAME,...", "channels that count as direct for last-non-direct (default direct)");
  static final Option WEIGHTS =
      new Option("weights", "W,...", "position weights from the first touch for --model custom");
  static final Option PER_CHANNEL =
      new Option("per-channel", null, "linear credit per distinct channel of a journey instead of per touch");
  static final Option HALF_LIFE = new Option("half-life", "DAYS", "time-decay half-life in days (default 7)");
  static final Option SPEND = new Option("spend", null,
      "join the credit with the spend table: attributed revenue, ROAS, ROMI, CAC and DRR per channel");
  static final Option MARGIN =
      new Option("margin", "M", "with --spend: gross margin in [0, 1] for ROMI (default: revenue-based)");
  static final Option PERIOD = new Option("period", "P",
      "only journeys ending in this period (e.g. 2026-03), as of its end: conversions in it, null journeys of leads not converted by then");
  static final Option AS_OF = new Option("as-of", "DATE",
      "as of the end of this day, or an instant: later rows are left out (default: the end of --period)");

  /** The bootstrap seed: fixed, so that the same data gives the same intervals. */
  static final long BOOTSTRAP_SEED = 1L;

  @Override
  public String name() {
    return "attribution";
  }

  @Override
  public String summary() {
    return "channel credit of an attribution model (or all models side by side)";
  }

  @Override
  public String operands() {
    return "DATA | --demo";
  }

  @Override
  public String details() {
    return "The conversion is a lead entering --conversion (default WON), its value the amount on\n"
        + "that stage change. A journey is the lead's touches at or before the conversion and\n"
        + "at most --lookback days before it; leads that never convert give the null journeys\n"
        + "that markov and shapley use. Credits of every model sum to the conversions and value.\n"
        + "--period P keeps the journeys that end in P up to the as-of instant (--as-of, else the\n"
        + "end of P, or of the data's last day when the data ends inside P): the conversions in\n"
        + "that window, with their lookback reaching before it, and the leads not converted by\n"
        + "then whose last touch is in it; rows after the as-of instant are left out as if the\n"
        + "data ended there. --as-of alone takes the journeys as of that instant.\n"
        + "--model all prints every model the journeys allow, one column per model (JSON:\n"
        + "{\"models\": [...]}, one object per model). --from/--to cut the rows first (touches\n"
        + "and stage changes by their time), so journeys keep only the touches inside the window.\n"
        + "--format svg draws the conversions credited per channel (a standalone SVG document):\n"
        + "grouped bars, one colour per model, with --model all; bars of the one model otherwise.";
  }

  @Override
  public List<Option> options() {
    return DataInput.options(true, MODEL, ORDER, CONVERSION, LOOKBACK, INPUT, CI, REPLICATES, DIRECT,
        WEIGHTS, PER_CHANNEL, HALF_LIFE, SPEND, MARGIN, PERIOD, AS_OF);
  }

  @Override
  public List<Format> formats() {
    return List.of(Format.TEXT, Format.JSON, Format.SVG);
  }

  @Override
  public int run(Arguments args, Session session) {
    Format format = args.format();
    String m = args.value(MODEL);
    if (m == null) {
      throw args.usage("--model is required: " + MODEL.help());
    }
    boolean all = m.trim().equalsIgnoreCase("all");
    Model model = null;
    if (!all) {
      try {
        model = Model.parse(m);
      } catch (IllegalArgumentException e) {
        throw args.usage(e.getMessage() + ", all");
      }
    }
    AttributionOptions options = options(args, model);
    boolean paths = paths(args);
    JourneyOptions jo = journeyOptions(args, paths);
    double level = Double.NaN;
    int replicates = 0;
    if (args.has(CI)) {
      level = level(args);
      replicates = (int) args.integer(REPLICATES, 200, 2, 100_000);
    } else if (args.has(REPLICATES)) {
      throw args.usage("--replicates applies with --ci only");
    }

    if (format == Format.SVG && args.has(SPEND)) {
      throw args.usage("--format svg draws the credited conversions: not with --spend");
    }
    BigDecimal margin = margin(args);
    Period period = ReportCommand.period(args, PERIOD);
    if (paths && (period != null || args.has(AS_OF))) {
      throw args.usage("--period and --as-of cut journeys from touches; the paths table has no times");
    }
    java.time.Instant asOf = AsOf.parse(args, AS_OF, args.zone());
    DataInput in = DataInput.read(args, session, tables(paths, args.has(SPEND)));
    java.time.ZoneId zone = in.dataset().zone();
    if (asOf == null && period != null) {
      asOf = AsOf.ofPeriod(in.dataset(), period);
    }
    java.time.Instant from = period == null ? null : period.startInstant(zone);
    if (from != null && from.isAfter(asOf)) {
      throw args.usage(period.label() + " begins after the as-of instant "
          + dev.funnel.core.display.InstantLabel.of(asOf, zone));
    }
    if (args.has(SPEND)) {
      in.dataset().require(DatasetTable.SPEND, "attribution --spend");
    }
    JourneySet js;
    if (paths) {
      in.dataset().require(DatasetTable.PATHS, "attribution --input paths");
      js = JourneySet.fromPaths(in.dataset().paths());
    } else {
      js = JourneySet.fromDataset(in.dataset(), jo, from, asOf);
    }
    List<Model> models = all ? models(js, args.has(WEIGHTS)) : List.of(model);
    List<AttributionResult> results = new ArrayList<>();
    for (Model x : models) {
      results.add(replicates > 0
          ? Attribution.bootstrap(js, x, options, replicates, level, BOOTSTRAP_SEED)
          : Attribution.attribute(js, x, options));
    }

    List<ChannelEconomics> economics = new ArrayList<>();
    if (args.has(SPEND)) {
      for (AttributionResult r : results) {
        economics.add(Attribution.economics(r, in.dataset().spend(), margin, false));
      }
    }
    if (format == Format.SVG) {
      if (ResultCharts.creditedChannels(results).isEmpty()) {
        throw new IllegalStateException("no credited channels: nothing to draw");
      }
      session.emit(ResultCharts.credited(all ? "Conversions credited by model"
          : "Conversions credited, " + results.get(0).model().label(), results).document());
    } else if (format == Format.JSON) {
      Map<String, Object> doc = new LinkedHashMap<>();
      if (asOf != null) {
        doc.put("period", period == null ? null : period.label());
        doc.put("from", from == null ? null : from.toString());
        doc.put("asOf", asOf.toString());
        doc.put("lookbackDays", jo.lookbackDays());
      }
      if (all) {
        doc.putAll(json(js, results, economics));
      } else {
        doc.putAll(json(results.get(0), js));
        if (!economics.isEmpty()) {
          doc.put("economics", json(economics.get(0)));
        }
      }
      session.emit(in.json(doc));
    } else {
      StringBuilder b = new StringBuilder();
      if (asOf != null) {
        b.append(period == null ? "journeys as of " + dev.funnel.core.display.InstantLabel.of(asOf, zone)
            : "conversions to " + (jo.conversionStage() == null ? in.dataset().catalog().won().name()
                : jo.conversionStage()) + " from the start of " + period.label() + " to "
                + dev.funnel.core.display.InstantLabel.of(asOf, zone))
            .append(", touches up to ").append(jo.lookbackDays()).append(" days before each\n");
      }
      b.append(all ? sideBySide(results, js) : text(results.get(0), js));
      for (ChannelEconomics e : economics) {
        b.append('\n').append(e.summary()).append('\n').append(e.table().render())
            .append(footnotes(e));
      }
      session.emit(b.toString());
    }
    return Funnel.OK;
  }

  /** The models of {@code --model all}: every model the journeys allow; custom only with weights. */
  static List<Model> models(JourneySet js, boolean custom) {
    List<Model> out = new ArrayList<>();
    for (Model m : Model.values()) {
      if ((m == Model.W_SHAPED && !js.marked()) || (m == Model.TIME_DECAY && !js.timed())
          || (m == Model.CUSTOM && !custom)) {
        continue;
      }
      out.add(m);
    }
    return out;
  }

  private static BigDecimal margin(Arguments args) {
    String v = args.value(MARGIN);
    if (v == null) {
      return null;
    }
    if (!args.has(SPEND)) {
      throw args.usage("--margin applies with --spend only");
    }
    try {
      BigDecimal m = new BigDecimal(v.trim());
      if (m.signum() >= 0 && m.compareTo(BigDecimal.ONE) <= 0) {
        return m;
      }
    } catch (NumberFormatException e) {
      // the usage error below
    }
    throw args.usage("bad --margin '" + v + "': expected a share between 0 and 1 such as 0.3");
  }

  /**
   * The JSON of {@code --model all}: the journeys' conversions and value, one object per model
   * (with its economics when {@code economics} is not empty, one per result), and what stayed
   * unattributed.
   */
  static Map<String, Object> json(JourneySet js, List<AttributionResult> results,
      List<ChannelEconomics> economics) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("conversions", js.conversions());
    doc.put("value", js.value());
    List<Object> list = new ArrayList<>();
    for (int i = 0; i < results.size(); i++) {
      Map<String, Object> one = json(results.get(i), js);
      if (!economics.isEmpty()) {
        one.put("economics", json(economics.get(i)));
      }
      list.add(one);
    }
    doc.put("models", list);
    doc.put("unattributedConversions", js.unattributedConversions());
    doc.put("unattributedValue", js.unattributedValue());
    return doc;
  }

  /** Attributed return on spend: the basis of ROMI, a row per channel and the total. */
  static Map<String, Object> json(ChannelEconomics e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("romiBasis", e.basis());
    m.put("margin", e.margin());
    List<Object> rows = new ArrayList<>();
    e.channels().forEach(r -> rows.add(json(r)));
    m.put("channels", rows);
    m.put("total", json(e.total()));
    return m;
  }

  private static Map<String, Object> json(ChannelReturn r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("channel", r.channel());
    m.put("spend", r.spend());
    m.put("conversions", r.conversions());
    m.put("revenue", r.revenue());
    m.put("roas", r.roas());
    m.put("romi", r.romi());
    m.put("cac", r.cac());
    m.put("drr", r.drr());
    r.whySpendUnknown().ifPresent(why -> m.put("undefined",
        Map.of("roas", why, "romi", why, "cac", why, "drr", why)));
    return m;
  }

  /** Text footnotes of the economics table: channels whose ratios are undefined, and why. */
  static String footnotes(ChannelEconomics e) {
    List<String> unknown = new ArrayList<>();
    for (ChannelReturn r : e.channels()) {
      if (!r.spendKnown()) {
        unknown.add(r.channel());
      }
    }
    return unknown.isEmpty() ? ""
        : "- = undefined:\n  roas, romi, cac, drr: no spend rows for " + String.join(", ", unknown)
            + "\n";
  }

  private static boolean paths(Arguments args) {
    String v = args.value(INPUT);
    if (v == null || v.equals("touches")) {
      return false;
    }
    if (v.equals("paths")) {
      for (Option o : List.of(CONVERSION, LOOKBACK)) {
        if (args.has(o)) {
          throw args.usage("--" + o.name() + " applies to --input touches; the paths table is already cut");
        }
      }
      return true;
    }
    throw args.usage("bad --input '" + v + "': use touches or paths");
  }

  private static JourneyOptions journeyOptions(Arguments args, boolean paths) {
    JourneyOptions jo = JourneyOptions.DEFAULTS;
    if (paths) {
      return jo;
    }
    String stage = args.value(CONVERSION);
    if (stage != null) {
      if (stage.isBlank()) {
        throw args.usage("--conversion needs a stage name");
      }
      jo = jo.withConversionStage(stage.trim());
    }
    return jo.withLookbackDays((int) args.integer(LOOKBACK, 90, 0, 36_500));
  }

  private static double level(Arguments args) {
    String v = args.value(CI);
    double level;
    try {
      level = Double.parseDouble(v.trim());
    } catch (NumberFormatException e) {
      throw args.usage("bad --ci '" + v + "': expected a level such as 0.95");
    }
    if (!(level > 0 && level < 1)) {
      throw args.usage("--ci must be between 0 and 1 (exclusive), got " + v);
    }
    return level;
  }

  /** The model options of the command line; usage errors for options the model cannot use. */
  static AttributionOptions options(Arguments args, Model model) {
    AttributionOptions.Builder b = AttributionOptions.builder();
    b.markovOrder((int) args.integer(ORDER, 1, 1, 10));
    String direct = args.value(DIRECT);
    if (direct != null) {
      Set<String> names = new LinkedHashSet<>();
      for (String s : direct.split(",")) {
        if (!s.isBlank()) {
          names.add(s.trim());
        }
      }
      if (names.isEmpty()) {
        throw args.usage("--direct needs at least one channel name");
      }
      b.directChannels(names);
    }
    String weights = args.value(WEIGHTS);
    if (weights != null) {
      try {
        b.customWeights(Arrays.stream(weights.split(",")).map(String::trim)
            .mapToDouble(Double::parseDouble).toArray());
      } catch (NumberFormatException e) {
        throw args.usage("bad --weights '" + weights + "': expected numbers such as 0.4,0.2,0.4");
      } catch (IllegalArgumentException e) {
        throw args.usage("bad --weights: " + e.getMessage());
      }
    } else if (model == Model.CUSTOM) {
      throw args.usage("--model custom needs --weights W,...");
    }
    String half = args.value(HALF_LIFE);
    if (half != null) {
      try {
        b.halfLifeDays(Double.parseDouble(half.trim()));
      } catch (NumberFormatException e) {
        throw args.usage("bad --half-life '" + half + "': expected a number of days");
      } catch (IllegalArgumentException e) {
        throw args.usage("bad --half-life: " + e.getMessage());
      }
    }
    b.linearPerChannel(args.has(PER_CHANNEL));
    return b.build();
  }

  /** The single-model JSON object of docs/spec/cli.md, plus assisted conversions and intervals. */
  static Map<String, Object> json(AttributionResult r, JourneySet js) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("model", r.model().label());
    m.put("conversions", r.conversions());
    m.put("value", r.value());
    List<Object> channels = new ArrayList<>();
    boolean ci = r.replicates() > 0;
    for (ChannelCredit c : r.channels()) {
      Map<String, Object> ch = new LinkedHashMap<>();
      ch.put("channel", c.channel());
      ch.put("conversions", c.conversions());
      ch.put("value", c.value());
      ch.put("assisted", c.assisted());
      if (ci) {
        ch.put("conversionsLow", c.conversionsLow());
        ch.put("conversionsHigh", c.conversionsHigh());
        ch.put("valueLow", c.valueLow());
        ch.put("valueHigh", c.valueHigh());
      }
      if (!Double.isNaN(c.standardError())) {
        ch.put("standardError", c.standardError());
      }
      if (r.removal() != null) {
        ch.put("removalEffect", r.removal().effects().get(c.channel()));
      }
      channels.add(ch);
    }
    m.put("channels", channels);
    if (ci) {
      m.put("level", r.level());
      m.put("replicates", r.replicates());
    }
    if (r.removal() != null) {
      m.put("conversionProbability", r.removal().conversionProbability());
    }
    m.put("unattributedConversions", js.unattributedConversions());
    m.put("unattributedValue", js.unattributedValue());
    return m;
  }

  private static String header(JourneySet js) {
    return js.conversions() + " conversions, value " + js.value().toPlainString() + " over "
        + js.channels().size() + " channels"
        + (js.unattributedConversions() > 0
            ? "; " + js.unattributedConversions() + " conversions without a touch in the lookback left out"
            : "")
        + "\n";
  }

  static String text(AttributionResult r, JourneySet js) {
    return r.summary() + "\n" + header(js) + "\n" + r.table().render();
  }

  /** One table per quantity, a row per channel and a column per model. */
  static String sideBySide(List<AttributionResult> results, JourneySet js) {
    StringBuilder b = new StringBuilder(header(js));
    b.append("\nConversions credited\n").append(grid(results, true).render());
    b.append("\nValue credited\n").append(grid(results, false).render());
    if (results.stream().anyMatch(r -> r.replicates() > 0)) {
      b.append("\nIntervals: run a single --model with --ci to see them.\n");
    }
    return b.toString();
  }

  private static TextTable grid(List<AttributionResult> results, boolean conversions) {
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
        cells[i + 1] = e.getValue()[i];
      }
      t = t.plus(cells);
    }
    Object[] total = new Object[results.size() + 1];
    total[0] = "total";
    for (int i = 0; i < results.size(); i++) {
      AttributionResult r = results.get(i);
      total[i + 1] = conversions ? r.creditedConversions() : r.creditedValue();
    }
    return t.plus(total);
  }
}
