package dev.funnel.spark;

import dev.funnel.attribution.Attribution;
import dev.funnel.attribution.AttributionResult;
import dev.funnel.attribution.JourneyOptions;
import dev.funnel.attribution.JourneySet;
import dev.funnel.attribution.Model;
import dev.funnel.cohort.CohortBasis;
import dev.funnel.cohort.CohortTable;
import dev.funnel.core.Granularity;
import dev.funnel.core.StageCatalog;
import dev.funnel.core.funnel.Dimension;
import dev.funnel.core.funnel.FunnelQuery;
import dev.funnel.core.funnel.FunnelReport;
import dev.funnel.core.money.UnitEconomics;
import dev.funnel.core.money.UnitReport;
import java.io.PrintStream;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * An example Spark job: reads a dataset directory in the canonical CSV layout and prints the
 * review tables computed on Spark: the stage funnel by channel and month on the event and cohort
 * bases, channel attribution (linear and Markov, finished on the driver from the merged path
 * counts), the monthly cohort table by first payment, and unit economics by channel.
 *
 * <pre>
 * spark-submit --master local[2] --class dev.funnel.spark.ReviewJob funnel-spark.jar DIR [PARTITIONS]
 * </pre>
 *
 * <p>The funnel library jars (funnel-core, -attribution, -cohort, -io and their Jackson,
 * Commons and Hipparchus dependencies) must be on the class path ({@code --jars}); Spark itself
 * is provided. Without a master (run as a plain {@code main}), it runs on {@code local[2]}.
 */
public final class ReviewJob {
  private ReviewJob() {}

  /** Runs the job; exit code 0 on success, 2 on bad arguments, 3 on invalid data. */
  public static void main(String[] args) {
    int code = run(args, System.out, System.err);
    if (code != 0) {
      System.exit(code);
    }
  }

  /**
   * Runs the job, printing to {@code out}; a session already running in this JVM is reused and
   * left running, one started here is stopped at the end.
   *
   * @return 0 on success, 2 on bad arguments, 3 on invalid data
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length < 1 || args.length > 2) {
      err.println("usage: ReviewJob DIR [PARTITIONS]");
      return 2;
    }
    int partitions;
    try {
      partitions = args.length == 2 ? Integer.parseInt(args[1]) : 8;
      if (partitions < 1) {
        throw new NumberFormatException();
      }
    } catch (NumberFormatException e) {
      err.println("PARTITIONS must be a positive whole number, got " + args[1]);
      return 2;
    }
    boolean started = SparkSession.getActiveSession().isEmpty();
    SparkConf conf = new SparkConf().setAppName("funnel review");
    if (!conf.contains("spark.master")) {
      conf.setMaster("local[2]").set("spark.ui.enabled", "false")
          .set("spark.sql.shuffle.partitions", "4");
    }
    SparkSession spark = SparkSession.builder().config(conf).getOrCreate();
    try {
      SparkFunnel f = SparkFunnel.read(spark, args[0], ZoneOffset.UTC, StageCatalog.DEFAULT)
          .repartition(partitions);
      out.print(render(compute(f)));
      out.flush();
      return 0;
    } catch (IllegalArgumentException | IllegalStateException e) {
      err.println("funnel: " + e.getMessage());
      return 3;
    } catch (Exception e) { // a SparkException (checked in Java's eyes) wraps a task's failure
      Throwable cause = e;
      while (cause.getCause() != null && !(cause instanceof IllegalArgumentException)) {
        cause = cause.getCause();
      }
      if (cause instanceof IllegalArgumentException) {
        err.println("funnel: " + cause.getMessage());
        return 3;
      }
      throw e;
    } finally {
      if (started) {
        spark.stop();
      }
    }
  }

  /** The queries of the review: event and cohort basis, by channel and month. */
  static List<FunnelQuery> queries() {
    return List.of(
        FunnelQuery.event().per(Granularity.MONTH).by(Dimension.CHANNEL),
        FunnelQuery.cohort().per(Granularity.MONTH).by(Dimension.CHANNEL));
  }

  /** The review's results, whichever route computed them. */
  record Review(List<FunnelReport> funnels, List<AttributionResult> attribution, CohortTable cohorts,
      UnitReport unit) {}

  /** The attribution models of the review, finished on the driver from the path counts. */
  static final List<Model> MODELS = List.of(Model.LINEAR, Model.MARKOV);

  /** The review computed on Spark. */
  static Review compute(SparkFunnel f) {
    List<FunnelReport> funnels = f.funnels(queries()).stream().map(t -> t.result()).toList();
    JourneySet js = JourneySet.fromCounts(f.journeys(JourneyOptions.DEFAULTS, 1, false).paths());
    List<AttributionResult> attribution = MODELS.stream().map(m -> Attribution.attribute(js, m)).toList();
    CohortTable cohorts = f.cohorts(Granularity.MONTH, CohortBasis.PAYMENT).result();
    UnitReport unit = f.unitEconomics(null, null, UnitEconomics.NON_MARKETING)
        .result(f.currency(), null, dev.funnel.core.display.Formats.window(null, null));
    return new Review(funnels, attribution, cohorts, unit);
  }

  /** The review's tables as text. */
  static String render(Review r) {
    StringBuilder b = new StringBuilder();
    b.append("== Stage funnel, event basis, by channel and month\n")
        .append(r.funnels().get(0).table().render()).append('\n');
    b.append("== Stage funnel, cohort basis, by channel and month\n")
        .append(r.funnels().get(1).table().render()).append('\n');
    for (int i = 0; i < MODELS.size(); i++) {
      b.append("== Attribution, ").append(MODELS.get(i).label()).append('\n')
          .append(r.attribution().get(i).table().render()).append('\n');
    }
    b.append("== Cohorts by first payment, monthly\n").append(r.cohorts().table().render()).append('\n');
    b.append("== Unit economics by channel\n").append(r.unit().table().render()).append('\n');
    return b.toString();
  }
}
