package dev.funnel.attribution;

import dev.funnel.core.MergeableState;
import dev.funnel.core.StateType;
import dev.funnel.core.internal.StateBytes;
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
public final class TransitionState implements MergeableState<TransitionState> {

  /** How generic code (a Spark aggregator, a checkpoint) reads and merges this state. */
  public static final StateType<TransitionState> TYPE = StateType.of("transition-state", TransitionState.class, TransitionState::fromBytes);

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

  private TransitionState(int order, boolean keepRepeats) {
    this.order = order;
    this.keepRepeats = keepRepeats;
  }

  /**
   * An empty state for a chain of order k.
   *
   * @throws IllegalArgumentException unless {@code 1 <= k <= 10}
   */
  public static TransitionState empty(int order, boolean keepRepeats) {
    if (order < 1 || order > 10) {
      throw new IllegalArgumentException("Markov order must be between 1 and 10, got " + order);
    }
    return new TransitionState(order, keepRepeats);
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
   * @throws ArithmeticException when a count would exceed a long
   */
  public TransitionState add(List<String> path, long conversions, long nulls) {
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
   * @throws ArithmeticException when a count would exceed a long; this state is then unchanged
   *     (every sum is checked before any is made)
   */
  @Override
  public TransitionState merge(TransitionState other) {
    if (other.order != order || other.keepRepeats != keepRepeats) {
      throw new IllegalArgumentException("cannot merge transition states of order " + other.order
          + (other.keepRepeats ? " keeping" : " collapsing") + " repeats into order " + order
          + (keepRepeats ? " keeping" : " collapsing") + " repeats");
    }
    for (Map.Entry<List<String>, Node> e : other.nodes.entrySet()) {
      Node mine = nodes.get(e.getKey());
      if (mine == null) {
        continue;
      }
      Node o = e.getValue();
      Math.addExact(mine.conversions, o.conversions);
      Math.addExact(mine.nulls, o.nulls);
      for (Map.Entry<List<String>, Long> t : o.next.entrySet()) {
        Math.addExact(mine.next.getOrDefault(t.getKey(), 0L), t.getValue());
      }
    }
    for (Map.Entry<List<String>, Node> e : List.copyOf(other.nodes.entrySet())) {
      Node mine = node(e.getKey());
      Node o = e.getValue();
      mine.conversions = Math.addExact(mine.conversions, o.conversions);
      mine.nulls = Math.addExact(mine.nulls, o.nulls);
      for (Map.Entry<List<String>, Long> t : List.copyOf(o.next.entrySet())) {
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

  /**
   * The exact removal effects of this chain (see {@link RemovalEffects}), of at most {@value
   * MarkovSolver#DEFAULT_MAX_STATES} states.
   *
   * @throws IllegalArgumentException when the chain has more states
   */
  public RemovalEffects removalEffects() {
    return removalEffects(MarkovSolver.DEFAULT_MAX_STATES);
  }

  /**
   * The exact removal effects of this chain (see {@link RemovalEffects}): the solve's memory grows
   * with the square and its time with the cube of the states, so a chain of more than {@code
   * maxStates} states (the start not counted) is refused before anything is allocated.
   *
   * @param maxStates the most states to solve, 1 to 20,000
   * @throws IllegalArgumentException when the limit is outside 1 to 20,000 or the chain has more
   *     states
   */
  public RemovalEffects removalEffects(int maxStates) {
    MarkovSolver.checkMaxStates(maxStates);
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
    return MarkovSolver.solve(channels, stateChannels, to, counts, conv, nul, order, maxStates);
  }

  private static final String WHAT = "transition state";

  /**
   * The stable byte form (fields as {@code StateBytes} writes them, channel names as {@link
   * java.io.DataOutputStream#writeUTF}), so equal states give equal bytes:
   *
   * <pre>
   * byte    version (1)
   * int     order k (1 to 10)
   * byte    1 when repeats are kept, else 0
   * int n                  states with outgoing counts, in tuple order
   *   int j, j x utf       the state: its last j &lt;= k channels (j = 0: the start)
   *   long, long           journeys ending there: conversions, nulls
   *   int m                transitions, in tuple order of their target
   *     int j, j x utf     the target state
   *     long               journeys taking the transition (at least 1)
   * </pre>
   *
   * @throws IllegalArgumentException when a channel name takes more than 65,535 bytes
   */
  @Override
  public byte[] toBytes() {
    StateBytes.Writer w = new StateBytes.Writer(VERSION);
    w.writeInt(order).writeByte(keepRepeats ? 1 : 0);
    TreeMap<List<String>, Node> sorted = new TreeMap<>(TUPLE_ORDER);
    sorted.putAll(nodes);
    w.writeInt(sorted.size());
    for (Map.Entry<List<String>, Node> e : sorted.entrySet()) {
      writeTuple(w, e.getKey());
      Node n = e.getValue();
      w.writeLong(n.conversions).writeLong(n.nulls);
      TreeMap<List<String>, Long> next = new TreeMap<>(TUPLE_ORDER);
      next.putAll(n.next);
      w.writeInt(next.size());
      for (Map.Entry<List<String>, Long> t : next.entrySet()) {
        writeTuple(w, t.getKey());
        w.writeLong(t.getValue());
      }
    }
    return w.toByteArray();
  }

  private static void writeTuple(StateBytes.Writer w, List<String> t) {
    w.writeInt(t.size());
    for (String s : t) {
      w.writeModifiedUtf8(s);
    }
  }

  /** A state of at most {@code max} non-blank channels (no consecutive repeats unless kept). */
  private static List<String> readTuple(StateBytes.Reader r, int max, boolean keepRepeats) {
    int k = r.readInt();
    if (k < 0 || k > max) {
      throw r.malformed("a state of " + k + " channels in a chain of order " + max);
    }
    List<String> t = new ArrayList<>(k);
    for (int i = 0; i < k; i++) {
      String c = r.readModifiedUtf8("channel");
      if (c.isBlank()) {
        throw r.malformed("a state has a blank channel");
      }
      if (!keepRepeats && i > 0 && t.get(i - 1).equals(c)) {
        throw r.malformed("state " + t + " repeats " + c + " but repeats are collapsed");
      }
      t.add(c);
    }
    return List.copyOf(t);
  }

  /**
   * Reads the byte form of {@link #toBytes()} and checks that it is one {@link #add} and
   * {@link #merge} can make, so the Markov solve of a read state is well posed: states and
   * targets in tuple order without repeats, counts not negative and transitions at least 1, each
   * transition from a state to a state one channel further (the last k channels), no journey
   * ending at the start, every state reached from the start, and as many journeys entering each
   * state as leaving or ending there. Only {@link IllegalArgumentException}s, whatever the bytes.
   *
   * @throws IllegalArgumentException on null, empty, truncated, trailing or malformed bytes, an
   *     unknown version, or a state the counting could not have made (the message says which)
   */
  public static TransitionState fromBytes(byte[] data) {
    StateBytes.Reader r = new StateBytes.Reader(data, WHAT, VERSION);
    int order = r.readInt();
    if (order < 1 || order > 10) {
      throw r.malformed("Markov order " + order + " is not between 1 and 10");
    }
    TransitionState tc = new TransitionState(order, r.readFlag("repeat flag"));
    int n = r.readSize("state count");
    List<String> previous = null;
    for (int i = 0; i < n; i++) {
      List<String> from = readTuple(r, order, tc.keepRepeats);
      if (previous != null && TUPLE_ORDER.compare(previous, from) >= 0) {
        throw r.malformed("state " + from + " is out of order or repeated");
      }
      previous = from;
      Node node = new Node();
      node.conversions = r.readCount("conversions");
      node.nulls = r.readCount("nulls");
      if (from.isEmpty() && (node.conversions != 0 || node.nulls != 0)) {
        throw r.malformed("journeys end at the start state");
      }
      int m = r.readSize("transition count");
      if (m == 0 && node.conversions == 0 && node.nulls == 0) {
        throw r.malformed("state " + from + " has no counts");
      }
      List<String> lastTo = null;
      for (int j = 0; j < m; j++) {
        List<String> to = readTuple(r, order, tc.keepRepeats);
        if (lastTo != null && TUPLE_ORDER.compare(lastTo, to) >= 0) {
          throw r.malformed("targets of " + from + " are out of order or repeated at " + to);
        }
        lastTo = to;
        if (!tc.follows(from, to)) {
          throw r.malformed("no journey steps from " + from + " to " + to);
        }
        long c = r.readCount("transition count");
        if (c == 0) {
          throw r.malformed("the transition from " + from + " to " + to + " counts no journey");
        }
        node.next.put(to, c);
      }
      tc.nodes.put(from, node);
    }
    r.end();
    tc.checkFlows(r);
    return tc;
  }

  /** Whether a journey can step from state {@code from} to {@code to} in this chain. */
  private boolean follows(List<String> from, List<String> to) {
    int size = Math.min(from.size() + 1, order);
    if (to.size() != size) {
      return false;
    }
    String c = to.get(size - 1);
    if (!keepRepeats && !from.isEmpty() && from.get(from.size() - 1).equals(c)) {
      return false;
    }
    return to.subList(0, size - 1).equals(from.subList(from.size() - (size - 1), from.size()));
  }

  /**
   * Checks that the counts are flows of journeys: every state but the start is entered by as
   * many journeys as leave it or end in it, and every state is reached from the start. Then
   * every state reaches an end, so the absorption system of the removal effects is regular.
   */
  private void checkFlows(StateBytes.Reader r) {
    Map<List<String>, Long> in = new HashMap<>();
    try {
      for (Node node : nodes.values()) {
        for (Map.Entry<List<String>, Long> t : node.next.entrySet()) {
          in.merge(t.getKey(), t.getValue(), Math::addExact);
        }
      }
      for (Map.Entry<List<String>, Node> e : nodes.entrySet()) {
        if (e.getKey().isEmpty()) {
          continue;
        }
        Node node = e.getValue();
        long out = Math.addExact(node.conversions, node.nulls);
        for (long c : node.next.values()) {
          out = Math.addExact(out, c);
        }
        long entering = in.getOrDefault(e.getKey(), 0L);
        if (entering != out) {
          throw r.malformed(entering + " journeys enter state " + e.getKey() + " and " + out
              + " leave or end there");
        }
      }
    } catch (ArithmeticException e) {
      throw r.malformed("journey counts exceed a long");
    }
    for (List<String> target : in.keySet()) {
      if (!nodes.containsKey(target)) {
        throw r.malformed("journeys enter state " + target + " and never leave or end");
      }
    }
    java.util.Set<List<String>> reached = new java.util.HashSet<>();
    java.util.ArrayDeque<List<String>> todo = new java.util.ArrayDeque<>();
    if (nodes.containsKey(List.of())) {
      reached.add(List.of());
      todo.add(List.of());
    }
    while (!todo.isEmpty()) {
      for (List<String> t : nodes.get(todo.poll()).next.keySet()) {
        if (reached.add(t)) {
          todo.add(t);
        }
      }
    }
    if (reached.size() != nodes.size()) {
      throw r.malformed((nodes.size() - reached.size()) + " states are not reached from the start");
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TransitionState t && java.util.Arrays.equals(t.toBytes(), toBytes());
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(toBytes());
  }

  @Override
  public String toString() {
    return "TransitionState[order " + order + ", " + nodes.size() + " states"
        + (keepRepeats ? ", repeats kept" : "") + "]";
  }
}
