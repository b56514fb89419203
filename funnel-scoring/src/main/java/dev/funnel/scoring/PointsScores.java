package dev.funnel.scoring;

import dev.funnel.core.display.InstantLabel;
import dev.funnel.core.display.Tabular;
import dev.funnel.core.display.TextTable;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/**
 * The points scores of every open lead as of an instant (created by then, not closed by an exit,
 * not won), highest first (ties by lead id).
 *
 * @param asOf  the scoring instant
 * @param rules the rules
 * @param leads the scores
 */
public record PointsScores(Instant asOf, RuleSet rules, List<PointsScore> leads) implements Tabular {

  public PointsScores {
    leads = List.copyOf(leads);
  }

  /** Leads at or above the MQL threshold. */
  public long mqls() {
    return leads.stream().filter(PointsScore::mql).count();
  }

  @Override
  public String summary() {
    return String.format(Locale.ROOT, "Points scores of %d open leads as of %s: %d at or above %s (MQL by the rules)",
        leads.size(), InstantLabel.of(asOf, ZoneOffset.UTC), mqls(), TextTable.number(rules.threshold()));
  }

  @Override
  public TextTable table() {
    TextTable t = TextTable.of("lead", "stage", "score", "mql", "rules that hold");
    for (PointsScore s : leads) {
      t = t.plus(s.leadId(), s.stage(), s.score(), s.mql() ? "yes" : "no", s.explain());
    }
    return t;
  }

  @Override
  public String toString() {
    return Tabular.preview(this);
  }
}
