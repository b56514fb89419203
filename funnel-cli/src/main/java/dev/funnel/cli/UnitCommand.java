package dev.funnel.cli;

import dev.funnel.core.DatasetTable;
import dev.funnel.core.money.UnitEconomics;
import dev.funnel.core.money.UnitReport;
import dev.funnel.cli.view.UnitView;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code funnel unit DATA}: CPL, CAC, ROMI, DRR and the marketing share of revenue per channel and
 * campaign, from {@link UnitEconomics} (docs/spec/cli.md, unit). {@code --from}/{@code --to}
 * go to the library as its window of local days: a customer is new in the window when its first
 * positive payment ever falls inside it, which a cut of the rows could not tell.
 */
final class UnitCommand implements Command {

  /** The tables this command's computation uses; only these are read from DATA. */
  static final Set<DatasetTable> TABLES = EnumSet.of(DatasetTable.LEADS, DatasetTable.PAYMENTS, DatasetTable.SPEND);

  static final Option MARGIN = new Option("margin", "M",
      "gross margin in [0, 1] for ROMI on gross profit (default: revenue-based ROMI)");
  static final Option NON_MARKETING = new Option("non-marketing", "NAME,...",
      "channels whose customers are not marketing-sourced (default direct)");
  static final Option CAMPAIGNS = new Option("campaigns", null,
      "text, csv: also list every campaign (JSON always has them)");

  @Override
  public String name() {
    return "unit";
  }

  @Override
  public java.util.Optional<Set<DatasetTable>> tablesByDefault() {
    return java.util.Optional.of(TABLES);
  }

  @Override
  public String summary() {
    return "unit economics by channel: CPL, CAC, ROMI, DRR, marketing revenue share";
  }

  @Override
  public String operands() {
    return "DATA | --demo";
  }

  @Override
  public String details() {
    return "Spend counts by its day, leads by the day of created_at, revenue by the day of payment\n"
        + "(refunds reduce it), new customers by the day of their first positive payment. A\n"
        + "customer's channel is the channel of its first lead. CPL = spend / leads, CAC = spend /\n"
        + "new customers, ROMI = (revenue x margin - spend) / spend (revenue-based without\n"
        + "--margin), DRR = spend / revenue; undefined ratios are '-' (JSON null) with a footnote\n"
        + "saying why: a channel without spend rows in the window has unknown spend, not zero, so\n"
        + "its CPL, CAC, ROMI and DRR are undefined (JSON \"undefined\": {\"cpl\": \"no spend rows\n"
        + "for direct\", ...}).";
  }

  @Override
  public List<Option> options() {
    return DataInput.options(true, MARGIN, NON_MARKETING, CAMPAIGNS);
  }

  @Override
  public List<Format> formats() {
    return List.of(Format.TEXT, Format.JSON, Format.CSV, Format.SVG);
  }

  @Override
  public int run(Arguments args, Session session) {
    Format format = args.format();
    BigDecimal margin = margin(args);
    Set<String> nonMarketing = nonMarketing(args);
    DataInput in = DataInput.read(args, session, false, TABLES);
    UnitReport r = UnitEconomics.compute(in.dataset(), in.window().from(), in.window().to(), margin,
        nonMarketing);
    Output.emit(session, format, UnitView.of(r).campaigns(args.has(CAMPAIGNS)), in);
    return ExitCodes.OK;
  }

  private static BigDecimal margin(Arguments args) {
    String v = args.value(MARGIN);
    if (v == null) {
      return null;
    }
    BigDecimal m;
    try {
      m = new BigDecimal(v.trim());
    } catch (NumberFormatException e) {
      throw args.usage("bad --margin '" + v + "': expected a share such as 0.3");
    }
    if (m.signum() < 0 || m.compareTo(BigDecimal.ONE) > 0) {
      throw args.usage("--margin must be between 0 and 1, got " + v);
    }
    return m;
  }

  private static Set<String> nonMarketing(Arguments args) {
    String v = args.value(NON_MARKETING);
    if (v == null) {
      return UnitEconomics.NON_MARKETING;
    }
    Set<String> s = new LinkedHashSet<>();
    for (String x : v.split(",")) {
      if (!x.isBlank()) {
        s.add(x.trim());
      }
    }
    return Set.copyOf(s);
  }
}
