package dev.funnel.cli;

import dev.funnel.core.display.Formats;
import dev.funnel.cli.view.DatasetView;
import dev.funnel.cli.view.Views;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dashboard of {@code funnel report}: every section of {@link #SECTIONS}, in order, as text
 * (a heading per section) or as one JSON object with a member per section.
 */
final class Report {

  /** The sections, in report order. */
  static final List<ReportSection> SECTIONS = List.of(
      new SummarySection(),
      new LeadsSection(),
      new FunnelSection(),
      new DealsSection(),
      new ChannelsSection(),
      new AttributionSection(),
      new ReasonsSection(),
      new SlaSection(),
      new ScoreSection(),
      new PlanSection(),
      new BridgeSection(),
      new CohortsSection(),
      new QualitySection());

  private Report() {}

  /**
   * The whole report as text, opening with a warning banner when the share of revenue without a
   * known source exceeds the scope's threshold ({@link #banner}).
   */
  static String text(ReportInput in) {
    prepare(in);
    StringBuilder b = new StringBuilder(heading(in)).append(banner(in));
    for (ReportSection s : SECTIONS) {
      b.append('\n');
      b.append(s.title()).append('\n').append("=".repeat(s.title().length())).append('\n');
      String body = fit(s.text(in));
      b.append(body.endsWith("\n") ? body : body + "\n");
    }
    return b.toString();
  }

  /**
   * Computes what the sections show, in parallel on up to one thread per processor: the quality
   * check, the dataset's span and each computed section's result go into the report's memo
   * ({@link ReportScope#shared}), where rendering, in order on the calling thread, finds them.
   * The sections are independent and read only the immutable dataset, so the output is the same
   * as when each is computed on demand; a failure is rethrown when its section renders. With one
   * processor nothing is computed ahead.
   */
  static void prepare(ReportInput in) {
    // the longest jobs first (the passes over payments, the largest table, and cohorts' two), so
    // that no long job starts last while the other threads have nothing left to do
    List<Job> queue = new java.util.ArrayList<>();
    queue.add(new Job(ComputedSection.PAYMENT_PASS, () -> in.scope().quality(in.reads())));
    queue.add(new Job(1, () -> in.scope().span()));
    for (ReportSection s : SECTIONS) {
      if (s instanceof ComputedSection<?> c) {
        queue.add(new Job(c.cost(), () -> c.prepare(in)));
      }
    }
    queue.sort(java.util.Comparator.comparingInt(Job::cost).reversed()); // stable: report order
    List<Runnable> jobs = new java.util.ArrayList<>();
    for (Job j : queue) {
      jobs.add(j.run());
    }
    int threads = Math.min(Runtime.getRuntime().availableProcessors(), jobs.size());
    if (threads <= 1) {
      return;
    }
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(
        threads, r -> {
          Thread t = new Thread(r, "funnel-report");
          t.setDaemon(true);
          return t;
        });
    try {
      List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
      for (Runnable job : jobs) {
        done.add(pool.submit(job));
      }
      for (java.util.concurrent.Future<?> f : done) {
        try {
          f.get();
        } catch (java.util.concurrent.ExecutionException e) {
          // memoized by ReportScope.shared: rethrown when the section renders
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      pool.shutdownNow();
    }
  }

  /** A job of {@link #prepare} and its rough relative cost. */
  private record Job(int cost, Runnable run) {}

  /** The width of the text report: a 100-column terminal. */
  static final int WIDTH = 100;

  /**
   * The text with every line of more than {@link #WIDTH} columns cut to fit, ending in
   * {@code ...}; only free-text last columns (e.g. an issue's example) are that long.
   */
  static String fit(String text) {
    List<String> out = new java.util.ArrayList<>();
    for (String line : text.split("\n", -1)) {
      out.add(line.length() <= WIDTH ? line : line.substring(0, WIDTH - 3) + "...");
    }
    return String.join("\n", out);
  }

  /**
   * The report's first lines: the period, its comparison period and the as-of instant in the
   * dataset zone, then a {@code note:} line per note of {@link ReportScope#notes} (a partial
   * period, where the data ends when the default period stops short of it).
   */
  static String heading(ReportInput in) {
    ReportScope s = in.scope();
    StringBuilder b = new StringBuilder("Review pack ").append(s.period().label()).append(" against ")
        .append(s.compare().label()).append(", as of ").append(s.asOfLabel()).append(" (")
        .append(DatasetView.zone(in.dataset())).append(")\n");
    for (String note : s.notes()) {
      b.append(wrap("note: " + note, "      "));
    }
    return b.toString();
  }

  /**
   * The text in lines of at most {@link #WIDTH} columns, broken at spaces, each continuation line
   * starting with {@code indent}; every line ends with a newline.
   */
  static String wrap(String text, String indent) {
    StringBuilder b = new StringBuilder();
    int col = 0;
    for (String w : text.split(" ")) {
      if (col > 0 && col + 1 + w.length() > WIDTH) {
        b.append('\n').append(indent);
        col = indent.length();
      } else if (col > 0) {
        b.append(' ');
        col++;
      }
      b.append(w);
      col += w.length();
    }
    return b.append('\n').toString();
  }

  /**
   * The warning line (and a blank line) when the share of revenue without a known source
   * ({@link dev.funnel.core.quality.QualityReport#revenueShareWithoutSource()}) is above
   * {@link ReportScope#bannerShare()}; empty otherwise, and when the share is undefined.
   */
  static String banner(ReportInput in) {
    String m = bannerMessage(in);
    return m == null ? "" : "WARNING: " + m + "\n";
  }

  /** The banner's message, or null when the share is at most the threshold or undefined. */
  static String bannerMessage(ReportInput in) {
    double share = in.scope().quality(in.reads()).revenueShareWithoutSource();
    if (!(share > in.scope().bannerShare())) {
      return null;
    }
    return Formats.percent(share) + " of revenue has no known source (above "
        + Formats.percent(in.scope().bannerShare()) + "): channel figures understate it";
  }


  /** The report's own JSON member: what it covers, as of when, and its warning. */
  record Head(String period, String compare, String asOf, String asOfLabel, String zone,
      boolean partial, List<String> notes, double bannerShare, String warning) {}

  /**
   * The whole report as one JSON tree: {@code "report"} (period, comparison period, as-of instant
   * (UTC) and its label in the dataset zone, the zone, whether the period is partial, the notes,
   * banner threshold and the banner's message or null), then a member per section.
   */
  static Map<String, Object> json(ReportInput in) {
    prepare(in);
    Map<String, Object> m = new LinkedHashMap<>();
    ReportScope s = in.scope();
    Head scope = new Head(s.period().label(), s.compare().label(), s.asOf().toString(),
        s.asOfLabel(), DatasetView.zone(in.dataset()), !s.partial(s.period()).isEmpty(),
        s.notes(), s.bannerShare(), bannerMessage(in));
    m.put("report", scope);
    for (ReportSection x : SECTIONS) {
      m.put(x.key(), x.json(in));
    }
    return m;
  }

  /**
   * The whole report as one CSV in long form ({@link Views#csv}): {@code table,row,column,value},
   * a line per figure of every section's tables, each table named by its section
   * ({@code channels/channels}, {@code funnel/funnel/funnel}, ...); the figures at full precision,
   * undefined ones empty.
   */
  static String csv(ReportInput in) {
    prepare(in);
    Map<String, dev.funnel.core.display.TextTable> all = new LinkedHashMap<>();
    for (ReportSection s : SECTIONS) {
      s.tables(in).forEach((name, t) -> all.put(s.key() + "/" + name, t));
    }
    return Views.csv(all);
  }
}
