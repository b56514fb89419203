package dev.funnel.cli.view;

import dev.funnel.core.display.Formats;
import dev.funnel.core.display.InstantLabel;
import dev.funnel.core.display.TextTable;
import dev.funnel.core.sales.CycleComparison;
import dev.funnel.core.sales.SalesCycle;
import dev.funnel.core.stats.LogRankTest;
import dev.funnel.core.stats.SurvivalCurve;
import dev.funnel.io.html.KeyFigure;
import dev.funnel.io.html.Section;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The sales cycle by group ({@link CycleComparison}, {@code funnel sales --cycle-by D}): per group
 * the paid, open and left-out deals, the Kaplan-Meier median days with its
 * {@value CycleComparison#CONFIDENCE_PERCENT}% interval and the 75th percentile, and the log-rank
 * test that the groups share one curve (statistic, degrees of freedom, p-value) with a one-line
 * reading at the 5% level. Text: the heading, the comparison's summary and table, the test's
 * table and the reading;
 * JSON: one object per group and the test; CSV: the groups and the test in long form
 * ({@link Views#csv(Map)}).
 */
public final class CycleView implements View {

  /** The level at which the reading line calls the groups' curves different. */
  static final double LEVEL = 0.05;

  private final CycleComparison c;
  private final Instant asOf;
  private final ZoneId zone;
  private final LocalDate from;
  private final LocalDate to;

  private CycleView(CycleComparison c, Instant asOf, ZoneId zone, LocalDate from, LocalDate to) {
    this.c = c;
    this.asOf = asOf;
    this.zone = zone;
    this.from = from;
    this.to = to;
  }

  /**
   * The view of a comparison as of an instant, over the leads that reached the start stage in the
   * window of local days {@code [from, to)} (null sides open).
   */
  public static CycleView of(CycleComparison c, Instant asOf, ZoneId zone, LocalDate from,
      LocalDate to) {
    return new CycleView(c, asOf, zone, from, to);
  }

  record Window(LocalDate from, LocalDate to) {}

  /** One group: its deals, median days with the interval, and its log-rank counts. */
  record GroupJson(String group, long paid, long censored, long lost, long returned,
      double medianDays, double medianLower, double medianUpper, double p75Days, Long observed,
      double expected) {}

  record LogRankJson(double chiSquare, int degreesOfFreedom, double pValue) {}

  /** The document of {@code funnel sales --cycle-by D --format json}. */
  record Json(String asOf, Window window, String from, String by, double confidence,
      String band, List<GroupJson> groups, LogRankJson logRank) {}

  private String stage() {
    return c.cycles().values().stream().findFirst().map(SalesCycle::from).orElse("SQL");
  }

  private static String band() {
    return CycleComparison.SCALE.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  @Override
  public Object json() {
    List<GroupJson> groups = new ArrayList<>();
    for (Map.Entry<String, SalesCycle> e : c.cycles().entrySet()) {
      SalesCycle s = e.getValue();
      SurvivalCurve.PercentileInterval m = c.medianInterval(e.getKey());
      var g = c.logRank(e.getKey());
      groups.add(new GroupJson(e.getKey(), s.paid(), s.censored(), s.lost(), s.returned(),
          s.medianDays(), m.lower(), m.upper(), s.p75Days(),
          g.map(LogRankTest.Group::observed).orElse(null),
          g.map(LogRankTest.Group::expected).orElse(Double.NaN)));
    }
    LogRankTest t = c.test();
    return new Json(asOf.toString(), new Window(from, to), stage(), c.by().label(),
        CycleComparison.CONFIDENCE_PERCENT / 100.0, band(), groups,
        new LogRankJson(t.chiSquare(), t.degreesOfFreedom(), t.pValue()));
  }

  /** The heading: what the cycle runs between, by what, as of when, over which leads. */
  String heading() {
    return "Sales cycle " + stage() + "->payment by " + c.by().label() + " as of "
        + InstantLabel.of(asOf, zone)
        + (from != null || to != null ? ", " + stage() + " reached " + Formats.window(from, to) : "");
  }

  /** What the test says at {@link #LEVEL}, in one line. */
  String reading() {
    double p = c.test().pValue();
    if (Double.isNaN(p)) {
      return "Log-rank: not testable (fewer than two groups with deals, or no payment time that"
          + " two groups share at risk).";
    }
    return p < LEVEL
        ? "Log-rank p = " + Formats.number(p) + " < 0.05: the groups' cycles differ (compare the"
            + " medians and their intervals for which is slower)."
        : "Log-rank p = " + Formats.number(p) + " >= 0.05: no evidence at the 5% level that the"
            + " groups' cycles differ.";
  }

  private String legend() {
    return "Median interval: " + CycleComparison.CONFIDENCE_PERCENT + "%, Brookmeyer-Crowley on the "
        + band() + " Greenwood band; - = not estimable (too many deals still open).";
  }

  @Override
  public String text() {
    return heading() + "\n\n" + c.summary() + "\n" + c.table().render() + legend() + "\n\n"
        + testTable().render() + reading() + "\n";
  }

  private TextTable testTable() {
    LogRankTest t = c.test();
    return TextTable.of("test", "chi-squared", "degrees of freedom", "p-value")
        .plus("log-rank", t.chiSquare(), (long) t.degreesOfFreedom(), t.pValue());
  }

  @Override
  public Map<String, TextTable> tables() {
    Map<String, TextTable> m = new LinkedHashMap<>();
    m.put("cycle by " + c.by().label(), c.table());
    m.put("log-rank", testTable());
    return m;
  }

  @Override
  public String csv() {
    return Views.csv(tables());
  }

  @Override
  public Section html(Section s) {
    LogRankTest t = c.test();
    s = s.figures(List.of(
        new KeyFigure("Log-rank p-value", Formats.number(t.pValue()),
            "chi2 " + Formats.number(t.chiSquare()) + " on " + t.degreesOfFreedom() + " df"),
        new KeyFigure("Groups", Formats.count(c.cycles().size()), "by " + c.by().label())));
    s = s.paragraph(heading()).paragraph(reading());
    TextTable g = c.table();
    TextTable t2 = testTable();
    return s.table("Cycle by " + c.by().label(), g.header(), g.textRows()).paragraph(legend())
        .table("Log-rank test", t2.header(), t2.textRows());
  }
}
