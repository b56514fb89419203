package dev.funnel.scoring;

import dev.funnel.core.columnar.Dictionary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a lead's state becomes the model's columns, learned from the training rows.
 *
 * <p>Numbers (counts and days, with {@code log(1 + x)} so a tenth touch weighs less than the
 * first): lead age; touches, offline touches, and whether touched with the days since the last
 * touch; activities, whether contacted with the days since the last activity, and the count of
 * each frequent activity type (the six most common types with at least {@code minLevelRows}
 * rows); days since the last movement and days in the current stage. An undefined number (days
 * since an activity for a lead without one) is 0 beside its 0/1 indicator.
 *
 * <p>Categories, one-hot with a reference level: channel, segment, campaign and the furthest
 * stage at the snapshot. A level with fewer than {@code minLevelRows} training rows is pooled
 * into {@code (other)}; the most frequent remaining level (ties by name) is the reference (no
 * column). At scoring time a level the training rows never had, or pooled, goes to {@code (other)}
 * when that column exists and to the reference otherwise. Absent values are the level
 * {@code (none)}. Columns constant over the training rows are dropped.
 */
final class Encoding {

  /** One categorical block: channel, segment, campaign or stage. */
  static final class Block {
    final String name;
    final String reference;
    /** Level (lower-case) to column; the reference and pooled levels have none. */
    final Map<String, Integer> columns = new LinkedHashMap<>();
    /** Levels pooled into (other). */
    final List<String> pooled = new ArrayList<>();
    Integer other;

    Block(String name, String reference) {
      this.name = name;
      this.reference = reference;
    }
  }

  static final String OTHER = "(other)";

  /** Columns as encoded, before constant ones are dropped. */
  private final List<String> rawNames = new ArrayList<>();
  private final List<String> rawGroups = new ArrayList<>();
  /** Raw column to retained column, -1 when dropped; identity until {@link #retain}. */
  private int[] map;
  /** Names of the retained columns, {@code (intercept)} first. */
  final List<String> names = new ArrayList<>();
  /** The feature group of each retained column (for contributions). */
  final List<String> groups = new ArrayList<>();
  final List<Block> blocks = new ArrayList<>();
  final List<String> types = new ArrayList<>();
  final List<String> notes = new ArrayList<>();
  private final int minLevelRows;

  private Encoding(int minLevelRows) {
    this.minLevelRows = minLevelRows;
    rawNames.add("(intercept)");
    rawGroups.add("(intercept)");
  }

  /** Learns the columns from the training rows. */
  static Encoding learn(Timeline tl, Panel train, int minLevelRows, long cutMs, int cutSub) {
    Encoding e = new Encoding(minLevelRows);
    e.pickTypes(tl, train, cutMs, cutSub);
    e.num("log1p(age_days)", "age_days");
    e.num("log1p(touches)", "touches");
    e.num("log1p(offline_touches)", "offline_touches");
    e.num("touched", "days_since_touch");
    e.num("log1p(days_since_touch)", "days_since_touch");
    e.num("log1p(activities)", "activities");
    e.num("contacted", "days_since_activity");
    e.num("log1p(days_since_activity)", "days_since_activity");
    for (String t : e.types) {
      e.num("log1p(activities:" + t + ")", "activities:" + t);
    }
    e.num("log1p(days_since_move)", "days_since_move");
    e.num("log1p(days_in_stage)", "days_in_stage");
    Dictionary ch = tl.cols.channels();
    Dictionary sg = tl.cols.segments();
    Dictionary cp = tl.cols.campaigns();
    e.block("channel", counts(ch, train, i -> tl.leads.channel(train.lead[i])));
    e.block("segment", counts(sg, train, i -> tl.leads.segment(train.lead[i])));
    e.block("campaign", counts(cp, train, i -> tl.leads.campaign(train.lead[i])));
    int[] perStage = new int[tl.catalog.size()];
    for (int i = 0; i < train.size; i++) {
      perStage[train.stage[i]]++;
    }
    TreeMap<String, Integer> stages = new TreeMap<>();
    for (int k = 0; k < perStage.length; k++) {
      if (perStage[k] > 0) {
        stages.merge(tl.catalog.get(k).name().toLowerCase(Locale.ROOT), perStage[k], Integer::sum);
      }
    }
    e.block("stage", stages);
    e.retain(null);
    return e;
  }

  private static String text(Dictionary d, int code) {
    return code < 0 ? FeatureRef.NONE : d.value(code).toLowerCase(Locale.ROOT);
  }

  private void num(String name, String group) {
    rawNames.add(name);
    rawGroups.add(group);
  }

  /**
   * The most frequent activity types, at most six, counted over the training leads' activities at
   * or before the cut (no other lead's rows).
   */
  private void pickTypes(Timeline tl, Panel train, long cutMs, int cutSub) {
    int[] count = new int[tl.typeCount];
    int last = -1;
    for (int i = 0; i < train.size; i++) {
      int l = train.lead[i];
      if (l == last) {
        continue;
      }
      last = l;
      for (int r = tl.activities.from(l), end = tl.activities.to(l); r < end; r++) {
        if (Timeline.atOrBefore(tl.activities, r, cutMs, cutSub)) {
          count[tl.activities.type(r)]++;
        }
      }
    }
    List<Integer> order = new ArrayList<>();
    for (int c = 0; c < count.length; c++) {
      if (count[c] >= minLevelRows) {
        order.add(c);
      }
    }
    Dictionary d = tl.cols.activityTypes();
    order.sort(Comparator.<Integer>comparingInt(c -> -count[c]).thenComparing(d::value));
    List<Integer> kept = order.subList(0, Math.min(6, order.size()));
    List<Integer> sorted = new ArrayList<>(kept);
    sorted.sort(Comparator.comparing(d::value));
    for (int k = 0; k < sorted.size(); k++) {
      types.add(d.value(sorted.get(k)));
    }
  }

  /** Activity type codes of another dataset's dictionary (-1 when absent there). */
  private int[] typeCodes(Timeline tl) {
    int[] out = new int[types.size()];
    for (int k = 0; k < out.length; k++) {
      out[k] = tl.cols.activityTypes().find(types.get(k));
    }
    return out;
  }

  /**
   * Training rows per level of a dictionary column (lower-case; absent = {@code (none)}): counted
   * by code, then merged by level text, so codes that differ only in case are one level.
   */
  private static TreeMap<String, Integer> counts(Dictionary d, Panel train,
      java.util.function.IntUnaryOperator code) {
    int[] perCode = new int[d.size() + 1];
    for (int i = 0; i < train.size; i++) {
      perCode[code.applyAsInt(i) + 1]++;
    }
    TreeMap<String, Integer> count = new TreeMap<>();
    for (int c = -1; c < d.size(); c++) {
      if (perCode[c + 1] > 0) {
        count.merge(text(d, c), perCode[c + 1], Integer::sum);
      }
    }
    return count;
  }

  private void block(String name, TreeMap<String, Integer> count) {
    List<String> kept = new ArrayList<>();
    List<String> pooled = new ArrayList<>();
    int pooledRows = 0;
    for (Map.Entry<String, Integer> en : count.entrySet()) {
      if (en.getValue() >= minLevelRows) {
        kept.add(en.getKey());
      } else {
        pooled.add(en.getKey());
        pooledRows += en.getValue();
      }
    }
    String ref = null;
    for (String k : kept) {
      if (ref == null || count.get(k) > count.get(ref)) {
        ref = k;
      }
    }
    if (ref == null) {
      // every level is rare: (other) is the reference
      ref = OTHER;
    }
    Block b = new Block(name, ref);
    for (String k : kept) {
      if (!k.equals(ref)) {
        b.columns.put(k, rawNames.size());
        rawNames.add(name + "=" + k);
        rawGroups.add(name);
      }
    }
    b.pooled.addAll(pooled);
    if (!pooled.isEmpty()) {
      if (!ref.equals(OTHER)) {
        b.other = rawNames.size();
        rawNames.add(name + "=" + OTHER);
        rawGroups.add(name);
      }
      notes.add(String.format(Locale.ROOT, "%s: %d level%s with fewer than %d training rows pooled into %s (%d rows)%s",
          name, pooled.size(), pooled.size() == 1 ? "" : "s", minLevelRows, OTHER, pooledRows,
          pooled.size() <= 4 ? ": " + String.join(", ", pooled) : ""));
    }
    blocks.add(b);
  }

  /** Number of retained columns besides the intercept. */
  int columns() {
    return names.size() - 1;
  }

  /** Number of raw columns besides the intercept (the size {@link #encodeRaw} needs). */
  int rawColumns() {
    return rawNames.size() - 1;
  }

  /**
   * Encodes a state into ascending 1-based retained column indexes and values; returns the
   * count. {@code codes} are this dataset's codes of the activity types ({@link #codes}).
   */
  int encode(Bound b, Timeline.State s, int[] idx, double[] val) {
    int n = encodeRaw(b, s, idx, val);
    int m = 0;
    for (int k = 0; k < n; k++) {
      int to = map[idx[k]];
      if (to > 0) {
        idx[m] = to;
        val[m++] = val[k];
      }
    }
    return m;
  }

  /** Encodes into the raw columns (before {@link #retain}). */
  int encodeRaw(Bound bound, Timeline.State s, int[] idx, double[] val) {
    int n = 0;
    int c = 1;
    double age = s.ageDays();
    n = put(idx, val, n, c++, Math.log1p(age));
    n = put(idx, val, n, c++, log1p(s.touches));
    n = put(idx, val, n, c++, log1p(s.offline));
    boolean touched = s.lastTouchMs != Timeline.NONE;
    n = put(idx, val, n, c++, touched ? 1 : 0);
    n = put(idx, val, n, c++, touched ? Math.log1p(s.daysSince(s.lastTouchMs)) : 0);
    n = put(idx, val, n, c++, log1p(s.activities));
    boolean contacted = s.lastActivityMs != Timeline.NONE;
    n = put(idx, val, n, c++, contacted ? 1 : 0);
    n = put(idx, val, n, c++, contacted ? Math.log1p(s.daysSince(s.lastActivityMs)) : 0);
    for (int code : bound.types) {
      n = put(idx, val, n, c++, code < 0 ? 0 : log1p(s.types[code]));
    }
    n = put(idx, val, n, c++, Math.log1p(s.daysSince(s.lastMoveMs())));
    n = put(idx, val, n, c++, Math.log1p(s.daysSince(s.stageSinceMs)));
    int l = s.lead;
    Timeline tl = bound.tl;
    n = one(idx, val, n, bound.channel[tl.leads.channel(l) + 1]);
    n = one(idx, val, n, bound.segment[tl.leads.segment(l) + 1]);
    n = one(idx, val, n, bound.campaign[tl.leads.campaign(l) + 1]);
    n = one(idx, val, n, bound.stage[s.stage]);
    return n;
  }

  /** {@code Math.log1p} of the counts below 256, computed once. */
  private static final double[] LOG1P = new double[256];

  static {
    for (int k = 0; k < LOG1P.length; k++) {
      LOG1P[k] = Math.log1p(k);
    }
  }

  /** {@code log(1 + k)} of a count: {@code Math.log1p} itself, from a table below 256. */
  static double log1p(int k) {
    return k >= 0 && k < LOG1P.length ? LOG1P[k] : Math.log1p(k);
  }

  private static int one(int[] idx, double[] val, int n, int col) {
    if (col > 0) {
      idx[n] = col;
      val[n] = 1;
      return n + 1;
    }
    return n;
  }

  /**
   * This encoding read against one dataset's dictionaries: the raw column of every dictionary
   * code of each block (0 for none), and the dataset's codes of the activity types. Blocks must
   * stay in the order channel, segment, campaign, stage.
   */
  Bound bind(Timeline tl) {
    return new Bound(tl);
  }

  final class Bound {
    final Timeline tl;
    final int[] types;
    final int[] channel;
    final int[] segment;
    final int[] campaign;
    final int[] stage;

    private Bound(Timeline tl) {
      this.tl = tl;
      this.types = typeCodes(tl);
      this.channel = codes(blocks.get(0), tl.cols.channels());
      this.segment = codes(blocks.get(1), tl.cols.segments());
      this.campaign = codes(blocks.get(2), tl.cols.campaigns());
      Block st = blocks.get(3);
      this.stage = new int[tl.catalog.size()];
      for (int k = 0; k < stage.length; k++) {
        Integer c = column(st, tl.catalog.get(k).name().toLowerCase(Locale.ROOT));
        stage[k] = c == null ? 0 : c;
      }
    }

    private int[] codes(Block b, Dictionary d) {
      int[] out = new int[d.size() + 1];
      for (int code = -1; code < d.size(); code++) {
        Integer c = column(b, text(d, code));
        out[code + 1] = c == null ? 0 : c;
      }
      return out;
    }
  }

  private static int put(int[] idx, double[] val, int n, int col, double v) {
    if (v != 0) {
      idx[n] = col;
      val[n] = v;
      return n + 1;
    }
    return n;
  }

  static String level(Timeline tl, Timeline.State s, String block) {
    switch (block) {
      case "channel": return text(tl.cols.channels(), tl.leads.channel(s.lead));
      case "segment": return text(tl.cols.segments(), tl.leads.segment(s.lead));
      case "campaign": return text(tl.cols.campaigns(), tl.leads.campaign(s.lead));
      case "stage": return tl.catalog.get(s.stage).name().toLowerCase(Locale.ROOT);
      default: throw new IllegalStateException(block);
    }
  }

  private static Integer column(Block b, String level) {
    Integer col = b.columns.get(level);
    if (col != null || level.equals(b.reference)) {
      return col;
    }
    return b.other;
  }

  /** The display value of a feature group for one state (for contribution tables). */
  /** A number for people: whole numbers as they are, others to one decimal (none from 100). */
  static String compact(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e9) {
      return Long.toString((long) v);
    }
    if (Math.abs(v) >= 100 && Math.abs(v) < 1e15) {
      return Long.toString(Math.round(v));
    }
    if (Math.abs(v) < 1e9) {
      long tenths = Math.round(v * 10);
      String sign = tenths < 0 ? "-" : "";
      long a = Math.abs(tenths);
      return sign + (a / 10) + "." + (a % 10);
    }
    return String.format(Locale.ROOT, "%.1f", v);
  }

  private static final java.util.concurrent.ConcurrentHashMap<String, FeatureRef> REFS =
      new java.util.concurrent.ConcurrentHashMap<>();

  static String display(Timeline tl, Timeline.State s, String group) {
    switch (group) {
      case "channel":
      case "segment":
      case "campaign":
      case "stage":
        return level(tl, s, group);
      default: {
        double v = REFS.computeIfAbsent(group, FeatureRef::parse).number(tl, s);
        return Double.isNaN(v) ? "none" : compact(v);
      }
    }
  }

  /**
   * Keeps the raw columns with {@code keep[j]} (all when null) and notes the dropped ones; the
   * intercept always stays. Retained columns keep their order.
   */
  void retain(boolean[] keep) {
    map = new int[rawNames.size()];
    names.clear();
    groups.clear();
    groupNames.clear();
    List<String> dropped = new ArrayList<>();
    for (int j = 0; j < rawNames.size(); j++) {
      if (j == 0 || keep == null || keep[j]) {
        map[j] = names.size();
        names.add(rawNames.get(j));
        groups.add(rawGroups.get(j));
      } else {
        map[j] = -1;
        dropped.add(rawNames.get(j));
      }
    }
    if (!dropped.isEmpty()) {
      notes.add("constant over the training rows, dropped: " + String.join(", ", dropped));
    }
    groupOf = new int[names.size()];
    for (int j = 1; j < names.size(); j++) {
      int g = groupNames.indexOf(groups.get(j));
      if (g < 0) {
        g = groupNames.size();
        groupNames.add(groups.get(j));
      }
      groupOf[j] = g;
    }
  }

  /** The distinct feature groups of the retained columns, in column order. */
  final List<String> groupNames = new ArrayList<>();
  /** The group index of each retained column (index 0, the intercept, unused). */
  int[] groupOf = new int[1];
}
