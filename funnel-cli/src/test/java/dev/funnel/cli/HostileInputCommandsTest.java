package dev.funnel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.funnel.core.Dataset;
import dev.funnel.core.Lead;
import dev.funnel.core.Money;
import dev.funnel.core.Payment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands on hostile or broken datasets (issue 15): bounded work with a clean one-line error,
 * no table that vanishes without a word, and output that depends on the data only.
 */
class HostileInputCommandsTest {

  private static final ObjectMapper JACKSON = new ObjectMapper();

  @TempDir Path tmp;

  private Path dataset(String name, String... files) throws IOException {
    Path dir = tmp.resolve(name);
    Files.createDirectories(dir);
    for (int i = 0; i < files.length; i += 2) {
      Files.writeString(dir.resolve(files[i]), files[i + 1], StandardCharsets.UTF_8);
    }
    return dir;
  }

  private static final String LEADS = "lead_id,created_at,channel\nL1,2026-01-02T10:00:00Z,search\n"
      + "L2,2026-01-05T10:00:00Z,social\n";

  /**
   * The dataset is built in memory, so this holds whatever the reader's date window does with
   * such a row: the cohort table itself refuses the span.
   */
  @Test
  void aPaymentInYear9999IsRefusedWithTheLimitNotComputedForMinutes() throws IOException {
    Dataset.Builder b = Dataset.builder();
    b.lead(new Lead("L1", Instant.parse("2026-01-02T10:00:00Z"), "search", null, null, null, null, Map.of()));
    b.payment(new Payment("P1", null, "L1", Instant.parse("2026-01-10T10:00:00Z"), Money.of("100.00", "EUR"), null));
    b.payment(new Payment("P2", "C2", null, Instant.parse("9999-12-31T10:00:00Z"), Money.of("5.00", "EUR"), null));
    Dataset d = b.build();
    FunnelTest.Run r = InMemoryDatasetTest.run(d, "cohorts", "--format", "json");
    assertEquals(1, r.code(), r.toString());
    assertEquals("", r.out());
    assertEquals("funnel: the cohort table would span 95,688 months (2026-01 to 9999-12), more than"
        + " the limit of 2,000 periods (maxPeriods): is a date mistyped? Otherwise use a coarser"
        + " granularity or a larger maxPeriods\n", r.err());

    FunnelTest.Run wide = InMemoryDatasetTest.run(d, "cohorts", "--format", "json", "--max-periods", "100000");
    assertEquals(0, wide.code(), wide.toString());
    JsonNode json = JACKSON.readTree(wide.out());
    assertEquals(2, json.get("cohorts").size());
    assertEquals(95_688, json.get("cohorts").get(0).get("active").size());

    assertEquals(2, InMemoryDatasetTest.run(d, "cohorts", "--max-periods", "0").code());
  }
}
