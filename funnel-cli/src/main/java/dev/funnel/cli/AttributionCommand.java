package dev.funnel.cli;

import dev.funnel.attribution.Attribution;
import dev.funnel.attribution.AttributionOptions;
import dev.funnel.attribution.AttributionResult;
import dev.funnel.attribution.ChannelEconomics;
import dev.funnel.attribution.JourneyOptions;
import dev.funnel.attribution.MarkovValue;
import dev.funnel.attribution.OrderSelection;
import dev.funnel.attribution.JourneySet;
import dev.funnel.attribution.Model;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Period;
import dev.funnel.core.display.InstantLabel;
import dev.funnel.cli.view.AttributionView;
import dev.funnel.cli.view.Framed;
import dev.funnel.cli.view.View;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code funnel attribution DATA --model M}: channel credit of one attribution model, or of every
 * model side by side ({@code --model all}), from {@link Attribution} (docs/spec/cli.md, attribution).
 * Journeys come from the touches and stages ({@code --input touches}, the default) or
 * from the pre-aggregated {@code paths} table; {@code --ci LEVEL} adds seeded percentile bootstrap
 * intervals.
 */
final class AttributionCommand implements Command {

  /**
   * The tables attribution uses; only these are read from DATA: the journeys (touches and the
   * stage changes that mark conversions and carry their value; the command does not value
   * conversions by payments) or the paths file, and spend with {@code --spend}. The leads table
   * adds to the journeys only a lead's creation: the W-shaped model's lead-creation touch, a
   * conversion into the catalog's first stage (which a lead enters when created), and the data's
   * last day that ends a {@code --period}; it is read when one of these applies ({@code
   * withLeads}). Without it the lead ids of the touches and stage changes are the leads, which
   * gives the same journeys otherwise.
   */
  static Set<DatasetTable> tables(boolean paths, boolean spend, boolean withLeads) {
    EnumSet<DatasetTable> t = paths ? EnumSet.of(DatasetTable.PATHS)
        : EnumSet.of(DatasetTable.STAGES, DatasetTable.TOUCHES);
    if (!paths && withLeads) {
      t.add(DatasetTable.LEADS);
    }
    if (spend) {
      t.add(DatasetTable.SPEND);
    }
    return t;
  }

  /** The free-text columns journeys never read: stage reasons and owners, touch campaigns. */
  static final java.util.Map<DatasetTable, List<String>> UNUSED = java.util.Map.of(
      DatasetTable.STAGES, List.of("reason", "owner"), DatasetTable.TOUCHES, List.of("campaign"));

  /**
   * Whether the journeys of these arguments need the leads table (see {@link #tables}): every
   * model side by side or W-shaped, a conversion stage given (it may be the first stage), or a
   * period whose as-of instant may be the data's last day.
   */
  private static boolean withLeads(Arguments args, boolean all, Model model) {
    return all || model == Model.W_SHAPED || args.has(CONVERSION) || args.has(PERIOD);
  }

  static final Option MODEL = new Option("model", "M",
      "first, last, last-non-direct, linear, position, w-shaped, time-decay, custom, markov, shapley, or all");
  static final Option ORDER = new Option("order", "K",
      "Markov chain order (default 1), or 'auto': the order of 1 to 4 with the best held-out AUC");
  static final Option REPEATS = new Option("repeats", "merge|keep",
      "Markov: merge consecutive repeats of a channel (default, as DP6) or keep them (as ChannelAttribution)");
  static final Option MARKOV_VALUE = new Option("markov-value", "share|weighted",
      "Markov value credit: the conversion share of the total value (default) or removal effects on the value (ChannelAttribution's var_value)");
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
  public java.util.Optional<Set<DatasetTable>> tablesByDefault() {
    return java.util.Optional.of(tables(false, false, false));
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
    return DataInput.options(true, MODEL, ORDER, REPEATS, MARKOV_VALUE, CONVERSION, LOOKBACK, INPUT,
        CI, REPLICATES, DIRECT, WEIGHTS, PER_CHANNEL, HALF_LIFE, SPEND, MARGIN, PERIOD, AS_OF);
  }

  @Override
  public List<Format> formats() {
    return List.of(Format.TEXT, Format.JSON, Format.CSV, Format.SVG);
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
    Period period = args.period(PERIOD);
    if (paths && (period != null || args.has(AS_OF))) {
      throw args.usage("--period and --as-of cut journeys from touches; the paths table has no times");
    }
    java.time.Instant asOf = AsOf.parse(args, AS_OF, args.zone());
    DataInput in = DataInput.read(args, session, true,
        tables(paths, args.has(SPEND), withLeads(args, all, model)), UNUSED);
    java.time.ZoneId zone = in.dataset().zone();
    if (asOf == null && period != null) {
      asOf = AsOf.ofPeriod(in.dataset(), period);
    }
    java.time.Instant from = period == null ? null : period.startInstant(zone);
    if (from != null && from.isAfter(asOf)) {
      throw args.usage(period.label() + " begins after the as-of instant "
          + InstantLabel.of(asOf, zone));
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
    OrderSelection chosen = null;
    if (autoOrder(args)) {
      chosen = Attribution.chooseOrder(js, 4, options);
      options = options.toBuilder().markovOrder(chosen.suggested()).build();
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
    View view = (all ? AttributionView.sideBySide(js, results)
        : AttributionView.of(js, results.get(0))).economics(economics);
    if (chosen != null) {
      view = AttributionView.withOrder(view, chosen);
    }
    if (asOf == null) {
      Output.emit(session, format, view, in);
      return ExitCodes.OK;
    }
    String line = (period == null ? "journeys as of " + InstantLabel.of(asOf, zone)
        : "conversions to " + (jo.conversionStage() == null ? in.dataset().catalog().won().name()
            : jo.conversionStage()) + " from the start of " + period.label() + " to "
            + InstantLabel.of(asOf, zone))
        + ", touches up to " + jo.lookbackDays() + " days before each";
    Output.emit(session, format, Framed.of(view, line, new AttributionView.Journeys(
        period == null ? null : period.label(), from == null ? null : from.toString(),
        asOf.toString(), jo.lookbackDays())), in);
    return ExitCodes.OK;
  }

  private static boolean autoOrder(Arguments args) {
    String v = args.value(ORDER);
    return v != null && v.trim().equalsIgnoreCase("auto");
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
    if (!autoOrder(args)) {
      b.markovOrder((int) args.integer(ORDER, 1, 1, 10));
    }
    String repeats = args.value(REPEATS);
    if (repeats != null) {
      switch (repeats.trim().toLowerCase(java.util.Locale.ROOT)) {
        case "merge": b.keepRepeats(false); break;
        case "keep": b.keepRepeats(true); break;
        default: throw args.usage("bad --repeats '" + repeats + "': expected merge or keep");
      }
    }
    String value = args.value(MARKOV_VALUE);
    if (value != null) {
      switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
        case "share": b.markovValue(MarkovValue.CONVERSION_SHARE); break;
        case "weighted": b.markovValue(MarkovValue.VALUE_WEIGHTED); break;
        default: throw args.usage("bad --markov-value '" + value + "': expected share or weighted");
      }
    }
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
}
