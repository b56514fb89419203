package dev.funnel.cli;

import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Period;
import dev.funnel.core.bridge.Bridge;
import dev.funnel.core.bridge.BridgeResult;
import dev.funnel.core.bridge.FactorEffect;
import dev.funnel.core.bridge.FactorRow;
import dev.funnel.core.bridge.FactorTable;
import dev.funnel.core.bridge.FunnelBridge;
import dev.funnel.core.bridge.FunnelBridgeResult;
import dev.funnel.core.bridge.Method;
import dev.funnel.core.funnel.Dimension;
import dev.funnel.core.quality.Rejection;
import dev.funnel.io.InvalidDataException;
import dev.funnel.io.Json;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code funnel bridge}: why revenue changed, as one exact effect per factor (docs/spec/cli.md).
 *
 * <p>Two inputs: a dataset ({@code DATA --base P --current P}, or {@code --base plan} for the plan
 * of the current period), decomposed with {@link FunnelBridge}; or any identity given as a factor
 * file ({@code --factors FILE.csv}, rows {@code segment,factor,base,current} after a header),
 * decomposed with {@link Bridge}. Text is the waterfall; JSON is
 * {@code {"method", "base", "current", "total", "effects": [{"factor", "effect"}]}} with the effects
 * summing to {@code total}, plus what the result says about itself (requested method, fallback,
 * chain order, notes).
 */
final class BridgeCommand implements Command {

  /** The tables this command's computation uses; only these are read from DATA. */
  static final Set<DatasetTable> TABLES = EnumSet.of(DatasetTable.LEADS, DatasetTable.STAGES, DatasetTable.PAYMENTS, DatasetTable.SPEND, DatasetTable.PLAN);

  static final Option BASE = new Option("base", "PERIOD",
      "base period (2026-02, 2026-Q1, 2026-W10), or 'plan' for the plan of --current");
  static final Option CURRENT = new Option("current", "PERIOD", "current period");
  static final Option METHOD =
      new Option("method", "M", "lmdi (default, LMDI-I additive), shapley or chain");
  static final Option BY = new Option("by", "DIM", "segments with a source-mix factor: channel");
  static final Option EXISTING = new Option("existing", null,
      "split new-customer revenue from existing customers' (active base x retention x revenue)");
  static final Option VELOCITY = new Option("velocity", null,
      "bridge sales velocity (revenue per day of sales cycle) with a cycle-speed factor");
  static final Option FACTORS = new Option("factors", "FILE",
      "decompose the identity in FILE.csv (header segment,factor,base,current) instead of DATA");
  static final Option ORDER =
      new Option("order", "F1,F2,...", "factor order of --method chain (default: file order)");

  @Override
  public String name() {
    return "bridge";
  }

  @Override
  public String summary() {
    return "revenue bridge: the change between two periods (or plan and actual) by factor";
  }

  @Override
  public String operands() {
    return "DATA";
  }

  @Override
  public String details() {
    return "funnel bridge DATA --base P --current P [--method lmdi|shapley|chain] [--by channel]\n"
        + "funnel bridge --factors FILE.csv [--method ...] [--order f1,f2,...]\n\n"
        + "Revenue = leads x lead->mql x mql->sql x win rate x average deal on event-basis\n"
        + "counts; the effects add up exactly to the change in revenue. --base plan takes the\n"
        + "plan targets (leads, mql, sql, won, revenue) of the current period as the base.\n"
        + "--format svg draws the waterfall (a standalone SVG document).";
  }

  @Override
  public List<Option> options() {
    return DataInput.options(false, BASE, CURRENT, METHOD, BY, EXISTING, VELOCITY, FACTORS, ORDER);
  }

  @Override
  public List<Format> formats() {
    return List.of(Format.TEXT, Format.JSON, Format.SVG);
  }

  @Override
  public int run(Arguments args, Session session) throws Exception {
    Format format = args.format();
    Bridge engine = engine(args);
    String out;
    if (args.has(FACTORS)) {
      for (Option o : List.of(BASE, CURRENT, BY, EXISTING, VELOCITY)) {
        if (args.has(o)) {
          throw args.usage("--" + o.name() + " applies to DATA, not to --factors");
        }
      }
      if (!args.operands().isEmpty()) {
        throw args.usage("give DATA or --factors FILE, not both");
      }
      FactorTable table = factors(args.path(FACTORS, args.value(FACTORS)));
      checkOrder(args, table.factors());
      BridgeResult r = engine.decompose(table);
      out = switch (format) {
        case JSON -> Json.pretty(json(r));
        case SVG -> ResultCharts.waterfall("Bridge", r, "base", "current", "Value").document();
        default -> r.summary() + "\n" + r.table().render();
      };
    } else {
      if (!args.has(BASE) || !args.has(CURRENT)) {
        throw args.usage("a dataset bridge needs --base and --current (or --factors FILE)");
      }
      Period current = period(args, CURRENT);
      boolean plan = args.value(BASE).trim().equalsIgnoreCase("plan");
      Period base = plan ? null : period(args, BASE);
      FunnelBridge.Builder b = FunnelBridge.builder().bridge(engine);
      if (args.has(BY)) {
        b.by(dimension(args));
      }
      if (args.has(EXISTING)) {
        b.newVsExisting();
      }
      if (args.has(VELOCITY)) {
        if (args.has(BY) || args.has(EXISTING)) {
          throw args.usage("--velocity bridges one segment of new deals: not with --by or"
              + " --existing");
        }
        b.velocity();
      }
      if (args.has(ORDER)) {
        throw args.usage("--order applies to --factors; a dataset bridge's chain order is the"
            + " funnel order");
      }
      DataInput in = DataInput.read(args, session, false, TABLES);
      Dataset d = in.dataset();
      FunnelBridgeResult r = plan ? b.build().planVsActual(d, current)
          : b.build().periods(d, base, current);
      if (format == Format.SVG) {
        out = ResultCharts.waterfall("Revenue bridge " + r.baseLabel() + " -> " + r.currentLabel(),
            r.bridge(), r.baseLabel(), r.currentLabel(), "Revenue").document();
      } else if (format == Format.JSON) {
        out = in.json(json(r));
      } else {
        out = text(r);
      }
    }
    session.emit(out);
    return Funnel.OK;
  }

  /** The engine of --method. */
  static Bridge engine(Arguments args) {
    String m = args.value(METHOD);
    Method method = m == null ? Method.LMDI_I_ADDITIVE : switch (m.trim().toLowerCase(Locale.ROOT)) {
      case "lmdi" -> Method.LMDI_I_ADDITIVE;
      case "shapley" -> Method.SHAPLEY;
      case "chain" -> Method.CHAIN;
      default -> throw args.usage("bad --method '" + m + "': use lmdi, shapley or chain");
    };
    Bridge.Builder b = Bridge.builder().method(method);
    if (args.has(ORDER)) {
      if (method != Method.CHAIN) {
        throw args.usage("--order applies to --method chain only");
      }
      b.order(Arrays.asList(args.value(ORDER).split(",", -1)).stream().map(String::trim).toList());
    }
    return b.build();
  }

  private static void checkOrder(Arguments args, List<String> factors) {
    if (!args.has(ORDER)) {
      return;
    }
    List<String> order = Arrays.stream(args.value(ORDER).split(",", -1)).map(String::trim).toList();
    if (order.size() != factors.size() || !order.containsAll(factors)) {
      throw args.usage("--order must name every factor exactly once: " + String.join(",", factors));
    }
  }

  private static Period period(Arguments args, Option o) {
    try {
      return Period.parse(args.value(o).trim());
    } catch (RuntimeException e) {
      throw args.usage("bad --" + o.name() + " '" + args.value(o)
          + "': expected a period such as 2026, 2026-Q1, 2026-03, 2026-W10 or 2026-03-01");
    }
  }

  private static Dimension dimension(Arguments args) {
    try {
      return Dimension.parse(args.value(BY));
    } catch (IllegalArgumentException e) {
      throw args.usage("bad --by: " + e.getMessage());
    }
  }

  /** The JSON of a factor-file bridge. */
  static Map<String, Object> json(BridgeResult r) {
    Map<String, Object> m = head(r);
    m.put("base", Json.object("value", r.base()));
    m.put("current", Json.object("value", r.current()));
    m.put("total", r.change());
    m.put("effects", effects(r));
    return m;
  }

  /**
   * The JSON of a dataset bridge: revenues exact, total = current - base revenue; for sales
   * velocity the velocities are the values and total is their change.
   */
  static Map<String, Object> json(FunnelBridgeResult f) {
    BridgeResult r = f.bridge();
    Map<String, Object> m = head(r);
    m.put("quantity", f.quantity());
    m.put("base", Json.object("label", f.baseLabel(), "revenue", f.baseRevenue(), "value",
        r.base()));
    m.put("current", Json.object("label", f.currentLabel(), "revenue", f.currentRevenue(),
        "value", r.current()));
    m.put("total", f.quantity().equals(FunnelBridge.REVENUE) ? f.change() : r.change());
    m.put("effects", effects(r));
    m.put("notes", f.notes());
    return m;
  }

  private static Map<String, Object> head(BridgeResult r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("method", label(r.method()));
    m.put("requestedMethod", label(r.requested()));
    m.put("fallback", r.fallback());
    m.put("fallbackReason", r.fallbackReason());
    m.put("order", r.order());
    return m;
  }

  private static List<Object> effects(BridgeResult r) {
    List<Object> out = new ArrayList<>();
    for (FactorEffect e : r.effects()) {
      out.add(Json.object("factor", e.factor(), "effect", e.effect()));
    }
    return out;
  }

  private static String label(Method m) {
    return switch (m) {
      case SHAPLEY -> "shapley";
      case CHAIN -> "chain";
      default -> "lmdi";
    };
  }

  static String text(FunnelBridgeResult r) {
    StringBuilder b = new StringBuilder(r.summary()).append('\n').append(r.table().render());
    for (String n : r.notes()) {
      b.append(b.charAt(b.length() - 1) == '\n' ? "" : "\n").append("note: ").append(n).append('\n');
    }
    return b.toString();
  }

  /**
   * Reads a factor file: a header {@code segment,factor,base,current} (any case, in that order),
   * then one row per cell; fields may be quoted ({@code "a, b"}, {@code ""} for a quote).
   *
   * @throws InvalidDataException naming the line and field of a bad row
   */
  static FactorTable factors(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    String name = file.toString();
    if (lines.isEmpty()) {
      throw bad(name, 1, 0, null, null, "empty_file", "the factor file is empty; it needs the"
          + " header segment,factor,base,current");
    }
    String header = lines.get(0).startsWith("\uFEFF") ? lines.get(0).substring(1) : lines.get(0);
    List<String> h = split(header, name, 1).stream().map(s -> s.trim().toLowerCase(Locale.ROOT))
        .toList();
    if (!h.equals(List.of("segment", "factor", "base", "current"))) {
      throw bad(name, 1, 0, null, header, "bad_header",
          "the header must be segment,factor,base,current");
    }
    List<FactorRow> rows = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      List<String> f = split(line, name, i + 1);
      if (f.size() != 4) {
        throw bad(name, i + 1, 0, null, line, "wrong_column_count",
            "expected 4 fields (segment,factor,base,current), got " + f.size());
      }
      if (f.get(1).isBlank()) {
        throw bad(name, i + 1, 2, "factor", f.get(1), "missing_factor", "the factor name is empty");
      }
      double base = number(f.get(2), name, i + 1, 3, "base");
      double current = number(f.get(3), name, i + 1, 4, "current");
      rows.add(new FactorRow(f.get(0), f.get(1), base, current));
    }
    if (rows.isEmpty()) {
      throw bad(name, 2, 0, null, null, "no_rows", "the factor file has a header and no rows");
    }
    return FactorTable.of(rows);
  }

  private static double number(String s, String file, int line, int col, String field) {
    try {
      double v = new BigDecimal(s.trim()).doubleValue();
      if (Double.isFinite(v)) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw bad(file, line, col, field, s, "bad_number", "expected a finite decimal number");
  }

  private static List<String> split(String line, String file, int lineNo) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cur.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cur.append(c);
        }
      } else if (c == '"' && cur.toString().isBlank()) {
        cur.setLength(0);
        quoted = true;
      } else if (c == ',') {
        out.add(cur.toString().trim());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    if (quoted) {
      throw bad(file, lineNo, out.size() + 1, null, line, "unclosed_quote",
          "a quoted field is not closed on its line");
    }
    out.add(cur.toString().trim());
    return out;
  }

  private static InvalidDataException bad(String file, long line, int col, String field,
      String value, String code, String reason) {
    return new InvalidDataException(new Rejection(file, line, col, field, value, code, reason));
  }
}
