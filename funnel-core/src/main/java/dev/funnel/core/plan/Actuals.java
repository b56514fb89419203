package dev.funnel.core.plan;

import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Lead;
import dev.funnel.core.Stage;
import dev.funnel.core.StageCatalog;
import dev.funnel.core.columnar.Columns;
import dev.funnel.core.columnar.LeadColumns;
import dev.funnel.core.columnar.MillisWindow;
import dev.funnel.core.columnar.MoneyColumn;
import dev.funnel.core.columnar.PaymentColumns;
import dev.funnel.core.columnar.SpendColumns;
import dev.funnel.core.columnar.StageColumns;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The actual side of plan vs actual, read from the dataset's columnar form: each lead's channel
 * code and event rows (creation, reach of MQL, SQL and WON, loss), each customer's channel (that
 * of its first lead) and first positive payment, each spend row's local midnight, gathered once
 * into arrays; {@link #base} then counts a window and channel over them (definitions in
 * {@link PlanMetric}), with no record per row. Times are compared on epoch milliseconds, and a
 * window bound inside a time's millisecond (an as-of instant with a sub-millisecond part) is
 * decided on the exact instant. Results are cached per window and channel.
 */
final class Actuals {

  private static final int NO_LEAD = -2;
  /** The event row of a stage every lead is at from its creation (the catalog's first). */
  private static final int CREATED = -3;

  private final Dataset d;
  private final Columns c;
  private final boolean hasMql;
  private final boolean hasSql;
  // per lead with a row (creation order): its index, channel code and the stage rows of reaching
  // MQL, SQL and WON and of the loss (-1: none; CREATED: at creation)
  private final int[] lead;
  private final int[] leadChannel;
  private final int[] mqlRow;
  private final int[] sqlRow;
  private final int[] wonRow;
  private final int[] lostRow;
  /** Channel code of each customer's first lead, {@link #NO_LEAD} without one. */
  private final int[] customerChannel;
  /** Row of each paying customer's first positive payment. */
  private final int[] firstPurchase;
  /** Local midnight of each spend row's day, epoch millis. */
  private final long[] spendAt;
  private final Map<List<Object>, Base> cache = new HashMap<>();

  /** Where the windows asked about lie, null bounds open. */
  private final Instant spanFrom;
  private final Instant spanTo;

  Actuals(Dataset d) {
    this(d, null, null);
  }

  /**
   * The actuals for windows inside {@code [from, to)} (null bounds are open); a window outside is
   * refused. Every lead is read (one pass over the stage rows): a lead created outside the span
   * and without a stage change in it adds nothing to any window inside.
   */
  Actuals(Dataset d, Instant from, Instant to) {
    this.d = d;
    this.c = d.columns();
    this.spanFrom = from;
    this.spanTo = to;
    StageCatalog catalog = d.catalog();
    Optional<Stage> mqlStage = progression(d, "MQL");
    Optional<Stage> sqlStage = progression(d, "SQL");
    this.hasMql = mqlStage.isPresent();
    this.hasSql = sqlStage.isPresent();
    int mql = mqlStage.map(Stage::index).orElse(-1);
    int sql = sqlStage.map(Stage::index).orElse(-1);
    int won = catalog.won().index();
    int returned = catalog.returned().map(Stage::index).orElse(-1);
    int n = catalog.progression().size();
    int[] progression = new int[catalog.size()];
    for (int i = 0; i < progression.length; i++) {
      progression[i] = catalog.get(i).exit() ? -1 : i;
    }
    LeadColumns lc = c.leads();
    StageColumns sc = c.stages();
    int rows = lc.withRow();
    lead = new int[rows];
    leadChannel = new int[rows];
    mqlRow = new int[rows];
    sqlRow = new int[rows];
    wonRow = new int[rows];
    lostRow = new int[rows];
    customerChannel = new int[c.customers().size()];
    java.util.Arrays.fill(customerChannel, NO_LEAD);
    boolean[] seen = new boolean[customerChannel.length];
    int[] reach = new int[n];
    for (int k = 0; k < rows; k++) { // creation order, then id: the first lead of a customer wins
      int l = lc.byCreated(k);
      int cust = lc.customer(l);
      if (cust >= 0 && !seen[cust]) {
        seen[cust] = true;
        customerChannel[cust] = lc.channel(l);
      }
      lead[k] = l;
      leadChannel[k] = lc.channel(l);
      // reach rows: the first row into the stage or a later progression stage (rows in time order)
      int m = 0;
      int lost = -1;
      for (int r = sc.from(l), end = sc.to(l); r < end; r++) {
        int s = sc.stage(r);
        int p = progression[s];
        while (m < p) {
          reach[++m] = r;
        }
        if (p < 0 && s != returned && lost < 0) {
          lost = r;
        }
      }
      mqlRow[k] = mql == 0 ? CREATED : mql >= 1 && mql <= m ? reach[mql] : -1;
      sqlRow[k] = sql == 0 ? CREATED : sql >= 1 && sql <= m ? reach[sql] : -1;
      wonRow[k] = won <= m ? reach[won] : -1;
      // won no later than the loss (rows at one time put progression before exits): not lost
      lostRow[k] = lost >= 0 && wonRow[k] >= 0 && wonRow[k] < lost ? -1 : lost;
    }
    PaymentColumns pc = c.payments();
    firstPurchase = new int[customerChannel.length];
    for (int cust = 0; cust < firstPurchase.length; cust++) {
      firstPurchase[cust] = -1;
      for (int r = pc.from(cust), end = pc.to(cust); r < end; r++) {
        if (pc.amount().signum(r) > 0) {
          firstPurchase[cust] = r;
          break;
        }
      }
    }
    SpendColumns sp = c.spend();
    spendAt = new long[sp.size()];
    int lastDay = 0;
    long lastAt = 0;
    for (int r = 0; r < spendAt.length; r++) {
      int day = sp.day(r);
      if (r == 0 || day != lastDay) {
        lastDay = day;
        lastAt = LocalDate.ofEpochDay(day).atStartOfDay(d.zone()).toInstant().toEpochMilli();
      }
      spendAt[r] = lastAt;
    }
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
    MillisWindow w = new MillisWindow(from, to);
    int code = channel == null ? -1 : c.channels().find(channel);
    boolean none = Lead.NO_CHANNEL.equals(channel);
    LeadColumns lc = c.leads();
    StageColumns sc = c.stages();
    long nLeads = 0;
    long nMql = 0;
    long nSql = 0;
    long nWon = 0;
    long nLost = 0;
    for (int k = 0; k < lead.length; k++) {
      if (channel != null && (code < 0 || leadChannel[k] != code)) {
        continue;
      }
      int l = lead[k];
      int t = w.test(lc.createdAt(l));
      int created = t == MillisWindow.IN || (t == MillisWindow.EXACT && w.contains(lc.created(l)))
          ? 1 : 0;
      nLeads += created;
      nMql += mqlRow[k] == CREATED ? created : in(w, sc, mqlRow[k]);
      nSql += sqlRow[k] == CREATED ? created : in(w, sc, sqlRow[k]);
      nWon += in(w, sc, wonRow[k]);
      nLost += in(w, sc, lostRow[k]);
    }
    PaymentColumns pc = c.payments();
    long customers = 0;
    Sum revenue = new Sum(pc.amount());
    for (int cust = 0; cust < customerChannel.length; cust++) {
      if (!matches(customerChannel[cust], channel, code, none)) {
        continue;
      }
      int first = firstPurchase[cust];
      if (first >= 0 && paidIn(w, pc, first)) {
        customers++;
      }
      for (int r = pc.from(cust), end = pc.to(cust); r < end; r++) {
        if (paidIn(w, pc, r)) {
          revenue.add(r);
        }
      }
    }
    SpendColumns sp = c.spend();
    Sum spend = new Sum(sp.amount());
    long spendRows = 0;
    for (int r = 0; r < spendAt.length; r++) {
      if ((channel == null || (code >= 0 && sp.channel(r) == code))) {
        int t = w.test(spendAt[r]);
        if (t == MillisWindow.IN
            || (t == MillisWindow.EXACT && w.contains(Instant.ofEpochMilli(spendAt[r])))) {
          spend.add(r);
          spendRows++;
        }
      }
    }
    return new Base(nLeads, nMql, nSql, nWon, nLost, revenue.value(), spend.value(), spendRows,
        customers);
  }

  /** Whether a customer of this channel code ({@link #NO_LEAD}: no lead) matches the filter. */
  private static boolean matches(int customerCode, String channel, int code, boolean none) {
    if (channel == null) {
      return true;
    }
    return customerCode == NO_LEAD ? none : code >= 0 && customerCode == code;
  }

  private static int in(MillisWindow w, StageColumns sc, int row) {
    if (row < 0) {
      return 0;
    }
    int t = w.test(sc.at(row));
    return t == MillisWindow.IN || (t == MillisWindow.EXACT && w.contains(sc.instant(row))) ? 1 : 0;
  }

  private static boolean paidIn(MillisWindow w, PaymentColumns pc, int row) {
    int t = w.test(pc.at(row));
    return t == MillisWindow.IN || (t == MillisWindow.EXACT && w.contains(pc.instant(row)));
  }

  /** An exact sum of rows of a money column (scaled longs, overflow carried). */
  private static final class Sum {
    private final MoneyColumn col;
    private long acc;
    private BigInteger carry = BigInteger.ZERO;
    private BigDecimal exact = BigDecimal.ZERO;

    Sum(MoneyColumn col) {
      this.col = col;
    }

    void add(int row) {
      if (!col.present(row)) {
        return;
      }
      if (!col.scaled()) {
        exact = exact.add(col.value(row));
        return;
      }
      long u = col.unscaled(row);
      long r = acc + u;
      if (((acc ^ r) & (u ^ r)) < 0) {
        carry = carry.add(BigInteger.valueOf(acc));
        acc = u;
      } else {
        acc = r;
      }
    }

    BigDecimal value() {
      return col.scaled() ? new BigDecimal(carry.add(BigInteger.valueOf(acc)), col.scale()) : exact;
    }
  }

  @Override
  public String toString() {
    return "Actuals[" + lead.length + " leads, " + Objects.toString(d.zone()) + "]";
  }
}
