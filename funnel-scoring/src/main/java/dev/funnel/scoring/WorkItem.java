package dev.funnel.scoring;

import java.time.Instant;

/**
 * One open lead or deal on an owner's worklist, with its recommended next step.
 *
 * @param owner         who holds it (the owner of its latest stage change naming one, else the
 *                      lead's owner, else {@code (none)})
 * @param rank          1-based position on the owner's list
 * @param leadId        the lead
 * @param stage         its furthest progression stage
 * @param rule          the rule that produced the recommendation
 * @param action        the recommended next step, for people
 * @param reason        why: the facts the rule used
 * @param due           when the first response is due (for {@link NextStepRule#FIRST_RESPONSE_DUE}
 *                      and overdue items), else null
 * @param idleDays      days since its last activity or stage change (or creation)
 * @param points        its points score
 * @param probability   the model's probability of winning within the won horizon (NaN when the
 *                      won model could not be fitted)
 * @param dealValue     the value it would bring: its latest deal amount, else the expected deal
 *                      size of its segment and channel (NaN when no deal was ever won)
 * @param expectedValue probability x deal value
 * @param assignment    within the owner's capacity for the day, overflow, or marketing's step
 */
public record WorkItem(
    String owner, int rank, String leadId, String stage, NextStepRule rule, String action,
    String reason, Instant due, double idleDays, double points, double probability,
    double dealValue, double expectedValue, Assignment assignment) {}
