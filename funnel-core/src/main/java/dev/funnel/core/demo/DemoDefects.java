package dev.funnel.core.demo;

import dev.funnel.core.display.Tabular;
import dev.funnel.core.display.Formats;
import dev.funnel.core.display.TextTable;
import java.util.Locale;

/**
 * What the demo generator put into its data on purpose, so that a data-quality report can be
 * checked against it.
 *
 * <p>The defects are injected at {@code rate} per lead (see {@link DemoData} for where); skipped
 * stages are not a defect of the generator but ordinary CRM behaviour (a lead taken from LEAD
 * straight to SQL), counted the way the quality report counts them: one per recorded stage change
 * whose immediately preceding progression stage the lead never recorded.
 *
 * @param rate                      the defect rate the data was generated with
 * @param leadsWithoutSource        leads written without channel and campaign
 * @param leadsWithoutCampaign      leads with a channel but without campaign
 * @param stagesOutOfOrder          stage changes that enter an earlier stage after a later one
 * @param paymentsWithoutLead       payments whose customer matches no lead
 * @param spendChannelsWithoutLeads channels that have spend and no leads
 * @param spendRowsWithoutLeads     spend rows of those channels
 * @param skippedStages             stage changes whose previous progression stage is missing
 */
public record DemoDefects(
    double rate,
    long leadsWithoutSource,
    long leadsWithoutCampaign,
    long stagesOutOfOrder,
    long paymentsWithoutLead,
    long spendChannelsWithoutLeads,
    long spendRowsWithoutLeads,
    long skippedStages)
    implements Tabular {

  /** Rows written wrong on purpose (skipped stages excluded: they are not defects). */
  public long injectedRows() {
    return leadsWithoutSource + leadsWithoutCampaign + stagesOutOfOrder + paymentsWithoutLead
        + spendRowsWithoutLeads;
  }

  @Override
  public String summary() {
    return String.format(
        Locale.ROOT, "Demo defects: %d rows injected at rate %s", injectedRows(), Formats.number(rate));
  }

  @Override
  public TextTable table() {
    return TextTable.of("defect", "count")
        .plus("lead_without_source", leadsWithoutSource)
        .plus("lead_without_campaign", leadsWithoutCampaign)
        .plus("stage_out_of_order", stagesOutOfOrder)
        .plus("payment_without_lead", paymentsWithoutLead)
        .plus("spend_without_leads (channels)", spendChannelsWithoutLeads)
        .plus("spend_without_leads (rows)", spendRowsWithoutLeads)
        .plus("stage_skipped (natural)", skippedStages);
  }

  @Override
  public String toString() {
    return Tabular.preview(this);
  }
}
