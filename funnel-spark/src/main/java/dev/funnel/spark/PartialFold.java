package dev.funnel.spark;

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

  private final ArrayList<StateKind> kinds;

  PartialFold(List<StateKind> kinds) {
    this.kinds = new ArrayList<>(kinds);
  }

  @Override
  public Iterator<Tuple2<Integer, byte[]>> call(Iterator<Tuple2<Integer, byte[]>> in) {
    Map<Integer, Object> acc = new TreeMap<>();
    while (in.hasNext()) {
      Tuple2<Integer, byte[]> t = in.next();
      StateKind k = kinds.get(t._1());
      Object have = acc.get(t._1());
      acc.put(t._1(), have == null ? k.read(t._2()) : k.mergeInto(have, t._2()));
    }
    List<Tuple2<Integer, byte[]>> out = new ArrayList<>(acc.size());
    acc.forEach((tag, s) -> out.add(new Tuple2<>(tag, kinds.get(tag).write(s))));
    return out.iterator();
  }
}
