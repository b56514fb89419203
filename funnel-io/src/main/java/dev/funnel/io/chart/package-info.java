/**
 * Small, dependency-free SVG charts for the review pack: funnel bars, a waterfall for
 * the revenue bridge, a cohort heat map, plan-vs-actual bullets, channel bars and grouped bars
 * for comparing attribution models.
 *
 * <p>Charts take plain JDK values, not other modules' result types, so any result can be drawn
 * after a few lines of mapping:
 *
 * <pre>{@code
 * Svg funnel = Charts.funnel(ChartOptions.titled("Funnel, March").valueAxis("Leads"),
 *     List.of(new Bar("Lead", 1000), new Bar("MQL", 400), new Bar("Won", 27)));
 * Svg bridge = Charts.waterfall(ChartOptions.titled("Revenue bridge"),
 *     new Bar("February", 100_000),
 *     List.of(new Step("leads", 12_000), new Step("win rate", -5_000)),
 *     new Bar("March", 107_000));
 * Svg cohorts = Charts.heatmap(ChartOptions.titled("Retention"),
 *     List.of(new HeatRow("2026-01", List.of(1.0, 0.62, 0.48)),
 *             new HeatRow("2026-02", List.of(1.0, 0.55))));   // later periods: blank, not 0
 * Svg plan = Charts.bullets(ChartOptions.titled("Plan vs actual"),
 *     List.of(new Bullet("Leads", 1200, 640, 1240, Bullet.Status.OK)));
 * Svg channels = Charts.channels(ChartOptions.titled("Channels"), List.of("search", "social"),
 *     List.of(new Series("leads", List.of(420.0, 310.0)),
 *             new Series("revenue", List.of(48_000.0, 21_000.0))));  // a panel per series
 * Svg models = Charts.grouped(ChartOptions.titled("Attribution"), List.of("search", "social"),
 *     List.of(new Series("linear", List.of(11.5, 7.0)),
 *             new Series("Shapley", List.of(12.2, 6.4))));            // one shared scale
 * Files.writeString(Path.of("funnel.svg"), funnel.document());     // a standalone .svg file
 * String inline = funnel.markup();                                  // for an HTML page
 * }</pre>
 *
 * <p>Conventions:
 * <ul>
 *   <li>Deterministic: the same input gives byte-identical SVG in every default locale. Numbers
 *       use {@link java.util.Locale#ROOT}: coordinates with at most three decimals, labels with
 *       thousands separators ({@code 12,345}), two decimals below 100, percentages with one.
 *   <li>Bars start at a zero line on a linear axis that always includes zero, so bar lengths are
 *       proportional to values (within 0.01 px); negative values grow to the left.
 *   <li>{@code NaN} is undefined: a dashed gap labelled {@code n/a}, never a zero-length bar.
 *       A heat-map row simply ends where its data end; those cells are blank.
 *   <li>Readable in print and without colour: black text on white, colours from the Okabe-Ito
 *       palette, heat-map text black or white with a WCAG contrast of at least 4.5, and every
 *       bar, cell and marker labelled with its number (status words for the bullets).
 *   <li>Accessible: {@code role="img"}, a {@code <title>} and a {@code <desc>} that lists the
 *       data; a {@code viewBox} so pages can scale the chart; a tooltip on every bar.
 *   <li>All text is escaped ({@link dev.funnel.io.chart.Svg#escape}); the inline markup holds no
 *       URL, not even the SVG namespace, which only {@link dev.funnel.io.chart.Svg#document()}
 *       adds.
 * </ul>
 */
package dev.funnel.io.chart;
