package dev.funnel.cli.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.funnel.core.display.Cell;
import dev.funnel.core.display.TextTable;
import dev.funnel.io.chart.Svg;
import dev.funnel.io.html.HtmlPage;
import dev.funnel.io.html.Section;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks that a view's text, HTML and CSV show the figures of its JSON: for each row of one of
 * its tables and each mapped column, the JSON value, the CSV cell (full precision: the same
 * number), and the text and HTML cell (the JSON value formatted by the cell's convention, e.g.
 * {@code 0.476} as {@code 47.6%}; undefined as {@code -}) agree.
 */
public final class Consistency {

  private static final ObjectMapper JACKSON = new ObjectMapper();

  private final View view;
  private final JsonNode json;
  private final String text;
  private final String html;
  private final Map<String, List<Map<String, String>>> csv;
  private int checked;

  private Consistency(View view) throws Exception {
    this.view = view;
    this.json = JACKSON.readTree(Views.json(view.json()));
    this.text = view.text();
    this.html = HtmlPage.titled("check").section(view.html(Section.titled("view"))).render();
    this.csv = parseCsv(view.csv(), view.tables());
  }

  static Consistency of(View v) throws Exception {
    return new Consistency(v);
  }

  /** The view's JSON, parsed. */
  JsonNode json() {
    return json;
  }

  /** Cells checked so far. */
  int checked() {
    return checked;
  }

  /**
   * Checks a table of the view against an array of JSON rows: row {@code i} of the table is the
   * JSON row whose {@code keyField} equals the table's first cell (or, with a null key field, the
   * i-th); each {@code columns} entry maps a table column to a JSON field of the row.
   */
  Consistency table(String name, JsonNode rows, String keyField, Map<String, String> columns) {
    TextTable t = view.tables().get(name);
    assertNotNull(t, "table " + name + " of " + view.tables().keySet());
    assertTrue(rows != null && rows.isArray(), "JSON rows of " + name);
    shown(t);
    List<List<Cell>> cells = t.rows();
    int matched = 0;
    for (int i = 0; i < cells.size(); i++) {
      List<Cell> row = cells.get(i);
      JsonNode jr = find(rows, keyField, row.get(0).raw(), i);
      if (jr == null) {
        continue;
      }
      matched++;
      for (Map.Entry<String, String> c : columns.entrySet()) {
        int col = t.header().indexOf(c.getKey());
        assertTrue(col >= 0, "column " + c.getKey() + " in " + t.header());
        cell(name, t, i, row, col, jr.get(c.getValue()), c.getValue());
      }
    }
    assertTrue(matched > 0, "no row of " + name + " matched the JSON");
    return this;
  }

  /** Checks one row of a table (by its first cell) against one JSON object. */
  Consistency row(String name, String key, JsonNode object, Map<String, String> columns) {
    TextTable t = view.tables().get(name);
    assertNotNull(t, "table " + name);
    shown(t);
    List<List<Cell>> cells = t.rows();
    for (int i = 0; i < cells.size(); i++) {
      if (cells.get(i).get(0).raw().equals(key)) {
        for (Map.Entry<String, String> c : columns.entrySet()) {
          int col = t.header().indexOf(c.getKey());
          assertTrue(col >= 0, "column " + c.getKey() + " in " + t.header());
          cell(name, t, i, cells.get(i), col, object.get(c.getValue()), c.getValue());
        }
        return this;
      }
    }
    fail("no row " + key + " in " + name);
    return this;
  }

  private boolean hiddenAllowed;

  /**
   * The next table checked may be shown in neither the text nor the HTML (a table of the CSV
   * only, e.g. every figure of every cell of a matrix whose text shows the grid).
   */
  Consistency csvOnly() {
    hiddenAllowed = true;
    return this;
  }

  /** Whether the text and the HTML show this table (its header): then their cells are checked. */
  private boolean inText;
  private boolean inHtml;

  private void shown(TextTable t) {
    inText = text.contains(t.render().lines().findFirst().orElseThrow());
    StringBuilder th = new StringBuilder();
    for (String h : t.header()) {
      th.append(Svg.escape(h)).append("</th>");
    }
    String headerCells = html.replaceAll("<th[^>]*>", "");
    inHtml = headerCells.contains(th.toString());
    assertTrue(inText || inHtml || hiddenAllowed,
        "neither the text nor the HTML shows the table " + t.header());
    hiddenAllowed = false;
  }

  private static JsonNode find(JsonNode rows, String keyField, String key, int i) {
    if (keyField == null) {
      return i < rows.size() ? rows.get(i) : null;
    }
    for (JsonNode r : rows) {
      JsonNode k = r.get(keyField);
      if (k != null && !k.isNull() && k.asText().equals(key)) {
        return r;
      }
    }
    return null;
  }

  private void cell(String table, TextTable t, int rowIndex, List<Cell> row, int col, JsonNode j,
      String field) {
    Cell c = row.get(col);
    String where = table + " row " + row.get(0).raw() + " column " + t.header().get(col)
        + " (JSON " + field + " " + j + ")";
    assertNotNull(j, "JSON field " + field + " missing: " + where);
    String shown = c.text();
    String rawCsv = csvCell(table, t, rowIndex, row, col, field);
    if (j.isNull()) {
      assertTrue(shown.startsWith("-"), "undefined shows -: " + where + " text " + shown);
      assertEquals("", c.raw(), "undefined CSV cell is empty: " + where);
      assertEquals("", rawCsv, "undefined CSV cell is empty: " + where);
    } else if (j.isNumber()) {
      // CSV: the same number
      assertTrue(same(j, c.raw()), "CSV " + c.raw() + " vs JSON " + j + ": " + where);
      assertTrue(same(j, rawCsv), "CSV document " + rawCsv + " vs JSON " + j + ": " + where);
      // text and HTML: the JSON value formatted as the cell's kind
      String expected = reformat(c, j);
      assertTrue(shown.startsWith(expected), "text " + shown + " vs " + expected + ": " + where);
    } else {
      assertEquals(j.asText(), c.raw(), where);
    }
    if (inText) {
      String key = row.get(0).text();
      assertTrue(text.lines().anyMatch(l -> l.stripLeading().startsWith(key) && l.contains(shown)),
          "text shows " + shown + " in the row " + key + ": " + where);
    }
    if (inHtml) {
      assertTrue(html.contains(">" + Svg.escape(shown) + "</td>"), "HTML shows " + shown + ": "
          + where);
    }
    checked++;
  }

  private static String reformat(Cell c, JsonNode j) {
    double v = j.asDouble();
    return switch (c.kind()) {
      case COUNT -> Cell.count(j.asLong()).text();
      case NUMBER -> Cell.number(v).text();
      case AMOUNT -> Cell.amount(j.isBigDecimal() || j.isIntegralNumber() ? j.decimalValue()
          : BigDecimal.valueOf(v)).text();
      case PERCENT -> Cell.percent(v).text();
      case CHANGE -> Cell.change(v).text();
      case POINTS -> Cell.points(v).text();
      case MULTIPLE -> Cell.multiple(v).text();
      case DECIMAL -> Cell.decimal(v).text();
      case TEXT -> j.asText();
    };
  }

  private static boolean same(JsonNode j, String raw) {
    if (raw == null || raw.isEmpty()) {
      return false;
    }
    BigDecimal a = j.decimalValue();
    BigDecimal b = new BigDecimal(raw);
    if (a.compareTo(b) == 0) {
      return true;
    }
    double x = j.asDouble();
    double y = Double.parseDouble(raw);
    return x == y || Math.abs(x - y) <= 1e-12 * Math.max(1, Math.abs(x));
  }

  /** The cell as the view's CSV document has it (wide or long form). */
  private String csvCell(String table, TextTable t, int rowIndex, List<Cell> row, int col,
      String field) {
    List<Map<String, String>> wide = csv.get("");
    if (wide != null && !wide.isEmpty() && wide.get(0).containsKey(t.header().get(col))) {
      if (wide.size() == t.size()) {
        return wide.get(rowIndex).get(t.header().get(col));
      }
      for (Map<String, String> l : wide) {
        if (l.values().iterator().next().equals(row.get(0).raw())) {
          return l.get(t.header().get(col));
        }
      }
    }
    if (wide != null) {
      // a CSV with a row per key and period (cohorts): the JSON field's column of that row
      for (Map<String, String> l : wide) {
        if (l.values().iterator().next().equals(row.get(0).raw())
            && t.header().get(col).equals(l.get("period"))) {
          return l.get(field);
        }
      }
      fail("no CSV row for " + row.get(0).raw() + " period " + t.header().get(col));
    }
    List<Map<String, String>> lines = csv.get("long");
    String key = row.get(0).raw();
    String column = t.header().get(col);
    // the n-th line of this table, row and column, for rows whose key repeats
    int nth = 0;
    List<List<Cell>> rows = t.rows();
    for (int i = 0; i < rowIndex; i++) {
      if (rows.get(i).get(0).raw().equals(key)) {
        nth++;
      }
    }
    for (Map<String, String> l : lines) {
      if (l.get("table").endsWith(table) && l.get("row").equals(key)
          && l.get("column").equals(column) && nth-- == 0) {
        return l.get("value");
      }
    }
    fail("no CSV line for " + table + " / " + key + " / " + column);
    return null;
  }

  /** The CSV as rows of named cells: key "" for a one-table wide CSV, "long" for the long form. */
  private static Map<String, List<Map<String, String>>> parseCsv(String csv,
      Map<String, TextTable> tables) {
    List<List<String>> rows = records(csv);
    Map<String, List<Map<String, String>>> out = new LinkedHashMap<>();
    if (rows.isEmpty()) {
      return out;
    }
    List<String> header = rows.get(0);
    List<Map<String, String>> named = new ArrayList<>();
    for (List<String> r : rows.subList(1, rows.size())) {
      Map<String, String> m = new LinkedHashMap<>();
      for (int i = 0; i < header.size(); i++) {
        m.put(header.get(i), i < r.size() ? r.get(i) : "");
      }
      named.add(m);
    }
    out.put(header.equals(List.of("table", "row", "column", "value")) ? "long" : "", named);
    return out;
  }

  /** RFC 4180 records (also the command line's CSV tests). */
  public static List<List<String>> records(String csv) {
    List<List<String>> out = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < csv.length(); i++) {
      char ch = csv.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
        } else {
          cell.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
      } else if (ch == ',') {
        row.add(cell.toString());
        cell.setLength(0);
      } else if (ch == '\n') {
        row.add(cell.toString());
        cell.setLength(0);
        out.add(row);
        row = new ArrayList<>();
      } else if (ch != '\r') {
        cell.append(ch);
      }
    }
    if (cell.length() > 0 || !row.isEmpty()) {
      row.add(cell.toString());
      out.add(row);
    }
    return out;
  }
}
