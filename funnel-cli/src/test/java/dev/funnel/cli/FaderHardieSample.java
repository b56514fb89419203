package dev.funnel.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.funnel.cohort.ltv.Purchase;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The CDNOW sample of Fader and Hardie (2001) from the shared data directory
 * ({@code ../shared/data/cdnow/CDNOW_sample.txt}: master id, sample id 1..2357, YYYYMMDD, CDs,
 * dollars), as purchases and as a dataset directory with its payments; tests using it are skipped
 * when the file is absent.
 */
public final class FaderHardieSample {

  private FaderHardieSample() {}

  /** The file, or the test is skipped. */
  public static Path file() {
    String shared = System.getProperty("funnel.shared");
    Path p = shared == null ? null : Path.of(shared, "data", "cdnow", "CDNOW_sample.txt");
    assumeTrue(p != null && Files.isRegularFile(p),
        "skipped: ../shared/data/cdnow/CDNOW_sample.txt is not available (funnel.shared=" + shared
            + ")");
    return p;
  }

  /** Every row as a purchase of its sample id on its day for its dollars. */
  public static List<Purchase> purchases() throws IOException {
    List<Purchase> out = new ArrayList<>();
    for (String line : Files.readAllLines(file(), StandardCharsets.UTF_8)) {
      String[] t = line.trim().split("\\s+");
      if (t.length >= 5) {
        out.add(new Purchase(String.valueOf(Integer.parseInt(t[1])),
            LocalDate.parse(t[2], DateTimeFormatter.BASIC_ISO_DATE), new BigDecimal(t[4])));
      }
    }
    return out;
  }

  /** A dataset directory holding the rows as {@code payments.csv} (customer_id, paid_at, amount). */
  public static Path dataset(Path dir) throws IOException {
    StringBuilder b = new StringBuilder("customer_id,paid_at,amount\n");
    for (Purchase p : purchases()) {
      b.append(p.customerId()).append(',').append(p.day()).append(',')
          .append(p.amount().toPlainString()).append('\n');
    }
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("payments.csv"), b.toString());
    return dir;
  }
}
