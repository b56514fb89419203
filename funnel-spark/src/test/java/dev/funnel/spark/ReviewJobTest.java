package dev.funnel.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.attribution.Attribution;
import dev.funnel.attribution.JourneyOptions;
import dev.funnel.attribution.JourneySet;
import dev.funnel.cohort.Cohorts;
import dev.funnel.core.Dataset;
import dev.funnel.core.Granularity;
import dev.funnel.core.demo.DemoData;
import dev.funnel.core.funnel.StageFunnel;
import dev.funnel.core.money.UnitEconomics;
import dev.funnel.io.DatasetReader;
import dev.funnel.io.DatasetWriter;
import dev.funnel.io.FileFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example job run through its {@code main} in local mode (spark-submit itself is not
 * available here): it prints exactly the tables the single-JVM calculators give on the same
 * directory; bad arguments and invalid data end with exit codes 2 and 3 and a message.
 */
class ReviewJobTest {

  @TempDir
  Path dir;

  static ReviewJob.Review singleJvm(Dataset d) {
    JourneySet js = JourneySet.fromCounts(JourneySet.fromDataset(d, JourneyOptions.DEFAULTS).pathCounts());
    return new ReviewJob.Review(
        ReviewJob.queries().stream().map(q -> StageFunnel.compute(d, q)).toList(),
        ReviewJob.MODELS.stream().map(m -> Attribution.attribute(js, m)).toList(),
        Cohorts.byFirstPayment(d, Granularity.MONTH),
        UnitEconomics.compute(d, null, null, null));
  }

  @Test
  void mainPrintsTheSingleJvmTables() throws IOException {
    Dataset demo = DemoData.builder().seed(77).leads(4_000).build().dataset();
    DatasetWriter.write(demo, dir, FileFormat.CSV);
    Dataset jvm = DatasetReader.strict().read(dir).dataset();
    PrintStream stdout = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      ReviewJob.main(new String[] {dir.toString(), "3"});
    } finally {
      System.setOut(stdout);
    }
    String printed = captured.toString(StandardCharsets.UTF_8);
    assertEquals(ReviewJob.render(singleJvm(jvm)), printed);
    assertTrue(printed.contains("== Attribution, markov"), printed);
  }

  @Test
  void badArgumentsAndInvalidDataAreExplained() throws IOException {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
    PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    assertEquals(2, ReviewJob.run(new String[0], out, errStream));
    assertEquals(2, ReviewJob.run(new String[] {dir.toString(), "zero"}, out, errStream));
    Files.writeString(dir.resolve("leads.csv"),
        "lead_id,created_at,channel\nL1,2026-03-01T10:00:00Z,seo\nL2,yesterday,seo\n");
    Files.writeString(dir.resolve("stages.csv"), "lead_id,stage,at\nL1,MQL,2026-03-02T10:00:00Z\n");
    Files.writeString(dir.resolve("touches.csv"), "lead_id,at,channel\nL1,2026-03-01T09:00:00Z,seo\n");
    Files.writeString(dir.resolve("payments.csv"), "customer_id,paid_at,amount\nL1,2026-03-05T10:00:00Z,10\n");
    assertEquals(3, ReviewJob.run(new String[] {dir.toString(), "2"}, out, errStream));
    String message = err.toString(StandardCharsets.UTF_8);
    assertTrue(message.contains("leads: column created_at, value 'yesterday'"), message);
  }
}
