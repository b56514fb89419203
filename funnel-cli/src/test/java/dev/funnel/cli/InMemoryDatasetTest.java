package dev.funnel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.core.Dataset;
import dev.funnel.core.demo.DemoData;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * {@link Funnel#run(String[], Dataset, PrintStream, PrintStream, boolean)}: a command over a
 * dataset in memory prints what it prints for the same rows from {@code --demo}, but for the line
 * naming the source; DATA or {@code --demo} next to it is a usage error.
 */
class InMemoryDatasetTest {

  static FunnelTest.Run run(Dataset d, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Funnel.run(args, d, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), false);
    return new FunnelTest.Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static String withoutSource(String out) {
    return out.replace("built-in demo (seed 5, 1200 leads)", "SOURCE")
        .replace("dataset in memory (1200 leads)", "SOURCE");
  }

  @Test
  void theReportOverADatasetInMemoryEqualsTheDemoCommand() {
    Dataset d = DemoData.builder().seed(5).leads(1_200).build().dataset();
    for (String format : new String[] {"text", "json", "html"}) {
      FunnelTest.Run mem = run(d, "report", "--format", format, "--period", "2026-08");
      FunnelTest.Run demo = FunnelTest.run("report", "--demo", "--seed", "5", "--leads", "1200",
          "--format", format, "--period", "2026-08");
      assertEquals(0, mem.code(), mem.toString());
      assertEquals("", mem.err(), mem.toString());
      assertEquals(withoutSource(demo.out()), withoutSource(mem.out()), format);
      assertTrue(mem.out().contains("dataset in memory (1200 leads)"), format);
    }
    FunnelTest.Run sales = run(d, "sales", "--format", "json");
    assertEquals(0, sales.code(), sales.toString());
  }

  @Test
  void dataOrDemoNextToADatasetInMemoryIsAUsageError() {
    Dataset d = DemoData.builder().seed(5).leads(100).build().dataset();
    assertEquals(2, run(d, "report", "somewhere").code());
    assertEquals(2, run(d, "report", "--demo").code());
    assertEquals(2, run(d, "funnel", "--leads", "10").code());
  }
}
