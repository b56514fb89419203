package dev.funnel.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * What the end-to-end times were measured on: processors, CPU model, memory, OS, the JVM that runs
 * both sides ({@code java -version}), the funnel jar's build time and the repository commit, so
 * that a re-run on another machine or after a change can be told apart.
 */
final class EndToEndMachine {

  private EndToEndMachine() {}

  /** The machine, software and the funnel jar, as printed and stored with the results. */
  static ObjectNode describe(String java, Path funnelJar) throws IOException, InterruptedException {
    ObjectNode m = new ObjectMapper().createObjectNode();
    m.put("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    m.put("processors (nproc)", Runtime.getRuntime().availableProcessors());
    m.put("cpu", firstValue(Path.of("/proc/cpuinfo"), "model name"));
    m.put("memory", firstValue(Path.of("/proc/meminfo"), "MemTotal"));
    m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
        + System.getProperty("os.arch"));
    m.put("java -version", String.join("; ", output(List.of(java, "-version"))));
    m.put("funnel jar", jar(funnelJar));
    List<String> head = output(List.of("git", "log", "-1", "--format=%h %cI"));
    m.put("repository HEAD (working directory)", head.isEmpty() ? "unknown" : head.get(0));
    m.put("peak RSS", EndToEndProcess.rssMethod());
    m.put("load average", loadAverage());
    return m;
  }

  /** A jar's path and modification time: which build of funnel was timed. */
  static String jar(Path jar) throws IOException {
    return jar + ", built " + Files.getLastModifiedTime(jar).toInstant().truncatedTo(ChronoUnit.SECONDS);
  }

  /** The 1, 5 and 15 minute load averages, for how busy the machine was. */
  static String loadAverage() throws IOException {
    Path p = Path.of("/proc/loadavg");
    if (!Files.exists(p)) {
      return "unknown";
    }
    String[] f = Files.readString(p, StandardCharsets.UTF_8).trim().split("\\s+");
    return f[0] + " " + f[1] + " " + f[2];
  }

  private static String firstValue(Path file, String key) throws IOException {
    if (!Files.exists(file)) {
      return "unknown";
    }
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.startsWith(key)) {
        return line.substring(line.indexOf(':') + 1).trim();
      }
    }
    return "unknown";
  }

  /** The lines a command prints (stdout and stderr), empty when it cannot run. */
  private static List<String> output(List<String> command) throws InterruptedException {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      List<String> lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
          .lines().toList();
      return p.waitFor() == 0 ? lines : List.of();
    } catch (IOException e) {
      return List.of();
    }
  }
}
