/**
 * A builder for one self-contained HTML5 page, the HTML form of the review pack.
 *
 * <pre>{@code
 * HtmlPage page = HtmlPage.titled("Weekly review")
 *     .subtitle("2026-W11 vs 2026-W10")
 *     .warning("31% of revenue has no known source")          // a banner under the title
 *     .section(Section.titled("Funnel")
 *         .figures(List.of(new KeyFigure("Leads", "1,000", "+5.3% vs previous week")))
 *         .paragraph("Conversions on the event basis.")
 *         .chart(Charts.funnel(ChartOptions.titled("Funnel"), stages))   // inline SVG
 *         .table(List.of("stage", "count"), List.of(List.of("Lead", "1,000"))))
 *     .footer("Produced by funnel");
 * page.write(Path.of("review.html"));     // or String html = page.render();
 * }</pre>
 *
 * <p>What the page promises:
 * <ul>
 *   <li>Self-contained: no scripts, no external style sheets, fonts or images; inline CSS with
 *       the system font stack; charts are inline SVG from {@link dev.funnel.io.chart}. A
 *       Content-Security-Policy ({@code default-src 'none'}) makes the browser refuse anything
 *       that would still try to load. The page holds no URL except links to its own sections.
 *   <li>Safe: every text passes through {@link dev.funnel.io.chart.Svg#escape}, so labels such as
 *       {@code <R&D>} show as written; the markup is well-formed XML as well as HTML5.
 *   <li>Readable in print: black text on white, borders rather than background colours, warnings
 *       introduced by the word "Warning:", and print rules that keep charts, tables rows and
 *       key figures whole on a page and repeat table headers.
 *   <li>Deterministic: the same content renders to the same string (no clock, no locale).
 *   <li>Cells are formatted by the caller; columns whose every cell reads as a number are
 *       right-aligned.
 * </ul>
 */
package dev.funnel.io.html;
