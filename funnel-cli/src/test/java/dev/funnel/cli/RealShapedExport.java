package dev.funnel.cli;

import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Lead;
import dev.funnel.core.Money;
import dev.funnel.core.Payment;
import dev.funnel.core.demo.DemoData;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * A CRM export shaped like the one issue 13 was found on: the demo generator's business, cut the
 * way an export taken on a given day is cut. Leads stop on 2026-03-01, their stage changes,
 * activities and touches run on to 2026-05-20, payments to 2026-04-10 and spend to 2026-03-01;
 * the plan is kept whole. Organic channels (direct, seo, referral, call) have no spend rows, as
 * in the demo; RETURNED leads are common.
 */
final class RealShapedExport {

  static final Instant LEADS_END = Instant.parse("2026-03-01T00:00:00Z");
  static final Instant STAGES_END = Instant.parse("2026-05-20T00:00:00Z");
  static final Instant PAYMENTS_END = Instant.parse("2026-04-10T00:00:00Z");
  static final LocalDate SPEND_END = LocalDate.of(2026, 3, 1);

  private RealShapedExport() {}

  /** The cut of the demo dataset of {@code leads} leads (seed 42), repeat buyers when ppl > 0. */
  static Dataset of(long leads, double paymentsPerLead) {
    DemoData.Builder g = DemoData.builder().seed(42).leads(leads);
    if (paymentsPerLead > 0) {
      g = g.paymentsPerLead(paymentsPerLead);
    }
    return cut(g.build().dataset(), true);
  }

  /** The export's cut of a dataset; the spend table left out when {@code spend} is false. */
  static Dataset cut(Dataset d, boolean spend) {
    Dataset.Builder b = Dataset.builder().zone(d.zone()).catalog(d.catalog()).currency(d.currency());
    java.util.Set<String> kept = new java.util.HashSet<>();
    for (Lead l : d.leads()) {
      if (l.createdAt().isBefore(LEADS_END)) {
        b.lead(l);
        kept.add(l.id());
      }
    }
    d.stages().stream().filter(s -> kept.contains(s.leadId()) && s.at().isBefore(STAGES_END))
        .forEach(b::stageChange);
    d.activities().stream().filter(a -> kept.contains(a.leadId()) && a.at().isBefore(STAGES_END))
        .forEach(b::activity);
    d.touches().stream().filter(t -> kept.contains(t.leadId()) && t.at().isBefore(STAGES_END))
        .forEach(b::touch);
    d.payments().stream().filter(p -> p.paidAt().isBefore(PAYMENTS_END)).forEach(b::payment);
    if (spend) {
      d.spend().stream().filter(s -> s.date().isBefore(SPEND_END)).forEach(b::spend);
    }
    d.plan().forEach(b::planTarget);
    for (DatasetTable t : new DatasetTable[] {DatasetTable.STAGES, DatasetTable.ACTIVITIES,
        DatasetTable.TOUCHES, DatasetTable.PAYMENTS, DatasetTable.PLAN}) {
      if (d.has(t)) {
        b.table(t);
      }
    }
    return b.build();
  }

  /** The dataset without its spend table (an export that did not include it). */
  static Dataset withoutSpend(Dataset d) {
    Dataset.Builder b = Dataset.builder().zone(d.zone()).catalog(d.catalog()).currency(d.currency());
    d.leads().forEach(b::lead);
    d.stages().forEach(b::stageChange);
    d.activities().forEach(b::activity);
    d.touches().forEach(b::touch);
    d.payments().forEach(b::payment);
    d.plan().forEach(b::planTarget);
    return b.build();
  }

  /**
   * The dataset with its payments replaced by a repeat-purchase business whose customers differ in
   * how often they buy but not in how likely they are to stop: every customer keeps its first
   * positive payment (time, amount, lead), then buys as a Poisson process of rate
   * {@code lambda ~ Gamma(0.6, 3)} per week and after each repeat purchase stops for good with the
   * same probability {@code p} (the BG/NBD of Fader, Hardie and Lee 2005 with Beta(a, b)
   * degenerate at p), until {@link #PAYMENTS_END}; each order is the first amount times a
   * log-normal factor (sigma 0.3), in cents.
   */
  static Dataset withConstantDropout(Dataset d, double p, long seed) {
    Map<String, Payment> first = new TreeMap<>();
    for (Payment x : d.payments()) {
      if (x.amount().signum() > 0) {
        first.merge(x.customerId(), x,
            (u, v) -> v.paidAt().isBefore(u.paidAt()) ? v : u);
      }
    }
    SplittableRandom rnd = new SplittableRandom(seed);
    List<Payment> out = new ArrayList<>();
    double weekMs = 7 * 86_400_000.0;
    for (Payment f : first.values()) {
      out.add(f);
      double lambda = gamma(rnd, 0.6) / 3; // per week
      long t = f.paidAt().toEpochMilli();
      int n = 0;
      while (true) {
        t += (long) (-Math.log1p(-rnd.nextDouble()) / lambda * weekMs);
        if (t >= PAYMENTS_END.toEpochMilli() || t < 0) {
          break;
        }
        n++;
        BigDecimal amount = f.amount().amount()
            .multiply(BigDecimal.valueOf(Math.exp(0.3 * rnd.nextGaussian())))
            .setScale(2, RoundingMode.HALF_UP).max(new BigDecimal("0.01"));
        out.add(new Payment(f.paymentId() + "-r" + n, f.customerId(), f.leadId(),
            Instant.ofEpochMilli(t), new Money(amount, f.amount().currency()), f.product()));
        if (rnd.nextDouble() < p) {
          break;
        }
      }
    }
    Dataset.Builder b = Dataset.builder().zone(d.zone()).catalog(d.catalog()).currency(d.currency());
    d.leads().forEach(b::lead);
    d.stages().forEach(b::stageChange);
    d.activities().forEach(b::activity);
    d.touches().forEach(b::touch);
    out.forEach(b::payment);
    d.spend().forEach(b::spend);
    d.plan().forEach(b::planTarget);
    if (d.has(DatasetTable.SPEND)) {
      b.table(DatasetTable.SPEND);
    }
    return b.build();
  }

  /** Gamma(shape, 1) by Marsaglia and Tsang (2000), with the shape < 1 boost. */
  private static double gamma(SplittableRandom rnd, double shape) {
    if (shape < 1) {
      return gamma(rnd, shape + 1) * Math.pow(rnd.nextDouble(), 1 / shape);
    }
    double dd = shape - 1.0 / 3;
    double c = 1 / Math.sqrt(9 * dd);
    while (true) {
      double z = rnd.nextGaussian();
      double v = 1 + c * z;
      if (v <= 0) {
        continue;
      }
      v = v * v * v;
      if (Math.log(rnd.nextDouble()) < 0.5 * z * z + dd - dd * v + dd * Math.log(v)) {
        return dd * v;
      }
    }
  }
}
