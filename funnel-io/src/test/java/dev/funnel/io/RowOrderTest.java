package dev.funnel.io;

import static dev.funnel.io.Fixtures.dataset;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same rows in any order give the same dataset and the same counts, rejections included. */
class RowOrderTest {

  @TempDir Path dir;

  private static final String HEADER = "customer_id,paid_at,amount,currency";
  private static final List<String> ROWS = List.of(
      "C1,2026-01-01,10,EUR", "C1,2026-01-02,20,USD", "C2,2026-01-03,30,", "C2,2026-01-04,5,USD",
      "C3,2026-01-05,7,EUR", "C3,bad,1,USD", "C4,2026-01-06,-3,gbp");

  private Dataset readShuffled(long seed, String name) throws Exception {
    List<String> rows = new ArrayList<>(ROWS);
    Collections.shuffle(rows, new Random(seed));
    Path d = Files.createDirectories(dir.resolve(name));
    dataset(d, "payments.csv", HEADER + "\n" + String.join("\n", rows) + "\n");
    DatasetRead r = DatasetReader.lenient().read(d);
    assertEquals(2 + 1 + 1, r.readOf(DatasetTable.PAYMENTS).orElseThrow().rejected(),
        "1 unparsable time, then USD (2 rows) against EUR (2) and GBP (1): a tie broken to EUR");
    return r.dataset();
  }

  @Test
  void shuffledFilesGiveTheSameDataset() throws Exception {
    Dataset first = readShuffled(0, "s0");
    assertEquals("EUR", first.currency());
    for (long seed = 1; seed < 20; seed++) {
      Dataset d = readShuffled(seed, "s" + seed);
      assertEquals(first.payments(), d.payments());
      assertEquals(first.currency(), d.currency());
    }
  }

  @Test
  void aCurrencyTieIsBrokenAlphabetically() throws Exception {
    for (String order : List.of("USD,EUR", "EUR,USD")) {
      Path d = Files.createDirectories(dir.resolve(order.replace(',', '_')));
      String[] c = order.split(",");
      dataset(d, "payments.csv", HEADER + "\nC1,2026-01-01,1," + c[0] + "\nC1,2026-01-02,2," + c[1] + "\n");
      assertEquals("EUR", DatasetReader.lenient().read(d).dataset().currency());
    }
  }
}
