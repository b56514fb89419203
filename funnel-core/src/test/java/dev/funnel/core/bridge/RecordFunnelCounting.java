package dev.funnel.core.bridge;

import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Lead;
import dev.funnel.core.Payment;
import dev.funnel.core.Period;
import dev.funnel.core.Stage;
import dev.funnel.core.funnel.Dimension;
import dev.funnel.core.funnel.LeadReach;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The record route of {@link FunnelCounting} as it was before the columnar form, the oracle of
 * {@link FunnelCountingRoutesTest}: the event-basis counts of a dataset per segment and period, the input of {@link FunnelFactors}
 * (conventions in {@link FunnelBridge}). Each customer's first positive payment is found once and
 * reused for every period counted; the reach times of a period are computed for the leads that can
 * reach a stage in it ({@link LeadReach#candidates}, over the period widened by a day on each side
 * so that the local-date test of {@link Period#contains(Instant, ZoneId)} decides in any zone).
 */
final class RecordFunnelCounting {

  private static final double SECONDS_PER_DAY = 86_400;

  private final Dataset d;
  private final ZoneId zone;
  private final List<Stage> stages;
  private final List<String> names;
  private final Dimension by;
  private final boolean split;
  private final Map<String, Lead> leadOfCustomer = new HashMap<>();
  private final Map<String, Instant> firstPositive = new HashMap<>();
  private final Map<String, String> customerSegment = new HashMap<>();

  RecordFunnelCounting(Dataset d, List<Stage> stages, Dimension by, boolean split) {
    d.require(DatasetTable.LEADS, "the funnel bridge");
    d.require(DatasetTable.PAYMENTS, "the funnel bridge");
    this.d = d;
    this.zone = d.zone();
    this.stages = stages;
    List<String> n = new ArrayList<>();
    for (Stage s : stages) {
      n.add(s.name());
    }
    this.names = List.copyOf(n);
    this.by = by;
    this.split = split;
    if (by != null) { // a payment's segment may need the customer's first lead
      for (Lead l : d.leads()) { // creation order: the first lead of a customer wins
        leadOfCustomer.putIfAbsent(l.customerId(), l);
      }
    }
    for (Payment p : d.payments()) { // customer, then time order
      if (p.amount().signum() > 0) {
        firstPositive.putIfAbsent(p.customerId(), p.paidAt());
      }
    }
  }

  /** The stage names counted, first to won. */
  List<String> names() {
    return names;
  }

  /** Counts of the period per segment; without a breakdown, always the one segment "". */
  Map<String, FunnelCounts> count(Period p) {
    Map<String, double[]> reached = new TreeMap<>();
    Map<String, Long> cycleSeconds = new HashMap<>();
    if (by == null) {
      reached.put("", new double[stages.size()]);
    }
    int won = stages.size() - 1;
    Instant wideFrom = p.startInstant(zone).minus(Duration.ofDays(1));
    Instant wideTo = p.endInstant(zone).plus(Duration.ofDays(1));
    for (Lead l : LeadReach.candidates(d, wideFrom, wideTo)) {
      LeadReach r = LeadReach.of(l, d.stagesOf(l.id()), d.catalog());
      for (int j = 0; j < stages.size(); j++) {
        Instant t = r.reachedAt(stages.get(j));
        if (t != null && p.contains(t, zone)) {
          reached.computeIfAbsent(segmentOf(r.lead()), s -> new double[stages.size()])[j]++;
          if (j == won) { // reaching won implies the stage before it, no later than won
            long c = Duration.between(r.reachedAt(stages.get(won - 1)), t).getSeconds();
            cycleSeconds.merge(segmentOf(r.lead()), c, Long::sum);
          }
        }
      }
    }
    Instant start = p.startInstant(zone);
    Map<String, BigDecimal> revenue = new HashMap<>();
    Map<String, BigDecimal> existing = new HashMap<>();
    Map<String, Set<String>> active = new HashMap<>();
    for (Payment pay : d.payments()) {
      if (!p.contains(pay.paidAt(), zone)) {
        continue;
      }
      Instant first = firstPositive.get(pay.customerId());
      if (split && first != null && first.isBefore(start)) {
        String seg = segmentOfCustomer(pay.customerId());
        existing.merge(seg, pay.amount().amount(), BigDecimal::add);
        active.computeIfAbsent(seg, s -> new HashSet<>()).add(pay.customerId());
      } else {
        revenue.merge(segmentOf(pay), pay.amount().amount(), BigDecimal::add);
      }
    }
    Map<String, Double> base = new HashMap<>();
    if (split) {
      for (Map.Entry<String, Instant> e : firstPositive.entrySet()) {
        if (e.getValue().isBefore(start)) {
          base.merge(segmentOfCustomer(e.getKey()), 1.0, Double::sum);
        }
      }
    }
    Set<String> segments = new HashSet<>(reached.keySet());
    segments.addAll(revenue.keySet());
    segments.addAll(existing.keySet());
    segments.addAll(base.keySet());
    Map<String, FunnelCounts> out = new TreeMap<>();
    for (String s : segments) {
      double[] c = reached.getOrDefault(s, new double[stages.size()]);
      List<Double> counts = new ArrayList<>();
      for (double x : c) {
        counts.add(x);
      }
      out.put(s, new FunnelCounts(names, counts, Double.NaN,
          revenue.getOrDefault(s, BigDecimal.ZERO), base.getOrDefault(s, 0.0),
          active.getOrDefault(s, Set.of()).size(), existing.getOrDefault(s, BigDecimal.ZERO),
          cycleSeconds.getOrDefault(s, 0L) / SECONDS_PER_DAY));
    }
    return out;
  }

  private String segmentOf(Lead l) {
    return by == null ? "" : by.keyOf(l);
  }

  private String segmentOf(Payment p) {
    if (by == null) {
      return "";
    }
    Lead l = p.leadId() == null ? null : d.lead(p.leadId());
    if (l == null) {
      l = leadOfCustomer.get(p.customerId());
    }
    return l == null ? Dimension.NONE : by.keyOf(l);
  }

  /**
   * An existing customer's segment: that of its first positive payment, so that the base and the
   * active customers of a segment are the same people.
   */
  private String segmentOfCustomer(String customer) {
    if (by == null) {
      return "";
    }
    return customerSegment.computeIfAbsent(customer, c -> {
      for (Payment pay : d.paymentsOf(c)) {
        if (pay.amount().signum() > 0) {
          return segmentOf(pay);
        }
      }
      return Dimension.NONE;
    });
  }
}
