package dev.funnel.core;

import java.io.Serializable;

/**
 * What a generic host needs to handle a {@link MergeableState} it holds only as bytes: the
 * state's name, its class and how to read its byte form. Each state type has one, its
 * {@code TYPE} constant ({@code FunnelState.TYPE}, {@code PathState.TYPE}, ...), so a Spark
 * aggregator, a Flink accumulator or a service's checkpoint code is written once for all states.
 * Serializable (a Spark aggregator ships it to the executors).
 *
 * @param <S> the state type
 */
public final class StateType<S extends MergeableState<S>> implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Reads a state from its byte form; serializable so that a type travels with a job. */
  @FunctionalInterface
  public interface Reader<S> extends Serializable {
    /**
     * The state of a byte form.
     *
     * @throws IllegalArgumentException when the bytes are not a byte form of the state
     */
    S read(byte[] bytes);
  }

  private final String name;
  private final Class<S> type;
  private final Reader<S> reader;

  private StateType(String name, Class<S> type, Reader<S> reader) {
    this.name = name;
    this.type = type;
    this.reader = reader;
  }

  /** The type of states of class {@code type}, read by {@code reader}. */
  public static <S extends MergeableState<S>> StateType<S> of(String name, Class<S> type,
      Reader<S> reader) {
    if (name == null || type == null || reader == null) {
      throw new IllegalArgumentException("a state type needs a name, a class and a reader");
    }
    return new StateType<>(name, type, reader);
  }

  /** The state's name, e.g. {@code funnel-state}. */
  public String name() {
    return name;
  }

  /** The state's class. */
  public Class<S> type() {
    return type;
  }

  /**
   * The state of a byte form.
   *
   * @throws IllegalArgumentException when the bytes are not a byte form of this state
   */
  public S fromBytes(byte[] bytes) {
    return reader.read(bytes);
  }

  /**
   * The merge of two states held as objects of this type (how generic code merges).
   *
   * @throws ClassCastException when either is not of this type
   */
  public S merge(Object a, Object b) {
    return type.cast(a).merge(type.cast(b));
  }

  /** The byte form of a state held as an object of this type. */
  public byte[] toBytes(Object state) {
    return type.cast(state).toBytes();
  }

  /** The byte form of the merge of two byte forms. */
  public byte[] mergeBytes(byte[] a, byte[] b) {
    return fromBytes(a).merge(fromBytes(b)).toBytes();
  }

  @Override
  public String toString() {
    return "StateType " + name + " (" + type.getSimpleName() + ")";
  }
}
