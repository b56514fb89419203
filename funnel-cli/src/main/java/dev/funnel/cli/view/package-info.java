/**
 * One view per result: each library result rendered as text, JSON, CSV, HTML and, where it has a
 * chart, SVG, from one place. The {@code funnel} command and its review pack both render through
 * these views, so a command and its report section show the same figures the same way, and the
 * text is what the result's own {@code toString()}/{@code print()} shows.
 *
 * <pre>{@code
 * FunnelReport r = StageFunnel.compute(data, FunnelQuery.event());
 * View v = FunnelView.of(r);
 * v.text();                  // summary and table, as r.print() shows them
 * Views.json(v.json());      // {"basis": "event", "stages": [...]} (docs/spec/cli.md)
 * v.csv();                   // stage,count,from previous,from first
 * v.svg().get().document();  // the funnel bars
 * }</pre>
 *
 * <p>Figures for people are formatted by {@link dev.funnel.core.display.Formats}; JSON is written
 * by {@link dev.funnel.cli.view.Views#json} from typed records, full precision, undefined figures
 * {@code null}. Conventions: docs/presentation.md.
 */
package dev.funnel.cli.view;
