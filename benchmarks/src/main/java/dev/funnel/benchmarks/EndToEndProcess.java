package dev.funnel.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one command as its own process and measures what a user waits for: wall time from start to
 * exit (JVM start included) and the peak resident set size. The peak comes from GNU time
 * ({@code /usr/bin/time}, its {@code %M}) when it is installed, else from polling the process's
 * {@code VmHWM} in {@code /proc} every few milliseconds (which can miss a last spike).
 * Standard output goes to a file, so that the parent reading a pipe is not part of the timing.
 */
final class EndToEndProcess {

  private static final Path GNU_TIME = Path.of("/usr/bin/time");

  private EndToEndProcess() {}

  /** The outcome of one run. */
  record Run(int exit, double seconds, long peakRssKb, String stderrTail) {

    boolean ok() {
      return exit == 0;
    }
  }

  /** How the peak RSS is measured on this machine, for the results. */
  static String rssMethod() {
    return Files.isExecutable(GNU_TIME) ? "GNU time %M (max RSS of the process)"
        : "polling /proc/PID/status VmHWM every 5 ms";
  }

  /** Runs {@code command}, its standard output to {@code stdout}, and waits for it to exit. */
  static Run run(List<String> command, Path stdout) throws IOException, InterruptedException {
    Path stderr = Files.createTempFile("e2e-stderr", ".txt");
    Path rss = Files.createTempFile("e2e-rss", ".txt");
    try {
      boolean gnu = Files.isExecutable(GNU_TIME);
      List<String> full = new ArrayList<>();
      if (gnu) {
        full.addAll(List.of(GNU_TIME.toString(), "-f", "%M", "-o", rss.toString()));
      }
      full.addAll(command);
      ProcessBuilder pb = new ProcessBuilder(full).redirectOutput(stdout.toFile())
          .redirectError(stderr.toFile());
      long start = System.nanoTime();
      Process p = pb.start();
      long polled = gnu ? 0 : poll(p);
      int exit = p.waitFor();
      double seconds = (System.nanoTime() - start) / 1e9;
      long peak = gnu ? lastNumber(Files.readAllLines(rss, StandardCharsets.UTF_8)) : polled;
      return new Run(exit, seconds, peak, tail(stderr));
    } finally {
      Files.deleteIfExists(stderr);
      Files.deleteIfExists(rss);
    }
  }

  /** The highest VmHWM seen while the process lives, in kB. */
  private static long poll(Process p) throws InterruptedException {
    Path status = Path.of("/proc", Long.toString(p.pid()), "status");
    long peak = 0;
    while (p.isAlive()) {
      try {
        for (String line : Files.readAllLines(status, StandardCharsets.UTF_8)) {
          if (line.startsWith("VmHWM:")) {
            peak = Math.max(peak, Long.parseLong(line.replaceAll("\\D", "")));
          }
        }
      } catch (IOException | NumberFormatException e) {
        // the process exited between isAlive and the read: keep the last peak seen
      }
      Thread.sleep(5);
    }
    return peak;
  }

  /** GNU time writes "Command exited with non-zero status N" before the value on failure. */
  private static long lastNumber(List<String> lines) {
    for (int i = lines.size() - 1; i >= 0; i--) {
      String s = lines.get(i).trim();
      if (s.matches("\\d+")) {
        return Long.parseLong(s);
      }
    }
    return -1;
  }

  /** The last few lines of standard error, to say why a run failed. */
  private static String tail(Path stderr) throws IOException {
    List<String> lines = Files.readAllLines(stderr, StandardCharsets.UTF_8);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
  }
}
