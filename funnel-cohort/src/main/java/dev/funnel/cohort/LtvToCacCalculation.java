package dev.funnel.cohort;

import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Granularity;
import dev.funnel.core.columnar.Columns;
import dev.funnel.core.columnar.LeadColumns;
import dev.funnel.core.columnar.SpendColumns;
import dev.funnel.core.Period;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.TreeSet;

/** Computes {@link LtvToCac}; conventions in {@link Cohorts#ltvToCac}. */
final class LtvToCacCalculation {

  private LtvToCacCalculation() {}

  /** As of an instant (null: all the data), the payments spanning at most maxPeriods periods. */
  static LtvToCac of(Dataset data, Granularity g, double margin, int horizon,
      java.time.Instant asOf, int maxPeriods) {
    if (data == null) {
      throw new IllegalArgumentException("dataset must not be null");
    }
    if (g == null) {
      throw new IllegalArgumentException("granularity is required");
    }
    if (horizon < 0) {
      throw new IllegalArgumentException("LTV horizon must be >= 0 periods, got " + horizon);
    }
    if (!Double.isFinite(margin)) {
      throw new IllegalArgumentException("margin must be finite, got " + margin);
    }
    dev.funnel.core.PeriodSpan.requireLimit(maxPeriods);
    data.require(DatasetTable.PAYMENTS, "unit economics");
    Columns c = Columns.of(data);
    LeadColumns leads = c.leads();
    Map<String, CohortTable> byChannel =
        Cohorts.grouped(data, g, k -> c.channels().value(leads.channel(leads.byCreated(k))), asOf,
            maxPeriods);
    Map<String, TreeMap<Period, BigDecimal>> spend = new TreeMap<>();
    Map<String, TreeMap<Period, Long>> spendRows = new TreeMap<>();
    boolean spendTable = data.has(DatasetTable.SPEND);
    SpendColumns sp = c.spend();
    // spend counts by its local day: up to the day containing the as-of instant
    long lastSpendDay = asOf == null ? Long.MAX_VALUE
        : LocalDate.ofInstant(asOf, data.zone()).toEpochDay();
    // the pooled LTV and payback read only the periods complete at the as-of instant
    Period through = asOf == null ? null : Period.lastComplete(asOf, g, data.zone());
    for (int r = 0; r < sp.size(); r++) {
      if (sp.day(r) > lastSpendDay) {
        continue;
      }
      String ch = c.channels().value(sp.channel(r));
      Period p = Period.of(g, LocalDate.ofEpochDay(sp.day(r)));
      spend.computeIfAbsent(ch, k -> new TreeMap<>()).merge(p, sp.amount().value(r), BigDecimal::add);
      spendRows.computeIfAbsent(ch, k -> new TreeMap<>()).merge(p, 1L, Long::sum);
    }
    TreeSet<String> channels = new TreeSet<>(byChannel.keySet());
    channels.addAll(spend.keySet());
    List<ChannelLtvToCac> rows = new ArrayList<>();
    List<CohortLtvToCac> cohortRows = new ArrayList<>();
    for (String channel : channels) {
      CohortTable table = byChannel.get(channel);
      if (table == null) {
        table = Cohorts.empty(g, data.zone()).result();
      }
      TreeMap<Period, BigDecimal> channelSpend = spend.getOrDefault(channel, new TreeMap<>());
      TreeMap<Period, Long> channelRows = spendRows.getOrDefault(channel, new TreeMap<>());
      BigDecimal totalSpend = BigDecimal.ZERO;
      for (BigDecimal v : channelSpend.values()) {
        totalSpend = totalSpend.add(v);
      }
      long totalRows = 0;
      for (long v : channelRows.values()) {
        totalRows += v;
      }
      for (CohortRow r : table.cohorts()) {
        BigDecimal s = channelSpend.getOrDefault(r.cohort(), BigDecimal.ZERO);
        long periodRows = channelRows.getOrDefault(r.cohort(), 0L);
        String why = undefined(spendTable, periodRows, r.size(), channel + " in " + r.cohort().label());
        double cac = why != null ? Double.NaN : s.doubleValue() / r.size();
        List<Double> curve = r.cumulativeRevenuePerCustomer();
        cohortRows.add(new CohortLtvToCac(channel, r.cohort(), r.size(), s, periodRows, cac,
            payback(curve, margin, cac), why));
      }
      long customers = table.customers();
      String why = undefined(spendTable, totalRows, customers, channel);
      double cac = why != null ? Double.NaN : totalSpend.doubleValue() / customers;
      List<CohortAverage> avg = table.averages(through);
      List<Double> pooled = new ArrayList<>(avg.size());
      for (CohortAverage a : avg) {
        pooled.add(a.cumulativeRevenuePerCustomer());
      }
      double ltv = table.historicalLtv(horizon, margin, through);
      double ratio = cac > 0 ? ltv / cac : Double.NaN;
      rows.add(
          new ChannelLtvToCac(channel, customers, totalSpend, totalRows, cac, ltv, ratio,
              payback(pooled, margin, cac), why));
    }
    return new LtvToCac(g, margin, horizon, rows, cohortRows);
  }

  /**
   * Why a CAC is undefined: no spend table (unknown spend everywhere), no spend rows for the key
   * (its spend is unknown, not zero), or no customers to divide by; null when it is defined.
   */
  private static String undefined(boolean spendTable, long spendRows, long customers, String who) {
    if (!spendTable) {
      return "no spend table";
    }
    if (spendRows == 0) {
      return "no spend rows for " + who;
    }
    return customers == 0 ? "no new customers for " + who : null;
  }

  private static OptionalInt payback(List<Double> cumulativePerCustomer, double margin, double cac) {
    if (Double.isNaN(cac)) {
      return OptionalInt.empty();
    }
    for (int k = 0; k < cumulativePerCustomer.size(); k++) {
      if (cumulativePerCustomer.get(k) * margin >= cac) {
        return OptionalInt.of(k);
      }
    }
    return OptionalInt.empty();
  }
}
