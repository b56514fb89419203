package dev.funnel.attribution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.core.Dataset;
import dev.funnel.core.Lead;
import dev.funnel.core.Money;
import dev.funnel.core.Payment;
import dev.funnel.core.Stage;
import dev.funnel.core.StageCatalog;
import dev.funnel.core.StageChange;
import dev.funnel.core.Touch;
import dev.funnel.core.TouchKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The columnar route of {@link JourneySet#fromDataset} ({@link DatasetJourneys}) against the
 * per-lead record step {@link JourneySet#cut} that {@link JourneySet#pathOf} takes, on random
 * datasets built to hit the edges: sub-millisecond times and ties at the window bounds and at the
 * markers, leads without a row, payments booked to other leads, amounts of mixed scales, campaign
 * keys that collide as text. Every entry (lead id, path, ages, markers, counts, exact value with
 * its scale) and the unattributed totals must agree, and the same rows in another order give the
 * same journeys.
 */
class ColumnarCutTest {

  static final Instant T0 = Instant.parse("2024-03-01T00:00:00Z");
  static final String[] CHANNELS = {"search", "social", "direct", "email", "a / b", "a"};
  static final String[] CAMPAIGNS = {null, null, "b", "spring", "x"};
  static final String[] AMOUNTS = {"10", "10.50", "3.1", "0", "1250.125", "7.0"};

  static Instant at(Random rnd) {
    // a coarse grid so that times tie often, some with a sub-millisecond part
    long ms = (rnd.nextInt(60) - 30) * 86_400_000L * 2 + rnd.nextInt(3) * 1000L;
    int nanos = rnd.nextInt(4) == 0 ? rnd.nextInt(3) * 250_000 : 0;
    return T0.plusMillis(ms).plusNanos(nanos);
  }

  static List<Object> rows(long seed) {
    Random rnd = new Random(seed);
    StageCatalog cat = StageCatalog.DEFAULT;
    List<Object> rows = new ArrayList<>();
    int leads = 20 + rnd.nextInt(40);
    for (int k = 0; k < leads; k++) {
      String id = "L" + k;
      List<Instant> times = new ArrayList<>();
      if (rnd.nextInt(5) > 0) {
        Instant created = at(rnd);
        times.add(created);
        String customer = rnd.nextInt(3) == 0 ? null : "C" + rnd.nextInt(leads / 2 + 1);
        rows.add(new Lead(id, created, CHANNELS[rnd.nextInt(CHANNELS.length)], null, null, null,
            customer, null));
      }
      int touches = rnd.nextInt(6);
      for (int i = 0; i < touches; i++) {
        Instant t = rnd.nextInt(4) == 0 && !times.isEmpty() ? times.get(rnd.nextInt(times.size())) : at(rnd);
        times.add(t);
        rows.add(new Touch(id, t, CHANNELS[rnd.nextInt(CHANNELS.length)],
            CAMPAIGNS[rnd.nextInt(CAMPAIGNS.length)], TouchKind.ONLINE, null));
      }
      int changes = rnd.nextInt(5);
      for (int i = 0; i < changes; i++) {
        Stage s = cat.all().get(rnd.nextInt(cat.size()));
        Instant t = rnd.nextInt(3) == 0 && !times.isEmpty() ? times.get(rnd.nextInt(times.size())) : at(rnd);
        Money amount = rnd.nextBoolean() ? null : Money.of(AMOUNTS[rnd.nextInt(AMOUNTS.length)]);
        rows.add(new StageChange(id, s, t, null, amount, null));
      }
    }
    int payments = rnd.nextInt(80);
    for (int i = 0; i < payments; i++) {
      String customer = rnd.nextBoolean() ? "C" + rnd.nextInt(leads / 2 + 1) : "L" + rnd.nextInt(leads);
      String lead = rnd.nextInt(3) == 0 ? null : "L" + rnd.nextInt(leads);
      String amount = (rnd.nextInt(5) == 0 ? "-" : "") + AMOUNTS[rnd.nextInt(AMOUNTS.length)];
      rows.add(new Payment(null, customer, lead, at(rnd), Money.of(amount), null));
    }
    return rows;
  }

  static Dataset dataset(List<Object> rows) {
    Dataset.Builder b = Dataset.builder();
    for (Object r : rows) {
      if (r instanceof Lead l) {
        b.lead(l);
      } else if (r instanceof Touch t) {
        b.touch(t);
      } else if (r instanceof StageChange s) {
        b.stageChange(s);
      } else {
        b.payment((Payment) r);
      }
    }
    return b.table(dev.funnel.core.DatasetTable.TOUCHES).table(dev.funnel.core.DatasetTable.PAYMENTS)
        .build();
  }

  static final List<JourneyOptions> OPTIONS = List.of(
      JourneyOptions.DEFAULTS,
      JourneyOptions.DEFAULTS.withLookbackDays(30),
      JourneyOptions.DEFAULTS.withLookbackDays(0),
      JourneyOptions.DEFAULTS.withCampaigns(true).withLookbackDays(14),
      JourneyOptions.DEFAULTS.withPaidRevenueWithinDays(20),
      JourneyOptions.DEFAULTS.withConversionStage("SQL").withOpportunityStage("LOST"),
      JourneyOptions.DEFAULTS.withConversionStage("LOST"),
      JourneyOptions.DEFAULTS.withConversionStage("LEAD").withPaidRevenueWithinDays(10));

  @Test
  void theColumnarCutEqualsTheRecordStepOnRandomDatasets() {
    int entries = 0;
    for (long seed = 1; seed <= 120; seed++) {
      List<Object> rows = rows(seed);
      Dataset ds = dataset(rows);
      Collections.shuffle(rows, new Random(seed));
      Dataset shuffled = dataset(rows);
      for (JourneyOptions o : OPTIONS) {
        JourneySet js = JourneySet.fromDataset(ds, o);
        assertSame(js, JourneySet.fromDataset(shuffled, o), seed + " " + o);
        assertSame(js, reference(ds, o), seed + " " + o);
        assertSame(js, inTwoParts(ds, o, null, null), seed + " " + o + " in two parts");
        entries += js.size();
      }
    }
    assertTrue(entries > 5000, "entries " + entries);
  }

  /**
   * As of an instant, over a window: the journeys of the dataset as of {@code asOf} that end in
   * {@code [from, asOf]} are the record step's journeys of the rows stamped at or before
   * {@code asOf} (a lead created later keeps its earlier rows, as an id without a lead row) that
   * end at or after {@code from}; the instants are drawn on the rows' own times, so the bounds tie
   * with rows often.
   */
  @Test
  void asOfAnInstantOverAWindowIsTheRecordStepOnTheRowsUpToIt() {
    int entries = 0;
    for (long seed = 1; seed <= 80; seed++) {
      List<Object> rows = rows(seed);
      Dataset ds = dataset(rows);
      Random rnd = new Random(seed * 31);
      for (int k = 0; k < 3; k++) {
        Instant asOf = at(rnd);
        Instant from = rnd.nextInt(3) == 0 ? null : asOf.minus(java.time.Duration.ofDays(rnd.nextInt(40)));
        List<Object> upTo = new ArrayList<>();
        for (Object r : rows) {
          Instant t = r instanceof Lead l ? l.createdAt() : r instanceof Touch x ? x.at()
              : r instanceof StageChange c ? c.at() : ((Payment) r).paidAt();
          if (!t.isAfter(asOf)) {
            upTo.add(r);
          }
        }
        Dataset cut = dataset(upTo);
        for (JourneyOptions o : OPTIONS) {
          JourneySet js = JourneySet.fromDataset(ds, o, from, asOf);
          assertSame(reference(cut, o, from), js, seed + " " + o + " as of " + asOf + " from " + from);
          assertSame(js, inTwoParts(ds, o, from, asOf), seed + " " + o + " as of " + asOf
              + " from " + from + " in two parts");
          entries += js.size();
        }
      }
    }
    assertTrue(entries > 2000, "entries " + entries);
  }

  /** The journeys the record step cuts, one lead at a time in id order. */
  static JourneySet reference(Dataset ds, JourneyOptions o) {
    return reference(ds, o, null);
  }

  /** The journeys the record step cuts that end at or after {@code from} (null: all). */
  static JourneySet reference(Dataset ds, JourneyOptions o, Instant from) {
    StageCatalog cat = ds.catalog();
    Stage conversion = o.conversionStage() == null ? cat.won() : cat.stage(o.conversionStage());
    Optional<Stage> opp = o.opportunityStage() == null
        ? cat.find("OPPORTUNITY") : Optional.of(cat.stage(o.opportunityStage()));
    TreeSet<String> ids = new TreeSet<>();
    ds.touches().forEach(t -> ids.add(t.leadId()));
    ds.stages().forEach(s -> ids.add(s.leadId()));
    if (conversion.equals(cat.first())) {
      ds.leads().forEach(l -> ids.add(l.id()));
    }
    List<String> names = new ArrayList<>();
    List<JourneySet.Cut> cuts = new ArrayList<>();
    long unattributed = 0;
    BigDecimal unattributedValue = BigDecimal.ZERO;
    TreeSet<String> channels = new TreeSet<>();
    for (String id : ids) {
      Lead lead = ds.lead(id);
      List<Payment> paid = o.paidRevenueWithinDays() == null
          ? List.of() : ds.paymentsOf(lead == null ? id : lead.customerId());
      JourneySet.Cut cut = JourneySet.cut(id, lead, ds.touchesOf(id), ds.stagesOf(id), paid, cat,
          conversion, opp, o);
      if (cut == null || (from != null && cut.end().isBefore(from))) {
        continue;
      }
      if (cut.in().isEmpty()) {
        if (cut.converted()) {
          unattributed++;
          unattributedValue = unattributedValue.add(cut.value());
        }
        continue;
      }
      names.add(id);
      cuts.add(cut);
      channels.addAll(cut.channels());
    }
    String[] ch = channels.toArray(new String[0]);
    List<String> chList = List.of(ch);
    int n = cuts.size();
    int[][] paths = new int[n][];
    double[][] ages = new double[n][];
    int[] lm = new int[n];
    int[] om = new int[n];
    long[] conv = new long[n];
    long[] nulls = new long[n];
    BigDecimal[] value = new BigDecimal[n];
    for (int j = 0; j < n; j++) {
      JourneySet.Cut c = cuts.get(j);
      paths[j] = c.channels().stream().mapToInt(chList::indexOf).toArray();
      ages[j] = new double[c.in().size()];
      for (int i = 0; i < ages[j].length; i++) {
        java.time.Duration d = java.time.Duration.between(c.in().get(i).at(), c.end());
        ages[j][i] = (d.getSeconds() + d.getNano() / 1e9) / JourneySet.SECONDS_PER_DAY;
      }
      lm[j] = c.leadMark();
      om[j] = c.oppMark();
      conv[j] = c.converted() ? 1 : 0;
      nulls[j] = c.converted() ? 0 : 1;
      value[j] = c.value();
    }
    return new JourneySet(ch, paths, ages, lm, om, names.toArray(new String[0]), conv, nulls, value,
        unattributed, unattributedValue);
  }

  /**
   * The journeys cut in two ranges of leads on two threads (the route of large datasets), the
   * stages resolved as {@link JourneySet#fromDataset} does; campaign keys stay in one part.
   */
  static JourneySet inTwoParts(Dataset ds, JourneyOptions o, Instant from, Instant asOf) {
    dev.funnel.core.Stage conversion = o.conversionStage() == null ? ds.catalog().won()
        : ds.catalog().stage(o.conversionStage());
    java.util.Optional<dev.funnel.core.Stage> opportunity = o.opportunityStage() == null
        ? ds.catalog().find("OPPORTUNITY") : java.util.Optional.of(ds.catalog().stage(o.opportunityStage()));
    return DatasetJourneys.of(ds, o, conversion, opportunity, from, asOf, 2);
  }

  static void assertSame(JourneySet expected, JourneySet actual, String what) {
    assertEquals(List.of(expected.channels), List.of(actual.channels), what);
    assertEquals(expected.size(), actual.size(), what);
    for (int j = 0; j < expected.size(); j++) {
      String at = what + " entry " + expected.ids[j];
      assertEquals(expected.ids[j], actual.ids[j], at);
      assertArrayEquals(expected.pathArrays()[j], actual.pathArrays()[j], at);
      assertArrayEquals(expected.ageArrays()[j], actual.ageArrays()[j], at);
      assertEquals(expected.leadMark[j], actual.leadMark[j], at);
      assertEquals(expected.oppMark[j], actual.oppMark[j], at);
      assertEquals(expected.conv[j], actual.conv[j], at);
      assertEquals(expected.nulls[j], actual.nulls[j], at);
      assertEquals(expected.value[j], actual.value[j], at); // scale included
    }
    assertEquals(expected.value(), actual.value(), what);
    assertEquals(expected.unattributedConversions(), actual.unattributedConversions(), what);
    assertEquals(expected.unattributedValue(), actual.unattributedValue(), what);
  }
}
