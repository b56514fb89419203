package dev.funnel.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * A deterministic {@code payments.csv} of the canonical layout (docs/spec/dataset.md) with a given
 * number of rows, written once and cached under {@code benchmarks/target/bench-data}.
 *
 * <p>Rows: about one customer per four payments, a year of timestamps in UTC with offset
 * {@code Z}, amounts with two decimals between 1 and 5000, one in fifty a refund.
 */
final class PaymentsFile {

  private PaymentsFile() {}

  /** The cached file for this row count, written on first use. */
  static Path of(long rows) throws IOException {
    Path dir = Path.of(System.getProperty("funnel.bench.data", "target/bench-data"));
    Files.createDirectories(dir);
    Path file = dir.resolve("payments-" + rows + ".csv");
    if (Files.exists(file)) {
      return file;
    }
    Path tmp = dir.resolve("payments-" + rows + ".csv.tmp");
    SplittableRandom rnd = new SplittableRandom(20261122L);
    long start = Instant.parse("2025-01-01T00:00:00Z").getEpochSecond();
    long customers = Math.max(1, rows / 4);
    try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      w.write("payment_id,customer_id,lead_id,paid_at,amount,currency,product\n");
      for (long i = 0; i < rows; i++) {
        long c = rnd.nextLong(customers);
        long cents = 100 + rnd.nextLong(500_000);
        if (rnd.nextInt(50) == 0) {
          cents = -cents;
        }
        w.write("p" + i + ",c" + c + ",l" + c + ","
            + Instant.ofEpochSecond(start + rnd.nextLong(365L * 86_400)) + ","
            + BigDecimal.valueOf(cents, 2).toPlainString() + ",USD,plan-" + rnd.nextInt(4) + "\n");
      }
    }
    Files.move(tmp, file);
    return file;
  }
}
