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
    Columns c = data.columns();
    LeadColumns leads = c.leads();
    Map<String, CohortTable> byChannel =
        Cohorts.grouped(data, g, k -> c.channels().value(leads.channel(leads.byCreated(k))), asOf,
            maxPeriods);
    Map<String, TreeMap<Period, BigDecimal>> spend = new TreeMap<>();
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
      spend.computeIfAbsent(c.channels().value(sp.channel(r)), k -> new TreeMap<>())
          .merge(Period.of(g, LocalDate.ofEpochDay(sp.day(r))), sp.amount().value(r), BigDecimal::add);
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
      BigDecimal totalSpend = BigDecimal.ZERO;
      for (BigDecimal v : channelSpend.values()) {
        totalSpend = totalSpend.add(v);
      }
      for (CohortRow r : table.cohorts()) {
        BigDecimal s = channelSpend.getOrDefault(r.cohort(), BigDecimal.ZERO);
        double cac = r.size() == 0 ? Double.NaN : s.doubleValue() / r.size();
        List<Double> curve = r.cumulativeRevenuePerCustomer();
        cohortRows.add(
            new CohortLtvToCac(channel, r.cohort(), r.size(), s, cac, payback(curve, margin, cac)));
      }
      long customers = table.customers();
      double cac = customers == 0 ? Double.NaN : totalSpend.doubleValue() / customers;
      List<CohortAverage> avg = table.averages(through);
      List<Double> pooled = new ArrayList<>(avg.size());
      for (CohortAverage a : avg) {
        pooled.add(a.cumulativeRevenuePerCustomer());
      }
      double ltv = table.historicalLtv(horizon, margin, through);
      double ratio = cac > 0 ? ltv / cac : Double.NaN;
      rows.add(
          new ChannelLtvToCac(
              channel, customers, totalSpend, cac, ltv, ratio, payback(pooled, margin, cac)));
    }
    return new LtvToCac(g, margin, horizon, rows, cohortRows);
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
