package dev.funnel.core.sales;

import dev.funnel.core.display.InstantLabel;
import dev.funnel.core.display.Tabular;
import dev.funnel.core.display.Cell;
import dev.funnel.core.display.Formats;
import dev.funnel.core.display.TextTable;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

/**
 * Per-owner KPIs as of an instant: SDR side (MQLs, reach rate, MQL to SQL, reaction time) and AE
 * side (SQLs, win rate, cycle, average deal), each lead credited by an {@link OwnerRule}.
 *
 * <p>SDR figures are over leads whose MQL hand-off is in the window, AE figures over leads whose
 * SQL hand-off is; both see nothing after {@code asOf}. Under {@link OwnerRule#ROLE} a lead's SDR
 * side and AE side may be credited to different people; under {@link OwnerRule#LEAD_OWNER} both go
 * to {@code leads.owner}. Either way every counted lead lands on exactly one owner per side, so the
 * MQL, SQL, won and lost counts summed over owners are the totals of the funnel and of
 * {@link Sales#winRate}. Reaction time and cycle are Kaplan-Meier medians: leads without an
 * activity (or payment) yet are censored at {@code asOf}; lost or returned deals without a payment
 * are left out of the cycle, as in {@link SalesCycle}. Ratios are NaN when their denominator is 0;
 * reach rate and reaction time are NaN without an activities table, the cycle without a payments
 * table.
 *
 * @param asOf   the observation instant
 * @param rule   how leads were credited to owners
 * @param owners one row per owner with at least one MQL or SQL, by name
 */
public record OwnerKpis(Instant asOf, OwnerRule rule, List<OwnerKpi> owners) implements Tabular {

  public OwnerKpis {
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(rule, "rule");
    owners = List.copyOf(owners);
  }

  /** The row of one owner, if it has one. */
  public java.util.Optional<OwnerKpi> owner(String name) {
    return owners.stream().filter(k -> k.owner().equals(name)).findFirst();
  }

  /** The one-line summary with the as-of instant in UTC ({@link #summary(ZoneId)}). */
  @Override
  public String summary() {
    return summary(ZoneOffset.UTC);
  }

  /** The one-line summary with the as-of instant for people in the zone ({@link InstantLabel}). */
  public String summary(ZoneId zone) {
    return "Owner KPIs " + rule.label() + " as of " + InstantLabel.of(asOf, zone) + ": "
        + Formats.count(owners.size()) + " owners";
  }

  @Override
  public TextTable table() {
    // fits a 100-column terminal with short owner names; MQLs qualified are in OwnerKpi and JSON
    TextTable t = TextTable.of("owner", "MQLs", "reach rate", "MQL->SQL", "reaction h",
        "SQLs", "won", "lost", "win rate", "cycle days", "avg deal");
    for (OwnerKpi k : owners) {
      t = t.plus(k.owner(), k.mqls(), Cell.percent(k.reachRate()), Cell.percent(k.mqlToSql()),
          Cell.decimal(k.reactionMedianHours()), k.sqls(), k.won(), k.lost(),
          Cell.percent(k.winRate()), Cell.decimal(k.cycleMedianDays()), Cell.amount(k.averageDeal()));
    }
    return t;
  }

  @Override
  public String toString() {
    return Tabular.preview(this);
  }
}
