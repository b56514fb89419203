package dev.funnel.cli;

import dev.funnel.io.html.HtmlPage;
import dev.funnel.io.html.Section;

/**
 * {@code funnel report --format html}: the sections of {@link Report#SECTIONS} on one
 * self-contained page ({@link HtmlPage}) with inline SVG charts (funnel bars, channel panels,
 * attribution comparison, plan bullets, bridge waterfalls, cohort heat map), the unsourced-revenue
 * warning on top. Each section is its view's HTML ({@link dev.funnel.cli.view.View#html}): the
 * same results and figures the text and JSON render.
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
      page = page.section(r.html(in, Section.titled(r.title())));
    }
    return page.footer("Produced by funnel report from " + in.source() + ".").render();
  }
}
