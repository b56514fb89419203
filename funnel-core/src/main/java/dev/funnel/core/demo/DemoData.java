package dev.funnel.core.demo;

import dev.funnel.core.Activity;
import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Lead;
import dev.funnel.core.Payment;
import dev.funnel.core.PlanTarget;
import dev.funnel.core.Spend;
import dev.funnel.core.StageChange;
import dev.funnel.core.Touch;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A deterministic, realistic CRM dataset for demos, tests and benchmarks: leads from nine
 * channels, their multi-touch journeys, stage history, sales activities, payments, daily spend
 * and a monthly plan.
 *
 * <pre>{@code
 * Dataset d = DemoData.builder().seed(42).leads(10_000).build().dataset();
 * DemoData.builder().leads(5_000_000).build().stream(csvWriter);   // bounded memory
 * }</pre>
 *
 * <p>The same settings always give the same rows (no clock, no hash order): every lead has its
 * own random stream derived from the seed and its number. The defaults are 10,000 leads over the
 * 13 months from {@link #DEFAULT_START} (UTC), seed 42, in {@link #CURRENCY}.
 *
 * <p><b>Deliberate defects</b> (at {@link #DEFAULT_DEFECT_RATE} by default, {@code defectRate(0)}
 * turns them off without changing any other row), so that a data-quality report has something to
 * find; {@link #defects()} says how many were injected:
 * <ul>
 *   <li>a lead without channel and campaign (probability {@code rate} per lead);
 *   <li>a lead with a channel but without campaign ({@code rate});
 *   <li>two consecutive stage changes with swapped times, so that the earlier stage is entered
 *       after the later one ({@code 4 * rate} among leads with two or more recorded stages);
 *   <li>a payment of a customer that matches no lead ({@code rate / 2} per lead);
 *   <li>daily spend in the last 30 days for a channel ({@code display}) that has no leads.
 * </ul>
 *
 * <p><b>Payments.</b> By default a won B2B customer pays a subscription or a contract, about 0.2
 * payment rows per lead. {@link Builder#paymentsPerLead(double)} switches to a repeat-purchase
 * business (self-serve buyers next to the won ones, each ordering again and again, BG/NBD-like)
 * with about that many payment rows per lead, for datasets shaped like an e-commerce export.
 *
 * <p>Immutable and thread-safe; each call of {@link #dataset()} or {@link #stream(DemoSink)}
 * generates afresh.
 */
public final class DemoData {

  /** The currency of every amount. */
  public static final String CURRENCY = "USD";
  /** First day of the default window. */
  public static final LocalDate DEFAULT_START = LocalDate.of(2025, 10, 1);
  /** Default number of leads. */
  public static final int DEFAULT_LEADS = 10_000;
  /** Default number of months. */
  public static final int DEFAULT_MONTHS = 13;
  /** Default seed. */
  public static final long DEFAULT_SEED = 42;
  /** Default defect rate per lead. */
  public static final double DEFAULT_DEFECT_RATE = 0.005;

  private final long seed;
  private final long leads;
  private final LocalDate start;
  private final int months;
  private final ZoneId zone;
  private final double defectRate;
  private final double paymentsPerLead;

  private DemoData(Builder b) {
    this.seed = b.seed;
    this.leads = b.leads;
    this.start = b.start;
    this.months = b.months;
    this.zone = b.zone;
    this.defectRate = b.defectRate;
    this.paymentsPerLead = b.paymentsPerLead;
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The seed. */
  public long seed() {
    return seed;
  }

  /** The number of leads. */
  public long leads() {
    return leads;
  }

  /** The first day of the data (local date in the zone). */
  public LocalDate start() {
    return start;
  }

  /** The day after the last day of the data. */
  public LocalDate end() {
    return start.plusMonths(months);
  }

  /** The number of months covered. */
  public int months() {
    return months;
  }

  /** The dataset time zone. */
  public ZoneId zone() {
    return zone;
  }

  /** Probability of each deliberate defect per lead (see the class description). */
  public double defectRate() {
    return defectRate;
  }

  /**
   * The payments per lead the repeat-purchase model aims at (approximately), or empty for the
   * default payments (B2B contracts, about 0.2 per lead). See {@link Builder#paymentsPerLead}.
   */
  public OptionalDouble paymentsPerLead() {
    return paymentsPerLead > 0 ? OptionalDouble.of(paymentsPerLead) : OptionalDouble.empty();
  }

  /**
   * Generates every row into the sink, lead by lead, then spend and plan; memory use does not
   * grow with the number of leads.
   *
   * @return the defects injected
   */
  public DemoDefects stream(DemoSink sink) {
    Objects.requireNonNull(sink, "sink");
    Window window = new Window(start, months, zone);
    Tally tally = new Tally();
    int width = Math.max(6, Long.toString(leads).length());
    RepeatPurchases repeat =
        paymentsPerLead > 0 ? RepeatPurchases.calibrate(this, window, paymentsPerLead) : null;
    for (long i = 0; i < leads; i++) {
      LeadLife.emit(this, window, i, width, sink, tally, repeat);
    }
    double scale = (leads / (double) months) / (DEFAULT_LEADS / (double) DEFAULT_MONTHS);
    Budget budget = new Budget(seed, window, scale);
    budget.emit(defectRate > 0, sink, tally);
    new Targets(window, leads, budget).emit(sink);
    return tally.result(defectRate);
  }

  /** The whole dataset in memory (every table but {@code paths}). */
  public Dataset dataset() {
    Dataset.Builder b = Dataset.builder().zone(zone).currency(CURRENCY);
    for (DatasetTable t : DatasetTable.values()) {
      if (t != DatasetTable.PATHS) {
        b.table(t);
      }
    }
    stream(new DemoSink() {
      @Override
      public void lead(Lead lead) {
        b.lead(lead);
      }

      @Override
      public void stageChange(StageChange change) {
        b.stageChange(change);
      }

      @Override
      public void touch(Touch touch) {
        b.touch(touch);
      }

      @Override
      public void activity(Activity activity) {
        b.activity(activity);
      }

      @Override
      public void payment(Payment payment) {
        b.payment(payment);
      }

      @Override
      public void spend(Spend spend) {
        b.spend(spend);
      }

      @Override
      public void planTarget(PlanTarget target) {
        b.planTarget(target);
      }
    });
    return b.build();
  }

  /** The defects this configuration injects (generates the rows into nothing to count them). */
  public DemoDefects defects() {
    return stream(new DemoSink() {});
  }

  @Override
  public String toString() {
    return "DemoData[seed=" + seed + ", leads=" + leads + ", " + start + ".." + end() + " " + zone
        + ", defectRate=" + defectRate
        + (paymentsPerLead > 0 ? ", paymentsPerLead=" + paymentsPerLead : "") + "]";
  }

  /** Settings of the demo data; every setting has a default. */
  public static final class Builder {
    private long seed = DEFAULT_SEED;
    private long leads = DEFAULT_LEADS;
    private LocalDate start = DEFAULT_START;
    private int months = DEFAULT_MONTHS;
    private ZoneId zone = ZoneOffset.UTC;
    private double defectRate = DEFAULT_DEFECT_RATE;
    private double paymentsPerLead;

    private Builder() {}

    /** The seed: the same seed and settings give the same rows. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Number of leads (0 to 100 million).
     *
     * @throws IllegalArgumentException outside that range
     */
    public Builder leads(long leads) {
      if (leads < 0 || leads > 100_000_000L) {
        throw new IllegalArgumentException("leads must be between 0 and 100,000,000, got " + leads);
      }
      this.leads = leads;
      return this;
    }

    /** First day of the data, in the dataset zone. */
    public Builder start(LocalDate start) {
      this.start = Objects.requireNonNull(start, "start");
      return this;
    }

    /**
     * Number of months covered (1 to 120).
     *
     * @throws IllegalArgumentException outside that range
     */
    public Builder months(int months) {
      if (months < 1 || months > 120) {
        throw new IllegalArgumentException("months must be between 1 and 120, got " + months);
      }
      this.months = months;
      return this;
    }

    /** Dataset time zone (default UTC): business hours and spend days are local to it. */
    public Builder zone(ZoneId zone) {
      this.zone = Objects.requireNonNull(zone, "zone");
      return this;
    }

    /**
     * Probability of each deliberate defect per lead (0 turns defects off; at most 0.1).
     *
     * @throws IllegalArgumentException outside [0, 0.1]
     */
    public Builder defectRate(double rate) {
      if (!(rate >= 0 && rate <= 0.1)) {
        throw new IllegalArgumentException("defectRate must be between 0 and 0.1, got " + rate);
      }
      this.defectRate = rate;
      return this;
    }

    /**
     * Switches the payments to the repeat-purchase model of a self-serve or e-commerce business,
     * aiming at about {@code x} payment rows per lead on average (1 to 100; refunds included, the
     * defect payments without a lead not). Without this setting the payments are the default B2B
     * contracts, about 0.2 per lead, which is too few for a dataset shaped like the export of a
     * business whose customers order again and again (a benchmark's, say).
     *
     * <p>The model (docs/demo.md): won leads and, on their own, some other leads (self-serve)
     * become customers; each orders as a Poisson process with a gamma-distributed rate and drops
     * out after each order with a customer-specific probability (the BG/NBD story), order values
     * vary around a price from the customer's deal or segment, about 2 % of orders are refunded.
     * The rate is calibrated on the first leads so that the expected total is {@code x} per lead;
     * a run comes within a few per cent of it. Every table but the payments stays as without the
     * setting, except that self-serve buyers' leads get a customer id. The draws come from a
     * stream of their own, so the output is as deterministic as the rest.
     *
     * @throws IllegalArgumentException outside [1, 100]
     */
    public Builder paymentsPerLead(double x) {
      if (!(x >= 1 && x <= 100)) {
        throw new IllegalArgumentException("paymentsPerLead must be between 1 and 100, got " + x);
      }
      this.paymentsPerLead = x;
      return this;
    }

    /** The configured generator. */
    public DemoData build() {
      return new DemoData(this);
    }
  }
}
