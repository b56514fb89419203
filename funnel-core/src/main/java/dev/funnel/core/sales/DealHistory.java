package dev.funnel.core.sales;

import dev.funnel.core.Dataset;
import dev.funnel.core.Lead;
import dev.funnel.core.Payment;
import dev.funnel.core.Stage;
import dev.funnel.core.StageCatalog;
import dev.funnel.core.StageChange;
import dev.funnel.core.funnel.LeadReach;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One lead's deal as of an instant, from one pass over its own stage changes: reach times, the
 * first actual entry into each stage, the outcome, the amounts.
 *
 * <p>Changes after {@code asOf} are ignored (null asOf: none is). The deal value is the latest
 * non-null amount of a change; the won value is the amount on the first change into the won stage,
 * or the latest amount before it when that change has none.
 */
final class DealHistory {

  final Lead lead;
  final LeadReach reach;
  /** First actual (not implied) entry per progression stage; [0] is the creation time. */
  final Instant[] entered;
  final List<StageChange> changes;
  final StageChange last;
  final Outcome outcome;
  final BigDecimal amount;
  final BigDecimal wonAmount;

  private DealHistory(Lead lead, LeadReach reach, Instant[] entered, List<StageChange> changes,
      StageChange last, Outcome outcome, BigDecimal amount, BigDecimal wonAmount) {
    this.lead = lead;
    this.reach = reach;
    this.entered = entered;
    this.changes = changes;
    this.last = last;
    this.outcome = outcome;
    this.amount = amount;
    this.wonAmount = wonAmount;
  }

  static DealHistory of(Dataset d, Lead lead, Instant asOf) {
    StageCatalog c = d.catalog();
    List<StageChange> all = d.stagesOf(lead.id());
    List<StageChange> kept = all; // time order: cut only when the latest change is after asOf
    if (asOf != null && !all.isEmpty() && all.get(all.size() - 1).at().isAfter(asOf)) {
      kept = new ArrayList<>(all.size());
      for (StageChange s : all) {
        if (!s.at().isAfter(asOf)) {
          kept.add(s);
        }
      }
    }
    Instant[] entered = new Instant[c.progression().size()];
    entered[0] = lead.createdAt();
    StageChange last = null;
    BigDecimal amount = null;
    BigDecimal wonAmount = null;
    boolean won = false;
    Stage wonStage = c.won();
    for (StageChange s : kept) { // time order (dataset index)
      if (!s.stage().exit() && entered[s.stage().index()] == null) {
        entered[s.stage().index()] = s.at();
      }
      if (s.amount() != null) {
        amount = s.amount();
      }
      if (s.stage().equals(wonStage) && !won) {
        won = true;
        wonAmount = amount;
      }
      last = s;
    }
    Outcome o;
    if (won) {
      o = Outcome.WON;
    } else if (last != null && last.stage().exit()) {
      o = c.returned().map(last.stage()::equals).orElse(false) ? Outcome.RETURNED : Outcome.LOST;
    } else {
      o = Outcome.OPEN;
    }
    return new DealHistory(lead, LeadReach.of(lead, kept, c), entered, kept, last, o, amount, wonAmount);
  }

  /** The current progression stage: the stage of the latest change, or the first stage. */
  Stage current(StageCatalog c) {
    return last == null ? c.first() : last.stage();
  }

  /**
   * The first positive payment of the lead's customer at or after {@code since} and at or before
   * {@code asOf} (null: no limit); payments booked to another lead of the customer do not count.
   */
  static Payment firstPayment(Dataset d, Lead lead, Instant since, Instant asOf) {
    for (Payment p : d.paymentsOf(lead.customerId())) { // time order
      if (p.amount().signum() <= 0 || p.paidAt().isBefore(since)
          || (p.leadId() != null && !p.leadId().equals(lead.id()))) {
        continue;
      }
      return asOf != null && p.paidAt().isAfter(asOf) ? null : p;
    }
    return null;
  }

  static boolean inWindow(Instant t, Instant from, Instant to) {
    return t != null && (from == null || !t.isBefore(from)) && (to == null || t.isBefore(to));
  }

  static double days(Instant from, Instant to) {
    return java.time.Duration.between(from, to).toMillis() / 86_400_000.0;
  }

  /** The progression stage of this name; an exit or unknown name is an IllegalArgumentException. */
  static Stage progression(StageCatalog c, String name) {
    Stage s = c.stage(name);
    if (s.exit()) {
      throw new IllegalArgumentException("stage " + s + " is an exit, not a progression stage");
    }
    return s;
  }

  /** Fails with an IllegalArgumentException naming the calculation when asOf is missing. */
  static Instant requireAsOf(Instant asOf, String what) {
    if (asOf == null) {
      throw new IllegalArgumentException(what + " needs an as-of instant");
    }
    return asOf;
  }

  /** num / den, NaN when den is 0. */
  static double ratio(long num, long den) {
    return den == 0 ? Double.NaN : (double) num / den;
  }

  /** num / den, NaN when den is 0. */
  static double ratio(BigDecimal num, BigDecimal den) {
    return den.signum() == 0 ? Double.NaN
        : num.divide(den, java.math.MathContext.DECIMAL64).doubleValue();
  }

  /** A duration in hours. */
  static double hours(java.time.Duration d) {
    return d.toMillis() / 3_600_000.0;
  }
}
