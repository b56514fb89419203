package dev.funnel.cli;

import dev.funnel.core.display.Formats;
import dev.funnel.io.html.Section;
import dev.funnel.cohort.ChannelLtvToCac;
import java.util.ArrayList;
import dev.funnel.cohort.CohortBasis;
import dev.funnel.cohort.CohortRow;
import dev.funnel.cohort.CohortTable;
import dev.funnel.cohort.Cohorts;
import dev.funnel.cohort.LtvToCac;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Granularity;
import dev.funnel.core.Period;
import dev.funnel.core.display.TextTable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cohort retention and LTV/CAC ({@link Cohorts}): the monthly cohorts by first positive payment
 * with the share of each cohort paying in each later month (the JSON of {@code funnel cohorts},
 * {@link CohortsCommand}), and per acquisition channel the historical LTV (cumulative revenue per
 * customer at month {@value #LTV_AT} after the first payment, margin 1), CAC, LTV/CAC and payback
 * (the channel JSON of {@code funnel ltv}, {@link LtvCommand#json(LtvToCac)}). CAC needs the
 * spend table; without it the CAC columns are undefined. As of the report's as-of instant
 * ({@link Cohorts#table(dev.funnel.core.Dataset, Granularity, CohortBasis, java.time.Instant)}):
 * later payments are left out, a month the as-of instant cuts short is marked partial and left out
 * of the averages and the pooled LTV (the numbers of {@code funnel cohorts --as-of DATE}).
 */
final class CohortsSection extends ComputedSection<CohortsSection.Result> {

  /** The month after the first payment at which LTV is read (the default of {@code funnel ltv}). */
  static final int LTV_AT = 6;

  /**
   * The cohort table, the channel economics, and the last month complete at the as-of instant.
   */
  record Result(CohortTable table, LtvToCac economics, Period through) {}

  @Override
  public String key() {
    return "cohorts";
  }

  @Override
  public String title() {
    return "Cohorts and LTV/CAC";
  }

  @Override
  List<DatasetTable> tables() {
    return List.of(DatasetTable.PAYMENTS);
  }

  @Override
  Result compute(ReportInput in) {
    ReportScope s = in.scope();
    return new Result(Cohorts.table(in.dataset(), Granularity.MONTH, CohortBasis.PAYMENT, s.asOf()),
        Cohorts.ltvToCac(in.dataset(), Granularity.MONTH, 1.0, LTV_AT, s.asOf()),
        Period.lastComplete(s.asOf(), Granularity.MONTH, s.zone()));
  }

  @Override
  String text(Result r, ReportInput in) {
    return r.table().summary() + ", as of " + in.scope().asOfLabel() + "\n"
        + retention(r.table(), r.through())
        + CohortsCommand.partialNote(r.table(), r.through(), in.scope().asOf(), in.scope().zone())
        + "\n" + r.economics().summary() + "\n" + r.economics().table().render()
        + dev.funnel.core.display.Formats.footnotes(dev.funnel.cohort.LtvAnalysis.footnotes(r.economics()));
  }

  /**
   * Retention as whole percentages, a row per cohort and a column per month since its start (at
   * most {@value #COLUMNS}, so that the grid fits 100 columns), then the size-weighted average
   * over the complete months: a cell of a month after {@code through} (partial) ends in
   * {@code *} and is left out of the average.
   */
  static String retention(CohortTable t, Period through) {
    int periods = 0;
    for (CohortRow r : t.cohorts()) {
      periods = Math.max(periods, r.periods());
    }
    int shown = Math.min(periods, COLUMNS);
    String[] cols = new String[shown + 2];
    cols[0] = "cohort";
    cols[1] = "size";
    for (int k = 0; k < shown; k++) {
      cols[k + 2] = "m" + k;
    }
    TextTable grid = TextTable.of(cols);
    for (CohortRow r : t.cohorts()) {
      Object[] row = new Object[shown + 2];
      row[0] = r.cohort().label();
      row[1] = r.size();
      for (int k = 0; k < shown; k++) {
        boolean partial = through != null && r.cohort().plus(k).compareTo(through) > 0;
        row[k + 2] = k < r.periods() ? Formats.wholePercent(r.retention().get(k)) + (partial ? "*" : "") : "";
      }
      grid = grid.plus(row);
    }
    Object[] avg = new Object[shown + 2];
    avg[0] = "average";
    avg[1] = t.customers();
    java.util.List<dev.funnel.cohort.CohortAverage> averages = t.averages(through);
    for (int k = 0; k < shown; k++) {
      avg[k + 2] = k < averages.size() ? Formats.wholePercent(averages.get(k).retention()) : "";
    }
    String note = periods > shown ? "retention, first " + shown + " of " + periods + " months\n"
        : "retention by month since the first payment\n";
    return note + grid.plus(avg).render();
  }

  /** The number of month columns of the text grid. */
  static final int COLUMNS = 13;


  @Override
  Map<String, Object> json(Result r, ReportInput in) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("retention", CohortsCommand.json(r.table(), in.scope().asOf(), r.through()));
    m.put("ltv", LtvCommand.json(r.economics()));
    return m;
  }

  @Override
  Section html(Result r, ReportInput in, Section s) {
    s = s.paragraph(r.table().summary() + ", as of " + in.scope().asOfLabel() + ".");
    String note = CohortsCommand.partialNote(r.table(), r.through(), in.scope().asOf(), in.scope().zone());
    if (!note.isEmpty()) {
      s = s.paragraph(note.trim());
    }
    if (!r.table().cohorts().isEmpty()) {
      Period partial = CohortsCommand.partial(r.table(), r.through());
      s = s.chart(ResultCharts.retention("Retention by month since the first payment"
          + (partial == null ? "" : " (" + partial.label() + " partial)"), r.table()));
    }
    List<List<String>> t = new ArrayList<>();
    for (ChannelLtvToCac c : r.economics().channels()) {
      t.add(List.of(c.channel(), Long.toString(c.customers()), Formats.amount(c.spend()),
          Formats.amount(c.cac()), Formats.amount(c.ltv()), Formats.number(c.ltvToCac()),
          !c.paybackDefined() ? "-"
              : c.payback().isPresent() ? Integer.toString(c.payback().getAsInt()) : "not yet"));
    }
    s = s.table(r.economics().summary(),
        List.of("channel", "customers", "spend", "CAC", "LTV", "LTV/CAC", "payback months"), t);
    List<String> notes = dev.funnel.cohort.LtvAnalysis.footnotes(r.economics());
    return notes.isEmpty() ? s : s.paragraph("- = undefined: " + String.join("; ", notes) + ".");
  }
}
