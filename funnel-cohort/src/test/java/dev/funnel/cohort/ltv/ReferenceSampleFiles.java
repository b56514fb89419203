package dev.funnel.cohort.ltv;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** Reads the CDNOW sample from the shared data directory, skipping the test when it is absent. */
final class ReferenceSampleFiles {

  private ReferenceSampleFiles() {}

  static Path file(String name) {
    String shared = System.getProperty("funnel.shared");
    assumeTrue(shared != null, "system property funnel.shared is not set; CDNOW data unavailable");
    Path p = Path.of(shared, "data", "cdnow", name);
    assumeTrue(Files.isRegularFile(p), "CDNOW file " + p + " is absent; skipping");
    return p;
  }

  /** The published summary: ID,x,t_x,T,zbar (weeks, calibration to 1997-09-30). */
  static RfmSummary summary() throws IOException {
    List<RfmCustomer> rows = new ArrayList<>();
    try (BufferedReader r =
        Files.newBufferedReader(
            file("cdnow_customers_summary_with_transactions.csv"), StandardCharsets.UTF_8)) {
      String header = r.readLine();
      if (!header.startsWith("ID,x,t_x,T,zbar")) {
        throw new IOException("unexpected header " + header);
      }
      for (String line; (line = r.readLine()) != null; ) {
        if (line.isBlank()) {
          continue;
        }
        String[] f = line.split(",");
        rows.add(
            new RfmCustomer(
                f[0].trim(),
                Integer.parseInt(f[1].trim()),
                Double.parseDouble(f[2].trim()),
                Double.parseDouble(f[3].trim()),
                Double.parseDouble(f[4].trim())));
      }
    }
    return new RfmSummary(RfmUnit.WEEK, rows);
  }

  /** The transactions: id, id-in-sample, YYYYMMDD, cds, amount (whitespace separated). */
  static List<Purchase> transactions() throws IOException {
    List<Purchase> out = new ArrayList<>();
    DateTimeFormatter f = DateTimeFormatter.BASIC_ISO_DATE;
    try (BufferedReader r =
        Files.newBufferedReader(file("CDNOW_sample.txt"), StandardCharsets.UTF_8)) {
      for (String line; (line = r.readLine()) != null; ) {
        String[] t = line.trim().split("\\s+");
        if (t.length < 5) {
          continue;
        }
        out.add(
            new Purchase(
                String.valueOf(Integer.parseInt(t[1])),
                LocalDate.parse(t[2], f),
                new BigDecimal(t[4])));
      }
    }
    return out;
  }
}
