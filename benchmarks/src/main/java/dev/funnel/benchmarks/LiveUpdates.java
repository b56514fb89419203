package dev.funnel.benchmarks;

import dev.funnel.core.Activity;
import dev.funnel.core.Dataset;
import dev.funnel.core.Granularity;
import dev.funnel.core.Lead;
import dev.funnel.core.StageChange;
import dev.funnel.core.columnar.Columns;
import dev.funnel.core.columnar.Footprint;
import dev.funnel.core.demo.DemoData;
import dev.funnel.core.funnel.Dimension;
import dev.funnel.core.funnel.FunnelQuery;
import dev.funnel.core.funnel.FunnelReport;
import dev.funnel.core.funnel.StageFunnel;
import dev.funnel.core.live.LiveEvent;
import dev.funnel.core.live.LiveFunnel;
import dev.funnel.core.money.UnitEconomics;
import dev.funnel.core.money.UnitReport;
import dev.funnel.core.sla.Sla;
import dev.funnel.core.sla.SlaQuery;
import dev.funnel.core.sla.SlaReport;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The live funnel (docs/live.md) on {@code rows} demo leads ({@link DemoData}, seed 42, UTC: every
 * row of every table as an event), with a funnel (event basis per month by channel), the unit
 * economics of the data's whole span and a first-response SLA (MQL, 1 hour) kept current. Each
 * operation first takes a batch of {@code batch} events, made in an untimed per-invocation setup:
 * corrections of existing events (a newer version: an activity or stage change moved by minutes,
 * a lead moved to another campaign, a payment of another amount) and new activities of existing
 * leads, over leads drawn at random.
 *
 * <ul>
 *   <li>{@code ingest}: {@link LiveFunnel#apply} of the batch (events per second = batch /
 *       time);
 *   <li>{@code funnel}: after the batch is applied (untimed), the funnel, unit-economics and SLA
 *       answers kept current ({@link LiveFunnel#funnel}, {@link LiveFunnel#unit},
 *       {@link LiveFunnel#sla}), as of the end of the data;
 *   <li>{@code funnelAndUnit}: the same without the SLA, whose report reads every lead of its
 *       scope (docs/live.md);
 *   <li>{@code batchRecompute}: the same three answers by a full batch recompute after the batch:
 *       {@link LiveFunnel#snapshot()} (the dataset of every current event, rebuilt after a
 *       change) then {@link StageFunnel#compute}, {@link UnitEconomics#compute},
 *       {@link Sla#compute};
 *   <li>{@code memoryBaseline}: summing as many bytes as the snapshot's columnar form.
 * </ul>
 *
 * <p>Before timing, each fork checks after a first batch that the answers kept current equal the
 * batch ones, and prints the heap the live funnel holds per lead (after a full GC, with and
 * without the answers kept current).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class LiveUpdates {

  /** Number of leads. */
  @Param("1000000")
  public long rows;

  /** Events per batch. */
  @Param("1000")
  public int batch;

  private static final FunnelQuery QUERY =
      FunnelQuery.event().per(Granularity.MONTH).by(Dimension.CHANNEL);

  private LiveFunnel live;
  private Dataset demo;
  private SlaQuery sla;
  private LocalDate from;
  private LocalDate to;
  private List<LiveEvent> activities;
  private List<LiveEvent> stages;
  private List<LiveEvent> leads;
  private long version = 1;
  private int fresh;
  private final SplittableRandom rnd = new SplittableRandom(7);
  private List<LiveEvent> next;
  private MemoryBaseline baseline;

  @Setup(Level.Trial)
  public void setUp(BenchmarkParams params) {
    String method = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
    long before = usedHeap();
    DemoData data = DemoData.builder().leads(rows).build();
    demo = data.dataset();
    from = data.start();
    to = data.end().plusDays(1);
    Instant end = to.atStartOfDay(demo.zone()).toInstant();
    sla = SlaQuery.of("MQL", Duration.ofHours(1), end);
    ArrayList<LiveEvent> events = new ArrayList<>();
    leads = new ArrayList<>();
    stages = new ArrayList<>();
    activities = new ArrayList<>();
    demo.leads().forEach(l -> leads.add(LiveEvent.of(l)));
    int[] n = {0};
    demo.stages().forEach(s -> stages.add(LiveEvent.of("s" + n[0]++, s)));
    demo.activities().forEach(a -> activities.add(LiveEvent.of("a" + n[0]++, a)));
    events.addAll(leads);
    events.addAll(stages);
    events.addAll(activities);
    demo.touches().forEach(t -> events.add(LiveEvent.of("t" + n[0]++, t)));
    demo.payments().forEach(p -> events.add(LiveEvent.of("p" + n[0]++, p)));
    demo.spend().forEach(s -> events.add(LiveEvent.of("m" + n[0]++, s)));
    demo.plan().forEach(p -> events.add(LiveEvent.of("g" + n[0]++, p)));
    Footprint f = Columns.of(demo).footprint();
    baseline = new MemoryBaseline(f.tableBytes() + f.dictionaryBytes());
    if (method.equals("memoryBaseline")) {
      demo = null;
      return;
    }
    boolean keep = !method.equals("batchRecompute");
    LiveFunnel.Builder b = LiveFunnel.builder().zone(demo.zone()).currency("USD");
    if (keep) {
      b.funnel(QUERY).unit(from, to).sla(sla);
    }
    live = b.build();
    for (int i = 0; i < events.size(); i += 100_000) {
      live.apply(events.subList(i, Math.min(events.size(), i + 100_000)));
    }
    int count = events.size();
    // what stays reachable besides the live funnel: this benchmark's lists of the events it
    // corrects (one reference each, and the lists' headers)
    long lists = 8L * (leads.size() + stages.size() + activities.size()) + 64;
    events.clear();
    events.trimToSize();
    demo = null;
    long held = usedHeap() - before - lists;
    if (keep) {
      answers(live);
    }
    long kept = usedHeap() - before - lists;
    System.out.printf("%n%,d leads, %,d events; live funnel %,d bytes per lead, %,d per event"
        + " (%,d per lead with the answers kept current); snapshot columnar form %,d bytes%n",
        leads.size(), count, held / leads.size(), held / count, kept / leads.size(),
        f.tableBytes() + f.dictionaryBytes());
    // the answers kept current equal the batch ones after a first batch
    next = nextBatch();
    live.apply(next);
    if (keep) {
      Dataset d = live.snapshot();
      check("funnel", StageFunnel.compute(d, QUERY), live.funnel(QUERY));
      check("unit", UnitEconomics.compute(d, from, to, null), live.unit(from, to, null));
      check("sla", Sla.compute(d, sla), live.sla(sla));
    }
  }

  private static void check(String what, Object batch, Object kept) {
    if (!batch.equals(kept)) {
      throw new IllegalStateException(what + ": the answer kept current differs from the batch"
          + " one:\n" + kept + "\nbatch:\n" + batch);
    }
  }

  /** The heap in use after a full collection. */
  private static long usedHeap() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** The next batch: corrections of existing events and new activities, leads at random. */
  private List<LiveEvent> nextBatch() {
    List<LiveEvent> out = new ArrayList<>(batch);
    version++;
    for (int i = 0; i < batch; i++) {
      int kind = rnd.nextInt(10);
      if (kind < 4) {
        LiveEvent e = activities.get(rnd.nextInt(activities.size()));
        Activity a = (Activity) e.row();
        out.add(LiveEvent.of(e.id(), version, new Activity(a.leadId(),
            a.at().plusSeconds(60L * (rnd.nextInt(121) - 60)), a.type(), a.owner(),
            a.outcome())));
      } else if (kind < 7) {
        LiveEvent e = stages.get(rnd.nextInt(stages.size()));
        StageChange s = (StageChange) e.row();
        out.add(LiveEvent.of(e.id(), version, new StageChange(s.leadId(), s.stage(),
            s.at().plusSeconds(60L * (rnd.nextInt(121) - 60)), s.reason(), s.amount(),
            s.owner())));
      } else if (kind < 8) {
        LiveEvent e = leads.get(rnd.nextInt(leads.size()));
        Lead l = (Lead) e.row();
        out.add(LiveEvent.of(e.id(), version, new Lead(l.id(), l.createdAt(), l.channel(),
            rnd.nextBoolean() ? l.campaign() : "retargeting", l.segment(), l.owner(),
            l.customerId(), Map.of())));
      } else {
        Lead l = (Lead) leads.get(rnd.nextInt(leads.size())).row();
        out.add(LiveEvent.of("new" + fresh++, version, new Activity(l.id(),
            l.createdAt().plusSeconds(3_600L * (1 + rnd.nextInt(72))), "call", l.owner(),
            null)));
      }
    }
    return out;
  }

  private void answers(LiveFunnel f, Blackhole bh) {
    bh.consume(f.funnel(QUERY));
    bh.consume(f.unit(from, to, null));
    bh.consume(f.sla(sla));
  }

  private void answers(LiveFunnel f) {
    FunnelReport a = f.funnel(QUERY);
    UnitReport b = f.unit(from, to, null);
    SlaReport c = f.sla(sla);
    if (a == null || b == null || c == null) {
      throw new AssertionError();
    }
  }

  @Setup(Level.Invocation)
  public void batch(BenchmarkParams params) {
    next = nextBatch();
    if (!params.getBenchmark().endsWith(".ingest") && live != null) {
      live.apply(next);
    }
  }

  /** Applying one batch. */
  @Benchmark
  public Object ingest() {
    return live.apply(next);
  }

  /** Funnel, unit economics and SLA kept current, after a batch. */
  @Benchmark
  public void funnel(Blackhole bh) {
    answers(live, bh);
  }

  /** Funnel and unit economics kept current, after a batch. */
  @Benchmark
  public void funnelAndUnit(Blackhole bh) {
    bh.consume(live.funnel(QUERY));
    bh.consume(live.unit(from, to, null));
  }

  /** The same three answers by a full batch recompute over the snapshot, after a batch. */
  @Benchmark
  public void batchRecompute(Blackhole bh) {
    Dataset d = live.snapshot();
    bh.consume(StageFunnel.compute(d, QUERY));
    bh.consume(UnitEconomics.compute(d, from, to, null));
    bh.consume(Sla.compute(d, sla));
  }

  /** Summing a long[] as large as the snapshot's columnar form. */
  @Benchmark
  public long memoryBaseline() {
    return baseline.sum();
  }
}
