package dev.funnel.cli;

import dev.funnel.core.display.Formats;
import dev.funnel.io.html.Section;
import dev.funnel.core.money.UnitRow;
import java.util.ArrayList;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Period;
import dev.funnel.core.money.UnitEconomics;
import dev.funnel.core.money.UnitReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Channel effectiveness lead -> deal -> revenue of the period: per channel the spend, leads, new
 * customers and revenue with CPL, CAC, ROMI (revenue-based) and DRR, from {@link UnitEconomics}
 * over the period's local days up to the day of the as-of instant (the report's as-of instant is
 * the end of a day; the numbers and JSON of {@code funnel unit --from --to}, {@link UnitCommand}).
 */
final class ChannelsSection extends ComputedSection<ChannelsSection.Result> {

  /** The period and its unit economics. */
  record Result(Period period, UnitReport unit) {}

  @Override
  public String key() {
    return "channels";
  }

  @Override
  public String title() {
    return "Channel effectiveness";
  }

  @Override
  List<DatasetTable> tables() {
    return List.of(DatasetTable.LEADS, DatasetTable.PAYMENTS, DatasetTable.SPEND);
  }

  @Override
  Result compute(ReportInput in) {
    Period p = in.scope().period();
    return new Result(p, UnitEconomics.compute(in.dataset(), p.start(), days(in.scope(), p), null,
        UnitEconomics.NON_MARKETING));
  }

  /**
   * The first local day after the period's window as of the report: the day after the period, or
   * after the as-of day when that is earlier.
   */
  static java.time.LocalDate days(ReportScope s, Period p) {
    java.time.LocalDate next = java.time.LocalDate.ofInstant(s.asOf(), s.zone()).plusDays(1);
    return next.isBefore(p.endExclusive()) ? next : p.endExclusive();
  }

  @Override
  String text(Result r, ReportInput in) {
    return r.period().label() + "\n" + UnitCommand.text(r.unit(), false);
  }

  @Override
  Map<String, Object> json(Result r, ReportInput in) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("period", r.period().label());
    m.putAll(UnitCommand.json(r.unit()));
    return m;
  }

  @Override
  Section html(Result r, ReportInput in, Section s) {
    List<List<String>> rows = new ArrayList<>();
    List<UnitRow> all = new ArrayList<>(r.unit().channels());
    all.add(r.unit().total());
    for (UnitRow x : all) {
      rows.add(List.of(x.channel(), Formats.amount(x.spend()), Long.toString(x.leads()),
          Long.toString(x.customers()), Formats.amount(x.revenue()), Formats.amount(x.cpl()),
          Formats.amount(x.cac()), Formats.number(x.romi()), Formats.number(x.drr())));
    }
    if (!r.unit().channels().isEmpty()) {
      s = s.chart(ResultCharts.channels("Channels, " + r.period().label(), r.unit()));
    }
    s = s.table(r.unit().summary(),
        List.of("channel", "spend", "leads", "customers", "revenue", "CPL", "CAC", "ROMI", "DRR"), rows);
    List<String> notes = UnitCommand.footnotes(all);
    return notes.isEmpty() ? s : s.paragraph("- = undefined: " + String.join("; ", notes) + ".");
  }
}
