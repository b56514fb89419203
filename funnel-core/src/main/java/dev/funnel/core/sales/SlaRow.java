package dev.funnel.core.sales;

/**
 * First-response SLA of one owner (or of everyone).
 *
 * @param owner        the lead's owner, {@code (none)} when absent, {@code (all)} for the total
 * @param leads        hand-offs in the window
 * @param responded    with a sales activity after the hand-off
 * @param withinTarget responded within the target
 * @param late         responded after the target
 * @param overdue      no activity yet and already waiting longer than the target
 * @param pending      no activity yet, still within the target
 * @param shareWithin  withinTarget / (responded + overdue); pending leads are not decided yet
 * @param medianHours  Kaplan-Meier median response time in hours (waiting leads censored)
 * @param p90Hours     90th percentile in hours
 */
public record SlaRow(
    String owner, long leads, long responded, long withinTarget, long late, long overdue,
    long pending, double shareWithin, double medianHours, double p90Hours) {}
