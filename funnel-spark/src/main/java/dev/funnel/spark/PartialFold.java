package dev.funnel.spark;

import dev.funnel.core.StateType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import scala.Tuple2;

/**
 * Merges the tagged partial states of one partition into one state per tag, with the library's
 * merge, so the {@link StateAggregator}s downstream see a handful of partials instead of one per
 * lead (a Spark combiner).
 */
final class PartialFold
    implements MapPartitionsFunction<Tuple2<Integer, byte[]>, Tuple2<Integer, byte[]>> {
  private static final long serialVersionUID = 1L;

  private final ArrayList<StateType<?>> types;

  PartialFold(List<StateType<?>> types) {
    this.types = new ArrayList<>(types);
  }

  @Override
  public Iterator<Tuple2<Integer, byte[]>> call(Iterator<Tuple2<Integer, byte[]>> in) {
    Map<Integer, Counter> acc = new TreeMap<>();
    while (in.hasNext()) {
      Tuple2<Integer, byte[]> t = in.next();
      acc.computeIfAbsent(t._1(), tag -> new Counter(types.get(tag))).push(t._2());
    }
    List<Tuple2<Integer, byte[]>> out = new ArrayList<>(acc.size());
    acc.forEach((tag, c) -> out.add(new Tuple2<>(tag, c.type.toBytes(c.total()))));
    return out.iterator();
  }

  /**
   * Merges many small partials like a binary counter: a partial merges with the one below it on
   * the stack while both stand for the same number of inputs, so most merges are between small
   * states, instead of merging every one-lead partial into one large state (a merge that copies,
   * like the funnel state's, would then cost the large state's size per lead). Merge is
   * associative, so the result is the same state.
   */
  private static final class Counter {
    final StateType<?> type;
    final List<Object> states = new ArrayList<>();
    final List<Long> weights = new ArrayList<>();

    Counter(StateType<?> type) {
      this.type = type;
    }

    void push(byte[] partial) {
      Object s = type.fromBytes(partial);
      long w = 1;
      while (!states.isEmpty() && weights.get(weights.size() - 1) == w) {
        Object below = states.remove(states.size() - 1);
        weights.remove(weights.size() - 1);
        s = type.merge(below, s);
        w *= 2;
      }
      states.add(s);
      weights.add(w);
    }

    Object total() {
      Object s = states.get(states.size() - 1);
      for (int i = states.size() - 2; i >= 0; i--) {
        s = type.merge(states.get(i), s);
      }
      return s;
    }
  }
}
