package dev.funnel.attribution;

import dev.funnel.core.Dataset;
import dev.funnel.core.Stage;
import dev.funnel.core.StageCatalog;
import dev.funnel.core.columnar.Columns;
import dev.funnel.core.columnar.Dictionary;
import dev.funnel.core.columnar.LeadColumns;
import dev.funnel.core.columnar.MoneyColumn;
import dev.funnel.core.columnar.PaymentColumns;
import dev.funnel.core.columnar.StageColumns;
import dev.funnel.core.columnar.TouchColumns;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The batch route of {@link JourneySet#fromDataset}: journeys cut straight from the dataset's
 * columns ({@link Columns#of(Dataset)}), one pass over the lead indexes (lead-id order, the order of
 * the journey set) reading each lead's touch, stage and payment row ranges, without a record per
 * row.
 *
 * <p>It applies the conventions of {@link JourneySet} exactly as the per-lead record step {@link
 * JourneySet#cut} does (a test proves both give the same journeys on random datasets): times are
 * compared as epoch milliseconds and, only when the milliseconds tie, as exact instants, so
 * sub-millisecond parts decide as they do on {@link Instant}s; touch ages are the same
 * {@link Duration} arithmetic; values are the same {@link BigDecimal}s (the stage amount as
 * written, or the exact sum of the paid amounts). A lead's touches are sorted by time, so its
 * window is one contiguous row range.
 */
final class DatasetJourneys {

  private DatasetJourneys() {}

  static JourneySet of(Dataset ds, JourneyOptions o, Stage conversion, Optional<Stage> opportunity) {
    return of(ds, o, conversion, opportunity, null, null);
  }

  /**
   * The journeys as of {@code asOf} (null: no cut) whose end is at or after {@code from} (null:
   * any): rows stamped after {@code asOf} are left out as if the data ended there (a conversion
   * after it has not happened, so that lead's journey is a null journey ending at its last touch
   * so far; a lead created after it has no row in {@code leads} yet, so its earlier touches and
   * changes are those of an id without a row), and a journey counts when its end (the conversion,
   * or the last touch of a lead that has not converted) is in {@code [from, asOf]}. Conversions
   * without a touch in their window count as unattributed under the same rule.
   */
  static JourneySet of(Dataset ds, JourneyOptions o, Stage conversion, Optional<Stage> opportunity,
      Instant windowFrom, Instant asOf) {
    int n = Columns.of(ds).leads().size();
    boolean two = n >= TWO_PARTS_LEADS && !o.byCampaign()
        && Runtime.getRuntime().availableProcessors() > 1;
    return of(ds, o, conversion, opportunity, windowFrom, asOf, two ? 2 : 1);
  }

  /** Leads from which the journeys are cut in two parts on two threads. */
  static final int TWO_PARTS_LEADS = 100_000;

  /**
   * {@link #of(Dataset, JourneyOptions, Stage, Optional, Instant, Instant)} cut in {@code parts}
   * (1 or 2) contiguous ranges of lead indexes, the second on the common pool, joined in lead
   * order: each lead's journey depends on its own rows only, so the journeys, their order and the
   * exact sums are those of one pass. Campaign keys are numbered in order of first use, so
   * campaign-level journeys are cut in one part.
   */
  static JourneySet of(Dataset ds, JourneyOptions o, Stage conversion, Optional<Stage> opportunity,
      Instant windowFrom, Instant asOf, int parts) {
    Columns c = Columns.of(ds);
    LeadColumns leads = c.leads();
    int n = leads.size();
    Cut cut = new Cut(c, o, conversion, opportunity, windowFrom, asOf);
    if (parts > 1 && !o.byCampaign()) {
      int mid = n / 2;
      Cut second = new Cut(c, o, conversion, opportunity, windowFrom, asOf);
      java.util.concurrent.CompletableFuture<Void> later =
          java.util.concurrent.CompletableFuture.runAsync(() -> second.leads(mid, n));
      cut.leads(0, mid);
      try {
        later.join();
      } catch (java.util.concurrent.CompletionException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        throw e;
      }
      cut.append(second);
    } else {
      cut.leads(0, n);
    }
    int entries = cut.entries;
    int used = cut.used;
    int[] key = cut.key;
    double[] age = cut.age;
    cut.entryStart[entries] = used;
    CampaignKeys campaignKeys = cut.campaignKeys;

    // the credit keys in sorted order, and each raw key's index among them
    String[] names;
    int[] index;
    if (campaignKeys == null) {
      Dictionary channels = c.channels();
      boolean[] seen = new boolean[channels.size()];
      for (int i = 0; i < used; i++) {
        seen[key[i]] = true;
      }
      index = new int[seen.length];
      List<String> out = new ArrayList<>();
      for (int code = 0; code < seen.length; code++) { // code order is string order
        if (seen[code]) {
          index[code] = out.size();
          out.add(channels.value(code));
        }
      }
      names = out.toArray(new String[0]);
    } else {
      names = campaignKeys.names.toArray(new String[0]);
      Integer[] order = new Integer[names.length];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      String[] unsorted = names.clone();
      Arrays.sort(order, (x, y) -> unsorted[x].compareTo(unsorted[y]));
      index = new int[names.length];
      List<String> out = new ArrayList<>();
      for (Integer i : order) { // two pairs may give one key text ("a / b" + none, "a" + "b")
        if (out.isEmpty() || !out.get(out.size() - 1).equals(unsorted[i])) {
          out.add(unsorted[i]);
        }
        index[i] = out.size() - 1;
      }
      names = out.toArray(new String[0]);
    }

    int[] flat = new int[used]; // every touch's credit key index, entry after entry
    for (int i = 0; i < used; i++) {
      flat[i] = index[key[i]];
    }
    String[] ids = new String[entries];
    long[] conv = new long[entries];
    long[] nulls = new long[entries];
    for (int j = 0; j < entries; j++) {
      ids[j] = leads.id(cut.entryLead[j]);
      conv[j] = cut.converted[j] ? 1 : 0;
      nulls[j] = cut.converted[j] ? 0 : 1;
    }
    BigDecimal[] values = Arrays.copyOf(cut.value, entries);
    // the flat arrays as they are are the columnar form the rule-based models run on; the
    // per-entry paths and ages other models use are split from it when first asked for
    CompactJourneys compact = CompactJourneys.of(entries, Arrays.copyOf(cut.entryStart, entries + 1),
        flat, age, conv, values);
    return new JourneySet(names, compact, Arrays.copyOf(cut.leadMark, entries),
        Arrays.copyOf(cut.oppMark, entries), ids, conv, nulls, values, cut.unattributed,
        cut.unattributedValue);
  }

  /**
   * The journeys being cut, one lead at a time ({@link #lead}): per entry (a lead with a journey)
   * its lead, first touch, marks, conversion and value; per touch of the entries its raw key
   * (channel code, or campaign key id) and age.
   */
  private static final class Cut {
    private final Columns c;
    private final LeadColumns leads;
    private final StageColumns stages;
    private final TouchColumns touches;
    private final PaymentColumns payments;
    private final MoneyColumn stageAmount;
    private final boolean[] reachesConversion;
    private final boolean[] reachesOpportunity;
    private final boolean fromCreation;
    private final Duration lookback;
    private final Integer paidDays;
    private final Instant windowFrom;
    private final Instant asOf;
    private final long asOfMs;
    private final int asOfSub;
    private final long windowMs;
    private final int windowSub;
    private final long lookbackMs;
    final CampaignKeys campaignKeys;

    int[] entryLead;
    int[] entryStart;
    int[] leadMark;
    int[] oppMark;
    boolean[] converted;
    BigDecimal[] value;
    int[] key;
    double[] age;
    int entries;
    int used;
    long unattributed;
    BigDecimal unattributedValue = BigDecimal.ZERO;

    Cut(Columns c, JourneyOptions o, Stage conversion, Optional<Stage> opportunity,
        Instant windowFrom, Instant asOf) {
      this.c = c;
      StageCatalog catalog = c.catalog();
      leads = c.leads();
      stages = c.stages();
      touches = c.touches();
      payments = c.payments();
      stageAmount = stages.amount();
      reachesConversion = reaches(catalog, conversion);
      reachesOpportunity = opportunity.map(s -> reaches(catalog, s)).orElse(null);
      fromCreation = conversion.equals(catalog.first());
      lookback = o.lookback();
      paidDays = o.paidRevenueWithinDays();
      this.windowFrom = windowFrom;
      this.asOf = asOf;
      asOfMs = asOf == null ? Long.MAX_VALUE : floorMillis(asOf);
      asOfSub = asOf == null ? SATURATED : floorSub(asOf);
      windowMs = windowFrom == null ? Long.MIN_VALUE : floorMillis(windowFrom);
      windowSub = windowFrom == null ? SATURATED : floorSub(windowFrom);
      lookbackMs = lookback.toMillis(); // whole days
      campaignKeys = o.byCampaign() ? new CampaignKeys(c) : null;
      int n = leads.size();
      entryLead = new int[Math.max(16, Math.min(n, 1 << 16))];
      entryStart = new int[entryLead.length + 1];
      leadMark = new int[entryLead.length];
      oppMark = new int[entryLead.length];
      converted = new boolean[entryLead.length];
      value = new BigDecimal[entryLead.length];
      key = new int[Math.max(16, Math.min(touches.size(), 1 << 20))];
      age = new double[key.length];
    }

    /** Cuts the journeys of the leads {@code [from, to)}, in order. */
    void leads(int from, int to) {
      for (int lead = from; lead < to; lead++) {
        lead(lead); // one call per lead: the JIT compiles the step, not one large loop
      }
    }

    /** Room for {@code cap} entries. */
    private void growEntries(int cap) {
      entryLead = Arrays.copyOf(entryLead, cap);
      entryStart = Arrays.copyOf(entryStart, cap + 1);
      leadMark = Arrays.copyOf(leadMark, cap);
      oppMark = Arrays.copyOf(oppMark, cap);
      converted = Arrays.copyOf(converted, cap);
      value = Arrays.copyOf(value, cap);
    }

    /** Appends the entries of a cut of later leads (the next range of lead indexes). */
    void append(Cut later) {
      int e = entries + later.entries;
      if (e > entryLead.length) {
        growEntries(e);
      }
      System.arraycopy(later.entryLead, 0, entryLead, entries, later.entries);
      for (int j = 0; j < later.entries; j++) {
        entryStart[entries + j] = later.entryStart[j] + used;
      }
      System.arraycopy(later.leadMark, 0, leadMark, entries, later.entries);
      System.arraycopy(later.oppMark, 0, oppMark, entries, later.entries);
      System.arraycopy(later.converted, 0, converted, entries, later.entries);
      System.arraycopy(later.value, 0, value, entries, later.entries);
      int u = used + later.used;
      if (u > key.length) {
        key = Arrays.copyOf(key, u);
        age = Arrays.copyOf(age, u);
      }
      System.arraycopy(later.key, 0, key, used, later.used);
      System.arraycopy(later.age, 0, age, used, later.used);
      entries = e;
      used = u;
      unattributed += later.unattributed;
      unattributedValue = unattributedValue.add(later.unattributedValue);
    }

    /** Whether the lead was created at or before the as-of instant. */
    private boolean createdBy(int lead) {
      int c = compare(leads.createdAt(lead), leads.createdSubMillis(lead), asOfMs, asOfSub);
      return (c == TIE_SATURATED ? leads.created(lead).compareTo(asOf) : c) <= 0;
    }

    /**
     * Cuts the journey of one lead, if it has one. Times are compared as (epoch millisecond,
     * sub-millisecond nanoseconds) pairs, the exact order of the instants, without making them.
     */
    void lead(int lead) {
        // a lead created after the as-of instant has no row yet
        boolean row = leads.hasRow(lead) && (asOf == null || createdBy(lead));
        int tf = touches.from(lead);
        int tt = cutAt(touches, tf, touches.to(lead), asOf, asOfMs, asOfSub);
        int sf = stages.from(lead);
        int st = cutAt(stages, sf, stages.to(lead), asOf, asOfMs, asOfSub);
        int hit = firstReaching(stages, sf, st, reachesConversion);
        boolean created = false;
        if (fromCreation && row
            && (hit < 0 || createdBefore(leads, lead, stages, hit))) {
          created = true; // every lead is at the first stage from its creation (docs/spec/dataset.md)
        }
        boolean converts = created || hit >= 0;
        if (!converts && tf == tt) {
          return;
        }
        long endMs;
        int endSub;
        if (created) {
          endMs = leads.createdAt(lead);
          endSub = leads.createdSubMillis(lead);
        } else if (hit >= 0) {
          endMs = stages.at(hit);
          endSub = stages.subMillis(hit);
        } else {
          endMs = touches.at(tt - 1);
          endSub = touches.subMillis(tt - 1);
        }
        int toWindow = windowFrom == null ? 1 : compare(endMs, endSub, windowMs, windowSub);
        if (toWindow == TIE_SATURATED) {
          toWindow = instant(endMs, endSub).compareTo(windowFrom);
        }
        if (toWindow < 0) {
          return; // the journey ended before the window
        }
        // the window [end - lookback, end] is a contiguous range of the time-sorted touches
        long startMs = endMs - lookbackMs;
        int a = tf;
        if (startMs <= endMs) { // else before every representable time: no touch is too old
          while (a < tt && compareRow(touches, a, startMs, endSub) < 0) {
            a++;
          }
        }
        int b = a;
        while (b < tt && compareRow(touches, b, endMs, endSub) <= 0) {
          b++;
        }
        BigDecimal v = BigDecimal.ZERO;
        if (converts) {
          if (paidDays != null) {
            v = paidRevenue(c, payments, lead, row, instant(endMs, endSub), endMs, paidDays, asOf);
          } else if (!created && stageAmount.present(hit)) {
            v = stageAmount.value(hit);
          }
        }
        if (a == b) {
          if (converts) {
            unattributed++;
            unattributedValue = unattributedValue.add(v);
          }
          return;
        }
        if (entries == entryLead.length) {
          growEntries(entries + (entries >> 1) + 16);
        }
        int len = b - a;
        if (used + len > key.length) {
          int cap = Math.max(used + len, key.length + (key.length >> 1));
          key = Arrays.copyOf(key, cap);
          age = Arrays.copyOf(age, cap);
        }
        entryLead[entries] = lead;
        entryStart[entries] = used;
        converted[entries] = converts;
        value[entries] = v;
        leadMark[entries] = row ? lastAtOrBefore(touches, a, b, leads.createdAt(lead),
            leads.createdSubMillis(lead)) : -1;
        int mark = -1;
        if (reachesOpportunity != null) {
          int opp = firstReaching(stages, sf, st, reachesOpportunity);
          if (opp >= 0) {
            mark = lastAtOrBefore(touches, a, b, stages.at(opp), stages.subMillis(opp));
          }
        }
        oppMark[entries] = mark;
        for (int r = a; r < b; r++) {
          key[used] = campaignKeys == null ? touches.channel(r) : campaignKeys.id(touches, r);
          age[used] = ageDays(touches.at(r), touches.subMillis(r), endMs, endSub);
          used++;
        }
        entries++;
    }
  }

  /** The sub-millisecond part of a bound whose {@link #floorMillis} saturated: compare exactly. */
  private static final int SATURATED = -1;

  /**
   * The nanoseconds within the millisecond {@link #floorMillis} gives for {@code t}, or
   * {@link #SATURATED} when that millisecond is saturated (then only the instant says).
   */
  static int floorSub(Instant t) {
    long s = t.getEpochSecond();
    if (s > Long.MAX_VALUE / 1000 - 1 || s < Long.MIN_VALUE / 1000 + 1) {
      return SATURATED;
    }
    return t.getNano() % 1_000_000;
  }

  /** The instant of epoch millisecond {@code ms} plus {@code sub} nanoseconds. */
  private static Instant instant(long ms, int sub) {
    return Instant.ofEpochSecond(Math.floorDiv(ms, 1000L), Math.floorMod(ms, 1000L) * 1_000_000L + sub);
  }

  /** {@link #compare}: a tie on the millisecond of a saturated bound, which only instants settle. */
  private static final int TIE_SATURATED = Integer.MIN_VALUE;

  /**
   * The order of the time (ms, sub) against a bound given as its floor millisecond and
   * sub-millisecond part ({@link #floorSub}), or {@link #TIE_SATURATED}.
   */
  private static int compare(long ms, int sub, long bMs, int bSub) {
    if (ms != bMs) {
      return ms < bMs ? -1 : 1;
    }
    return bSub != SATURATED ? Integer.compare(sub, bSub) : TIE_SATURATED;
  }


  /** The order of row {@code r}'s time and the time (bMs, bSub) of a row or a sum of them. */
  private static int compareRow(dev.funnel.core.columnar.LeadRows rows, int r, long bMs, int bSub) {
    long ms = rows.at(r);
    if (ms != bMs) {
      return ms < bMs ? -1 : 1;
    }
    return Integer.compare(rows.subMillis(r), bSub);
  }

  /** Per catalog index: whether a change into that stage reaches {@code target} (see {@link JourneySet#cut}). */
  private static boolean[] reaches(StageCatalog catalog, Stage target) {
    boolean[] r = new boolean[catalog.size()];
    for (int i = 0; i < r.length; i++) {
      Stage s = catalog.get(i);
      r[i] = target.exit() ? s.equals(target) : s.progression() && s.index() >= target.index();
    }
    return r;
  }

  /** The first row of {@code [from, to)} whose stage reaches the target, or -1. */
  private static int firstReaching(StageColumns stages, int from, int to, boolean[] reaches) {
    for (int r = from; r < to; r++) {
      if (reaches[stages.stage(r)]) {
        return r;
      }
    }
    return -1;
  }

  /**
   * The end of a lead's time-sorted row range {@code [from, to)} cut at the as-of instant (rows at
   * it are kept); {@code to} without one.
   */
  private static int cutAt(dev.funnel.core.columnar.LeadRows rows, int from, int to, Instant asOf,
      long asOfMs, int asOfSub) {
    if (asOf == null) {
      return to;
    }
    int t = to;
    while (t > from) {
      int r = t - 1;
      int c = compare(rows.at(r), rows.subMillis(r), asOfMs, asOfSub);
      if ((c == TIE_SATURATED ? rows.instant(r).compareTo(asOf) : c) <= 0) {
        break;
      }
      t--;
    }
    return t;
  }

  /** Whether the lead's creation is strictly before stage row {@code r}, exactly. */
  private static boolean createdBefore(LeadColumns leads, int lead, StageColumns stages, int r) {
    long createdMs = leads.createdAt(lead);
    long rowMs = stages.at(r);
    if (createdMs != rowMs) {
      return createdMs < rowMs;
    }
    return leads.createdSubMillis(lead) < stages.subMillis(r);
  }

  /**
   * The position in {@code [a, b)} (0 = a) of the last touch at or before the time (tMs, tSub),
   * or -1.
   */
  private static int lastAtOrBefore(TouchColumns touches, int a, int b, long tMs, int tSub) {
    int found = -1;
    for (int r = a; r < b; r++) {
      if (compareRow(touches, r, tMs, tSub) <= 0) {
        found = r - a;
      }
    }
    return found;
  }

  /**
   * The age in days of a touch at {@code ms} (+ {@code sub} ns) when the journey ends at
   * {@code endMs} (+ {@code endSub} ns): exactly {@code Duration.between(touch, end)} as whole
   * seconds plus nanoseconds over 1e9, over {@link JourneySet#SECONDS_PER_DAY}, computed without
   * making the instants.
   */
  static double ageDays(long ms, int sub, long endMs, int endSub) {
    long apart = endMs - ms;
    if (apart > -MAX_APART_MS && apart < MAX_APART_MS) {
      // the same normalized (seconds, nanoseconds) pair from the difference in nanoseconds,
      // with one division
      long nanos = apart * 1_000_000L + (endSub - sub);
      long secs = nanos / 1_000_000_000L;
      nanos -= secs * 1_000_000_000L;
      if (nanos < 0) {
        secs--;
        nanos += 1_000_000_000L;
      }
      return (secs + nanos / 1e9) / JourneySet.SECONDS_PER_DAY;
    }
    long secs = Math.floorDiv(endMs, 1000L) - Math.floorDiv(ms, 1000L);
    long nanos = (Math.floorMod(endMs, 1000L) - Math.floorMod(ms, 1000L)) * 1_000_000L
        + (endSub - sub);
    secs += Math.floorDiv(nanos, 1_000_000_000L);
    nanos = Math.floorMod(nanos, 1_000_000_000L);
    return (secs + nanos / 1e9) / JourneySet.SECONDS_PER_DAY;
  }

  /** Times at most this far apart (about 290 years) have a difference in nanoseconds in a long. */
  private static final long MAX_APART_MS = Long.MAX_VALUE / 1_000_000L - 1;

  /** Epoch milliseconds rounded toward the past, saturated at the long range. */
  static long floorMillis(Instant t) {
    long s = t.getEpochSecond();
    if (s > Long.MAX_VALUE / 1000 - 1) {
      return Long.MAX_VALUE;
    }
    if (s < Long.MIN_VALUE / 1000 + 1) {
      return Long.MIN_VALUE;
    }
    return s * 1000 + t.getNano() / 1_000_000;
  }

  /**
   * The exact sum of the payments of the lead's customer booked to the lead or to no lead, paid
   * within {@code [from, from + days]} and at or before {@code asOf} (null: no limit): the
   * customer is the lead's {@code customer_id}, or its own id when it has no row in {@code leads}.
   */
  private static BigDecimal paidRevenue(Columns c, PaymentColumns payments, int lead, boolean row,
      Instant from, long fromMs, int days, Instant asOf) {
    LeadColumns leads = c.leads();
    int customer = row ? leads.customer(lead) : c.customers().find(leads.id(lead));
    BigDecimal sum = BigDecimal.ZERO;
    if (customer < 0) {
      return sum;
    }
    Instant to = from.plus(Duration.ofDays(days));
    if (asOf != null && asOf.isBefore(to)) {
      to = asOf;
    }
    long toMs = floorMillis(to);
    MoneyColumn amount = payments.amount();
    for (int r = payments.from(customer); r < payments.to(customer); r++) {
      int booked = payments.lead(r);
      if (booked != Dictionary.ABSENT && booked != lead) {
        continue;
      }
      long ms = payments.at(r);
      int lo = ms != fromMs ? Long.compare(ms, fromMs) : payments.instant(r).compareTo(from);
      int hi = ms != toMs ? Long.compare(ms, toMs) : payments.instant(r).compareTo(to);
      if (lo >= 0 && hi <= 0) {
        sum = sum.add(amount.value(r));
      }
    }
    return sum;
  }

  /**
   * Campaign-level credit keys ({@link JourneyOptions#campaignKey}): an id per distinct (channel,
   * campaign) pair in order of first sight, with its key text; sorted once all are seen.
   */
  private static final class CampaignKeys {
    private final Columns c;
    private final Map<Long, Integer> ids = new HashMap<>();
    final List<String> names = new ArrayList<>();

    CampaignKeys(Columns c) {
      this.c = c;
    }

    int id(TouchColumns touches, int r) {
      int channel = touches.channel(r);
      int campaign = touches.campaign(r);
      long pair = ((long) channel << 32) | (campaign & 0xFFFFFFFFL);
      Integer id = ids.get(pair);
      if (id == null) {
        id = names.size();
        ids.put(pair, id);
        names.add(JourneyOptions.campaignKey(
            c.channels().value(channel), c.campaigns().value(campaign)));
      }
      return id;
    }
  }
}
