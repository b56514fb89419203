package dev.funnel.io.html;

/**
 * The page's inline CSS: a system font stack, black text on white, bordered tiles, tables and
 * banners (so nothing depends on a background colour), and print rules that keep charts, tables
 * and tiles whole on a page. Holds no {@code <} or {@code &}, so the page stays well-formed XML.
 */
final class Stylesheet {

  static final String CSS = """
      :root { color-scheme: light; }
      * { box-sizing: border-box; }
      body { margin: 0 auto; padding: 24px; max-width: 1100px; color: #000; background: #fff;
        font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
        "Noto Sans", "Liberation Sans", sans-serif; font-size: 15px; line-height: 1.45; }
      h1 { font-size: 26px; margin: 0 0 4px; }
      h2 { font-size: 20px; margin: 28px 0 10px; padding-bottom: 4px;
        border-bottom: 2px solid #000; }
      .subtitle { margin: 0 0 12px; color: #333; }
      .warning { border: 2px solid #d55e00; border-left-width: 8px; padding: 8px 12px;
        margin: 12px 0; background: #fff4ec; }
      nav ol { margin: 8px 0 0; padding-left: 20px; columns: 2; }
      nav a { color: #0050a0; }
      .figures { display: flex; flex-wrap: wrap; gap: 10px; margin: 12px 0; }
      .figure { border: 1px solid #767676; border-radius: 4px; padding: 8px 12px;
        min-width: 150px; }
      .figure-label { font-size: 13px; color: #333; }
      .figure-value { font-size: 22px; font-weight: bold; font-variant-numeric: tabular-nums; }
      .figure-note { font-size: 13px; color: #333; }
      .table-wrap { overflow-x: auto; margin: 12px 0; }
      table { border-collapse: collapse; font-size: 14px; font-variant-numeric: tabular-nums; }
      caption { text-align: left; font-weight: bold; padding: 4px 0; }
      th, td { border: 1px solid #999; padding: 3px 8px; text-align: left; vertical-align: top; }
      th { border-bottom: 2px solid #000; }
      .num { text-align: right; white-space: nowrap; }
      figure.chart { margin: 12px 0; }
      figure.chart svg { display: block; max-width: 100%; height: auto; }
      footer { margin-top: 32px; font-size: 12px; color: #333; }
      @page { margin: 14mm; }
      @media print {
        body { max-width: none; padding: 0; font-size: 11pt; }
        * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        nav { display: none; }
        .warning { background: none; border-color: #000; }
        h2 { break-after: avoid; page-break-after: avoid; }
        figure.chart, .figures, .figure, tr, .warning { break-inside: avoid;
          page-break-inside: avoid; }
        thead { display: table-header-group; }
        .table-wrap { overflow: visible; }
        a { color: #000; text-decoration: none; }
      }
      """;

  private Stylesheet() {}
}
