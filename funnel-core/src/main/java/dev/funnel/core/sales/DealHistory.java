package dev.funnel.core.sales;

import dev.funnel.core.Dataset;
import dev.funnel.core.Lead;
import dev.funnel.core.Stage;
import dev.funnel.core.StageCatalog;
import dev.funnel.core.columnar.Columns;
import dev.funnel.core.columnar.Dictionary;
import dev.funnel.core.columnar.LeadColumns;
import dev.funnel.core.columnar.PaymentColumns;
import dev.funnel.core.columnar.StageColumns;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;

/**
 * One lead's deal as of an instant, from one pass over its own stage-change rows of the dataset's
 * columns: reach times, the first actual entry into each stage, the outcome, the amounts.
 *
 * <p>Changes after {@code asOf} are ignored (null asOf: none is); the stage rows are in time order,
 * so the kept changes are the rows {@code [from, cut)}. The deal value is the latest non-null
 * amount of a change; the won value is the amount on the first change into the won stage, or the
 * latest amount before it when that change has none. Reach times follow {@link
 * dev.funnel.core.funnel.LeadReach}: stage {@code k} is reached at the earliest kept change into
 * {@code k} or a later progression stage, the first stage at creation.
 *
 * <p>A cursor, not a value: {@link #load(int)} reuses the arrays for the next lead, so a pass over
 * every lead allocates nothing per lead but the amounts and instants it hands out. Times are kept
 * as references: a stage row ({@code >= 0}), {@link #CREATED} (the lead's creation) or
 * {@link #NONE}; they compare on epoch milliseconds and, only on a tie, on the exact instants, so
 * every comparison is exact. Not thread-safe.
 */
final class DealHistory {

  /** The time reference of "never". */
  static final int NONE = -1;
  /** The time reference of the lead's creation. */
  static final int CREATED = -2;

  final Columns cols;
  final StageColumns stages;
  final PaymentColumns payments;
  final StageCatalog catalog;
  /** Number of progression stages: catalog indexes below it are progression stages. */
  final int n;
  private final int wonIndex;
  private final int returnedIndex;
  private final Instant asOf;
  private final long asOfMs;

  /** The lead index (its rows), or {@link Dictionary#ABSENT} for a lead without rows. */
  int lead;
  /** The lead's customer code, or {@link Dictionary#ABSENT}. */
  int customer;
  /** The lead's owner name, or null. */
  String leadOwner;
  private long createdMs;
  private Instant created;
  private boolean createdKnown;
  /** Kept stage rows: {@code [from, cut)}. */
  int from;
  int cut;
  /** Reach time per progression stage (time references). */
  final int[] reach;
  /** First actual (not implied) entry per progression stage; [0] is the creation time. */
  final int[] entered;
  /** The latest kept change, or -1. */
  int last;
  /** The first kept change into the won stage, or -1. */
  int firstWon;
  private int amountRow;
  private int wonAmountRow;
  private int furthest;
  Outcome outcome;

  DealHistory(Dataset d, Instant asOf) {
    this.cols = Columns.of(d);
    this.stages = cols.stages();
    this.payments = cols.payments();
    this.catalog = d.catalog();
    this.n = catalog.progression().size();
    this.wonIndex = catalog.won().index();
    this.returnedIndex = catalog.returned().map(Stage::index).orElse(-1);
    this.asOf = asOf;
    this.asOfMs = asOf == null ? Long.MAX_VALUE : millis(asOf);
    this.reach = new int[n];
    this.entered = new int[n];
  }

  /** Loads the dataset's lead at this index (which has a row in {@code leads}). */
  DealHistory load(int leadIndex) {
    LeadColumns lc = cols.leads();
    this.lead = leadIndex;
    this.customer = lc.customer(leadIndex);
    this.leadOwner = cols.owners().value(lc.owner(leadIndex));
    this.createdMs = lc.createdAt(leadIndex);
    this.created = null;
    this.createdKnown = false;
    return scan();
  }

  /**
   * Loads a lead given as a record, with the dataset's stage changes of its id (none when the
   * dataset does not mention it) and its customer's payments.
   */
  DealHistory load(Lead l) {
    this.lead = cols.leadIds().find(l.id());
    this.customer = cols.customers().find(l.customerId());
    this.leadOwner = l.owner();
    this.created = l.createdAt();
    this.createdMs = millis(created);
    this.createdKnown = true;
    return scan();
  }

  private DealHistory scan() {
    if (lead < 0) {
      from = 0;
      cut = 0;
    } else {
      from = stages.from(lead);
      cut = stages.to(lead);
      while (cut > from && after(cut - 1)) {
        cut--;
      }
    }
    Arrays.fill(reach, NONE);
    Arrays.fill(entered, NONE);
    reach[0] = CREATED;
    entered[0] = CREATED;
    int highest = 0;
    last = -1;
    firstWon = -1;
    amountRow = -1;
    wonAmountRow = -1;
    for (int r = from; r < cut; r++) {
      int k = stages.stage(r);
      if (k < n) {
        if (entered[k] == NONE) {
          entered[k] = r;
        }
        for (int j = highest + 1; j <= k; j++) {
          reach[j] = r; // the earliest change into j or later: rows are in time order
        }
        highest = Math.max(highest, k);
      }
      if (stages.amount().present(r)) {
        amountRow = r;
      }
      if (k == wonIndex && firstWon < 0) {
        firstWon = r;
        wonAmountRow = amountRow;
      }
      last = r;
    }
    furthest = highest;
    if (firstWon >= 0) {
      outcome = Outcome.WON;
    } else if (last >= 0 && stages.stage(last) >= n) {
      outcome = stages.stage(last) == returnedIndex ? Outcome.RETURNED : Outcome.LOST;
    } else {
      outcome = Outcome.OPEN;
    }
    return this;
  }

  /** Whether stage row {@code r} is after the as-of instant. */
  private boolean after(int r) {
    if (asOf == null) {
      return false;
    }
    long m = stages.at(r);
    return m > asOfMs || (m == asOfMs && stages.instant(r).isAfter(asOf));
  }

  /** Index of the furthest progression stage reached (0 at least). */
  int furthest() {
    return furthest;
  }

  /** The current progression stage index: the stage of the latest change, or the first stage. */
  int current() {
    return last < 0 ? 0 : stages.stage(last);
  }

  /** The deal value: the latest non-null amount, or null. */
  BigDecimal amount() {
    return amountRow < 0 ? null : stages.amount().value(amountRow);
  }

  /** The won value, or null. */
  BigDecimal wonAmount() {
    return wonAmountRow < 0 ? null : stages.amount().value(wonAmountRow);
  }

  /** The owner code of a stage row. */
  int owner(int row) {
    return stages.owner(row);
  }

  /** Epoch milliseconds of a time reference (not {@link #NONE}). */
  long ms(int ref) {
    return ref == CREATED ? createdMs : stages.at(ref);
  }

  /** The exact instant of a time reference, null for {@link #NONE}. */
  Instant instant(int ref) {
    if (ref == NONE) {
      return null;
    }
    if (ref == CREATED) {
      if (!createdKnown) {
        created = cols.leads().created(lead);
        createdKnown = true;
      }
      return created;
    }
    return stages.instant(ref);
  }

  /** Compares two time references (neither {@link #NONE}). */
  int compare(int a, int b) {
    long x = ms(a);
    long y = ms(b);
    return x != y ? Long.compare(x, y) : instant(a).compareTo(instant(b));
  }

  /** Compares a time reference (not {@link #NONE}) with an instant. */
  int compare(int ref, Instant t) {
    long x = ms(ref);
    long y = millis(t);
    return x != y ? Long.compare(x, y) : instant(ref).compareTo(t);
  }

  /** Whether the time reference is a time inside {@code [from, to)} (null bounds: open). */
  boolean inWindow(int ref, Instant from, Instant to) {
    return ref != NONE && (from == null || compare(ref, from) >= 0)
        && (to == null || compare(ref, to) < 0);
  }

  /**
   * The first positive payment of the lead's customer at or after the time reference {@code since}
   * and at or before the as-of instant (null: no limit), as a payment row, or -1; payments booked
   * to another lead of the customer do not count.
   */
  int firstPayment(int since) {
    if (customer < 0) {
      return -1;
    }
    long sinceMs = ms(since);
    for (int r = payments.from(customer); r < payments.to(customer); r++) { // time order
      if (payments.amount().signum(r) <= 0) {
        continue;
      }
      int pl = payments.lead(r);
      if (pl != Dictionary.ABSENT && pl != lead) {
        continue;
      }
      long m = payments.at(r);
      if (m < sinceMs || (m == sinceMs && payments.instant(r).isBefore(instant(since)))) {
        continue;
      }
      boolean late = asOf != null
          && (m > asOfMs || (m == asOfMs && payments.instant(r).isAfter(asOf)));
      return late ? -1 : r;
    }
    return -1;
  }

  /** Days from a time reference to a payment row. */
  double daysToPayment(int ref, int paymentRow) {
    return days(instant(ref), payments.instant(paymentRow));
  }

  /** Epoch milliseconds of an instant rounded toward the past, saturated to the long range. */
  static long millis(Instant t) {
    try {
      return t.toEpochMilli();
    } catch (ArithmeticException e) {
      return t.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }

  static boolean inWindow(Instant t, Instant from, Instant to) {
    return t != null && (from == null || !t.isBefore(from)) && (to == null || t.isBefore(to));
  }

  static double days(Instant from, Instant to) {
    return java.time.Duration.between(from, to).toMillis() / 86_400_000.0;
  }

  /** The progression stage of this name; an exit or unknown name is an IllegalArgumentException. */
  static Stage progression(StageCatalog c, String name) {
    Stage s = c.stage(name);
    if (s.exit()) {
      throw new IllegalArgumentException("stage " + s + " is an exit, not a progression stage");
    }
    return s;
  }

  /** Fails with an IllegalArgumentException naming the calculation when asOf is missing. */
  static Instant requireAsOf(Instant asOf, String what) {
    if (asOf == null) {
      throw new IllegalArgumentException(what + " needs an as-of instant");
    }
    return asOf;
  }

  /** num / den, NaN when den is 0. */
  static double ratio(long num, long den) {
    return den == 0 ? Double.NaN : (double) num / den;
  }

  /** num / den, NaN when den is 0. */
  static double ratio(BigDecimal num, BigDecimal den) {
    return den.signum() == 0 ? Double.NaN
        : num.divide(den, java.math.MathContext.DECIMAL64).doubleValue();
  }

  /** A duration in hours. */
  static double hours(java.time.Duration d) {
    return d.toMillis() / 3_600_000.0;
  }
}
