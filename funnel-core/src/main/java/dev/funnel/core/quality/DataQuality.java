package dev.funnel.core.quality;

import dev.funnel.core.Activity;
import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Lead;
import dev.funnel.core.Payment;
import dev.funnel.core.Spend;
import dev.funnel.core.StageChange;
import dev.funnel.core.Touch;
import dev.funnel.core.columnar.ActivityColumns;
import dev.funnel.core.columnar.Columns;
import dev.funnel.core.columnar.Dictionary;
import dev.funnel.core.columnar.LeadColumns;
import dev.funnel.core.columnar.LeadRows;
import dev.funnel.core.columnar.MoneySums;
import dev.funnel.core.columnar.PaymentColumns;
import dev.funnel.core.columnar.SpendColumns;
import dev.funnel.core.columnar.StageColumns;
import dev.funnel.core.columnar.TouchColumns;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data-quality report of a dataset (docs/spec/metrics.md, "Data quality"): every problem that would
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
    Scan scan = new Scan(dataset, asOf);
    scan.leads(f);
    StageColumns sc = scan.cols.stages();
    for (int lead = 0; lead < scan.lc.size(); lead++) { // the stage table's order: by lead
      if (sc.to(lead) > sc.from(lead)) {
        StageHistory.check(dataset, lead, f);
      }
    }
    if (dataset.has(DatasetTable.LEADS)) {
      scan.links(f);
    }
    scan.future(f);
    BigDecimal[] revenue = scan.revenue();
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

  /**
   * The checks over the dataset's columns: lead indexes (in creation order where examples are
   * taken from leads), row ranges and dictionary codes; a record is made only for an example that
   * is kept. Times compare as epoch milliseconds and, on a tie only, as exact instants.
   */
  private static final class Scan {
    final Dataset d;
    final Columns cols;
    final LeadColumns lc;
    private final Instant asOf;
    private final long asOfMs;
    /** The channel code of a lead without source, or ABSENT when no lead lacks one. */
    private final int noChannel;
    /** Per customer code, its earliest created lead (creation order, then id), or -1. */
    private final int[] leadOfCustomer;

    Scan(Dataset d, Instant asOf) {
      this.d = d;
      this.cols = Columns.of(d);
      this.lc = cols.leads();
      this.asOf = asOf;
      this.asOfMs = millis(asOf);
      this.noChannel = cols.channels().find(Lead.NO_CHANNEL);
      this.leadOfCustomer = new int[cols.customers().size()];
      Arrays.fill(leadOfCustomer, -1);
      for (int k = 0; k < lc.withRow(); k++) {
        int lead = lc.byCreated(k);
        int c = lc.customer(lead);
        if (c >= 0 && leadOfCustomer[c] < 0) {
          leadOfCustomer[c] = lead;
        }
      }
    }

    void leads(Findings f) {
      for (int k = 0; k < lc.withRow(); k++) {
        int i = lc.byCreated(k);
        if (lc.channel(i) == noChannel) {
          f.add(Issue.LEAD_WITHOUT_SOURCE, () -> lc.id(i) + " created " + lc.created(i));
        } else if (lc.campaign(i) == Dictionary.ABSENT) {
          f.add(Issue.LEAD_WITHOUT_CAMPAIGN, () -> lc.id(i) + " ("
              + cols.channels().value(lc.channel(i)) + ") created " + lc.created(i));
        }
      }
    }

    void links(Findings f) {
      StageColumns sc = cols.stages();
      TouchColumns tc = cols.touches();
      ActivityColumns ac = cols.activities();
      for (int lead = 0; lead < lc.size(); lead++) { // each table's order: by lead
        if (lc.hasRow(lead)) {
          continue;
        }
        for (int r = sc.from(lead); r < sc.to(lead); r++) {
          int row = r;
          f.add(Issue.STAGE_FOR_UNKNOWN_LEAD, () -> {
            StageChange x = d.stages().get(row);
            return x.leadId() + ": " + x.stage() + " at " + x.at();
          });
        }
      }
      for (int lead = 0; lead < lc.size(); lead++) {
        if (lc.hasRow(lead)) {
          continue;
        }
        for (int r = tc.from(lead); r < tc.to(lead); r++) {
          int row = r;
          f.add(Issue.TOUCH_FOR_UNKNOWN_LEAD, () -> {
            Touch t = d.touches().get(row);
            return t.leadId() + ": " + t.channel() + " at " + t.at();
          });
        }
      }
      for (int lead = 0; lead < lc.size(); lead++) {
        if (lc.hasRow(lead)) {
          continue;
        }
        for (int r = ac.from(lead); r < ac.to(lead); r++) {
          int row = r;
          f.add(Issue.ACTIVITY_FOR_UNKNOWN_LEAD, () -> {
            Activity a = d.activities().get(row);
            return a.leadId() + ": " + a.type() + " at " + a.at();
          });
        }
      }
      PaymentColumns pc = cols.payments();
      for (int r = 0; r < pc.size(); r++) {
        if (leadOf(pc, r) < 0) {
          int row = r;
          f.add(Issue.PAYMENT_WITHOUT_LEAD, () -> describe(d.payments().get(row)));
        }
      }
      boolean[] leadChannel = new boolean[cols.channels().size()];
      for (int lead = 0; lead < lc.size(); lead++) {
        if (lc.hasRow(lead) && lc.channel(lead) >= 0) {
          leadChannel[lc.channel(lead)] = true;
        }
      }
      // spend channels that no lead has, in name order (codes follow string order)
      SpendColumns sp = cols.spend();
      int[] rows = new int[leadChannel.length];
      BigDecimal[] total = new BigDecimal[leadChannel.length];
      for (int r = 0; r < sp.size(); r++) {
        int c = sp.channel(r);
        if (!leadChannel[c]) {
          rows[c]++;
          BigDecimal a = sp.amount().value(r);
          total[c] = total[c] == null ? BigDecimal.ZERO.add(a) : total[c].add(a);
        }
      }
      for (int c = 0; c < rows.length; c++) {
        if (rows[c] > 0) {
          String name = cols.channels().value(c);
          int count = rows[c];
          BigDecimal sum = total[c];
          f.add(Issue.SPEND_WITHOUT_LEADS, () -> name + ": " + count + " rows, "
              + sum.toPlainString() + " " + d.currency());
        }
      }
    }

    /**
     * The lead index a payment row belongs to: its lead when that lead has a row, else its
     * customer's earliest created lead; -1 when neither.
     */
    int leadOf(PaymentColumns pc, int r) {
      int lead = pc.lead(r);
      if (lead != Dictionary.ABSENT && lc.hasRow(lead)) {
        return lead;
      }
      int c = pc.customer(r);
      return c < 0 ? -1 : leadOfCustomer[c];
    }

    void future(Findings f) {
      String code = Issue.FUTURE_TIMESTAMP;
      for (int k = 0; k < lc.withRow(); k++) {
        int i = lc.byCreated(k);
        long m = lc.createdAt(i);
        if (m > asOfMs || (m == asOfMs && lc.created(i).isAfter(asOf))) {
          f.add(code, () -> "leads " + lc.id(i) + " created_at " + lc.created(i));
        }
      }
      StageColumns sc = cols.stages();
      for (int r = 0; r < sc.size(); r++) {
        if (after(sc, r)) {
          int row = r;
          f.add(code, () -> {
            StageChange s = d.stages().get(row);
            return "stages " + s.leadId() + " " + s.stage() + " at " + s.at();
          });
        }
      }
      ActivityColumns ac = cols.activities();
      for (int r = 0; r < ac.size(); r++) {
        if (after(ac, r)) {
          int row = r;
          f.add(code, () -> {
            Activity a = d.activities().get(row);
            return "activities " + a.leadId() + " " + a.type() + " at " + a.at();
          });
        }
      }
      TouchColumns tc = cols.touches();
      for (int r = 0; r < tc.size(); r++) {
        if (after(tc, r)) {
          int row = r;
          f.add(code, () -> {
            Touch t = d.touches().get(row);
            return "touches " + t.leadId() + " " + t.channel() + " at " + t.at();
          });
        }
      }
      PaymentColumns pc = cols.payments();
      for (int r = 0; r < pc.size(); r++) {
        long m = pc.at(r);
        if (m > asOfMs || (m == asOfMs && pc.instant(r).isAfter(asOf))) {
          int row = r;
          f.add(code, () -> "payments " + describe(d.payments().get(row)));
        }
      }
      long today = LocalDate.ofInstant(asOf, d.zone()).toEpochDay();
      SpendColumns sp = cols.spend();
      for (int r = 0; r < sp.size(); r++) {
        if (sp.day(r) > today) {
          int row = r;
          f.add(code, () -> {
            Spend s = d.spend().get(row);
            return "spend " + s.channel() + " on " + s.date();
          });
        }
      }
    }

    private boolean after(LeadRows rows, int r) {
      long m = rows.at(r);
      return m > asOfMs || (m == asOfMs && rows.instant(r).isAfter(asOf));
    }

    /** {total net revenue, the part without source}; see the class description. */
    BigDecimal[] revenue() {
      PaymentColumns pc = cols.payments();
      // exact sums of the scaled amounts, as adding each row's BigDecimal to zero would give
      MoneySums sums = new MoneySums(pc.amount(), 2);
      for (int r = 0; r < pc.size(); r++) {
        sums.add(0, r);
        int l = leadOf(pc, r);
        if (l < 0 || lc.channel(l) == noChannel || lc.campaign(l) == Dictionary.ABSENT) {
          sums.add(1, r);
        }
      }
      return new BigDecimal[] {sums.sum(0), sums.sum(1)};
    }
  }

  private static String describe(Payment p) {
    return (p.paymentId() == null ? "payment" : "payment " + p.paymentId()) + " of customer "
        + p.customerId() + (p.leadId() == null ? "" : " (lead " + p.leadId() + ")") + " at "
        + p.paidAt() + ": " + p.amount();
  }

  /** Epoch milliseconds of an instant rounded toward the past, saturated to the long range. */
  static long millis(Instant t) {
    try {
      return t.toEpochMilli();
    } catch (ArithmeticException e) {
      return t.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }
}
