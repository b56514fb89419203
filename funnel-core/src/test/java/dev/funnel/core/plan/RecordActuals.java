package dev.funnel.core.plan;

import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Lead;
import dev.funnel.core.Payment;
import dev.funnel.core.Spend;
import dev.funnel.core.Stage;
import dev.funnel.core.StageChange;
import dev.funnel.core.funnel.LeadReach;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The record route of {@link Actuals} as it was before the columnar form (the oracle of
 * {@link ActualsRoutesTest}): the actual side of plan vs actual: each lead's event times, each customer's channel and first
 * positive payment, read once from the dataset; {@link #base} then counts a window and channel
 * (definitions in {@link PlanMetric}). Results are cached per window and channel.
 */
final class RecordActuals {

  /** One lead's facts. */
  private record LeadFacts(String channel, Instant created, Instant mql, Instant sql, Instant won,
      Instant lost) {}

  /** A money row with its time and channel. */
  private record Flow(Instant at, String channel, BigDecimal amount) {}

  private final Dataset d;
  private final boolean hasMql;
  private final boolean hasSql;
  private final List<LeadFacts> leads = new ArrayList<>();
  private final List<Flow> payments = new ArrayList<>();
  private final List<Flow> spend = new ArrayList<>();
  /** First positive payment of each customer, with the customer's channel. */
  private final List<Flow> firstPurchases = new ArrayList<>();
  private final Map<List<Object>, Base> cache = new HashMap<>();

  /** Where the windows asked about lie, null bounds open: leads with nothing in it are left out. */
  private final Instant spanFrom;
  private final Instant spanTo;

  RecordActuals(Dataset d) {
    this(d, null, null);
  }

  /**
   * The actuals for windows inside {@code [from, to)} (null bounds are open). A lead counts in a
   * window by its creation, its reach of MQL, SQL or WON (a progression change) or its loss (an
   * exit change), so a lead created outside the span and without a stage change in it is left
   * out: it would add nothing to any window inside.
   */
  RecordActuals(Dataset d, Instant from, Instant to) {
    this.d = d;
    this.spanFrom = from;
    this.spanTo = to;
    java.util.Set<String> changed = new java.util.HashSet<>();
    boolean all = from == null && to == null;
    if (!all) {
      for (StageChange c : d.stages()) {
        if (in(c.at(), from, to) == 1) {
          changed.add(c.leadId());
        }
      }
    }
    Optional<Stage> mqlStage = progression(d, "MQL");
    Optional<Stage> sqlStage = progression(d, "SQL");
    this.hasMql = mqlStage.isPresent();
    this.hasSql = sqlStage.isPresent();
    Stage won = d.catalog().won();
    Stage returned = d.catalog().returned().orElse(null);
    Map<String, String> customerChannel = new HashMap<>();
    for (Lead l : d.leads()) {
      customerChannel.putIfAbsent(l.customerId(), l.channel());
      if (!all && in(l.createdAt(), from, to) == 0 && !changed.contains(l.id())) {
        continue;
      }
      List<StageChange> changes = d.stagesOf(l.id());
      LeadReach r = LeadReach.of(l, changes, d.catalog());
      Instant wonAt = r.reachedAt(won);
      Instant lostAt = null;
      for (StageChange c : changes) {
        if (c.stage().exit() && !c.stage().equals(returned)) {
          lostAt = c.at();
          break;
        }
      }
      if (lostAt != null && wonAt != null && !wonAt.isAfter(lostAt)) {
        lostAt = null;
      }
      leads.add(new LeadFacts(l.channel(), l.createdAt(),
          mqlStage.map(r::reachedAt).orElse(null), sqlStage.map(r::reachedAt).orElse(null),
          wonAt, lostAt));
    }
    for (Payment p : d.payments()) {
      payments.add(new Flow(p.paidAt(), channelOf(customerChannel, p.customerId()), p.amount().amount()));
    }
    for (String c : d.payingCustomers()) {
      for (Payment p : d.paymentsOf(c)) {
        if (p.amount().signum() > 0) {
          firstPurchases.add(new Flow(p.paidAt(), channelOf(customerChannel, c), BigDecimal.ONE));
          break;
        }
      }
    }
    for (Spend s : d.spend()) {
      spend.add(new Flow(s.date().atStartOfDay(d.zone()).toInstant(), s.channel(), s.amount().amount()));
    }
  }

  /** The channel of the customer's first lead; {@code (none)} for a customer without a lead. */
  private static String channelOf(Map<String, String> customerChannel, String customer) {
    return customerChannel.getOrDefault(customer, Lead.NO_CHANNEL);
  }

  private static Optional<Stage> progression(Dataset d, String name) {
    return d.catalog().find(name).filter(Stage::progression);
  }

  /**
   * Why the metric cannot be computed on this dataset (a missing table or stage), or null.
   */
  String missing(PlanMetric m) {
    List<DatasetTable> need = switch (m) {
      case LEADS, MQL, SQL, WON, WIN_RATE -> List.of(DatasetTable.LEADS);
      case REVENUE -> List.of(DatasetTable.PAYMENTS);
      case SPEND -> List.of(DatasetTable.SPEND);
      case CPL -> List.of(DatasetTable.SPEND, DatasetTable.LEADS);
      case CAC -> List.of(DatasetTable.SPEND, DatasetTable.PAYMENTS);
      case ROMI -> List.of(DatasetTable.SPEND, DatasetTable.PAYMENTS);
    };
    for (DatasetTable t : need) {
      if (!d.has(t)) {
        return "needs the " + t.fileName() + " table";
      }
    }
    if (m == PlanMetric.MQL && !hasMql) {
      return "the stage catalog has no MQL stage";
    }
    if (m == PlanMetric.SQL && !hasSql) {
      return "the stage catalog has no SQL stage";
    }
    return null;
  }

  /** The quantities of {@code [from, to)} for one channel (null: all channels). */
  Base base(Instant from, Instant to, String channel) {
    if ((spanFrom != null && from.isBefore(spanFrom)) || (spanTo != null && to.isAfter(spanTo))) {
      throw new IllegalStateException("window [" + from + ", " + to + ") outside the actuals' span ["
          + spanFrom + ", " + spanTo + ")");
    }
    return cache.computeIfAbsent(List.of(from, to, channel == null ? "" : "=" + channel),
        k -> count(from, to, channel));
  }

  private Base count(Instant from, Instant to, String channel) {
    long nLeads = 0;
    long nMql = 0;
    long nSql = 0;
    long nWon = 0;
    long nLost = 0;
    for (LeadFacts f : leads) {
      if (channel != null && !channel.equals(f.channel())) {
        continue;
      }
      nLeads += in(f.created(), from, to);
      nMql += in(f.mql(), from, to);
      nSql += in(f.sql(), from, to);
      nWon += in(f.won(), from, to);
      nLost += in(f.lost(), from, to);
    }
    long customers = 0;
    for (Flow f : firstPurchases) {
      if (matches(f, channel)) {
        customers += in(f.at(), from, to);
      }
    }
    long spendRows = spend.stream().filter(f -> matches(f, channel) && in(f.at(), from, to) == 1)
        .count();
    return new Base(nLeads, nMql, nSql, nWon, nLost, sum(payments, from, to, channel),
        sum(spend, from, to, channel), spendRows, customers);
  }

  private static boolean matches(Flow f, String channel) {
    return channel == null || channel.equals(f.channel());
  }

  private static BigDecimal sum(List<Flow> flows, Instant from, Instant to, String channel) {
    BigDecimal s = BigDecimal.ZERO;
    for (Flow f : flows) {
      if (matches(f, channel) && in(f.at(), from, to) == 1) {
        s = s.add(f.amount());
      }
    }
    return s;
  }

  private static int in(Instant t, Instant from, Instant to) {
    return t != null && (from == null || !t.isBefore(from)) && (to == null || t.isBefore(to)) ? 1 : 0;
  }

  @Override
  public String toString() {
    return "RecordActuals[" + leads.size() + " leads, " + Objects.toString(d.zone()) + "]";
  }
}
