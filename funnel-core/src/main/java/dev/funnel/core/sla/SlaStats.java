package dev.funnel.core.sla;

/**
 * First-response figures of one owner (or of everyone, {@link Sla#ALL}).
 *
 * <p>Conventions (docs/spec/metrics.md, "SLA"): the share within target is
 * {@code within / (within + late + overdue)} — a lead still waiting beyond the target counts as a
 * breach, a lead still waiting inside the target is undecided and left out (NaN when nothing is
 * decided). Median and p90 are Kaplan-Meier percentiles of the response time (Kaplan and Meier
 * 1958, see {@link dev.funnel.core.stats.KaplanMeier}) with every still-waiting lead censored at
 * the time it has waited so far: the smallest observed response time t with S(t) at most 0.5
 * (0.1), NaN when too many leads are still waiting for it to be estimable. Times are minutes on
 * the query's calendar.
 *
 * @param owner         the owner, or {@code (all)}
 * @param leads         leads that reached the stage
 * @param responded     leads with a first response
 * @param within        responded within the target
 * @param late          responded after the target
 * @param overdue       no response and the target exceeded (breach)
 * @param waiting       no response, target not exceeded yet (undecided)
 * @param shareWithin   within / (within + late + overdue); NaN when 0 / 0
 * @param medianMinutes Kaplan-Meier median response time, NaN when not estimable
 * @param p90Minutes    Kaplan-Meier 90th percentile, NaN when not estimable
 */
public record SlaStats(
    String owner, long leads, long responded, long within, long late, long overdue, long waiting,
    double shareWithin, double medianMinutes, double p90Minutes) {

  /** Breaches: late responses plus leads overdue. */
  public long breaches() {
    return late + overdue;
  }
}
