package dev.funnel.io;

import dev.funnel.core.Activity;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.JourneyPath;
import dev.funnel.core.Lead;
import dev.funnel.core.Payment;
import dev.funnel.core.PlanTarget;
import dev.funnel.core.Spend;
import dev.funnel.core.StageChange;
import dev.funnel.core.Touch;
import java.util.List;

/**
 * A table of docs/spec/dataset.md together with the record type of its rows, for reading or writing one
 * table on its own: {@code reader.forEach(Rows.PAYMENTS, file, p -> ...)}.
 *
 * @param <T> the row record
 */
public final class Rows<T> {
  /** Table {@code leads}: one row per lead; unknown columns become attributes. */
  public static final Rows<Lead> LEADS = new Rows<>(LeadCodec.INSTANCE);
  /** Table {@code stages}: stage history, one row each time a lead enters a stage. */
  public static final Rows<StageChange> STAGES = new Rows<>(StageCodec.INSTANCE);
  /** Table {@code activities}: sales activities. */
  public static final Rows<Activity> ACTIVITIES = new Rows<>(ActivityCodec.INSTANCE);
  /** Table {@code touches}: marketing touchpoints. */
  public static final Rows<Touch> TOUCHES = new Rows<>(TouchCodec.INSTANCE);
  /** Table {@code payments}: money received, refunds negative. */
  public static final Rows<Payment> PAYMENTS = new Rows<>(PaymentCodec.INSTANCE);
  /** Table {@code spend}: marketing spend per day and channel. */
  public static final Rows<Spend> SPEND = new Rows<>(SpendCodec.INSTANCE);
  /** Table {@code plan}: targets for plan-vs-actual. */
  public static final Rows<PlanTarget> PLAN = new Rows<>(PlanCodec.INSTANCE);
  /** Table {@code paths}: pre-aggregated journeys ({@code a > b > c}). */
  public static final Rows<JourneyPath> PATHS = new Rows<>(PathCodec.INSTANCE);

  final Codec<T> codec;

  private Rows(Codec<T> codec) {
    this.codec = codec;
  }

  /** The rows of a table. */
  public static Rows<?> of(DatasetTable table) {
    switch (table) {
      case LEADS: return LEADS;
      case STAGES: return STAGES;
      case ACTIVITIES: return ACTIVITIES;
      case TOUCHES: return TOUCHES;
      case PAYMENTS: return PAYMENTS;
      case SPEND: return SPEND;
      case PLAN: return PLAN;
      case PATHS: return PATHS;
      default: throw new AssertionError(table);
    }
  }

  /** The table. */
  public DatasetTable table() {
    return codec.table;
  }

  /** The table's columns in the order they are written. */
  public List<String> columns() {
    return List.of(codec.columns);
  }

  @Override
  public String toString() {
    return "Rows[" + codec.table.fileName() + "]";
  }
}
