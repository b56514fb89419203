package dev.funnel.scoring;

import dev.funnel.core.display.Cell;
import dev.funnel.core.display.Formats;
import dev.funnel.core.display.InstantLabel;
import dev.funnel.core.display.Tabular;
import dev.funnel.core.display.TextTable;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/**
 * The model's probability for every lead at risk as of an instant ({@link LeadModel#probabilities}):
 * the bare scores, without the per-feature reasons and points of {@link LeadScores}, for scoring
 * a whole base at once. Leads in creation order (the data's canonical order).
 *
 * @param target        the target stage
 * @param horizon       the horizon
 * @param asOf          the instant
 * @param leadIds       the leads, in creation order
 * @param probabilities the probability of each, parallel to {@code leadIds}
 */
public record LeadProbabilities(String target, Duration horizon, Instant asOf,
    List<String> leadIds, double[] probabilities) implements Tabular {

  public LeadProbabilities {
    leadIds = List.copyOf(leadIds);
    probabilities = probabilities.clone();
    if (leadIds.size() != probabilities.length) {
      throw new IllegalArgumentException(leadIds.size() + " leads and " + probabilities.length
          + " probabilities");
    }
  }

  /** A copy of the probabilities, parallel to {@link #leadIds()}. */
  @Override
  public double[] probabilities() {
    return probabilities.clone();
  }

  /** The number of leads. */
  public int size() {
    return probabilities.length;
  }

  /** The probability of the {@code i}-th lead. */
  public double probability(int i) {
    return probabilities[i];
  }

  /** The sum of the probabilities: the expected number reaching the target within the horizon. */
  public double expected() {
    double s = 0;
    for (double p : probabilities) {
      s += p;
    }
    return s;
  }

  @Override
  public String summary() {
    return String.format(Locale.ROOT, "%s leads scored for %s within %dd as of %s: %s expected",
        Formats.count(size()), target, horizon.toDays(), InstantLabel.of(asOf, ZoneOffset.UTC),
        Formats.number(expected()));
  }

  @Override
  public TextTable table() {
    TextTable t = TextTable.of("lead", "probability");
    for (int i = 0; i < probabilities.length; i++) {
      t = t.plus(leadIds.get(i), Cell.percent(probabilities[i]));
    }
    return t;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LeadProbabilities p && target.equals(p.target) && horizon.equals(p.horizon)
        && asOf.equals(p.asOf) && leadIds.equals(p.leadIds)
        && java.util.Arrays.equals(probabilities, p.probabilities);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(target, horizon, asOf, leadIds)
        + 31 * java.util.Arrays.hashCode(probabilities);
  }

  @Override
  public String toString() {
    return Tabular.preview(this);
  }
}
