/**
 * Reading and writing datasets (CSV and NDJSON, strict or lenient with every rejected row
 * counted), JSON output of results, SVG charts and the self-contained HTML review page.
 */
module dev.funnel.io {
  requires transitive dev.funnel.core;
  requires com.fasterxml.jackson.core;
  requires com.fasterxml.jackson.dataformat.csv;

  exports dev.funnel.io;
  exports dev.funnel.io.chart;
  exports dev.funnel.io.html;
}
