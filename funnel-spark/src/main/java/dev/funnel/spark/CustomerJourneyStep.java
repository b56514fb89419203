package dev.funnel.spark;

import dev.funnel.attribution.JourneyOptions;
import dev.funnel.attribution.JourneySet;
import dev.funnel.attribution.PathState;
import dev.funnel.attribution.TransitionState;
import dev.funnel.core.JourneyPath;
import dev.funnel.core.Lead;
import dev.funnel.core.Payment;
import dev.funnel.core.StageChange;
import dev.funnel.core.Touch;
import dev.funnel.io.Rows;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.Tuple2;

/**
 * The per-lead journey step for journeys valued by paid revenue, applied to all rows of one
 * customer after grouping by customer id (its leads, their touches and stage changes, its
 * payments): {@link JourneySet#pathOf} for each of the customer's leads with the customer's
 * payments, as {@code JourneySet.fromDataset} passes {@code paymentsOf(customer)}; a touch or
 * stage change of a lead missing from the leads table arrives under the lead id, which is then
 * its customer, as on the single-JVM route. Emits a one-lead {@link PathState} (tag
 * {@code pathsTag}) and {@link TransitionState} (tag {@code pathsTag + 1}) per journey.
 */
final class CustomerJourneyStep implements FlatMapGroupsFunction<String, Row, Tuple2<Integer, byte[]>> {
  private static final long serialVersionUID = 1L;

  private final Setup setup;
  private final int pathsTag;
  private final String conversionStage;
  private final int lookbackDays;
  private final int paidRevenueWithinDays;
  private final String opportunityStage;
  private final boolean byCampaign;
  private final byte[] transitionsZero;

  CustomerJourneyStep(Setup setup, int pathsTag, JourneyOptions journeys, byte[] transitionsZero) {
    this.setup = setup.copy();
    this.pathsTag = pathsTag;
    this.conversionStage = journeys.conversionStage();
    this.lookbackDays = journeys.lookbackDays();
    this.paidRevenueWithinDays = journeys.paidRevenueWithinDays();
    this.opportunityStage = journeys.opportunityStage();
    this.byCampaign = journeys.byCampaign();
    this.transitionsZero = transitionsZero;
  }

  /** One lead's rows within the customer's group. */
  private static final class LeadRows {
    Lead lead;
    final List<Touch> touches = new ArrayList<>();
    final List<StageChange> changes = new ArrayList<>();
  }

  @Override
  public Iterator<Tuple2<Integer, byte[]>> call(String customerId, Iterator<Row> rows) {
    Map<String, LeadRows> leads = new TreeMap<>();
    List<Payment> payments = new ArrayList<>();
    while (rows.hasNext()) {
      Row r = rows.next();
      switch (LongForm.table(r)) {
        case LEADS: {
          Lead l = setup.decode(Rows.LEADS, r);
          LeadRows lr = leads.computeIfAbsent(l.id(), k -> new LeadRows());
          if (lr.lead != null) {
            throw new IllegalArgumentException("leads: duplicate lead_id '" + l.id() + "'");
          }
          lr.lead = l;
          break;
        }
        case TOUCHES: {
          Touch t = setup.decode(Rows.TOUCHES, r);
          leads.computeIfAbsent(t.leadId(), k -> new LeadRows()).touches.add(t);
          break;
        }
        case STAGES: {
          StageChange c = setup.decode(Rows.STAGES, r);
          leads.computeIfAbsent(c.leadId(), k -> new LeadRows()).changes.add(c);
          break;
        }
        case PAYMENTS:
          payments.add(setup.decode(Rows.PAYMENTS, r));
          break;
        default:
          throw new IllegalStateException("unexpected table " + LongForm.table(r) + " in a customer group");
      }
    }
    JourneyOptions o = new JourneyOptions(conversionStage, lookbackDays, paidRevenueWithinDays,
        opportunityStage, byCampaign);
    List<Tuple2<Integer, byte[]>> out = new ArrayList<>();
    for (Map.Entry<String, LeadRows> e : leads.entrySet()) {
      LeadRows lr = e.getValue();
      JourneyPath p = JourneySet.pathOf(e.getKey(), lr.lead, lr.touches, lr.changes, payments,
          setup.catalog(), o);
      if (p != null) {
        out.add(new Tuple2<>(pathsTag, PathState.empty().add(p).toBytes()));
        out.add(new Tuple2<>(pathsTag + 1, TransitionState.fromBytes(transitionsZero)
            .add(p.channels(), p.conversions(), p.nulls()).toBytes()));
      }
    }
    return out.iterator();
  }

  /** The columns of {@link LeadCustomer}'s rows. */
  static final Encoder<Row> LEAD_CUSTOMER = Encoders.row(new StructType()
      .add("lead_id", DataTypes.StringType, false)
      .add("customer_id", DataTypes.StringType, false));

  /**
   * A long-form lead row as (lead id, customer id): the map that re-keys each lead's touches and
   * stage changes by its customer, the join {@code JourneySet.fromDataset} makes with
   * {@code paymentsOf(lead.customerId())}.
   */
  static final class LeadCustomer implements MapFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final Setup setup;

    LeadCustomer(Setup setup) {
      this.setup = setup.copy();
    }

    @Override
    public Row call(Row r) {
      Lead l = setup.decode(Rows.LEADS, r);
      return RowFactory.create(l.id(), l.customerId());
    }
  }
}
