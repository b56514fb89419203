package dev.funnel.attribution;

import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Journey;
import dev.funnel.core.JourneyPath;
import dev.funnel.core.Lead;
import dev.funnel.core.LeadHistory;
import dev.funnel.core.Payment;
import dev.funnel.core.Stage;
import dev.funnel.core.StageCatalog;
import dev.funnel.core.StageChange;
import dev.funnel.core.Touch;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The journeys attribution runs on: each entry is a channel path with its converting and null
 * journeys and their exact total value, plus, when built from touches, each touch's age in days
 * before the conversion and the W-shaped markers.
 *
 * <p>Built from a dataset ({@link #fromDataset}) every entry is one lead; from the {@code paths}
 * table ({@link #fromPaths}) every entry is one path row standing for many journeys. Entries are
 * held in a canonical order (lead id, or path text then counts), so the same rows in any order
 * give the same results. Immutable and thread-safe.
 *
 * <p>Journey conventions (docs/spec/cli.md): the conversion is the lead's first entry into the
 * conversion stage (or, as reaching a later stage implies passing it, into any later progression
 * stage; for the catalog's first stage, the lead's creation); its value is the amount on that
 * stage change, zero when absent (or, as an option, the
 * lead's paid revenue within N days). A converting journey is the lead's touches at or before the
 * conversion and not older than the lookback; touches after the conversion never count. For a lead
 * that never converts the lookback window ends at its latest touch. A lead that converts with no
 * touch in its window cannot be attributed: it is counted in {@link #unattributedConversions()}
 * and left out of the totals.
 */
public final class JourneySet {

  static final double SECONDS_PER_DAY = 86_400.0;

  final String[] channels;
  /**
   * Each entry's path and touch ages: given, or, for a set the dataset route cut, split from its
   * columnar form on first use ({@link #pathArrays()}, {@link #ageArrays()}), since the rule-based
   * models need only that form. Benign race, same content.
   */
  private volatile int[][] paths;
  private volatile double[][] ages;
  private final boolean timed;
  final int[] leadMark;
  final int[] oppMark;
  final String[] ids;
  final long[] conv;
  final long[] nulls;
  final BigDecimal[] value;
  private final long unattributed;
  private final BigDecimal unattributedValue;
  private final long totalConv;
  private final long totalNulls;
  private final BigDecimal totalValue;
  /** The distinct paths, repeats collapsed / kept: built on first use (benign race, same content). */
  private volatile UniquePaths collapsedPaths;
  private volatile UniquePaths keptPaths;
  /** The columnar form and the assisted / last-touch counts: built on first use (benign race, same content). */
  private volatile CompactJourneys compact;
  private volatile long[][] influence;

  private JourneySet(List<Entry> given, boolean sortByPath, boolean timed, boolean marked,
      long unattributed, BigDecimal unattributedValue) {
    java.util.HashSet<String> seen = new java.util.HashSet<>();
    for (Entry e : given) {
      seen.addAll(e.channels);
    }
    this.channels = seen.toArray(new String[0]);
    Arrays.sort(channels);
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < channels.length; i++) {
      index.put(channels[i], i);
    }
    int[][] coded = new int[given.size()][];
    for (int j = 0; j < coded.length; j++) {
      List<String> ch = given.get(j).channels;
      int[] p = new int[ch.size()];
      for (int i = 0; i < p.length; i++) {
        p[i] = index.get(ch.get(i));
      }
      coded[j] = p;
    }
    Integer[] order = new Integer[given.size()];
    for (int j = 0; j < order.length; j++) {
      order[j] = j;
    }
    if (sortByPath) {
      // canonical order: path (channel indices, lexicographic), then counts and value
      Arrays.sort(order, (a, b) -> {
        int c = Arrays.compare(coded[a], coded[b]);
        if (c != 0) {
          return c;
        }
        Entry x = given.get(a);
        Entry y = given.get(b);
        c = Long.compare(x.conversions, y.conversions);
        if (c != 0) {
          return c;
        }
        c = Long.compare(x.nulls, y.nulls);
        return c != 0 ? c : x.value.compareTo(y.value);
      });
    }
    List<Entry> entries = new ArrayList<>(given.size());
    int[][] sortedPaths = new int[given.size()][];
    for (int j = 0; j < order.length; j++) {
      entries.add(given.get(order[j]));
      sortedPaths[j] = coded[order[j]];
    }
    int n = entries.size();
    int[][] paths = new int[n][];
    double[][] ages = timed ? new double[n][] : null;
    this.timed = timed;
    leadMark = marked ? new int[n] : null;
    oppMark = marked ? new int[n] : null;
    ids = new String[n];
    conv = new long[n];
    nulls = new long[n];
    value = new BigDecimal[n];
    long c = 0;
    long nu = 0;
    BigDecimal v = BigDecimal.ZERO;
    for (int j = 0; j < n; j++) {
      Entry e = entries.get(j);
      paths[j] = sortedPaths[j];
      if (timed) {
        ages[j] = e.ages;
      }
      if (marked) {
        leadMark[j] = e.leadMark;
        oppMark[j] = e.oppMark;
      }
      ids[j] = e.id; // null for path rows: id(j) writes the path text on demand
      conv[j] = e.conversions;
      nulls[j] = e.nulls;
      value[j] = e.value;
      c = Math.addExact(c, e.conversions);
      nu = Math.addExact(nu, e.nulls);
      v = v.add(e.value);
    }
    this.paths = paths;
    this.ages = ages;
    this.totalConv = c;
    this.totalNulls = nu;
    this.totalValue = v;
    this.unattributed = unattributed;
    this.unattributedValue = unattributedValue;
  }

  /**
   * A journey set from arrays already in canonical order (the columnar cut of a dataset, {@link
   * DatasetJourneys}): entry j has the lead id {@code ids[j]}, the path of indexes into
   * {@code channels} (sorted) and the touch ages that {@code compact} holds for it (ages null in
   * it when untimed), and so on; the arrays are kept, not copied.
   */
  JourneySet(String[] channels, CompactJourneys compact, int[] leadMark, int[] oppMark,
      String[] ids, long[] conv, long[] nulls, BigDecimal[] value, long unattributed,
      BigDecimal unattributedValue) {
    this(channels, null, null, compact, leadMark, oppMark, ids, conv, nulls, value, unattributed,
        unattributedValue);
  }

  /**
   * As {@link #JourneySet(String[], CompactJourneys, int[], int[], String[], long[], long[],
   * BigDecimal[], long, BigDecimal)} with each entry's path {@code paths[j]} and ages
   * {@code ages[j]} (null: untimed) given as arrays of their own.
   */
  JourneySet(String[] channels, int[][] paths, double[][] ages, int[] leadMark, int[] oppMark,
      String[] ids, long[] conv, long[] nulls, BigDecimal[] value, long unattributed,
      BigDecimal unattributedValue) {
    this(channels, paths, ages, null, leadMark, oppMark, ids, conv, nulls, value, unattributed,
        unattributedValue);
  }

  private JourneySet(String[] channels, int[][] paths, double[][] ages, CompactJourneys compact,
      int[] leadMark, int[] oppMark, String[] ids, long[] conv, long[] nulls, BigDecimal[] value,
      long unattributed, BigDecimal unattributedValue) {
    this.channels = channels;
    this.paths = paths;
    this.ages = ages;
    this.compact = compact;
    this.timed = compact != null ? compact.age != null : ages != null;
    this.leadMark = leadMark;
    this.oppMark = oppMark;
    this.ids = ids;
    this.conv = conv;
    this.nulls = nulls;
    this.value = value;
    long c = 0;
    long nu = 0;
    BigDecimal v = BigDecimal.ZERO;
    for (int j = 0; j < conv.length; j++) {
      c = Math.addExact(c, conv[j]);
      nu = Math.addExact(nu, nulls[j]);
      if (value[j].signum() != 0 || value[j].scale() > 0) { // a zero of scale <= 0 changes nothing
        v = v.add(value[j]);
      }
    }
    this.totalConv = c;
    this.totalNulls = nu;
    this.totalValue = v;
    this.unattributed = unattributed;
    this.unattributedValue = unattributedValue;
  }

  private record Entry(String id, List<String> channels, double[] ages, int leadMark, int oppMark,
      long conversions, long nulls, BigDecimal value) {}

  /**
   * Journeys from the {@code paths} table: one entry per row; no touch times or markers, so
   * time decay and W-shaped cannot run on it. Rows with neither conversions nor nulls are kept
   * (they carry no weight).
   */
  public static JourneySet fromPaths(List<JourneyPath> paths) {
    if (paths == null) {
      throw new IllegalArgumentException("paths must not be null");
    }
    List<Entry> entries = new ArrayList<>(paths.size());
    for (JourneyPath p : paths) {
      if (p == null) {
        throw new IllegalArgumentException("paths must not contain null rows");
      }
      entries.add(new Entry(null, p.channels(), null, -1, -1, p.conversions(), p.nulls(), p.value()));
    }
    return new JourneySet(entries, true, false, false, 0, BigDecimal.ZERO);
  }

  /** Journeys from accumulated path counts (see {@link PathState}). */
  public static JourneySet fromCounts(PathState counts) {
    return fromPaths(counts.paths());
  }

  /**
   * Journeys already cut (core {@link Journey}s): touch ages are measured from the conversion,
   * or from the latest touch for journeys that did not convert. No W-shaped markers. Journeys
   * without touches that converted are counted as unattributed; those that did not are dropped.
   *
   * @throws IllegalArgumentException on two journeys with the same lead id
   */
  public static JourneySet fromJourneys(List<Journey> journeys) {
    if (journeys == null) {
      throw new IllegalArgumentException("journeys must not be null");
    }
    List<Entry> entries = new ArrayList<>(journeys.size());
    long unattributed = 0;
    BigDecimal unattributedValue = BigDecimal.ZERO;
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (Journey j : journeys) {
      if (!seen.add(j.leadId())) {
        throw new IllegalArgumentException("two journeys for lead '" + j.leadId() + "'");
      }
      if (j.touches().isEmpty()) {
        if (j.converted()) {
          unattributed++;
          unattributedValue = unattributedValue.add(j.value());
        }
        continue;
      }
      Instant end = j.converted() ? j.conversionAt() : j.touches().get(j.touches().size() - 1).at();
      if (j.converted() && j.touches().get(j.touches().size() - 1).at().isAfter(end)) {
        throw new IllegalArgumentException(
            "journey of lead '" + j.leadId() + "' has a touch after its conversion");
      }
      entries.add(new Entry(j.leadId(), j.channels(), ages(j.touches(), end), -1, -1,
          j.converted() ? 1 : 0, j.converted() ? 0 : 1, j.value()));
    }
    entries.sort(Comparator.comparing(Entry::id));
    return new JourneySet(entries, false, true, false, unattributed, unattributedValue);
  }

  /**
   * Journeys cut from a dataset's {@code touches} and {@code stages} (and {@code payments} when the
   * value is paid revenue), with the W-shaped markers: the lead-creation touch is the last touch
   * at or before the lead's {@code created_at} (needs the {@code leads} table), the
   * opportunity-creation touch the last touch at or before the lead first reached the opportunity
   * stage; a marker that does not exist for a journey is absent.
   *
   * @throws IllegalStateException when the touches table (or payments, when asked for) is missing
   * @throws IllegalArgumentException when the conversion stage is not in the catalog
   */
  public static JourneySet fromDataset(Dataset ds, JourneyOptions options) {
    return fromDataset(ds, options, null, null);
  }

  /**
   * The journeys of {@link #fromDataset(Dataset, JourneyOptions)} that end in the window
   * {@code [from, asOf]} (both ends included; null sides open), as of {@code asOf}: the data is
   * taken as it stood at {@code asOf} (rows stamped after it, and leads created after it, are left
   * out), so a lead that converts later is, as of {@code asOf}, a null journey ending at its last
   * touch so far. A journey ends at its conversion, or, for a lead without one, at its last touch;
   * lookback and markers are as in the other method, and conversions without a touch in their
   * window count as unattributed when they fall in the window. This is the attribution of a
   * period as of its end: {@code from} the period's start, {@code asOf} its last instant.
   *
   * @throws IllegalStateException when the touches table (or payments, when asked for) is missing
   * @throws IllegalArgumentException when the conversion stage is not in the catalog, or
   *     {@code from} is after {@code asOf}
   */
  public static JourneySet fromDataset(Dataset ds, JourneyOptions options, Instant from,
      Instant asOf) {
    if (from != null && asOf != null && from.isAfter(asOf)) {
      throw new IllegalArgumentException("journey window start " + from + " is after the as-of instant " + asOf);
    }
    JourneyOptions o = options == null ? JourneyOptions.DEFAULTS : options;
    ds.require(DatasetTable.TOUCHES, "attribution");
    if (o.paidRevenueWithinDays() != null) {
      ds.require(DatasetTable.PAYMENTS, "attribution with paid revenue as value");
    }
    Stage conversion = o.conversionStage() == null
        ? ds.catalog().won()
        : ds.catalog().stage(o.conversionStage());
    Optional<Stage> opportunity = o.opportunityStage() == null
        ? ds.catalog().find("OPPORTUNITY")
        : Optional.of(ds.catalog().stage(o.opportunityStage()));
    return DatasetJourneys.of(ds, o, conversion, opportunity, from, asOf);
  }

  /**
   * One lead's journey as cut by {@link #fromDataset}: the touches in its window (in order), the
   * window end, whether it converted and its value, the W-shaped markers and the credit keys.
   */
  record Cut(List<Touch> in, Instant end, boolean converted, BigDecimal value, int leadMark,
      int oppMark, List<String> channels) {}

  /**
   * The per-lead step of {@link #fromDataset} over records, for {@link #pathOf} (routes that group
   * a dataset's rows by lead themselves); {@code fromDataset} cuts the same journeys from the
   * dataset's columns ({@link DatasetJourneys}), and a test proves both agree. The lead's touches
   * and stage changes must be in the dataset's order ({@link Dataset#touchOrder()}, {@link Dataset#stageOrder()}); {@code payments}
   * are the customer's (only read with the paid-revenue option). Null when the lead neither
   * converts nor has touches.
   */
  static Cut cut(String id, Lead created, List<Touch> touches, List<StageChange> changes,
      List<Payment> payments, StageCatalog catalog, Stage conversion, Optional<Stage> opportunity,
      JourneyOptions o) {
    StageChange hit = firstReaching(changes, conversion);
    if (conversion.equals(catalog.first()) && created != null
        && (hit == null || created.createdAt().isBefore(hit.at()))) {
      // every lead is at the first stage from its creation (docs/spec/dataset.md)
      hit = StageChange.of(id, conversion, created.createdAt());
    }
    if (hit == null && touches.isEmpty()) {
      return null;
    }
    Instant end = hit != null ? hit.at() : touches.get(touches.size() - 1).at();
    Instant start = end.minus(o.lookback());
    List<Touch> in = new ArrayList<>();
    for (Touch t : touches) {
      if (!t.at().isBefore(start) && !t.at().isAfter(end)) {
        in.add(t);
      }
    }
    BigDecimal value = BigDecimal.ZERO;
    if (hit != null) {
      value = o.paidRevenueWithinDays() == null
          ? (hit.amount() == null ? BigDecimal.ZERO : hit.amount().amount())
          : paidRevenue(payments, id, hit.at(), o.paidRevenueWithinDays());
    }
    if (in.isEmpty()) {
      return new Cut(in, end, hit != null, value, -1, -1, List.of());
    }
    int leadMark = created == null ? -1 : lastAtOrBefore(in, created.createdAt());
    int oppMark = -1;
    if (opportunity.isPresent()) {
      StageChange opp = firstReaching(changes, opportunity.get());
      if (opp != null) {
        oppMark = lastAtOrBefore(in, opp.at());
      }
    }
    List<String> ch = new ArrayList<>(in.size());
    for (Touch t : in) {
      ch.add(o.byCampaign() ? JourneyOptions.campaignKey(t.channel(), t.campaign()) : t.channel());
    }
    return new Cut(in, end, hit != null, value, leadMark, oppMark, ch);
  }

  /**
   * The journey of one lead's history: {@link #pathOf(String, Lead, List, List, List, StageCatalog,
   * JourneyOptions)} of its id, lead, touches, stage changes and payments.
   */
  public static JourneyPath pathOf(LeadHistory h, StageCatalog catalog, JourneyOptions options) {
    return pathOf(h.id(), h.lead(), h.touches(), h.stages(), h.payments(), catalog, options);
  }

  /**
   * One lead's journey as a row of the {@code paths} table: the per-lead step of
   * {@link #fromDataset}, shared with routes that group a dataset's rows by lead (Spark), so a
   * {@link PathState} or {@link TransitionState} summed over these rows equals the one of
   * {@code fromDataset(ds, options).pathCounts()}. The conventions are those of the class.
   *
   * @param leadId   the lead
   * @param lead     the lead's row of the leads table, or null when it has none
   * @param touches  the lead's touches, any order (put in {@link Dataset#touchOrder()})
   * @param changes  the lead's stage changes, any order (put in {@link Dataset#stageOrder()})
   * @param payments the payments of the lead's customer, any order; read only when the options
   *                 take the value from paid revenue
   * @param catalog  the dataset's stage catalog
   * @param options  how journeys are cut; null for the defaults
   * @return a path with one conversion and its value, or one null journey; null when the lead has
   *     no journey (no conversion and no touches) or a conversion with no touch in its window
   *     (an unattributed conversion, left out of path counts as in {@link #fromDataset})
   * @throws IllegalArgumentException when the conversion or opportunity stage is not in the catalog
   */
  public static JourneyPath pathOf(String leadId, Lead lead, List<Touch> touches,
      List<StageChange> changes, List<Payment> payments, StageCatalog catalog,
      JourneyOptions options) {
    JourneyOptions o = options == null ? JourneyOptions.DEFAULTS : options;
    Stage conversion = o.conversionStage() == null
        ? catalog.won()
        : catalog.stage(o.conversionStage());
    Optional<Stage> opportunity = o.opportunityStage() == null
        ? catalog.find("OPPORTUNITY")
        : Optional.of(catalog.stage(o.opportunityStage()));
    List<Touch> ts = new ArrayList<>(touches);
    ts.sort(Dataset.touchOrder());
    List<StageChange> cs = new ArrayList<>(changes);
    cs.sort(Dataset.stageOrder());
    Cut cut = cut(leadId, lead, ts, cs, payments, catalog, conversion, opportunity, o);
    if (cut == null || cut.in().isEmpty()) {
      return null;
    }
    return cut.converted()
        ? new JourneyPath(cut.channels(), 1, cut.value(), 0)
        : new JourneyPath(cut.channels(), 0, BigDecimal.ZERO, 1);
  }

  /** The first change into {@code target}, or (for a progression target) into any later progression stage. */
  private static StageChange firstReaching(List<StageChange> changes, Stage target) {
    for (StageChange s : changes) {
      Stage st = s.stage();
      boolean reaches = target.exit()
          ? st.equals(target)
          : st.progression() && st.index() >= target.index();
      if (reaches) {
        return s;
      }
    }
    return null;
  }

  private static int lastAtOrBefore(List<Touch> touches, Instant t) {
    int found = -1;
    for (int i = 0; i < touches.size(); i++) {
      if (!touches.get(i).at().isAfter(t)) {
        found = i;
      }
    }
    return found;
  }

  private static BigDecimal paidRevenue(List<Payment> payments, String leadId, Instant from, int days) {
    Instant to = from.plus(Duration.ofDays(days));
    BigDecimal sum = BigDecimal.ZERO;
    for (Payment p : payments) {
      boolean ours = p.leadId() == null || p.leadId().equals(leadId);
      if (ours && !p.paidAt().isBefore(from) && !p.paidAt().isAfter(to)) {
        sum = sum.add(p.amount().amount());
      }
    }
    return sum;
  }

  private static double[] ages(List<Touch> touches, Instant end) {
    double[] a = new double[touches.size()];
    for (int i = 0; i < a.length; i++) {
      Duration d = Duration.between(touches.get(i).at(), end);
      a[i] = (d.getSeconds() + d.getNano() / 1e9) / SECONDS_PER_DAY;
    }
    return a;
  }

  /** The channels, sorted. */
  public List<String> channels() {
    return Collections.unmodifiableList(Arrays.asList(channels.clone()));
  }

  /** Number of entries (leads, or path rows). */
  public int size() {
    return conv.length;
  }

  /** Total converting journeys (attributable ones). */
  public long conversions() {
    return totalConv;
  }

  /** Total journeys that did not convert. */
  public long nulls() {
    return totalNulls;
  }

  /** Exact total conversion value of the attributable conversions. */
  public BigDecimal value() {
    return totalValue;
  }

  /** Conversions with no touch in their lookback window (left out of every total). */
  public long unattributedConversions() {
    return unattributed;
  }

  /** Exact value of the unattributed conversions. */
  public BigDecimal unattributedValue() {
    return unattributedValue;
  }

  /** Whether touch times are known (time decay can run). */
  public boolean timed() {
    return timed;
  }

  /** Whether W-shaped markers are known (W-shaped can run). */
  public boolean marked() {
    return leadMark != null;
  }

  /** The entries aggregated by path: the {@code paths} table of these journeys, sorted by path text. */
  public List<JourneyPath> paths() {
    return pathCounts().paths();
  }

  /** The entries as a mergeable path-count state. */
  public PathState pathCounts() {
    PathState pc = PathState.empty();
    for (int j = 0; j < size(); j++) {
      pc.add(channelsOf(j), conv[j], value[j], nulls[j]);
    }
    return pc;
  }

  /** The distinct paths of the entries (repeats collapsed unless kept), built once and cached. */
  UniquePaths uniquePaths(boolean keepRepeats) {
    UniquePaths u = keepRepeats ? keptPaths : collapsedPaths;
    if (u == null) {
      u = UniquePaths.of(pathArrays(), keepRepeats);
      if (keepRepeats) {
        keptPaths = u;
      } else {
        collapsedPaths = u;
      }
    }
    return u;
  }

  /** Each entry's path of channel indexes (split from the columnar form on first use). */
  int[][] pathArrays() {
    int[][] p = paths;
    if (p == null) {
      CompactJourneys c = compact;
      p = new int[size()][];
      for (int j = 0; j < p.length; j++) {
        p[j] = Arrays.copyOfRange(c.channel, c.start[j], c.start[j + 1]);
      }
      paths = p;
    }
    return p;
  }

  /** Each entry's touch ages in days, null when untimed (split on first use, as the paths). */
  double[][] ageArrays() {
    double[][] a = ages;
    if (a == null && timed) {
      CompactJourneys c = compact;
      a = new double[size()][];
      for (int j = 0; j < a.length; j++) {
        a[j] = Arrays.copyOfRange(c.age, c.start[j], c.start[j + 1]);
      }
      ages = a;
    }
    return a;
  }

  /** The columnar form the rule-based models run on, built once and cached. */
  CompactJourneys compact() {
    CompactJourneys c = compact;
    if (c == null) {
      c = CompactJourneys.of(this);
      compact = c;
    }
    return c;
  }

  /** Assisted and last-touch conversions per channel ({@link CreditEngine#influence}), built once and cached. */
  long[][] influence() {
    long[][] i = influence;
    if (i == null) {
      i = CreditEngine.influence(this);
      influence = i;
    }
    return i;
  }

  /** The lead id of entry j, or its path text for a path row. */
  String id(int j) {
    return ids[j] != null ? ids[j] : String.join(" > ", channelsOf(j));
  }

  List<String> channelsOf(int j) {
    int[] p = pathArrays()[j];
    List<String> out = new ArrayList<>(p.length);
    for (int c : p) {
      out.add(channels[c]);
    }
    return out;
  }

  @Override
  public String toString() {
    return "JourneySet[" + size() + " entries, " + channels.length + " channels, " + totalConv
        + " conversions, value " + totalValue.toPlainString() + ", " + totalNulls + " nulls"
        + (unattributed > 0 ? ", " + unattributed + " unattributed" : "") + "]";
  }
}
