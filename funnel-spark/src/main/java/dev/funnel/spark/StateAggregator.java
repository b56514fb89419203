package dev.funnel.spark;

import dev.funnel.attribution.PathState;
import dev.funnel.attribution.TransitionState;
import dev.funnel.cohort.CohortBasis;
import dev.funnel.cohort.CohortState;
import dev.funnel.cohort.Cohorts;
import dev.funnel.core.Granularity;
import dev.funnel.core.StageCatalog;
import dev.funnel.core.StateType;
import dev.funnel.core.funnel.FunnelQuery;
import dev.funnel.core.funnel.FunnelState;
import dev.funnel.core.money.UnitEconomicsState;
import java.time.ZoneId;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.expressions.Aggregator;

/**
 * A typed Spark {@link Aggregator} over one of the library's mergeable partial states, with the
 * state's stable, versioned byte form as input, buffer and output ({@link Encoders#BINARY()}; no
 * Kryo, no Java serialization of library objects): {@code zero} is the empty state's bytes,
 * {@code reduce} and {@code merge} are the library's merge, {@code finish} returns the merged
 * bytes for the driver to read ({@code FunnelState.fromBytes(...).result()} and so on).
 *
 * <pre>{@code
 * Dataset<byte[]> partials = ...;   // one partial state per lead, customer or partition
 * byte[] merged = partials.select(StateAggregator.paths().toColumn()).first();
 * JourneySet js = JourneySet.fromCounts(PathState.fromBytes(merged));
 * }</pre>
 *
 * <p>Each input row is a whole partial state, so feed it few, fat partials (one per partition:
 * {@link SparkFunnel} folds per partition first); each {@code reduce} reads and writes the buffer.
 */
public final class StateAggregator extends Aggregator<byte[], byte[], byte[]> {
  private static final long serialVersionUID = 1L;

  private final StateType<?> type;
  private final byte[] zero;

  StateAggregator(StateType<?> type, byte[] zero) {
    this.type = type;
    this.zero = zero.clone();
  }

  /** Merges {@link FunnelState} bytes of this catalog, zone and query. */
  public static StateAggregator funnel(StageCatalog catalog, ZoneId zone, FunnelQuery query) {
    return new StateAggregator(FunnelState.TYPE, FunnelState.empty(catalog, zone, query).toBytes());
  }

  /** Merges {@link PathState} bytes. */
  public static StateAggregator paths() {
    return new StateAggregator(PathState.TYPE, PathState.empty().toBytes());
  }

  /** Merges {@link TransitionState} bytes of an order-k chain. */
  public static StateAggregator transitions(int order, boolean keepRepeats) {
    return new StateAggregator(TransitionState.TYPE,
        TransitionState.empty(order, keepRepeats).toBytes());
  }

  /** Merges {@link dev.funnel.cohort.CohortState} bytes of this granularity, zone and basis. */
  public static StateAggregator cohorts(Granularity granularity, ZoneId zone, CohortBasis basis) {
    return new StateAggregator(CohortState.TYPE, Cohorts.empty(granularity, zone, basis).toBytes());
  }

  /** Merges {@link UnitEconomicsState} bytes. */
  public static StateAggregator unitEconomics() {
    return new StateAggregator(UnitEconomicsState.TYPE, UnitEconomicsState.empty().toBytes());
  }

  /** The empty state's bytes. */
  @Override
  public byte[] zero() {
    return zero.clone();
  }

  @Override
  public byte[] reduce(byte[] buffer, byte[] partial) {
    return type.mergeBytes(buffer, partial);
  }

  @Override
  public byte[] merge(byte[] b1, byte[] b2) {
    return type.mergeBytes(b1, b2);
  }

  @Override
  public byte[] finish(byte[] reduction) {
    return reduction;
  }

  @Override
  public Encoder<byte[]> bufferEncoder() {
    return Encoders.BINARY();
  }

  @Override
  public Encoder<byte[]> outputEncoder() {
    return Encoders.BINARY();
  }
}
