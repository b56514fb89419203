package dev.funnel.cli;

import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Stage;
import dev.funnel.core.quality.Rejection;
import dev.funnel.cli.view.ScoreView;
import dev.funnel.io.InvalidDataException;
import dev.funnel.scoring.Capacity;
import dev.funnel.scoring.RuleFileException;
import dev.funnel.scoring.RuleSet;
import dev.funnel.scoring.ScoreQuery;
import dev.funnel.scoring.ScoreReview;
import dev.funnel.scoring.Scoring;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code funnel score DATA}: lead scoring from {@link Scoring#review}: the learned model against
 * the points rules on a held-out period (saying plainly when the model does not beat the rules),
 * the model's calibration table, the model card, each owner's worklist of next best actions, and
 * the expected SQLs and wins by period beside the plan.
 */
final class ScoreCommand implements Command {

  /** The tables this command's computation uses; only these are read from DATA. */
  static final Set<DatasetTable> TABLES = EnumSet.of(DatasetTable.LEADS, DatasetTable.STAGES,
      DatasetTable.ACTIVITIES, DatasetTable.TOUCHES, DatasetTable.PLAN);

  static final Option AS_OF = new Option("as-of", "DATE",
      "as of the end of this day, or an instant (default: the latest lead, stage change or activity)");
  static final Option TARGET = new Option("target", "STAGE", "the stage to predict: SQL (default) or WON");
  static final Option HORIZON = new Option("horizon", "DURATION",
      "reaching the target within this long counts (default 30d for SQL, 90d for WON)");
  static final Option CUT = new Option("cut", "DATE",
      "train on leads created before this day, test on those after (default: 70% of mature leads before)");
  static final Option RULES = new Option("rules", "FILE",
      "points rules: CSV rule,feature,operator,value,points (default: the built-in rules)");
  static final Option LAMBDA = new Option("lambda", "X", "ridge penalty of the model (default 1; 0 = maximum likelihood)");
  static final Option STALE = new Option("stale", "DURATION",
      "an open lead without activity or stage change for longer is stale (default 7d)");
  static final Option SLA_TARGET = new Option("sla-target", "DURATION", "first response due within this after MQL (default 1h)");
  static final Option LIST = new Option("list", "N", "text: show at most N worklist items per owner (default 10)");
  static final Option CAPACITY = new Option("capacity", "N",
      "worklist actions a day of every owner (default: each owner's activities per active day, last 28 days)");
  static final Option CAPACITY_FILE = new Option("capacity-file", "FILE",
      "CSV owner,capacity: actions a day of named owners (the others: --capacity or the default)");

  @Override
  public String name() {
    return "score";
  }

  @Override
  public java.util.Optional<Set<DatasetTable>> tablesByDefault() {
    return java.util.Optional.of(TABLES);
  }

  @Override
  public String summary() {
    return "lead scoring: model vs points rules, calibration, worklist per owner, plan outlook";
  }

  @Override
  public String operands() {
    return "DATA | --demo";
  }

  @Override
  public String details() {
    return "A logistic model (ridge, solved exactly by Newton) learns the probability that an open\n"
        + "lead reaches --target within --horizon from its channel, segment, campaign, stage,\n"
        + "touches, activities and their recency as of a moment. It is trained on leads created\n"
        + "before --cut and tested on the leads created after it, beside the points rules\n"
        + "(--rules): AUC with DeLong's interval, log loss, Brier score, calibration by decile,\n"
        + "lift. Leads too recent for their horizon to end by --as-of are left out, not counted\n"
        + "as misses. The worklist gives every open lead and deal its next step (first response\n"
        + "overdue or due, stale, stage step, nurture) ranked per owner by expected value = P(won\n"
        + "within 90d) x deal value; each owner's capacity a day (--capacity, --capacity-file, else\n"
        + "the owner's activities per active day over the last 28 days) takes the first items, the\n"
        + "rest is overflow (nurture is marketing's). A rule file:\n"
        + "  rule,feature,operator,value,points\n"
        + "  MQL,score,>=,40,\n"
        + "  ICP: enterprise,segment,=,enterprise,20\n"
        + "  Engaged,touches,>=,3,10";
  }

  @Override
  public List<Option> options() {
    return DataInput.options(false, AS_OF, TARGET, HORIZON, CUT, RULES, LAMBDA, STALE, SLA_TARGET, LIST,
        CAPACITY, CAPACITY_FILE);
  }

  @Override
  public List<Format> formats() {
    return List.of(Format.TEXT, Format.JSON, Format.CSV);
  }

  @Override
  public int run(Arguments args, Session session) throws IOException {
    Format format = args.format();
    String target = args.value(TARGET) == null ? "SQL" : args.value(TARGET).trim().toUpperCase(Locale.ROOT);
    if (target.isEmpty()) {
      throw args.usage("--target needs a stage name (SQL or WON)");
    }
    Duration horizon = TimeOptions.duration(args, HORIZON);
    if (horizon != null && horizon.isZero()) {
      throw args.usage("--horizon must be positive");
    }
    Duration stale = TimeOptions.duration(args, STALE);
    Duration sla = TimeOptions.duration(args, SLA_TARGET);
    if (sla != null && sla.isZero()) {
      throw args.usage("--sla-target must be positive");
    }
    double lambda = lambda(args);
    int list = (int) args.integer(LIST, 10, 0, Integer.MAX_VALUE);
    Instant asOf = AsOf.parse(args, AS_OF, args.zone());
    RuleSet rules = args.value(RULES) == null ? RuleSet.defaults() : rules(args.path(RULES, args.value(RULES)));
    Capacity capacity = args.value(CAPACITY) == null ? Capacity.fromData()
        : Capacity.perDay((int) args.integer(CAPACITY, 0, 1, 100_000));
    if (args.value(CAPACITY_FILE) != null) {
      capacity = capacity(capacity, args.path(CAPACITY_FILE, args.value(CAPACITY_FILE)));
    }
    DataInput in = DataInput.read(args, session, false, TABLES);
    Dataset d = in.dataset();
    Stage stage = d.catalog().find(target).orElseThrow(() -> args.usage("unknown --target '" + target
        + "'; the catalog's stages: " + String.join(", ", d.catalog().progression().stream().map(Stage::name).toList())));
    if (stage.exit() || stage.index() == 0) {
      throw args.usage("--target must be a progression stage after " + d.catalog().first().name() + ", got " + stage.name());
    }
    if (asOf == null) {
      asOf = SlaCommand.latest(d);
    }
    Instant cut = cut(args, d, asOf);
    boolean won = stage.equals(d.catalog().won());
    ScoreQuery q = ScoreQuery.of(asOf).target(stage.name()).rules(rules).lambda(lambda).cut(cut)
        .capacity(capacity)
        .horizon(horizon != null ? horizon : won ? ScoreQuery.DEFAULT_WON_HORIZON : ScoreQuery.DEFAULT_HORIZON);
    if (won) {
      q = q.wonHorizon(q.horizon());
    }
    if (stale != null) {
      q = q.staleAfter(stale);
    }
    if (sla != null) {
      q = q.sla(q.slaStage(), sla);
    }
    ScoreReview r = Scoring.review(d, q);
    Output.emit(session, format, ScoreView.of(r, list), in);
    return ExitCodes.OK;
  }

  private static double lambda(Arguments args) {
    String v = args.value(LAMBDA);
    if (v == null) {
      return ScoreQuery.DEFAULT_LAMBDA;
    }
    try {
      double x = Double.parseDouble(v.trim());
      if (x >= 0 && Double.isFinite(x)) {
        return x;
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw args.usage("bad --lambda '" + v + "': a number >= 0");
  }

  private static Instant cut(Arguments args, Dataset d, Instant asOf) {
    String v = args.value(CUT);
    if (v == null) {
      return null;
    }
    Instant at;
    try {
      at = java.time.LocalDate.parse(v.trim()).atStartOfDay(d.zone()).toInstant();
    } catch (java.time.format.DateTimeParseException e) {
      throw args.usage("bad --cut '" + v + "': a date such as 2026-06-01 (leads created from its start are held out)");
    }
    if (at.isAfter(asOf)) {
      throw args.usage("--cut " + v + " is after the as-of instant " + asOf);
    }
    return at;
  }

  /**
   * Reads a capacity file onto a capacity.
   *
   * @throws InvalidDataException naming file, line, column and field of the first problem
   */
  static Capacity capacity(Capacity base, Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    try {
      return base.parse(text, file.toString());
    } catch (RuleFileException e) {
      String field = e.column() > 0 && e.column() <= Capacity.HEADER.size() ? Capacity.HEADER.get(e.column() - 1) : null;
      throw new InvalidDataException(new Rejection(e.source(), e.line(), e.column(), field, null,
          "bad_capacity", e.reason()));
    }
  }

  /**
   * Reads a rule file.
   *
   * @throws InvalidDataException naming file, line, column and field of the first problem
   */
  static RuleSet rules(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    try {
      return RuleSet.parse(text, file.toString());
    } catch (RuleFileException e) {
      String field = e.column() > 0 && e.column() <= RuleSet.HEADER.size() ? RuleSet.HEADER.get(e.column() - 1) : null;
      throw new InvalidDataException(new Rejection(e.source(), e.line(), e.column(), field, null,
          "bad_rule", e.reason()));
    }
  }
}
