package dev.funnel.io.html;

import dev.funnel.io.chart.ChartSamples;
import java.util.List;

/** A review page holding every sample chart and every kind of block, for tests. */
public final class SamplePage {

  private SamplePage() {}

  public static HtmlPage page() {
    return HtmlPage.titled("Weekly review: demo dataset")
        .subtitle("Week 2026-W11 compared with 2026-W10, time zone UTC")
        .warning("31.0% of revenue has no known source channel; channel figures understate.")
        .section(Section.titled("Funnel")
            .figures(List.of(new KeyFigure("Leads", "1,000", "+5.3% vs previous week"),
                new KeyFigure("Won deals", "27", "-3 vs previous week"),
                new KeyFigure("Lead to won", "2.7%")))
            .paragraph("Conversions are counted on the event basis; a skipped stage counts with "
                + "the later one.")
            .chart(ChartSamples.funnel())
            .table("Stage conversions", List.of("stage", "count", "conversion"),
                List.of(List.of("Lead", "1,000", "n/a"), List.of("MQL", "400", "40.0%"),
                    List.of("SQL", "180", "45.0%"))))
        .section(Section.titled("Revenue bridge").chart(ChartSamples.waterfall()))
        .section(Section.titled("Cohorts").chart(ChartSamples.heatmap()))
        .section(Section.titled("Plan vs actual").chart(ChartSamples.bullets())
            .warning("Won deals are 27% behind plan at the current run-rate."))
        .section(Section.titled("Channels").chart(ChartSamples.channels()))
        .section(Section.titled("Attribution").chart(ChartSamples.attribution()))
        .footer("Produced by funnel from the demo dataset.");
  }
}
