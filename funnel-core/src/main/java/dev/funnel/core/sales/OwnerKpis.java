package dev.funnel.core.sales;

import dev.funnel.core.display.InstantLabel;
import dev.funnel.core.display.Tabular;
import dev.funnel.core.display.TextTable;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Per-owner KPIs as of an instant: SDR side (MQLs, reach rate, MQL to SQL, reaction time) and AE
 * side (SQLs, win rate, cycle, average deal).
 *
 * <p>The owner is the lead's {@code owner}. SDR figures are over leads whose MQL hand-off is in the
 * window, AE figures over leads whose SQL hand-off is; both see nothing after {@code asOf}.
 * Reaction time and cycle are Kaplan-Meier medians: leads without an activity (or payment) yet
 * are censored at {@code asOf}; lost or returned deals without a payment are left out of the
 * cycle, as in {@link SalesCycle}. Ratios are NaN when their denominator is 0; reach rate and
 * reaction time are NaN without an activities table, the cycle without a payments table.
 *
 * @param asOf   the observation instant
 * @param owners one row per owner, by name
 */
public record OwnerKpis(Instant asOf, List<OwnerKpi> owners) implements Tabular {

  public OwnerKpis {
    owners = List.copyOf(owners);
  }

  /** The one-line summary with the as-of instant in UTC ({@link #summary(ZoneId)}). */
  @Override
  public String summary() {
    return summary(ZoneOffset.UTC);
  }

  /** The one-line summary with the as-of instant for people in the zone ({@link InstantLabel}). */
  public String summary(ZoneId zone) {
    return "Owner KPIs as of " + InstantLabel.of(asOf, zone) + ": " + owners.size() + " owners";
  }

  @Override
  public TextTable table() {
    TextTable t = TextTable.of("owner", "MQLs", "reach rate", "MQL->SQL", "reaction h", "SQLs",
        "win rate", "cycle days", "average deal");
    for (OwnerKpi k : owners) {
      t = t.plus(k.owner(), k.mqls(), k.reachRate(), k.mqlToSql(), k.reactionMedianHours(),
          k.sqls(), k.winRate(), k.cycleMedianDays(), k.averageDeal());
    }
    return t;
  }

  @Override
  public String toString() {
    return Tabular.preview(this);
  }
}
