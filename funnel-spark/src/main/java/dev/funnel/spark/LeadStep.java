package dev.funnel.spark;

import dev.funnel.attribution.JourneyOptions;
import dev.funnel.attribution.JourneySet;
import dev.funnel.attribution.PathState;
import dev.funnel.attribution.TransitionState;
import dev.funnel.core.JourneyPath;
import dev.funnel.core.LeadHistory;
import dev.funnel.core.funnel.FunnelState;
import dev.funnel.core.funnel.LeadReach;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.sql.Row;
import scala.Tuple2;

/**
 * The per-lead step, applied to all rows of one lead after grouping by lead id: the same library
 * functions the single-JVM route calls per lead ({@link LeadReach#of} for the funnel,
 * {@link JourneySet#pathOf} for the journey), each lead's contribution emitted as a one-lead
 * partial state in its byte form, tagged with the output it belongs to.
 *
 * <p>Like {@code StageFunnel.tally}, only leads of the leads table are counted in funnels; like
 * {@code JourneySet.fromDataset}, journeys are cut for every lead with touches or stage changes.
 */
final class LeadStep implements FlatMapGroupsFunction<String, Row, Tuple2<Integer, byte[]>> {
  private static final long serialVersionUID = 1L;

  private final Setup setup;
  /** Empty funnel states, one per query: output tags 0 .. n-1. */
  private final ArrayList<byte[]> funnels;
  /** Journey options, or null without attribution; paths are tag n, transitions tag n + 1. */
  private final String conversionStage;
  private final Integer lookbackDays;
  private final String opportunityStage;
  private final boolean byCampaign;
  private final byte[] transitionsZero;

  LeadStep(Setup setup, List<byte[]> funnels, JourneyOptions journeys, byte[] transitionsZero) {
    this.setup = setup.copy();
    this.funnels = new ArrayList<>(funnels);
    this.conversionStage = journeys == null ? null : journeys.conversionStage();
    this.lookbackDays = journeys == null ? null : journeys.lookbackDays();
    this.opportunityStage = journeys == null ? null : journeys.opportunityStage();
    this.byCampaign = journeys != null && journeys.byCampaign();
    this.transitionsZero = transitionsZero;
  }

  @Override
  public Iterator<Tuple2<Integer, byte[]>> call(String leadId, Iterator<Row> rows) {
    LeadHistory h = LeadGroup.of(leadId, rows, setup);
    List<Tuple2<Integer, byte[]>> out = new ArrayList<>(funnels.size() + 2);
    if (h.lead() != null && !funnels.isEmpty()) {
      LeadReach reach = LeadReach.of(h, setup.catalog());
      for (int i = 0; i < funnels.size(); i++) {
        out.add(new Tuple2<>(i, FunnelState.fromBytes(funnels.get(i)).add(reach).toBytes()));
      }
    }
    if (lookbackDays != null) {
      JourneyOptions o = new JourneyOptions(conversionStage, lookbackDays, null, opportunityStage,
          byCampaign);
      JourneyPath p = JourneySet.pathOf(h, setup.catalog(), o);
      if (p != null) {
        out.add(new Tuple2<>(funnels.size(), PathState.empty().add(p).toBytes()));
        out.add(new Tuple2<>(funnels.size() + 1, TransitionState.fromBytes(transitionsZero)
            .add(p.channels(), p.conversions(), p.nulls()).toBytes()));
      }
    }
    return out.iterator();
  }
}
