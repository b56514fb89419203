package dev.funnel.cohort;

import dev.funnel.core.Granularity;
import dev.funnel.core.display.Tabular;
import dev.funnel.core.display.TextTable;
import java.util.List;

/**
 * CAC, LTV, LTV/CAC and payback per acquisition channel and per channel cohort (docs/spec/metrics.md,
 * "Cohorts and LTV"; see {@link Cohorts#ltvToCac} for the conventions).
 *
 * @param granularity the period of cohorts, spend and payback (month gives payback in months)
 * @param margin      share of revenue counted as margin
 * @param horizon     period index at which the historical LTV is read
 * @param channels    per channel, in channel order
 * @param cohorts     per channel and cohort, in channel then period order
 */
public record LtvToCac(
    Granularity granularity,
    double margin,
    int horizon,
    List<ChannelLtvToCac> channels,
    List<CohortLtvToCac> cohorts)
    implements Tabular {

  public LtvToCac {
    channels = List.copyOf(channels);
    cohorts = List.copyOf(cohorts);
  }

  @Override
  public String summary() {
    return "Unit economics by channel: " + channels.size() + " channels, LTV at "
        + granularity.label() + " " + horizon + ", margin " + TextTable.number(margin);
  }

  @Override
  public TextTable table() {
    TextTable t = TextTable.of("channel", "customers", "spend", "CAC", "LTV", "LTV/CAC", "payback");
    for (ChannelLtvToCac c : channels) {
      t = t.plus(
          c.channel(), c.customers(), c.spend(), c.cac(), c.ltv(), c.ltvToCac(),
          !c.paybackDefined() ? "-"
              : c.payback().isPresent() ? String.valueOf(c.payback().getAsInt()) : "not yet");
    }
    return t;
  }

  @Override
  public String toString() {
    return Tabular.preview(this);
  }
}
