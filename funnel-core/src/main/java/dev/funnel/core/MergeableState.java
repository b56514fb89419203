package dev.funnel.core;

/**
 * A partial result computed on a part of the data (a partition, a batch of events, a shard of
 * leads) that combines with the partial results of the other parts into the result of the whole:
 * the one protocol of the library's aggregations, so that they run inside Spark, Flink or Beam and
 * in a host's own service alike.
 *
 * <p>The protocol, which every implementation keeps and its tests check:
 * <ul>
 *   <li><b>empty</b>: each type has an empty state (a static {@code empty(...)} factory, with the
 *       settings the state needs), the identity of {@link #merge};</li>
 *   <li><b>add</b>: rows are added by the type's own {@code add} methods (a lead's rows, a
 *       payment, a journey), in any order;</li>
 *   <li><b>merge</b>: associative and commutative, so parts may be combined in any grouping, and
 *       the merge of the parts' states equals the state of the whole;</li>
 *   <li><b>result</b>: the type's result methods read the answer from any state;</li>
 *   <li><b>bytes</b>: {@link #toBytes()} is a stable, versioned byte form (the library's state byte layout: a version byte, then big-endian fields; docs/spark.md),
 *       read back by the type's {@link StateType} ({@code TYPE}); golden files per version in the
 *       tests keep old forms readable.</li>
 * </ul>
 *
 * <p>The states, one name each: {@code FunnelState} and {@code UnitEconomicsState} (funnel-core),
 * {@code PathState} and {@code TransitionState} (funnel-attribution), {@code CohortState}
 * (funnel-cohort); their {@link StateType} names are the same in kebab case ({@code funnel-state},
 * {@code unit-economics-state}, {@code path-state}, {@code transition-state}, {@code cohort-state}).
 *
 * @param <S> the state's own type
 */
public interface MergeableState<S extends MergeableState<S>> {

  /**
   * This state combined with {@code other} (which must have the same settings); may reuse this
   * state's storage, and {@code other} is not to be used afterwards.
   *
   * @throws IllegalArgumentException when the two states' settings differ
   */
  S merge(S other);

  /** The stable, versioned byte form of this state. */
  byte[] toBytes();
}
