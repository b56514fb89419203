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
 * decided on the exact instant. Each window is counted for every channel at once, in one pass over
 * the rows (a plan with targets for many channels does not cost a pass per channel), and kept.
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
  private final Map<List<Instant>, Window> windows = new HashMap<>();
  private long visited;
  /** The slot of each channel code in a window's counts, -1 for a channel not asked about. */
  private final int[] slotOf;
  private final int slots;
  /** The channels windows may be asked about; null: all. */
  private final java.util.Set<String> named;

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
    this(d, from, to, null);
  }

  /**
   * The actuals for windows inside {@code [from, to)}, asked for the named channels only (and for
   * all channels): a window keeps a count per named channel, so its memory follows the plan's
   * channels, not the data's. Null names every channel.
   */
  Actuals(Dataset d, Instant from, Instant to, java.util.Collection<String> channels) {
    this.d = d;
    this.c = Columns.of(d);
    this.spanFrom = from;
    this.spanTo = to;
    int codes = c.channels().size();
    this.slotOf = new int[codes];
    if (channels == null) {
      java.util.Arrays.setAll(slotOf, i -> i);
      this.slots = codes;
    } else {
      java.util.Arrays.fill(slotOf, -1);
      int k = 0;
      for (String ch : new java.util.TreeSet<>(channels)) {
        int code = c.channels().find(ch);
        if (code >= 0 && slotOf[code] < 0) {
          slotOf[code] = k++;
        }
      }
      this.slots = k;
    }
    this.named = channels == null ? null : java.util.Set.copyOf(channels);
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
    }
    // the leads with a row in id order, the order of their columns and stage rows, so that each
    // window's pass reads them front to back (the sums do not depend on the order)
    int k = 0;
    for (int l = 0; k < rows; l++) {
      if (!lc.hasRow(l)) {
        continue;
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
      k++;
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
    if (channel != null && named != null && !named.contains(channel)) {
      throw new IllegalStateException("channel " + channel + " was not named to the actuals");
    }
    return cache.computeIfAbsent(List.of(from, to, channel == null ? "" : "=" + channel),
        k -> windows.computeIfAbsent(List.of(from, to), x -> new Window(from, to)).base(channel));
  }

  /** Rows visited by the passes over the data so far (for tests: one pass per window). */
  long visited() {
    return visited;
  }

  /**
   * The quantities of one window for every channel at once, in one pass over the rows: a plan
   * with targets for many channels costs a pass per window, not a pass per window and channel.
   * Slots: a named channel's, {@link #all} for every row, {@link #noLead} for customers without a
   * lead.
   */
  private final class Window {
    final int all;
    final int noLead;
    final long[] leads;
    final long[] mql;
    final long[] sql;
    final long[] won;
    final long[] lost;
    final long[] customers;
    final long[] spendRows;
    final Sum[] revenue;
    final Sum[] spend;

    Window(Instant from, Instant to) {
      all = Actuals.this.slots;
      noLead = all + 1;
      int slots = all + 2;
      leads = new long[slots];
      mql = new long[slots];
      sql = new long[slots];
      won = new long[slots];
      lost = new long[slots];
      customers = new long[slots];
      spendRows = new long[slots];
      revenue = new Sum[slots];
      spend = new Sum[slots];
      MillisWindow w = new MillisWindow(from, to);
      LeadColumns lc = c.leads();
      StageColumns sc = c.stages();
      for (int k = 0; k < lead.length; k++) {
        int l = lead[k];
        int t = w.test(lc.createdAt(l));
        int created = t == MillisWindow.IN || (t == MillisWindow.EXACT && w.contains(lc.created(l)))
            ? 1 : 0;
        int m = mqlRow[k] == CREATED ? created : in(w, sc, mqlRow[k]);
        int q = sqlRow[k] == CREATED ? created : in(w, sc, sqlRow[k]);
        int wn = in(w, sc, wonRow[k]);
        int ls = in(w, sc, lostRow[k]);
        leads[all] += created;
        mql[all] += m;
        sql[all] += q;
        won[all] += wn;
        lost[all] += ls;
        int slot = leadChannel[k] < 0 ? -1 : slotOf[leadChannel[k]];
        if (slot >= 0) {
          leads[slot] += created;
          mql[slot] += m;
          sql[slot] += q;
          won[slot] += wn;
          lost[slot] += ls;
        }
      }
      visited += lead.length;
      PaymentColumns pc = c.payments();
      for (int cust = 0; cust < customerChannel.length; cust++) {
        int code = customerChannel[cust];
        int slot = code == NO_LEAD ? noLead : code < 0 ? -1 : slotOf[code];
        int first = firstPurchase[cust];
        boolean isNew = first >= 0 && paidIn(w, pc, first);
        if (isNew) {
          customers[all]++;
          if (slot >= 0) {
            customers[slot]++;
          }
        }
        for (int r = pc.from(cust), end = pc.to(cust); r < end; r++) {
          if (paidIn(w, pc, r)) {
            sum(revenue, all, pc.amount()).add(r);
            if (slot >= 0) {
              sum(revenue, slot, pc.amount()).add(r);
            }
          }
        }
        visited += 1 + pc.to(cust) - pc.from(cust);
      }
      SpendColumns sp = c.spend();
      for (int r = 0; r < spendAt.length; r++) {
        int t = w.test(spendAt[r]);
        if (t == MillisWindow.IN
            || (t == MillisWindow.EXACT && w.contains(Instant.ofEpochMilli(spendAt[r])))) {
          int code = sp.channel(r);
          sum(spend, all, sp.amount()).add(r);
          spendRows[all]++;
          int slot = code < 0 ? -1 : slotOf[code];
          if (slot >= 0) {
            sum(spend, slot, sp.amount()).add(r);
            spendRows[slot]++;
          }
        }
      }
      visited += spendAt.length;
    }

    Base base(String channel) {
      if (channel == null) {
        return of(all, -1);
      }
      // a channel's leads and spend are its code's; its customers are those whose first lead is
      // of the channel, and for the no-channel name also those without a lead
      int code = c.channels().find(channel);
      return of(code < 0 ? -1 : slotOf[code], Lead.NO_CHANNEL.equals(channel) ? noLead : -1);
    }

    private Base of(int slot, int plus) {
      PaymentColumns pc = c.payments();
      BigDecimal rev = value(revenue, slot, pc.amount());
      long cust = slot >= 0 ? customers[slot] : 0;
      if (plus >= 0) {
        rev = rev.add(value(revenue, plus, pc.amount()));
        cust += customers[plus];
      }
      if (slot < 0) {
        return new Base(0, 0, 0, 0, 0, rev, value(spend, -1, c.spend().amount()), 0, cust);
      }
      return new Base(leads[slot], mql[slot], sql[slot], won[slot], lost[slot], rev,
          value(spend, slot, c.spend().amount()), spendRows[slot], cust);
    }
  }

  private static Sum sum(Sum[] sums, int slot, MoneyColumn col) {
    Sum s = sums[slot];
    if (s == null) {
      s = new Sum(col);
      sums[slot] = s;
    }
    return s;
  }

  private static BigDecimal value(Sum[] sums, int slot, MoneyColumn col) {
    Sum s = slot < 0 ? null : sums[slot];
    return (s == null ? new Sum(col) : s).value();
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
