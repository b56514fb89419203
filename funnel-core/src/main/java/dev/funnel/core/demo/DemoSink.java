package dev.funnel.core.demo;

import dev.funnel.core.Activity;
import dev.funnel.core.Lead;
import dev.funnel.core.Payment;
import dev.funnel.core.PlanTarget;
import dev.funnel.core.Spend;
import dev.funnel.core.StageChange;
import dev.funnel.core.Touch;

/**
 * Receives the rows of the demo data one by one, so that millions of rows can be written to files
 * or fed to a benchmark without holding the dataset in memory.
 *
 * <p>The generator calls it from one thread, lead by lead: a lead, then its touches, stage
 * changes, activities and payments; then the spend and plan rows. Every method does nothing by
 * default, so a sink implements only the tables it wants.
 */
public interface DemoSink {

  /** A lead row. */
  default void lead(Lead lead) {}

  /** A stage change row. */
  default void stageChange(StageChange change) {}

  /** A marketing touch row. */
  default void touch(Touch touch) {}

  /** A sales activity row. */
  default void activity(Activity activity) {}

  /** A payment row (refunds are negative). */
  default void payment(Payment payment) {}

  /** A daily spend row. */
  default void spend(Spend spend) {}

  /** A monthly plan target row. */
  default void planTarget(PlanTarget target) {}
}
