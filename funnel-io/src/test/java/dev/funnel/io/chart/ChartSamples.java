package dev.funnel.io.chart;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One example of every chart, with hand-picked numbers, for tests and the browser check. */
public final class ChartSamples {

  private ChartSamples() {}

  public static Svg funnel() {
    return Charts.funnel(ChartOptions.titled("Funnel, March 2026").valueAxis("Leads")
        .categoryAxis("Stage"), List.of(new Bar("Lead", 1000), new Bar("MQL", 400),
        new Bar("SQL", 180), new Bar("Opportunity", 90), new Bar("Won", 27)));
  }

  public static Svg waterfall() {
    return Charts.waterfall(ChartOptions.titled("Revenue bridge, March vs February")
            .valueAxis("Revenue, EUR").categoryAxis("Factor"),
        new Bar("February", 100_000), List.of(new Step("leads", 12_000),
            new Step("win rate", -8_500), new Step("average deal", 4_250),
            new Step("mix", -750)), new Bar("March", 107_000));
  }

  public static Svg heatmap() {
    return Charts.heatmap(ChartOptions.titled("Retention by first-purchase month")
            .valueAxis("Months since first purchase").categoryAxis("Cohort"),
        List.of(new HeatRow("2026-01 (n=120)", List.of(1.0, 0.62, 0.48, 0.41, 0.37)),
            new HeatRow("2026-02 (n=95)", List.of(1.0, 0.55, 0.44, 0.39)),
            new HeatRow("2026-03 (n=140)", List.of(1.0, 0.58, Double.NaN)),
            new HeatRow("2026-04 (n=80)", List.of(1.0, 0.5)),
            new HeatRow("2026-05 (n=60)", List.of(1.0))));
  }

  public static Svg bullets() {
    return Charts.bullets(ChartOptions.titled("Plan vs actual, March 2026 (day 16 of 31)"),
        List.of(new Bullet("Leads", 1200, 640, 1240, Bullet.Status.OK),
            new Bullet("Won deals", 40, 15, 29, Bullet.Status.ALERT),
            new Bullet("Revenue, EUR", 120_000, 55_000, 106_562.5, Bullet.Status.WARNING),
            new Bullet("CAC, EUR", Double.NaN, 310, 310, Bullet.Status.UNKNOWN)));
  }

  public static Svg channels() {
    return Charts.channels(ChartOptions.titled("Channel effectiveness").categoryAxis("Channel"),
        List.of("paid search", "social", "email", "referral"),
        List.of(new Series("leads", List.of(420.0, 310.0, 150.0, 120.0)),
            new Series("customers", List.of(12.0, 6.0, 5.0, 4.0)),
            new Series("revenue, EUR", List.of(48_000.0, 21_000.0, 19_500.0, Double.NaN))));
  }

  public static Svg attribution() {
    return Charts.grouped(ChartOptions.titled("Conversions credited by model")
            .valueAxis("Conversions").categoryAxis("Channel"),
        List.of("paid search", "social", "email", "referral"),
        List.of(new Series("last touch", List.of(14.0, 5.0, 6.0, 2.0)),
            new Series("linear", List.of(11.5, 7.0, 5.5, 3.0)),
            new Series("Shapley", List.of(12.2, 6.4, 5.1, 3.3)),
            new Series("Markov", List.of(11.9, 6.9, 5.2, 3.0))));
  }

  public static Svg calibration() {
    return Charts.calibration(ChartOptions.titled("Calibration on the held-out leads"),
        List.of(new CalibrationSeries("model", List.of(
                new CalibrationPoint(0.1, 0.08, 0.05, 0.12, 250),
                new CalibrationPoint(0.3, 0.32, 0.26, 0.38, 250),
                new CalibrationPoint(0.6, 0.55, 0.49, 0.61, 250))),
            new CalibrationSeries("points rules", List.of(
                new CalibrationPoint(0.2, 0.1, 0.07, 0.14, 300),
                new CalibrationPoint(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0),
                new CalibrationPoint(0.4, 0.5, 0.44, 0.56, 300)))));
  }

  /** Cumulative purchases by week: actual and two models, a gap, a calibration-end marker. */
  public static Svg lines() {
    return Charts.lines(ChartOptions.titled("Cumulative repeat purchases")
            .valueAxis("Repeat purchases").categoryAxis("Week"),
        List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0),
        List.of(new Series("actual", List.of(10.0, 25.0, 41.0, 60.0, Double.NaN, 95.0)),
            new Series("BG/NBD", List.of(12.0, 26.0, 40.0, 55.0, 70.0, 85.0)),
            new Series("Pareto/NBD", List.of(11.0, 24.0, 39.0, 56.0, 72.0, 90.0))),
        3.5, "calibration end");
  }

  /** P(alive) by frequency and recency: named columns, impossible cells undefined. */
  public static Svg namedColumns() {
    return Charts.heatmap(ChartOptions.titled("P(alive)").valueAxis("Recency, weeks")
            .categoryAxis("Repeat purchases"), "t_x", List.of("0", "13", "26", "39"),
        List.of(new HeatRow("x = 0", List.of(1.0, Double.NaN, Double.NaN, Double.NaN)),
            new HeatRow("x = 1", List.of(Double.NaN, 0.31, 0.62, 0.93)),
            new HeatRow("x = 2", List.of(Double.NaN, 0.12, 0.45, 0.88))));
  }

  /** Two charts in one document. */
  public static Svg stack() {
    return Charts.stack("Holdout validation", List.of(attribution(), lines()));
  }

  /** Every sample by a file-friendly name, in a fixed order. */
  public static Map<String, Svg> all() {
    Map<String, Svg> m = new LinkedHashMap<>();
    m.put("funnel", funnel());
    m.put("waterfall", waterfall());
    m.put("heatmap", heatmap());
    m.put("bullets", bullets());
    m.put("channels", channels());
    m.put("attribution", attribution());
    m.put("lines", lines());
    m.put("named-columns", namedColumns());
    m.put("stack", stack());
    m.put("calibration", calibration());
    return m;
  }

  /** Writes every sample as a standalone file into the directory given as the argument. */
  public static void main(String[] args) throws Exception {
    java.nio.file.Path dir = java.nio.file.Path.of(args[0]);
    java.nio.file.Files.createDirectories(dir);
    for (Map.Entry<String, Svg> e : all().entrySet()) {
      java.nio.file.Files.writeString(dir.resolve(e.getKey() + ".svg"), e.getValue().document());
    }
  }
}
