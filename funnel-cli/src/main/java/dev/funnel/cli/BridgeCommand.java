package dev.funnel.cli;

import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Period;
import dev.funnel.core.bridge.Bridge;
import dev.funnel.core.bridge.BridgeResult;
import dev.funnel.core.bridge.FactorTable;
import dev.funnel.core.bridge.FunnelBridge;
import dev.funnel.core.bridge.FunnelBridgeResult;
import dev.funnel.core.bridge.Method;
import dev.funnel.core.funnel.Dimension;
import dev.funnel.io.FactorRead;
import dev.funnel.io.FactorTableReader;
import dev.funnel.io.Json;
import dev.funnel.cli.view.BridgeView;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
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
  public java.util.Optional<Set<DatasetTable>> tablesByDefault() {
    return java.util.Optional.of(TABLES);
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
    return List.of(Format.TEXT, Format.JSON, Format.CSV, Format.SVG);
  }

  @Override
  public int run(Arguments args, Session session) throws Exception {
    Format format = args.format();
    Bridge engine = engine(args);
    if (args.has(FACTORS)) {
      for (Option o : List.of(BASE, CURRENT, BY, EXISTING, VELOCITY)) {
        if (args.has(o)) {
          throw args.usage("--" + o.name() + " applies to DATA, not to --factors");
        }
      }
      if (!args.operands().isEmpty()) {
        throw args.usage("give DATA or --factors FILE, not both");
      }
      FactorRead read = factors(args, session);
      FactorTable table = read.table();
      checkOrder(args, table.factors());
      BridgeResult r = engine.decompose(table);
      Output.emit(session, format, BridgeView.of(r),
          args.has(Option.LENIENT) ? rejected(read) : null);
      return ExitCodes.OK;
    } else {
      if (!args.has(BASE) || !args.has(CURRENT)) {
        throw args.usage("a dataset bridge needs --base and --current (or --factors FILE)");
      }
      Period current = args.period(CURRENT);
      boolean plan = args.value(BASE).trim().equalsIgnoreCase("plan");
      Period base = plan ? null : args.period(BASE);
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
      Output.emit(session, format, BridgeView.of(r), in);
    }
    return ExitCodes.OK;
  }

  /**
   * What lenient reading skipped in the factor file, in the shape of a dataset's
   * {@code "rejected"} member ({@link Json#readReport}): rows read, accepted and rejected, and per
   * reason code the count and first examples.
   */
  static Map<String, Object> rejected(FactorRead r) {
    List<Object> codes = new ArrayList<>();
    r.rejectedByCode().forEach((code, n) -> {
      List<Object> examples = new ArrayList<>();
      for (dev.funnel.core.quality.Rejection x : r.examples()) {
        if (x.code().equals(code)) {
          examples.add(Json.object("file", x.file(), "line", x.line(), "column", x.column(),
              "field", x.field(), "value", x.value(), "reason", x.reason()));
        }
      }
      codes.add(Json.object("table", "factors", "code", code, "count", n, "examples", examples));
    });
    return Json.object("rows", Json.object("factors", Json.object("read", r.read(), "accepted",
        r.accepted(), "rejected", r.rejected())), "rejected", codes);
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

  private static Dimension dimension(Arguments args) {
    try {
      return Dimension.parse(args.value(BY));
    } catch (IllegalArgumentException e) {
      throw args.usage("bad --by: " + e.getMessage());
    }
  }

  /**
   * Reads the {@code --factors} file with funnel-io's reader ({@link FactorTableReader}): strict by
   * default, lenient with {@code --lenient} (skipped rows summarized on stderr), the delimiter of
   * {@code --delimiter} or detected.
   */
  static FactorRead factors(Arguments args, Session session) {
    FactorTableReader reader = args.has(Option.LENIENT) ? FactorTableReader.lenient()
        : FactorTableReader.strict();
    String d = args.value(DatasetSource.DELIMITER);
    if (d != null) {
      reader = reader.delimiter(DatasetSource.delimiter(args, d));
    }
    FactorRead r = reader.read(args.path(FACTORS, args.value(FACTORS)));
    if (r.rejected() > 0) {
      StringBuilder b = new StringBuilder(r.file()).append(": skipped ").append(r.rejected())
          .append(r.rejected() == 1 ? " invalid row" : " invalid rows").append(" (");
      List<String> parts = new ArrayList<>();
      r.rejectedByCode().forEach((code, n) -> parts.add(code + " " + n));
      session.err().println(b.append(String.join(", ", parts)).append(')'));
    }
    return r;
  }
}
