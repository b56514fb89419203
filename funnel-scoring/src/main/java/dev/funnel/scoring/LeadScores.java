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
 * The open leads at risk as of an instant (target not reached, not closed, not won), scored by
 * the model and the points rules, the most likely first (ties by lead id).
 *
 * @param target  the target stage
 * @param horizon the horizon of the probability
 * @param asOf    the scoring instant
 * @param leads   the scored leads
 */
public record LeadScores(String target, Duration horizon, Instant asOf, List<LeadScore> leads)
    implements Tabular {

  public LeadScores {
    leads = List.copyOf(leads);
  }

  /** The score of one lead, or null when it is not on the list. */
  public LeadScore lead(String id) {
    return leads.stream().filter(l -> l.leadId().equals(id)).findFirst().orElse(null);
  }

  /** The sum of the probabilities: the expected number reaching the target within the horizon. */
  public double expected() {
    return leads.stream().mapToDouble(LeadScore::probability).sum();
  }

  @Override
  public String summary() {
    return String.format(Locale.ROOT, "%s leads scored for %s within %dd as of %s: %s expected",
        Formats.count(leads.size()), target, horizon.toDays(), InstantLabel.of(asOf, ZoneOffset.UTC),
        Formats.number(expected()));
  }

  @Override
  public TextTable table() {
    TextTable t = TextTable.of("lead", "owner", "stage", "probability", "points", "mql", "why (top 3)");
    for (LeadScore l : leads) {
      t = t.plus(l.leadId(), l.owner(), l.stage(), Cell.percent(l.probability()), l.points(),
          l.mql() ? "yes" : "no", l.why(3));
    }
    return t;
  }

  @Override
  public String toString() {
    return Tabular.preview(this);
  }
}
