package dev.funnel.core.sales;

import dev.funnel.core.display.InstantLabel;
import dev.funnel.core.display.Tabular;
import dev.funnel.core.display.Cell;
import dev.funnel.core.display.TextTable;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Time in each progression stage as of an instant.
 *
 * <p>A stay starts at the lead's first actual entry into the stage (the first stage: at creation)
 * and ends at the next change into any other stage, exits included; a stay still going at
 * {@code asOf} is censored there (Kaplan-Meier). Stages the CRM skipped are not stays. A negative
 * stay (a change recorded before the entry it follows) counts as 0 days.
 *
 * @param asOf   the observation instant
 * @param stages one row per progression stage, in catalog order
 */
public record TimeInStages(Instant asOf, List<StageTime> stages) implements Tabular {

  public TimeInStages {
    stages = List.copyOf(stages);
  }

  /** The one-line summary with the as-of instant in UTC ({@link #summary(ZoneId)}). */
  @Override
  public String summary() {
    return summary(ZoneOffset.UTC);
  }

  /** The one-line summary with the as-of instant for people in the zone ({@link InstantLabel}). */
  public String summary(ZoneId zone) {
    return "Time in stage as of " + InstantLabel.of(asOf, zone) + " (days, Kaplan-Meier)";
  }

  @Override
  public TextTable table() {
    TextTable t = TextTable.of("stage", "stays", "completed", "censored", "median days", "p75 days");
    for (StageTime s : stages) {
      t = t.plus(s.stage(), s.stays(), s.completed(), s.censored(), Cell.decimal(s.medianDays()),
          Cell.decimal(s.p75Days()));
    }
    return t;
  }

  @Override
  public String toString() {
    return Tabular.preview(this);
  }
}
