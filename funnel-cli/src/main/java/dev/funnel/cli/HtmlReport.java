package dev.funnel.cli;

import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.display.Formats;
import dev.funnel.core.display.TextTable;
import dev.funnel.core.quality.Issue;
import dev.funnel.core.quality.QualityReport;
import dev.funnel.io.html.HtmlPage;
import dev.funnel.io.html.KeyFigure;
import dev.funnel.io.html.Section;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code funnel report --format html}: the sections of {@link Report#SECTIONS} on one
 * self-contained page ({@link HtmlPage}) with inline SVG charts (funnel bars, channel panels,
 * attribution comparison, plan bullets, bridge waterfalls, cohort heat map), the unsourced-revenue
 * warning on top. The numbers are the same results the text and JSON render.
 */
final class HtmlReport {

  private HtmlReport() {}

  /** The page as HTML. */
  static String render(ReportInput in) {
    Report.prepare(in);
    ReportScope s = in.scope();
    HtmlPage page = HtmlPage.titled("Review pack " + s.period().label())
        .subtitle(s.period().label() + " against " + s.compare().label() + "; " + in.source()
            + "; as of " + s.asOfLabel());
    for (String note : s.notes()) {
      page = page.warning("Note: " + note + ".");
    }
    String warning = Report.bannerMessage(in);
    if (warning != null) {
      page = page.warning(warning);
    }
    for (ReportSection r : Report.SECTIONS) {
      Section sec = Section.titled(r.title());
      if (r instanceof ComputedSection<?> c) {
        sec = c.html(in, sec);
      } else if (r instanceof SummarySection) {
        sec = dataset(in, sec);
      } else if (r instanceof QualitySection) {
        sec = quality(in, sec);
      } else {
        sec = sec.paragraph(r.text(in));
      }
      page = page.section(sec);
    }
    return page.footer("Produced by funnel report from " + in.source() + ".").render();
  }

  private static Section dataset(ReportInput in, Section s) {
    Dataset d = in.dataset();
    SummarySection.Span span = in.scope().span();
    List<List<String>> rows = new ArrayList<>();
    for (DatasetTable t : d.tables()) {
      rows.add(List.of(t.fileName(), Long.toString(d.size(t))));
    }
    return s.figures(List.of(
            new KeyFigure("Source", in.source()),
            new KeyFigure("Events", span.first() == null ? "none" : span.first() + " .. " + span.last()),
            new KeyFigure("As of", in.scope().asOfLabel(), "rows after it are not used"),
            new KeyFigure("Zone", SummarySection.zone(d))))
        .table(List.of("table", "rows"), rows);
  }

  private static Section quality(ReportInput in, Section s) {
    QualityReport q = in.scope().quality(in);
    List<List<String>> rows = new ArrayList<>();
    for (Issue i : q.issues()) {
      rows.add(List.of(i.code(), Long.toString(i.count()),
          i.examples().isEmpty() ? "" : i.examples().get(0)));
    }
    s = s.paragraph(q.summary());
    return rows.isEmpty() ? s : s.table(List.of("issue", "count", "first example"), rows);
  }
}
