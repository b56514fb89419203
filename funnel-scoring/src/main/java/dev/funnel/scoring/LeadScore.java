package dev.funnel.scoring;

import java.util.List;

/**
 * One lead scored by the model and the points rules as of an instant.
 *
 * @param leadId        the lead
 * @param owner         who holds it: the owner of its latest stage change naming one, else the
 *                      lead's owner, else {@code (none)}
 * @param stage         the furthest progression stage reached
 * @param probability   the model's probability of reaching the target within the horizon
 * @param points        the points score
 * @param mql           whether the points reach the rules' MQL threshold
 * @param baseLogOdds   the log-odds of the average training row
 * @param contributions each feature's contribution to the log-odds, largest magnitude first
 */
public record LeadScore(
    String leadId, String owner, String stage, double probability, double points, boolean mql,
    double baseLogOdds, List<Contribution> contributions) {

  public LeadScore {
    contributions = List.copyOf(contributions);
  }

  /** The {@code n} largest contributions as {@code feature=value +0.42; ...}. */
  public String why(int n) {
    StringBuilder b = new StringBuilder();
    for (int k = 0; k < Math.min(n, contributions.size()); k++) {
      b.append(k == 0 ? "" : "; ").append(contributions.get(k).label());
    }
    return b.toString();
  }
}
