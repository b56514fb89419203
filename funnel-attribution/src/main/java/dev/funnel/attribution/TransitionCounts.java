package dev.funnel.attribution;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The sufficient statistic of the Markov model: transition counts between the states of an
 * order-k chain. A state is the tuple of the last (up to) k channels of a path, so the first
 * k - 1 steps of a path are shorter tuples; the start state is the empty tuple. Every path of
 * {@code c} conversions and {@code n} nulls adds {@code c + n} to each of its transitions, then
 * {@code c} to its last state's conversion count and {@code n} to its null count. Consecutive
 * repeats of a channel are collapsed first unless {@code keepRepeats}.
 *
 * <p>A mergeable partial state: {@link #empty}, {@link #add}, {@link #merge}, then
 * {@link #removalEffects()}; exact long counts; {@link #toBytes()} is a stable byte form (a
 * version byte first). Mutable and not thread-safe: one per thread, then merge.
 */
public final class TransitionCounts {

  static final byte VERSION = 1;

  static final Comparator<List<String>> TUPLE_ORDER = (a, b) -> {
    int n = Math.min(a.size(), b.size());
    for (int i = 0; i < n; i++) {
      int c = a.get(i).compareTo(b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  };

  static final class Node {
    final Map<List<String>, Long> next = new HashMap<>();
    long conversions;
    long nulls;
  }

  private final int order;
  private final boolean keepRepeats;
  final Map<List<String>, Node> nodes = new HashMap<>();

  private TransitionCounts(int order, boolean keepRepeats) {
    this.order = order;
    this.keepRepeats = keepRepeats;
  }

  /**
   * An empty state for a chain of order k.
   *
   * @throws IllegalArgumentException unless 1 <= k <= 10
   */
  public static TransitionCounts empty(int order, boolean keepRepeats) {
    if (order < 1 || order > 10) {
      throw new IllegalArgumentException("Markov order must be between 1 and 10, got " + order);
    }
    return new TransitionCounts(order, keepRepeats);
  }

  /** The order k. */
  public int order() {
    return order;
  }

  /** Whether consecutive repeats are kept as steps. */
  public boolean keepRepeats() {
    return keepRepeats;
  }

  /**
   * Adds the journeys of one path.
   *
   * @throws IllegalArgumentException on an empty path, a blank channel or negative counts
   */
  public TransitionCounts add(List<String> path, long conversions, long nulls) {
    if (path == null || path.isEmpty()) {
      throw new IllegalArgumentException("a Markov path needs at least one channel");
    }
    if (conversions < 0 || nulls < 0) {
      throw new IllegalArgumentException(
          "path counts must not be negative, got conversions=" + conversions + " nulls=" + nulls);
    }
    long weight = Math.addExact(conversions, nulls);
    if (weight == 0) {
      return this;
    }
    List<String> steps = new ArrayList<>(path.size());
    for (String c : path) {
      if (c == null || c.isBlank()) {
        throw new IllegalArgumentException("a path must not contain a blank channel: " + path);
      }
      if (keepRepeats || steps.isEmpty() || !steps.get(steps.size() - 1).equals(c)) {
        steps.add(c);
      }
    }
    List<String> from = List.of();
    for (int i = 0; i < steps.size(); i++) {
      List<String> to = List.copyOf(steps.subList(Math.max(0, i - order + 1), i + 1));
      node(from).next.merge(to, weight, Math::addExact);
      from = to;
    }
    Node last = node(from);
    last.conversions = Math.addExact(last.conversions, conversions);
    last.nulls = Math.addExact(last.nulls, nulls);
    return this;
  }

  private Node node(List<String> state) {
    return nodes.computeIfAbsent(state, k -> new Node());
  }

  /**
   * Adds every count of {@code other}; returns this.
   *
   * @throws IllegalArgumentException when the order or repeat handling differ
   */
  public TransitionCounts merge(TransitionCounts other) {
    if (other.order != order || other.keepRepeats != keepRepeats) {
      throw new IllegalArgumentException("cannot merge transition counts of order " + other.order
          + (other.keepRepeats ? " keeping" : " collapsing") + " repeats into order " + order
          + (keepRepeats ? " keeping" : " collapsing") + " repeats");
    }
    for (Map.Entry<List<String>, Node> e : other.nodes.entrySet()) {
      Node mine = node(e.getKey());
      Node o = e.getValue();
      mine.conversions = Math.addExact(mine.conversions, o.conversions);
      mine.nulls = Math.addExact(mine.nulls, o.nulls);
      for (Map.Entry<List<String>, Long> t : o.next.entrySet()) {
        mine.next.merge(t.getKey(), t.getValue(), Math::addExact);
      }
    }
    return this;
  }

  /** The count of one transition ({@code from} empty = start). */
  public long count(List<String> from, List<String> to) {
    Node n = nodes.get(List.copyOf(from));
    return n == null ? 0 : n.next.getOrDefault(List.copyOf(to), 0L);
  }

  /** The exact removal effects of this chain (see {@link RemovalEffects}). */
  public RemovalEffects removalEffects() {
    java.util.TreeSet<List<String>> sorted = new java.util.TreeSet<>(TUPLE_ORDER);
    java.util.TreeSet<String> names = new java.util.TreeSet<>();
    for (Map.Entry<List<String>, Node> e : nodes.entrySet()) {
      sorted.add(e.getKey());
      sorted.addAll(e.getValue().next.keySet());
    }
    sorted.remove(List.<String>of());
    List<List<String>> states = new ArrayList<>();
    states.add(List.of());
    states.addAll(sorted);
    for (List<String> s : states) {
      names.addAll(s);
    }
    String[] channels = names.toArray(new String[0]);
    Map<String, Integer> channelIndex = new HashMap<>();
    for (int i = 0; i < channels.length; i++) {
      channelIndex.put(channels[i], i);
    }
    Map<List<String>, Integer> index = new HashMap<>();
    for (int i = 0; i < states.size(); i++) {
      index.put(states.get(i), i);
    }
    int n = states.size();
    int[][] stateChannels = new int[n][];
    int[][] to = new int[n][];
    long[][] counts = new long[n][];
    long[] conv = new long[n];
    long[] nul = new long[n];
    for (int i = 0; i < n; i++) {
      List<String> s = states.get(i);
      stateChannels[i] = s.stream().mapToInt(channelIndex::get).toArray();
      Node node = nodes.get(s);
      if (node == null) {
        to[i] = new int[0];
        counts[i] = new long[0];
        continue;
      }
      List<List<String>> targets = new ArrayList<>(node.next.keySet());
      targets.sort(TUPLE_ORDER);
      to[i] = new int[targets.size()];
      counts[i] = new long[targets.size()];
      for (int k = 0; k < targets.size(); k++) {
        to[i][k] = index.get(targets.get(k));
        counts[i][k] = node.next.get(targets.get(k));
      }
      conv[i] = node.conversions;
      nul[i] = node.nulls;
    }
    return MarkovSolver.solve(channels, stateChannels, to, counts, conv, nul);
  }

  /** The stable byte form: version, order, repeat flag, then the states in tuple order. */
  public byte[] toBytes() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      out.writeInt(order);
      out.writeBoolean(keepRepeats);
      TreeMap<List<String>, Node> sorted = new TreeMap<>(TUPLE_ORDER);
      sorted.putAll(nodes);
      out.writeInt(sorted.size());
      for (Map.Entry<List<String>, Node> e : sorted.entrySet()) {
        writeTuple(out, e.getKey());
        Node n = e.getValue();
        out.writeLong(n.conversions);
        out.writeLong(n.nulls);
        TreeMap<List<String>, Long> next = new TreeMap<>(TUPLE_ORDER);
        next.putAll(n.next);
        out.writeInt(next.size());
        for (Map.Entry<List<String>, Long> t : next.entrySet()) {
          writeTuple(out, t.getKey());
          out.writeLong(t.getValue());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static void writeTuple(DataOutputStream out, List<String> t) throws IOException {
    out.writeInt(t.size());
    for (String s : t) {
      out.writeUTF(s);
    }
  }

  private static List<String> readTuple(DataInputStream in, int max) throws IOException {
    int k = in.readInt();
    if (k < 0 || k > max) {
      throw new IllegalArgumentException("transition counts bytes are malformed (tuple of " + k + ")");
    }
    List<String> t = new ArrayList<>(k);
    for (int i = 0; i < k; i++) {
      t.add(in.readUTF());
    }
    return List.copyOf(t);
  }

  /**
   * Reads the byte form of {@link #toBytes()}.
   *
   * @throws IllegalArgumentException on an unknown version or malformed bytes
   */
  public static TransitionCounts fromBytes(byte[] data) {
    if (data == null || data.length == 0) {
      throw new IllegalArgumentException("transition counts bytes are empty");
    }
    if (data[0] != VERSION) {
      throw new IllegalArgumentException("transition counts bytes have version " + data[0]
          + ", this library reads version " + VERSION);
    }
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      in.readByte();
      TransitionCounts tc = empty(in.readInt(), in.readBoolean());
      int n = in.readInt();
      for (int i = 0; i < n; i++) {
        Node node = tc.node(readTuple(in, tc.order));
        node.conversions = in.readLong();
        node.nulls = in.readLong();
        int m = in.readInt();
        for (int j = 0; j < m; j++) {
          List<String> to = readTuple(in, tc.order);
          long c = in.readLong();
          if (c < 0 || node.conversions < 0 || node.nulls < 0) {
            throw new IllegalArgumentException("transition counts bytes have a negative count");
          }
          node.next.put(to, c);
        }
      }
      if (in.available() > 0) {
        throw new IllegalArgumentException("transition counts bytes have trailing data");
      }
      return tc;
    } catch (IOException e) {
      throw new IllegalArgumentException("transition counts bytes are truncated or malformed", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TransitionCounts t && java.util.Arrays.equals(t.toBytes(), toBytes());
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(toBytes());
  }

  @Override
  public String toString() {
    return "TransitionCounts[order " + order + ", " + nodes.size() + " states"
        + (keepRepeats ? ", repeats kept" : "") + "]";
  }
}
