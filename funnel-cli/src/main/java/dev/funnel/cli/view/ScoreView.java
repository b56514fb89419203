package dev.funnel.cli.view;

import dev.funnel.core.display.Cell;
import dev.funnel.core.display.Formats;
import dev.funnel.core.display.TextTable;
import dev.funnel.io.chart.CalibrationPoint;
import dev.funnel.io.chart.CalibrationSeries;
import dev.funnel.io.chart.ChartOptions;
import dev.funnel.io.chart.Charts;
import dev.funnel.io.chart.Svg;
import dev.funnel.io.html.Section;
import dev.funnel.scoring.AucComparison;
import dev.funnel.scoring.BinaryMetrics;
import dev.funnel.scoring.CalibrationBin;
import dev.funnel.scoring.CalibrationTable;
import dev.funnel.scoring.GainsRow;
import dev.funnel.scoring.ModelCard;
import dev.funnel.scoring.ModelValidation;
import dev.funnel.scoring.OutlookRow;
import dev.funnel.scoring.OwnerCapacity;
import dev.funnel.scoring.PlanOutlook;
import dev.funnel.scoring.Rule;
import dev.funnel.scoring.RuleSet;
import dev.funnel.scoring.ScoreQuery;
import dev.funnel.scoring.ScoreReview;
import dev.funnel.scoring.WorkItem;
import dev.funnel.scoring.WorklistReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lead scoring ({@link ScoreReview}, {@code funnel score}): the learned model against the points
 * rules on the held-out period with its verdict, the model's calibration and gains, the model card,
 * each owner's worklist of next best actions (in text at most {@code list} items per owner) and
 * the plan outlook; JSON one member per part, CSV every table in long form.
 *
 * <p>The report's section ({@link #section}) is the model card: the verdict, the model and the
 * points rules side by side on the held-out leads, the model's calibration (in HTML a calibration
 * diagram of both), the model's columns, and the top of each owner's worklist in every rendering;
 * no gains and no plan outlook.
 */
public final class ScoreView implements View {

  private final ScoreReview r;
  private final int list;
  private final boolean section;

  private ScoreView(ScoreReview r, int list, boolean section) {
    this.r = r;
    this.list = list;
    this.section = section;
  }

  /**
   * The view of a scoring review.
   *
   * @param list at most this many worklist items per owner in text (0: none)
   */
  public static ScoreView of(ScoreReview r, int list) {
    return new ScoreView(r, list, false);
  }

  /**
   * The review as a report section: the model card and validation, the calibration (a diagram in
   * HTML) and the first {@code top} items of each owner's worklist (JSON and CSV too); text lines
   * of at most 100 columns.
   */
  public static ScoreView section(ScoreReview r, int top) {
    return new ScoreView(r, top, true);
  }

  record RuleJson(String rule, String condition, Double points) {}

  record Bin(int decile, long rows, double meanPredicted, long observed, double observedRate,
      double lower, double upper) {}

  record Calibration(double expectedCalibrationError, double hosmerLemeshow, int degreesOfFreedom,
      double pValue, double slope, double intercept, List<Bin> deciles) {}

  record Gains(int decile, long rows, double positives, double lift, double gain,
      double cumulativeLift) {}

  record Metrics(long rows, long positives, double baseRate, double auc, double aucStandardError,
      double aucLower, double aucUpper, double logLoss, double brier, double brierSkill,
      Calibration calibration, List<Gains> gains) {
    static Metrics of(BinaryMetrics b) {
      CalibrationTable c = b.calibration();
      List<Bin> bins = new ArrayList<>();
      for (CalibrationBin x : c.bins()) {
        bins.add(new Bin(x.bin(), x.rows(), x.meanPredicted(), x.observed(), x.observedRate(),
            x.lower(), x.upper()));
      }
      List<Gains> gains = new ArrayList<>();
      for (GainsRow g : b.gains().rows()) {
        gains.add(new Gains(g.decile(), g.rows(), g.positives(), g.lift(), g.gain(),
            g.cumulativeLift()));
      }
      return new Metrics(b.rows(), b.positives(), b.baseRate(), b.auc().auc(),
          b.auc().standardError(), b.auc().lower(), b.auc().upper(), b.logLoss(), b.brier(),
          b.brierSkill(), new Calibration(c.expectedCalibrationError(), c.hosmerLemeshow(),
              c.degreesOfFreedom(), c.pValue(), c.slope(), c.intercept(), bins), gains);
    }
  }

  record Comparison(double aucDifference, double standardError, double lower, double upper,
      double level, double pValue) {
    static Comparison of(AucComparison c) {
      return new Comparison(c.difference(), c.standardError(), c.lower(), c.upper(), c.level(),
          c.pValue());
    }
  }

  record ValidationJson(Instant cut, String verdict, boolean modelBeatsRules, int testLeads,
      int immatureLeads, Metrics model, Metrics rules, Comparison comparison, List<String> notes) {}

  record Column(String column, Double coefficient, Double standardError, Double mean) {}

  record Card(Instant trainedUntil, double lambda, int rows, int positives, int leads,
      List<Column> columns, List<String> notes) {}

  record Item(int rank, String lead, String stage, String action, String rule, String reason,
      Instant due, double idleDays, double points, double probabilityWon, double dealValue,
      double expectedValue, String assignment) {}

  record Owner(String owner, int count, Integer capacity, String capacitySource, int activities,
      int activeDays, int assigned, int overflow, int marketing, double assignedValue,
      double overflowValue, List<Item> items) {}

  record Worklist(Instant asOf, List<Owner> owners, List<String> notes) {}

  record Outlook(String metric, String period, double plan, long actual, double expected,
      double lower, double upper, double projected, int openLeads, boolean horizonCoversPeriod) {}

  record OutlookJson(String granularity, double level, List<Outlook> rows, List<String> notes) {}

  /** The report section's JSON: the document of the command without gains and outlook. */
  record SectionJson(Instant asOf, String target, double horizonDays, List<RuleJson> rules,
      ValidationJson validation, Card model, Worklist worklist, List<String> problems) {}

  /** The document of {@code funnel score --format json}. */
  record Json(Instant asOf, String target, double horizonDays, List<RuleJson> rules,
      ValidationJson validation, Card model, Worklist worklist, OutlookJson outlook,
      List<String> problems) {}

  private static List<RuleJson> rules(RuleSet rules) {
    List<RuleJson> out = new ArrayList<>();
    out.add(new RuleJson("MQL", "score >= " + rules.threshold(), null));
    for (Rule x : rules.rules()) {
      out.add(new RuleJson(x.name(), x.condition(), x.points()));
    }
    return out;
  }

  @Override
  public Object json() {
    ScoreQuery q = r.query();
    ModelValidation v = r.validation();
    ValidationJson validation = v == null ? null : new ValidationJson(v.cut(), v.verdict(),
        v.modelBeatsRules(), v.testRows(), v.immature(), Metrics.of(v.model()),
        Metrics.of(v.rules()), Comparison.of(v.comparison()), v.notes());
    ModelCard card = r.model();
    Card model = null;
    if (card != null) {
      List<Column> cols = new ArrayList<>();
      for (int j = 0; j < card.columns().size(); j++) {
        cols.add(new Column(card.columns().get(j), card.coefficients().get(j),
            card.standardErrors().get(j), j == 0 ? null : card.means().get(j)));
      }
      model = new Card(card.trainedUntil(), card.lambda(), card.rows(), card.positives(),
          card.leads(), cols, card.notes());
    }
    WorklistReport w = r.worklist();
    List<Owner> owners = new ArrayList<>();
    for (Map.Entry<String, List<WorkItem>> e : w.byOwner().entrySet()) {
      List<Item> items = new ArrayList<>();
      for (WorkItem i : section ? shown(e.getValue()) : e.getValue()) {
        items.add(new Item(i.rank(), i.leadId(), i.stage(), i.action(), i.rule().label(),
            i.reason(), i.due(), i.idleDays(), i.points(), i.probability(), i.dealValue(),
            i.expectedValue(), i.assignment().label()));
      }
      OwnerCapacity c = w.capacity(e.getKey());
      owners.add(new Owner(e.getKey(), e.getValue().size(), c.capacity() == 0 ? null : c.capacity(),
          c.source().label(), c.activities(), c.activeDays(), c.assigned(), c.overflow(),
          c.marketing(), c.assignedValue(), c.overflowValue(), items));
    }
    Worklist worklist = new Worklist(w.asOf(), owners, w.notes());
    if (section) {
      return new SectionJson(q.asOf(), q.target(), q.horizon().toMillis() / 86_400_000.0,
          rules(q.rules()), validation, model, worklist, r.problems());
    }
    PlanOutlook o = r.outlook();
    List<Outlook> rows = new ArrayList<>();
    for (OutlookRow x : o.rows()) {
      rows.add(new Outlook(x.metric(), x.period(), x.plan(), x.actual(), x.expected(), x.lower(),
          x.upper(), x.projected(), x.leads(), x.horizonCovers()));
    }
    return new Json(q.asOf(), q.target(), q.horizon().toMillis() / 86_400_000.0, rules(q.rules()),
        validation, model, worklist,
        new OutlookJson(o.granularity().label(), o.level(), rows, o.notes()), r.problems());
  }

  private static void notes(StringBuilder b, List<String> notes) {
    for (String n : notes) {
      b.append("note: ").append(n).append('\n');
    }
  }

  /** The first {@code list} of an owner's items. */
  private List<WorkItem> shown(List<WorkItem> all) {
    return all.subList(0, Math.min(list, all.size()));
  }

  /** The items the section shows: each owner's first {@code list}, owners in order. */
  private List<WorkItem> top() {
    List<WorkItem> out = new ArrayList<>();
    for (List<WorkItem> items : r.worklist().byOwner().values()) {
      out.addAll(shown(items));
    }
    return out;
  }

  /**
   * The compact table of the section's text, within 100 columns: owner, rank, lead, stage, the
   * rule (with the stage it names the step; the step's words, the reason and the deal value are
   * in the HTML, JSON and CSV), P(won), expected value and the assignment against capacity.
   */
  private TextTable compact(List<WorkItem> items) {
    TextTable t = TextTable.of("owner", "rank", "lead", "stage", "rule", "P(won)",
        Formats.moneyColumn("expected", r.worklist().currency()), "assignment");
    List<Object[]> rows = new ArrayList<>();
    for (WorkItem w : items) {
      rows.add(new Object[] {w.owner(), w.rank(), w.leadId(), w.stage(), w.rule().label(),
          Cell.percent(w.probability()), Cell.amount(w.expectedValue()), w.assignment().label()});
    }
    return t.plusAll(rows);
  }

  /** The capacity table of the section's text, within 100 columns. */
  private TextTable compactCapacity() {
    TextTable t = TextTable.of("owner", "capacity a day", "from", "assigned", "overflow",
        Formats.moneyColumn("overflow expected", r.worklist().currency()));
    List<Object[]> rows = new ArrayList<>();
    for (OwnerCapacity c : r.worklist().capacities()) {
      rows.add(new Object[] {c.owner(), c.capacity() == 0 ? null : (Object) (long) c.capacity(),
          c.source().label(), (long) c.assigned(), (long) c.overflow(),
          Cell.amount(c.overflowValue())});
    }
    return t.plusAll(rows);
  }

  /** Words in lines of at most 100 columns, continuation lines indented; each ends with a newline. */
  static String wrap(String text, String indent) {
    StringBuilder b = new StringBuilder();
    int col = 0;
    for (String word : text.split(" ")) {
      if (col > 0 && col + 1 + word.length() > 100) {
        b.append('\n').append(indent);
        col = indent.length();
      } else if (col > 0) {
        b.append(' ');
        col++;
      }
      b.append(word);
      col += word.length();
    }
    return b.append('\n').toString();
  }

  private String sectionText() {
    StringBuilder b = new StringBuilder(wrap(r.summary(), ""));
    ModelValidation v = r.validation();
    if (v != null) {
      b.append('\n').append(wrap(v.summary(), "")).append(v.table().render());
      for (String n : v.notes()) {
        b.append(wrap("note: " + n, "      "));
      }
      CalibrationTable cal = v.model().calibration();
      b.append('\n').append("Calibration of the model on the held-out leads (by decile of the"
          + " prediction)").append('\n');
      b.append(wrap(cal.summary(), "")).append(cal.table().render());
    }
    ModelCard card = r.model();
    if (card != null) {
      b.append('\n').append(wrap(card.summary(), "")).append(card.table().render());
      for (String n : card.notes()) {
        b.append(wrap("note: " + n, "      "));
      }
    }
    WorklistReport w = r.worklist();
    b.append('\n').append(wrap(w.summary() + "; each owner's first " + list + " below", ""));
    if (!w.capacities().isEmpty()) {
      b.append(compactCapacity().render());
    }
    List<WorkItem> top = top();
    if (!top.isEmpty() && list > 0) {
      b.append(compact(top).render());
    }
    for (String n : w.notes()) {
      b.append(wrap("note: " + n, "      "));
    }
    for (String p : r.problems()) {
      b.append(wrap("not computed: " + p, "      "));
    }
    return b.toString();
  }

  @Override
  public String text() {
    if (section) {
      return sectionText();
    }
    StringBuilder b = new StringBuilder(r.summary()).append('\n');
    ModelValidation v = r.validation();
    if (v != null) {
      b.append('\n').append("Model vs rules on the held-out period").append('\n');
      b.append(v.summary()).append('\n').append(v.table().render());
      notes(b, v.notes());
      CalibrationTable cal = v.model().calibration();
      b.append('\n').append("Calibration of the model on the held-out leads (by decile of the"
          + " prediction)").append('\n');
      b.append(cal.summary()).append('\n').append(cal.table().render());
      b.append('\n').append("Gains of the model").append('\n')
          .append(v.model().gains().table().render());
    }
    ModelCard card = r.model();
    if (card != null) {
      b.append('\n').append(card.summary()).append('\n').append(card.table().render());
      notes(b, card.notes());
    }
    WorklistReport w = r.worklist();
    b.append('\n').append(w.summary()).append('\n');
    if (!w.capacities().isEmpty()) {
      b.append(w.capacityTable().render());
    }
    if (list > 0) {
      for (String owner : w.owners()) {
        List<WorkItem> all = w.byOwner().get(owner);
        OwnerCapacity c = w.capacity(owner);
        b.append('\n').append(owner).append(": ").append(Formats.count(all.size()))
            .append(" items, ").append(c.capacity() == 0 ? "no capacity" : c.capacity() + " a day")
            .append(" (").append(c.source().label()).append("): ")
            .append(Formats.count(c.assigned())).append(" assigned, ")
            .append(Formats.count(c.overflow())).append(" overflow, ")
            .append(Formats.count(c.marketing())).append(" marketing").append('\n');
        b.append(w.table(all.subList(0, Math.min(list, all.size()))).render());
        if (all.size() > list) {
          b.append("... ").append(Formats.count(all.size() - list))
              .append(" more; --list N shows more\n");
        }
      }
    }
    notes(b, w.notes());
    PlanOutlook o = r.outlook();
    b.append('\n').append(o.summary()).append('\n').append(o.table().render());
    notes(b, o.notes());
    for (String p : r.problems()) {
      b.append("not computed: ").append(p).append('\n');
    }
    return b.toString();
  }

  @Override
  public Map<String, TextTable> tables() {
    Map<String, TextTable> t = new LinkedHashMap<>();
    ModelValidation v = r.validation();
    if (v != null) {
      t.put("validation", v.table());
      t.put("calibration", v.model().calibration().table());
      if (!section) {
        t.put("gains", v.model().gains().table());
      }
    }
    if (r.model() != null) {
      t.put("model", r.model().table());
    }
    t.put("capacity", r.worklist().capacityTable());
    t.put("worklist", r.worklist().table(section ? top() : r.worklist().items()));
    if (!section) {
      t.put("outlook", r.outlook().table());
    }
    return t;
  }

  /**
   * The calibration diagram of the held-out leads: the model's deciles and the points rules'
   * (their probabilities calibrated on the training leads), each with its 95% Wilson interval.
   */
  public Optional<Svg> chart() {
    ModelValidation v = r.validation();
    if (v == null) {
      return Optional.empty();
    }
    return Optional.of(Charts.calibration(ChartOptions.titled("Calibration on the held-out leads, "
            + r.query().target() + " within " + r.query().horizon().toDays() + " days")
            .description("Observed rate against the mean predicted probability by decile, with"
                + " 95% Wilson intervals."),
        List.of(series("model", v.model().calibration()),
            series("points rules (calibrated)", v.rules().calibration()))));
  }

  private static CalibrationSeries series(String name, CalibrationTable c) {
    List<CalibrationPoint> points = new ArrayList<>();
    for (CalibrationBin b : c.bins()) {
      points.add(new CalibrationPoint(b.meanPredicted(), b.observedRate(), b.lower(), b.upper(),
          b.rows()));
    }
    return new CalibrationSeries(name, points);
  }

  @Override
  public Optional<Svg> svg() {
    return chart();
  }

  @Override
  public String csv() {
    return Views.csv(tables());
  }

  @Override
  public Section html(Section s) {
    s = s.paragraph(r.summary());
    Optional<Svg> chart = chart();
    if (chart.isPresent()) {
      s = s.chart(chart.get());
    }
    for (Map.Entry<String, TextTable> e : tables().entrySet()) {
      s = s.table(e.getKey(), e.getValue().header(), e.getValue().textRows());
    }
    for (String p : r.problems()) {
      s = s.warning("Not computed: " + p);
    }
    return s;
  }
}
