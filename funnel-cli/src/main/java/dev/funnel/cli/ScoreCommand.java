package dev.funnel.cli;

import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Stage;
import dev.funnel.core.quality.Rejection;
import dev.funnel.io.InvalidDataException;
import dev.funnel.scoring.AucComparison;
import dev.funnel.scoring.BinaryMetrics;
import dev.funnel.scoring.CalibrationBin;
import dev.funnel.scoring.CalibrationTable;
import dev.funnel.scoring.GainsRow;
import dev.funnel.scoring.ModelCard;
import dev.funnel.scoring.ModelValidation;
import dev.funnel.scoring.OutlookRow;
import dev.funnel.scoring.PlanOutlook;
import dev.funnel.scoring.Rule;
import dev.funnel.scoring.RuleFileException;
import dev.funnel.scoring.RuleSet;
import dev.funnel.scoring.ScoreQuery;
import dev.funnel.scoring.ScoreReview;
import dev.funnel.scoring.Scoring;
import dev.funnel.scoring.WorkItem;
import dev.funnel.scoring.WorklistReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

  @Override
  public String name() {
    return "score";
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
        + "within 90d) x deal value. A rule file:\n"
        + "  rule,feature,operator,value,points\n"
        + "  MQL,score,>=,40,\n"
        + "  ICP: enterprise,segment,=,enterprise,20\n"
        + "  Engaged,touches,>=,3,10";
  }

  @Override
  public List<Option> options() {
    return DataInput.options(false, AS_OF, TARGET, HORIZON, CUT, RULES, LAMBDA, STALE, SLA_TARGET, LIST);
  }

  @Override
  public List<Format> formats() {
    return List.of(Format.TEXT, Format.JSON);
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
    if (format == Format.JSON) {
      Object rejected = in.source().lenient() ? in.source().rejectedJson() : null;
      session.emit(rejected == null ? dev.funnel.cli.view.Views.json(json(r))
          : dev.funnel.cli.view.Views.json(json(r), java.util.Map.of("rejected", rejected)));
    } else {
      session.emit(text(r, list));
    }
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

  static String text(ScoreReview r, int list) {
    StringBuilder b = new StringBuilder(r.summary()).append('\n');
    ModelValidation v = r.validation();
    if (v != null) {
      b.append('\n').append("Model vs rules on the held-out period").append('\n');
      b.append(v.summary()).append('\n').append(v.table().render());
      for (String n : v.notes()) {
        b.append("note: ").append(n).append('\n');
      }
      CalibrationTable cal = v.model().calibration();
      b.append('\n').append("Calibration of the model on the held-out leads (by decile of the prediction)").append('\n');
      b.append(cal.summary()).append('\n').append(cal.table().render());
      b.append('\n').append("Gains of the model").append('\n').append(v.model().gains().table().render());
    }
    ModelCard card = r.model();
    if (card != null) {
      b.append('\n').append(card.summary()).append('\n').append(card.table().render());
      for (String n : card.notes()) {
        b.append("note: ").append(n).append('\n');
      }
    }
    WorklistReport w = r.worklist();
    b.append('\n').append(w.summary()).append('\n');
    if (list > 0) {
      for (String owner : w.owners()) {
        List<WorkItem> all = w.byOwner().get(owner);
        b.append('\n').append(owner).append(": ").append(all.size()).append(" items").append('\n');
        b.append(WorklistReport.table(all.subList(0, Math.min(list, all.size()))).render());
        if (all.size() > list) {
          b.append("... ").append(all.size() - list).append(" more; --list N shows more\n");
        }
      }
    }
    for (String n : w.notes()) {
      b.append("note: ").append(n).append('\n');
    }
    PlanOutlook o = r.outlook();
    b.append('\n').append(o.summary()).append('\n').append(o.table().render());
    for (String n : o.notes()) {
      b.append("note: ").append(n).append('\n');
    }
    for (String p : r.problems()) {
      b.append("not computed: ").append(p).append('\n');
    }
    return b.toString();
  }

  static Map<String, Object> json(ScoreReview r) {
    Map<String, Object> m = new LinkedHashMap<>();
    ScoreQuery q = r.query();
    m.put("asOf", q.asOf());
    m.put("target", q.target());
    m.put("horizonDays", q.horizon().toMillis() / 86_400_000.0);
    m.put("rules", rules(q.rules()));
    ModelValidation v = r.validation();
    if (v != null) {
      Map<String, Object> val = new LinkedHashMap<>();
      val.put("cut", v.cut());
      val.put("verdict", v.verdict());
      val.put("modelBeatsRules", v.modelBeatsRules());
      val.put("testLeads", v.testRows());
      val.put("immatureLeads", v.immature());
      val.put("model", metrics(v.model()));
      val.put("rules", metrics(v.rules()));
      val.put("comparison", comparison(v.comparison()));
      val.put("notes", v.notes());
      m.put("validation", val);
    } else {
      m.put("validation", null);
    }
    ModelCard card = r.model();
    if (card != null) {
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("trainedUntil", card.trainedUntil());
      c.put("lambda", card.lambda());
      c.put("rows", card.rows());
      c.put("positives", card.positives());
      c.put("leads", card.leads());
      List<Object> cols = new ArrayList<>();
      for (int j = 0; j < card.columns().size(); j++) {
        Map<String, Object> col = new LinkedHashMap<>();
        col.put("column", card.columns().get(j));
        col.put("coefficient", card.coefficients().get(j));
        col.put("standardError", card.standardErrors().get(j));
        col.put("mean", j == 0 ? null : card.means().get(j));
        cols.add(col);
      }
      c.put("columns", cols);
      c.put("notes", card.notes());
      m.put("model", c);
    } else {
      m.put("model", null);
    }
    m.put("worklist", worklist(r.worklist()));
    m.put("outlook", outlook(r.outlook()));
    m.put("problems", r.problems());
    return m;
  }

  private static List<Object> rules(RuleSet rules) {
    List<Object> out = new ArrayList<>();
    for (Rule x : rules.rules()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("rule", x.name());
      m.put("condition", x.condition());
      m.put("points", x.points());
      out.add(m);
    }
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("rule", "MQL");
    t.put("condition", "score >= " + rules.threshold());
    t.put("points", null);
    out.add(0, t);
    return out;
  }

  private static Map<String, Object> metrics(BinaryMetrics b) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("rows", b.rows());
    m.put("positives", b.positives());
    m.put("baseRate", b.baseRate());
    m.put("auc", b.auc().auc());
    m.put("aucStandardError", b.auc().standardError());
    m.put("aucLower", b.auc().lower());
    m.put("aucUpper", b.auc().upper());
    m.put("logLoss", b.logLoss());
    m.put("brier", b.brier());
    m.put("brierSkill", b.brierSkill());
    CalibrationTable c = b.calibration();
    Map<String, Object> cal = new LinkedHashMap<>();
    cal.put("expectedCalibrationError", c.expectedCalibrationError());
    cal.put("hosmerLemeshow", c.hosmerLemeshow());
    cal.put("degreesOfFreedom", c.degreesOfFreedom());
    cal.put("pValue", c.pValue());
    cal.put("slope", c.slope());
    cal.put("intercept", c.intercept());
    List<Object> bins = new ArrayList<>();
    for (CalibrationBin x : c.bins()) {
      Map<String, Object> bin = new LinkedHashMap<>();
      bin.put("decile", x.bin());
      bin.put("rows", x.rows());
      bin.put("meanPredicted", x.meanPredicted());
      bin.put("observed", x.observed());
      bin.put("observedRate", x.observedRate());
      bin.put("lower", x.lower());
      bin.put("upper", x.upper());
      bins.add(bin);
    }
    cal.put("deciles", bins);
    m.put("calibration", cal);
    List<Object> gains = new ArrayList<>();
    for (GainsRow g : b.gains().rows()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("decile", g.decile());
      row.put("rows", g.rows());
      row.put("positives", g.positives());
      row.put("lift", g.lift());
      row.put("gain", g.gain());
      row.put("cumulativeLift", g.cumulativeLift());
      gains.add(row);
    }
    m.put("gains", gains);
    return m;
  }

  private static Map<String, Object> comparison(AucComparison c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("aucDifference", c.difference());
    m.put("standardError", c.standardError());
    m.put("lower", c.lower());
    m.put("upper", c.upper());
    m.put("level", c.level());
    m.put("pValue", c.pValue());
    return m;
  }

  private static Map<String, Object> worklist(WorklistReport w) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("asOf", w.asOf());
    List<Object> owners = new ArrayList<>();
    for (Map.Entry<String, List<WorkItem>> e : w.byOwner().entrySet()) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("owner", e.getKey());
      List<Object> items = new ArrayList<>();
      for (WorkItem i : e.getValue()) {
        Map<String, Object> it = new LinkedHashMap<>();
        it.put("rank", i.rank());
        it.put("lead", i.leadId());
        it.put("stage", i.stage());
        it.put("action", i.action());
        it.put("rule", i.rule().label());
        it.put("reason", i.reason());
        it.put("due", i.due());
        it.put("idleDays", i.idleDays());
        it.put("points", i.points());
        it.put("probabilityWon", i.probability());
        it.put("dealValue", i.dealValue());
        it.put("expectedValue", i.expectedValue());
        items.add(it);
      }
      o.put("items", items);
      owners.add(o);
    }
    m.put("owners", owners);
    m.put("notes", w.notes());
    return m;
  }

  private static Map<String, Object> outlook(PlanOutlook o) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("granularity", o.granularity());
    m.put("level", o.level());
    List<Object> rows = new ArrayList<>();
    for (OutlookRow x : o.rows()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("metric", x.metric());
      row.put("period", x.period());
      row.put("plan", x.plan());
      row.put("actual", x.actual());
      row.put("expected", x.expected());
      row.put("lower", x.lower());
      row.put("upper", x.upper());
      row.put("projected", x.projected());
      row.put("openLeads", x.leads());
      row.put("horizonCoversPeriod", x.horizonCovers());
      rows.add(row);
    }
    m.put("rows", rows);
    m.put("notes", o.notes());
    return m;
  }
}
