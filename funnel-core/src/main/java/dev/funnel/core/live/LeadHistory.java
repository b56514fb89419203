package dev.funnel.core.live;

import dev.funnel.core.Activity;
import dev.funnel.core.Lead;
import dev.funnel.core.Payment;
import dev.funnel.core.StageChange;
import dev.funnel.core.Touch;
import java.util.List;

/**
 * One lead's rows as a {@link LiveFunnel} holds them: the lead (null until its lead row arrives),
 * and its stage changes, activities, touches and payments (booked to the lead), each in time
 * order. What a {@link TriggerRule} looks at.
 *
 * @param id         the lead id
 * @param lead       the lead row, or null
 * @param stages     stage changes by time
 * @param activities activities by time
 * @param touches    touches by time
 * @param payments   payments booked to the lead, by time
 */
public record LeadHistory(String id, Lead lead, List<StageChange> stages,
    List<Activity> activities, List<Touch> touches, List<Payment> payments) {

  public LeadHistory {
    stages = List.copyOf(stages);
    activities = List.copyOf(activities);
    touches = List.copyOf(touches);
    payments = List.copyOf(payments);
  }
}
