package dev.funnel.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command-line options of {@link EndToEnd}, with their defaults. Paths are relative to the
 * working directory, which is meant to be the repository root.
 *
 * @param leads dataset sizes in leads ({@code --leads 200000,1000000}; default 200000)
 * @param runs timed runs per side and job ({@code --runs}; default 5)
 * @param jobs the jobs to run ({@code --jobs funnel,attribution,unit,cohorts,report}; default all)
 * @param jar the funnel command's jar ({@code --jar}; default funnel-cli/target/funnel.jar)
 * @param launcher the launcher script to time instead of {@code java -jar JAR} ({@code --launcher
 *     ./funnel}; null: the jar), so that its JVM settings (the class-data archive) are timed too
 * @param seed the demo generator's seed ({@code --seed}; default 42)
 * @param paymentsPerLead the demo generator's repeat-purchase setting ({@code --payments-per-lead};
 *     default {@value #DEFAULT_PAYMENTS_PER_LEAD}, the issue's ~10 payments per lead; 0 for the
 *     generator's default B2B payments, about 0.2 per lead)
 * @param cache where the datasets and outputs are kept ({@code --cache}; default benchmarks/target/e2e)
 * @param results where the results files go ({@code --results}; default benchmarks/results)
 */
record EndToEndOptions(List<Long> leads, int runs, List<EndToEndJob> jobs, Path jar, Path launcher,
    long seed, double paymentsPerLead, Path cache, Path results) {

  /** Payments per lead of the datasets: ~2M at 200,000 leads, ~10M at 1,000,000. */
  static final double DEFAULT_PAYMENTS_PER_LEAD = 10;

  static final String USAGE = """
      usage: java -cp benchmarks/target/benchmarks.jar dev.funnel.benchmarks.EndToEnd \
      [--leads 200000,1000000] [--runs 5] [--jobs funnel,attribution,unit,cohorts,report] \
      [--jar funnel-cli/target/funnel.jar] [--launcher ./funnel] [--seed 42] [--payments-per-lead 10 (0: the demo's B2B payments)] \
      [--cache benchmarks/target/e2e] \
      [--results benchmarks/results]""";

  /** Parses the arguments; throws {@link IllegalArgumentException} with the usage on a bad one. */
  static EndToEndOptions parse(String[] args) {
    List<Long> leads = List.of(200_000L);
    int runs = 5;
    List<EndToEndJob> jobs = List.of(EndToEndJob.values());
    Path jar = Path.of("funnel-cli/target/funnel.jar");
    Path launcher = null;
    long seed = 42;
    double paymentsPerLead = DEFAULT_PAYMENTS_PER_LEAD;
    Path cache = Path.of("benchmarks/target/e2e");
    Path results = Path.of("benchmarks/results");
    for (int i = 0; i < args.length; i += 2) {
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("no value for " + args[i] + "\n" + USAGE);
      }
      String v = args[i + 1];
      switch (args[i]) {
        case "--leads" -> leads = split(v).stream().map(Long::parseLong).toList();
        case "--runs" -> runs = Integer.parseInt(v);
        case "--jobs" -> jobs = split(v).stream().map(EndToEndJob::of).toList();
        case "--jar" -> jar = Path.of(v);
        case "--launcher" -> launcher = Path.of(v);
        case "--seed" -> seed = Long.parseLong(v);
        case "--payments-per-lead" -> paymentsPerLead = Double.parseDouble(v);
        case "--cache" -> cache = Path.of(v);
        case "--results" -> results = Path.of(v);
        default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
      }
    }
    if (runs < 1 || leads.isEmpty() || jobs.isEmpty()) {
      throw new IllegalArgumentException("need at least one run, size and job\n" + USAGE);
    }
    if (!(paymentsPerLead == 0 || paymentsPerLead >= 1 && paymentsPerLead <= 100)) {
      throw new IllegalArgumentException("--payments-per-lead must be 0 or between 1 and 100\n" + USAGE);
    }
    return new EndToEndOptions(leads, runs, jobs, jar, launcher, seed, paymentsPerLead, cache, results);
  }

  /**
   * The payments setting as it names datasets and results: {@code ppl10} ({@code ppl2.5}), or
   * {@code b2b} for the generator's default payments.
   */
  static String paymentsLabel(double paymentsPerLead) {
    return paymentsPerLead == 0 ? "b2b"
        : "ppl" + java.math.BigDecimal.valueOf(paymentsPerLead).stripTrailingZeros().toPlainString();
  }

  private static List<String> split(String v) {
    List<String> out = new ArrayList<>();
    for (String s : v.split(",")) {
      if (!s.isBlank()) {
        out.add(s.trim());
      }
    }
    return out;
  }
}
