package dev.funnel.attribution;

import dev.funnel.core.Journey;
import dev.funnel.core.JourneyPath;
import dev.funnel.core.MergeableState;
import dev.funnel.core.StateType;
import dev.funnel.core.internal.StateBytes;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sufficient statistic of every path-based model: for each channel path, its conversions,
 * exact conversion value and null journeys. A mergeable partial state, so attribution can run over
 * partitions and combine: {@link #empty()}, {@code add}, {@link #merge}, then {@link #paths()} or
 * {@link JourneySet#fromCounts}. Merging is exact (long counts, BigDecimal value) and order-free.
 *
 * <p>{@link #toBytes()} is a stable byte form (a version byte, then the paths in path-text order),
 * so two equal states give equal bytes. This object is a mutable accumulator and not thread-safe:
 * give each thread its own and merge them.
 */
public final class PathState implements MergeableState<PathState> {

  /** How generic code (a Spark aggregator, a checkpoint) reads and merges this state. */
  public static final StateType<PathState> TYPE = StateType.of("path-state", PathState.class, PathState::fromBytes);

  /** Version of the byte form. */
  static final byte VERSION = 1;

  private static final class Cell {
    long conversions;
    BigDecimal value = BigDecimal.ZERO;
    long nulls;
  }

  private final Map<List<String>, Cell> cells = new HashMap<>();

  private PathState() {}

  /** An empty state. */
  public static PathState empty() {
    return new PathState();
  }

  /**
   * Adds journeys on one path.
   *
   * @throws IllegalArgumentException on an empty path, a blank channel or negative counts
   */
  public PathState add(List<String> channels, long conversions, BigDecimal value, long nulls) {
    JourneyPath checked = new JourneyPath(channels, conversions, value, nulls);
    Cell c = cells.computeIfAbsent(checked.channels(), k -> new Cell());
    c.conversions = Math.addExact(c.conversions, conversions);
    c.value = c.value.add(checked.value());
    c.nulls = Math.addExact(c.nulls, nulls);
    return this;
  }

  /** Adds one row of the paths table. */
  public PathState add(JourneyPath path) {
    return add(path.channels(), path.conversions(), path.value(), path.nulls());
  }

  /**
   * Adds one journey: one conversion with its value, or one null journey. A journey without touches
   * has no path and is ignored.
   */
  public PathState add(Journey journey) {
    if (journey.touches().isEmpty()) {
      return this;
    }
    return journey.converted()
        ? add(journey.channels(), 1, journey.value(), 0)
        : add(journey.channels(), 0, BigDecimal.ZERO, 1);
  }

  /**
   * Adds every count of {@code other} into this state; returns this.
   *
   * @throws ArithmeticException when a count would exceed a long; this state is then unchanged
   *     (every sum is checked before any is made)
   */
  @Override
  public PathState merge(PathState other) {
    for (Map.Entry<List<String>, Cell> e : other.cells.entrySet()) {
      Cell mine = cells.get(e.getKey());
      if (mine != null) {
        Math.addExact(mine.conversions, e.getValue().conversions);
        Math.addExact(mine.nulls, e.getValue().nulls);
      }
    }
    for (Map.Entry<List<String>, Cell> e : List.copyOf(other.cells.entrySet())) {
      Cell o = e.getValue();
      add(e.getKey(), o.conversions, o.value, o.nulls);
    }
    return this;
  }

  /** Number of distinct paths. */
  public int size() {
    return cells.size();
  }

  /** The order of {@link #paths()} and of the byte form: by path text, then by channel list. */
  private static final Comparator<JourneyPath> ORDER =
      Comparator.comparing(JourneyPath::pathText).thenComparing(p -> p.channels().toString());

  /** The paths with their counts, sorted by path text: the {@code paths} table. */
  public List<JourneyPath> paths() {
    List<JourneyPath> out = new ArrayList<>(cells.size());
    for (Map.Entry<List<String>, Cell> e : cells.entrySet()) {
      Cell c = e.getValue();
      out.add(new JourneyPath(e.getKey(), c.conversions, c.value, c.nulls));
    }
    out.sort(ORDER);
    return out;
  }

  private static final String WHAT = "path state";

  /**
   * The stable byte form (fields as {@code StateBytes} writes them, strings as {@link
   * java.io.DataOutputStream#writeUTF}), so equal states give equal bytes:
   *
   * <pre>
   * byte    version (1)
   * int n                  paths, in the order of {@link #paths()}
   *   int k, k x utf       channels
   *   long                 conversions
   *   decimal              conversion value
   *   long                 null journeys
   * </pre>
   *
   * @throws IllegalArgumentException when a value exceeds the decimal limits of {@code StateBytes}
   *     or a channel name takes more than 65,535 bytes
   */
  @Override
  public byte[] toBytes() {
    StateBytes.Writer w = new StateBytes.Writer(VERSION);
    List<JourneyPath> ps = paths();
    w.writeInt(ps.size());
    for (JourneyPath p : ps) {
      w.writeInt(p.channels().size());
      for (String c : p.channels()) {
        w.writeModifiedUtf8(c);
      }
      w.writeLong(p.conversions()).writeDecimal(p.value()).writeLong(p.nulls());
    }
    return w.toByteArray();
  }

  /**
   * Reads the byte form of {@link #toBytes()}. Only {@link IllegalArgumentException}s, never
   * another exception, whatever the bytes.
   *
   * @throws IllegalArgumentException on null, empty, truncated or trailing bytes, an unknown
   *     version, an empty path, a blank channel, a negative count, a decimal beyond the limits of
   *     {@code StateBytes}, or paths out of order or repeated
   */
  public static PathState fromBytes(byte[] data) {
    StateBytes.Reader r = new StateBytes.Reader(data, WHAT, VERSION);
    PathState pc = empty();
    int n = r.readSize("path count");
    JourneyPath previous = null;
    for (int i = 0; i < n; i++) {
      int k = r.readSize("path length");
      if (k == 0) {
        throw r.malformed("a path has no channels");
      }
      List<String> ch = new ArrayList<>(Math.min(k, 64));
      for (int j = 0; j < k; j++) {
        ch.add(r.readModifiedUtf8("channel"));
      }
      long conversions = r.readCount("conversions");
      BigDecimal value = r.readDecimal("value");
      long nulls = r.readCount("nulls");
      JourneyPath p;
      try {
        p = new JourneyPath(ch, conversions, value, nulls);
      } catch (IllegalArgumentException e) {
        throw r.malformed(e.getMessage());
      }
      if (previous != null && ORDER.compare(previous, p) >= 0) {
        throw r.malformed("path " + p.pathText() + " is out of order or repeated");
      }
      previous = p;
      Cell c = new Cell();
      c.conversions = conversions;
      c.value = p.value();
      c.nulls = nulls;
      pc.cells.put(p.channels(), c);
    }
    r.end();
    return pc;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PathState p && p.paths().equals(paths());
  }

  @Override
  public int hashCode() {
    return paths().hashCode();
  }

  @Override
  public String toString() {
    return "PathState[" + cells.size() + " paths]";
  }
}
