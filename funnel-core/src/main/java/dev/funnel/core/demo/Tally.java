package dev.funnel.core.demo;

/** Counts what the generator did on purpose while it streams; turned into {@link DemoDefects}. */
final class Tally {
  long leadsWithoutSource;
  long leadsWithoutCampaign;
  long stagesOutOfOrder;
  long paymentsWithoutLead;
  long spendChannelsWithoutLeads;
  long spendRowsWithoutLeads;
  long skippedStages;

  DemoDefects result(double rate) {
    return new DemoDefects(
        rate,
        leadsWithoutSource,
        leadsWithoutCampaign,
        stagesOutOfOrder,
        paymentsWithoutLead,
        spendChannelsWithoutLeads,
        spendRowsWithoutLeads,
        skippedStages);
  }
}
