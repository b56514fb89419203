package dev.funnel.core.quality;

import dev.funnel.core.Activity;
import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Lead;
import dev.funnel.core.Payment;
import dev.funnel.core.Spend;
import dev.funnel.core.StageChange;
import dev.funnel.core.Touch;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The data-quality report of a dataset (spec/metrics.md, "Data quality"): every problem that would
 * make the funnel's numbers wrong, counted, with examples; nothing is dropped silently.
 *
 * <pre>{@code
 * QualityReport q = DataQuality.check(dataset, reader.reads(), Instant.now());
 * }</pre>
 *
 * <p>Checks and their codes (see {@link Issue} for what each counts):
 * <ul>
 *   <li>from the reader's {@link TableRead}s: {@code duplicate_lead} (reason
 *       {@code duplicate_lead_id}), {@code unknown_stage} (reason {@code unknown_stage}) and
 *       {@code rejected:CODE} for every other reason;
 *   <li>leads: {@code lead_without_source} (channel {@code (none)}) and
 *       {@code lead_without_campaign} (a channel but no campaign; a lead without source is counted
 *       only under the first code);
 *   <li>stage history: {@code stage_out_of_order} and {@code stage_skipped} (conventions in
 *       {@link StageHistory});
 *   <li>links, only when the dataset has a leads table: {@code stage_for_unknown_lead},
 *       {@code touch_for_unknown_lead}, {@code activity_for_unknown_lead},
 *       {@code payment_without_lead} (neither its lead id is a lead nor its customer id is a
 *       lead's customer id) and {@code spend_without_leads} (a spend channel that no lead has;
 *       channel names compared exactly);
 *   <li>{@code future_timestamp}: a lead, stage change, activity, touch or payment after
 *       {@code asOf}, or spend on a day after {@code asOf}'s day in the dataset time zone (plan
 *       targets are about the future by nature and are not checked).
 * </ul>
 *
 * <p>Revenue without source: a payment belongs to the lead named by its lead id, else to the
 * earliest created lead with its customer id; its amount counts as without source when that lead
 * has no channel or no campaign, or when there is no such lead. Net amounts (refunds negative),
 * exact.
 *
 * <p>Rows per table come from the reader's {@link TableRead}s (summed when a table was read from
 * several files); a table of the dataset that no read describes (built in memory) reports its size
 * as read and accepted. The result does not depend on row order (the dataset is canonically
 * ordered, and examples are taken in that order).
 */
public final class DataQuality {

  private DataQuality() {}

  /** The report of a dataset built in memory (no reader): every row was accepted. */
  public static QualityReport check(Dataset dataset, Instant asOf) {
    return check(dataset, List.of(), asOf);
  }

  /**
   * The report of a dataset and what reading it refused.
   *
   * @param dataset the dataset
   * @param reads   what the reader did per table (null or empty when built in memory)
   * @param asOf    timestamps after this instant are in the future
   * @throws IllegalArgumentException when the dataset or asOf is missing
   */
  public static QualityReport check(Dataset dataset, List<TableRead> reads, Instant asOf) {
    if (dataset == null) {
      throw new IllegalArgumentException("a quality report needs a dataset");
    }
    if (asOf == null) {
      throw new IllegalArgumentException("a quality report needs an 'as of' instant for future timestamps");
    }
    List<TableRead> tableReads = reads == null ? List.of() : reads;
    Findings f = new Findings();
    rejections(tableReads, f);
    leads(dataset, f);
    List<StageChange> stages = dataset.stages();
    for (int i = 0, j; i < stages.size(); i = j) {
      String lead = stages.get(i).leadId();
      j = i;
      while (j < stages.size() && stages.get(j).leadId().equals(lead)) {
        j++;
      }
      StageHistory.check(dataset, lead, stages.subList(i, j), f);
    }
    Map<String, Lead> byCustomer = leadsByCustomer(dataset);
    if (dataset.has(DatasetTable.LEADS)) {
      links(dataset, byCustomer, f);
    }
    future(dataset, asOf, f);
    BigDecimal[] revenue = revenue(dataset, byCustomer);
    return new QualityReport(asOf, rows(dataset, tableReads), f.issues(), dataset.currency(), revenue[0], revenue[1]);
  }

  private static Map<String, RowCounts> rows(Dataset d, List<TableRead> reads) {
    Map<DatasetTable, RowCounts> byTable = new EnumMap<>(DatasetTable.class);
    for (TableRead r : reads) {
      if (r == null) {
        throw new IllegalArgumentException("the list of table reads contains null");
      }
      byTable.merge(r.table(), new RowCounts(r.read(), r.accepted(), r.rejected()), RowCounts::plus);
    }
    for (DatasetTable t : d.tables()) {
      byTable.putIfAbsent(t, new RowCounts(d.size(t), d.size(t), 0));
    }
    Map<String, RowCounts> out = new LinkedHashMap<>();
    byTable.forEach((t, r) -> out.put(t.fileName(), r));
    return out;
  }

  private static void rejections(List<TableRead> reads, Findings f) {
    for (TableRead r : reads) {
      if (r == null) {
        throw new IllegalArgumentException("the list of table reads contains null");
      }
      for (Map.Entry<String, Long> e : r.rejectedByCode().entrySet()) {
        String reason = e.getKey();
        List<String> examples = new ArrayList<>();
        for (Rejection x : r.examples()) {
          if (x.code().equals(reason)) {
            examples.add(x.describe());
          }
        }
        f.add(issueCode(reason), e.getValue(), examples, null);
      }
    }
  }

  /** The issue code of a reader's rejection reason. */
  static String issueCode(String reason) {
    switch (reason) {
      case "duplicate_lead_id": return Issue.DUPLICATE_LEAD;
      case "unknown_stage": return Issue.UNKNOWN_STAGE;
      default: return Issue.REJECTED_PREFIX + reason;
    }
  }

  private static void leads(Dataset d, Findings f) {
    for (Lead l : d.leads()) {
      if (!l.hasChannel()) {
        f.add(Issue.LEAD_WITHOUT_SOURCE, () -> l.id() + " created " + l.createdAt());
      } else if (l.campaign() == null) {
        f.add(Issue.LEAD_WITHOUT_CAMPAIGN, () -> l.id() + " (" + l.channel() + ") created " + l.createdAt());
      }
    }
  }

  private static void links(Dataset d, Map<String, Lead> byCustomer, Findings f) {
    KnownLead known = new KnownLead(d);
    for (StageChange s : d.stages()) {
      if (!known.test(s.leadId())) {
        f.add(Issue.STAGE_FOR_UNKNOWN_LEAD, () -> s.leadId() + ": " + s.stage() + " at " + s.at());
      }
    }
    for (Touch t : d.touches()) {
      if (!known.test(t.leadId())) {
        f.add(Issue.TOUCH_FOR_UNKNOWN_LEAD, () -> t.leadId() + ": " + t.channel() + " at " + t.at());
      }
    }
    for (Activity a : d.activities()) {
      if (!known.test(a.leadId())) {
        f.add(Issue.ACTIVITY_FOR_UNKNOWN_LEAD, () -> a.leadId() + ": " + a.type() + " at " + a.at());
      }
    }
    for (Payment p : d.payments()) {
      if (leadOf(d, byCustomer, p) == null) {
        f.add(Issue.PAYMENT_WITHOUT_LEAD, () -> describe(p));
      }
    }
    Set<String> leadChannels = new HashSet<>();
    for (Lead l : d.leads()) {
      leadChannels.add(l.channel());
    }
    Map<String, List<Spend>> orphan = new TreeMap<>();
    for (Spend s : d.spend()) {
      if (!leadChannels.contains(s.channel())) {
        orphan.computeIfAbsent(s.channel(), k -> new ArrayList<>()).add(s);
      }
    }
    for (Map.Entry<String, List<Spend>> e : orphan.entrySet()) {
      BigDecimal total = BigDecimal.ZERO;
      for (Spend s : e.getValue()) {
        total = total.add(s.amount().amount());
      }
      BigDecimal sum = total;
      f.add(Issue.SPEND_WITHOUT_LEADS, () -> e.getKey() + ": " + e.getValue().size() + " rows, "
          + sum.toPlainString() + " " + d.currency());
    }
  }

  /**
   * Whether a lead id is in the leads table, remembering the last answer: the stage, touch and
   * activity tables are sorted by lead id, so consecutive rows mostly ask about the same lead.
   */
  private static final class KnownLead {
    private final Dataset d;
    private String last;
    private boolean known;

    KnownLead(Dataset d) {
      this.d = d;
    }

    boolean test(String leadId) {
      if (!leadId.equals(last)) {
        last = leadId;
        known = d.lead(leadId) != null;
      }
      return known;
    }
  }

  private static String describe(Payment p) {
    return (p.paymentId() == null ? "payment" : "payment " + p.paymentId()) + " of customer "
        + p.customerId() + (p.leadId() == null ? "" : " (lead " + p.leadId() + ")") + " at "
        + p.paidAt() + ": " + p.amount();
  }

  /** Each customer id's earliest created lead (leads are in creation order, then id). */
  private static Map<String, Lead> leadsByCustomer(Dataset d) {
    Map<String, Lead> m = new HashMap<>();
    for (Lead l : d.leads()) {
      m.putIfAbsent(l.customerId(), l);
    }
    return m;
  }

  private static Lead leadOf(Dataset d, Map<String, Lead> byCustomer, Payment p) {
    if (p.leadId() != null) {
      Lead l = d.lead(p.leadId());
      if (l != null) {
        return l;
      }
    }
    return byCustomer.get(p.customerId());
  }

  private static void future(Dataset d, Instant asOf, Findings f) {
    String code = Issue.FUTURE_TIMESTAMP;
    for (Lead l : d.leads()) {
      if (l.createdAt().isAfter(asOf)) {
        f.add(code, () -> "leads " + l.id() + " created_at " + l.createdAt());
      }
    }
    for (StageChange s : d.stages()) {
      if (s.at().isAfter(asOf)) {
        f.add(code, () -> "stages " + s.leadId() + " " + s.stage() + " at " + s.at());
      }
    }
    for (Activity a : d.activities()) {
      if (a.at().isAfter(asOf)) {
        f.add(code, () -> "activities " + a.leadId() + " " + a.type() + " at " + a.at());
      }
    }
    for (Touch t : d.touches()) {
      if (t.at().isAfter(asOf)) {
        f.add(code, () -> "touches " + t.leadId() + " " + t.channel() + " at " + t.at());
      }
    }
    for (Payment p : d.payments()) {
      if (p.paidAt().isAfter(asOf)) {
        f.add(code, () -> "payments " + describe(p));
      }
    }
    LocalDate today = LocalDate.ofInstant(asOf, d.zone());
    for (Spend s : d.spend()) {
      if (s.date().isAfter(today)) {
        f.add(code, () -> "spend " + s.channel() + " on " + s.date());
      }
    }
  }

  /** {total net revenue, the part without source}; see the class description. */
  private static BigDecimal[] revenue(Dataset d, Map<String, Lead> byCustomer) {
    BigDecimal total = BigDecimal.ZERO;
    BigDecimal unknown = BigDecimal.ZERO;
    for (Payment p : d.payments()) {
      BigDecimal a = p.amount().amount();
      total = total.add(a);
      Lead l = leadOf(d, byCustomer, p);
      if (l == null || !l.hasChannel() || l.campaign() == null) {
        unknown = unknown.add(a);
      }
    }
    return new BigDecimal[] {total, unknown};
  }
}
