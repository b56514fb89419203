package dev.funnel.core.bridge;

import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Period;
import dev.funnel.core.Stage;
import dev.funnel.core.StageCatalog;
import dev.funnel.core.columnar.Columns;
import dev.funnel.core.columnar.Dictionary;
import dev.funnel.core.columnar.LeadColumns;
import dev.funnel.core.columnar.LocalDays;
import dev.funnel.core.columnar.MillisWindow;
import dev.funnel.core.columnar.MoneySums;
import dev.funnel.core.columnar.PaymentColumns;
import dev.funnel.core.columnar.StageColumns;
import dev.funnel.core.funnel.Dimension;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The event-basis counts of a dataset per segment and period, the input of {@link FunnelFactors}
 * (conventions in {@link FunnelBridge}), read from the dataset's columnar form: each customer's
 * first lead and first positive payment are found once and reused for every period counted; a
 * period's reach counts come from one pass over the leads' stage rows (the reach of a stage is
 * the lead's first row into it or a later progression stage, the first stage's is the creation),
 * its money from one pass over the payment rows, summed exactly per segment code
 * ({@link MoneySums}), with no record per row. A time is in the period when its epoch millis are
 * between the period's start and end instants (whole seconds), or, where the local date could go
 * back near a bound, by its local date ({@link Period#contains(Instant, ZoneId)}).
 */
final class FunnelCounting {

  private static final double SECONDS_PER_DAY = 86_400;

  private final Dataset d;
  private final Columns c;
  private final ZoneId zone;
  private final List<Stage> stages;
  private final List<String> names;
  private final Dimension by;
  private final boolean split;
  private final int[] progression;
  /** The first lead (creation order) of each customer code, -1 without one. */
  private final int[] firstLead;
  /** The row of each customer's first positive payment, -1 without one. */
  private final int[] firstPositive;
  /** Segment index of each customer (that of its first positive payment); -1: not yet known. */
  private final int[] customerSegment;
  /** Segment keys by index: 0 is the one segment "" without a breakdown, or (none). */
  private final String[] segmentKeys;

  FunnelCounting(Dataset d, List<Stage> stages, Dimension by, boolean split) {
    d.require(DatasetTable.LEADS, "the funnel bridge");
    d.require(DatasetTable.PAYMENTS, "the funnel bridge");
    this.d = d;
    this.c = Columns.of(d);
    this.zone = d.zone();
    this.stages = stages;
    List<String> n = new ArrayList<>();
    for (Stage s : stages) {
      n.add(s.name());
    }
    this.names = List.copyOf(n);
    this.by = by;
    this.split = split;
    StageCatalog catalog = d.catalog();
    progression = new int[catalog.size()];
    for (int i = 0; i < progression.length; i++) {
      progression[i] = catalog.get(i).exit() ? -1 : i;
    }
    LeadColumns lc = c.leads();
    firstLead = new int[c.customers().size()];
    Arrays.fill(firstLead, -1);
    for (int k = 0; k < lc.withRow(); k++) { // creation order: the first lead of a customer wins
      int l = lc.byCreated(k);
      int cust = lc.customer(l);
      if (cust >= 0 && firstLead[cust] < 0) {
        firstLead[cust] = l;
      }
    }
    PaymentColumns pc = c.payments();
    firstPositive = new int[firstLead.length];
    for (int cust = 0; cust < firstPositive.length; cust++) { // customer, then time order
      firstPositive[cust] = -1;
      for (int r = pc.from(cust), end = pc.to(cust); r < end; r++) {
        if (pc.amount().signum(r) > 0) {
          firstPositive[cust] = r;
          break;
        }
      }
    }
    customerSegment = new int[firstLead.length];
    Arrays.fill(customerSegment, -1);
    if (by == null) {
      segmentKeys = new String[] {""};
    } else {
      Dictionary dict = dictionary(by);
      segmentKeys = new String[dict.size() + 1];
      segmentKeys[0] = Dimension.NONE;
      for (int i = 0; i < dict.size(); i++) {
        segmentKeys[i + 1] = dict.value(i);
      }
    }
  }

  private Dictionary dictionary(Dimension dim) {
    switch (dim) {
      case CHANNEL: return c.channels();
      case CAMPAIGN: return c.campaigns();
      case SEGMENT: return c.segments();
      case OWNER: return c.owners();
      default: throw new AssertionError(dim);
    }
  }

  /** The stage names counted, first to won. */
  List<String> names() {
    return names;
  }

  /** The segment index of a lead with a row ({@link Dimension#keyOf}: absent is (none)). */
  private int segmentOf(int lead) {
    if (by == null) {
      return 0;
    }
    LeadColumns lc = c.leads();
    int code;
    switch (by) {
      case CHANNEL: code = lc.channel(lead); break;
      case CAMPAIGN: code = lc.campaign(lead); break;
      case SEGMENT: code = lc.segment(lead); break;
      case OWNER: code = lc.owner(lead); break;
      default: throw new AssertionError(by);
    }
    return code + 1;
  }

  /** The segment of a payment: its own lead's, else the customer's first lead's, else (none). */
  private int segmentOfPayment(int row) {
    if (by == null) {
      return 0;
    }
    PaymentColumns pc = c.payments();
    int l = pc.lead(row);
    if (l < 0 || !c.leads().hasRow(l)) {
      l = firstLead[pc.customer(row)];
    }
    return l < 0 ? 0 : segmentOf(l);
  }

  /**
   * An existing customer's segment: that of its first positive payment, so that the base and the
   * active customers of a segment are the same people.
   */
  private int segmentOfCustomer(int customer) {
    if (by == null) {
      return 0;
    }
    int s = customerSegment[customer];
    if (s < 0) {
      s = firstPositive[customer] < 0 ? 0 : segmentOfPayment(firstPositive[customer]);
      customerSegment[customer] = s;
    }
    return s;
  }

  /** Period membership of epoch millis, exactly. */
  private static final class In {
    private final Period p;
    private final ZoneId zone;
    private final MillisWindow window;
    private final boolean byDate;

    In(Period p, ZoneId zone) {
      this.p = p;
      this.zone = zone;
      Instant start = p.startInstant(zone);
      Instant end = p.endInstant(zone);
      this.window = new MillisWindow(start, end); // whole seconds: the millis decide
      this.byDate = !LocalDays.ascendAround(zone, start.toEpochMilli())
          || !LocalDays.ascendAround(zone, end.toEpochMilli());
    }

    boolean test(long ms) {
      return byDate ? p.contains(Instant.ofEpochMilli(ms), zone) : window.test(ms) == MillisWindow.IN;
    }
  }

  private static final long DAY_MS = 86_400_000L;

  /** The first row of the time-sorted rows {@code [from, to)} at or after {@code ms}, or {@code to}. */
  private static int firstAtOrAfter(PaymentColumns pc, int from, int to, long ms) {
    int a = from;
    int b = to;
    while (a < b) {
      int mid = (a + b) >>> 1;
      if (pc.at(mid) < ms) {
        a = mid + 1;
      } else {
        b = mid;
      }
    }
    return a;
  }

  /** Counts of the period per segment; without a breakdown, always the one segment "". */
  Map<String, FunnelCounts> count(Period p) {
    int segs = segmentKeys.length;
    int ns = stages.size();
    int won = ns - 1;
    double[][] reached = new double[segs][];
    long[] cycleSeconds = new long[segs];
    if (by == null) {
      reached[0] = new double[ns];
    }
    In in = new In(p, zone);
    LeadColumns lc = c.leads();
    StageColumns sc = c.stages();
    int n = d.catalog().progression().size();
    int[] reach = new int[n];
    int[] index = new int[ns];
    for (int j = 0; j < ns; j++) {
      index[j] = stages.get(j).index();
    }
    for (int l = 0; l < lc.size(); l++) {
      if (!lc.hasRow(l)) {
        continue;
      }
      int m = 0;
      for (int r = sc.from(l), end = sc.to(l); r < end; r++) {
        int k = progression[sc.stage(r)];
        while (m < k) {
          reach[++m] = r;
        }
      }
      for (int j = 0; j < ns; j++) {
        int k = index[j];
        if (k > m) {
          continue; // not reached
        }
        long t = k == 0 ? lc.createdAt(l) : sc.at(reach[k]);
        if (in.test(t)) {
          int s = segmentOf(l);
          if (reached[s] == null) {
            reached[s] = new double[ns];
          }
          reached[s][j]++;
          if (j == won) { // reaching won implies the stage before it, no later than won
            int kb = index[won - 1];
            Instant before = kb == 0 ? lc.created(l) : sc.instant(reach[kb]);
            cycleSeconds[s] += Duration.between(before, sc.instant(reach[k])).getSeconds();
          }
        }
      }
    }
    PaymentColumns pc = c.payments();
    Instant startInstant = p.startInstant(zone);
    long start = startInstant.toEpochMilli(); // whole seconds: before it on millis is exact
    MoneySums revenue = new MoneySums(pc.amount(), segs);
    MoneySums existing = new MoneySums(pc.amount(), segs);
    int[] active = new int[segs];
    boolean[] counted = new boolean[firstPositive.length];
    // a customer's payments are in time order, so those of the period are one run of them: it
    // is found by bisection on a window a day wider than the period each side (whatever the zone
    // does at its bounds), and only that run is tested exactly
    long lo = start - DAY_MS;
    long hi = p.endInstant(zone).toEpochMilli() + DAY_MS;
    for (int cust = 0; cust < firstPositive.length; cust++) {
      int first = firstPositive[cust];
      boolean old = split && first >= 0 && pc.at(first) < start;
      for (int r = firstAtOrAfter(pc, pc.from(cust), pc.to(cust), lo), end = pc.to(cust);
          r < end && pc.at(r) <= hi; r++) {
        if (!in.test(pc.at(r))) {
          continue;
        }
        if (old) {
          int s = segmentOfCustomer(cust);
          existing.add(s, r);
          if (!counted[cust]) {
            counted[cust] = true;
            active[s]++;
          }
        } else {
          revenue.add(segmentOfPayment(r), r);
        }
      }
    }
    double[] base = new double[segs];
    boolean[] hasBase = new boolean[segs];
    if (split) {
      for (int cust = 0; cust < firstPositive.length; cust++) {
        int first = firstPositive[cust];
        if (first >= 0 && pc.at(first) < start) {
          int s = segmentOfCustomer(cust);
          base[s] += 1.0;
          hasBase[s] = true;
        }
      }
    }
    // segments by key: equal keys (a value spelled "(none)" and an absent one) merge
    Map<String, double[]> reachedBy = new TreeMap<>();
    Map<String, Long> cycleBy = new HashMap<>();
    Map<String, BigDecimal> revenueBy = new HashMap<>();
    Map<String, BigDecimal> existingBy = new HashMap<>();
    Map<String, Integer> activeBy = new HashMap<>();
    Map<String, Double> baseBy = new HashMap<>();
    for (int s = 0; s < segs; s++) {
      String key = segmentKeys[s];
      if (reached[s] != null) {
        double[] acc = reachedBy.computeIfAbsent(key, x -> new double[ns]);
        for (int j = 0; j < ns; j++) {
          acc[j] += reached[s][j];
        }
        cycleBy.merge(key, cycleSeconds[s], Long::sum);
      }
      if (revenue.any(s)) {
        revenueBy.merge(key, revenue.merged(s), BigDecimal::add);
      }
      if (existing.any(s)) {
        existingBy.merge(key, existing.merged(s), BigDecimal::add);
        activeBy.merge(key, active[s], Integer::sum);
      }
      if (hasBase[s]) {
        baseBy.merge(key, base[s], Double::sum);
      }
    }
    Set<String> segments = new HashSet<>(reachedBy.keySet());
    segments.addAll(revenueBy.keySet());
    segments.addAll(existingBy.keySet());
    segments.addAll(baseBy.keySet());
    Map<String, FunnelCounts> out = new TreeMap<>();
    for (String s : segments) {
      double[] cnt = reachedBy.getOrDefault(s, new double[ns]);
      List<Double> counts = new ArrayList<>();
      for (double x : cnt) {
        counts.add(x);
      }
      out.put(s, new FunnelCounts(names, counts, Double.NaN,
          revenueBy.getOrDefault(s, BigDecimal.ZERO), baseBy.getOrDefault(s, 0.0),
          activeBy.getOrDefault(s, 0), existingBy.getOrDefault(s, BigDecimal.ZERO),
          cycleBy.getOrDefault(s, 0L) / SECONDS_PER_DAY));
    }
    return out;
  }
}
