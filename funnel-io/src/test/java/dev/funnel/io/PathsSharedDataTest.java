package dev.funnel.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.funnel.core.DatasetTable;
import dev.funnel.core.JourneyPath;
import dev.funnel.core.quality.TableRead;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The ChannelAttribution example path file (shared/data/channelattribution/paths.csv,
 * {@code ;}-separated) read as it is; totals from shared/data/README.md.
 */
class PathsSharedDataTest {

  private static Path file() {
    String shared = System.getProperty("funnel.shared");
    Path p = shared == null ? null : Path.of(shared, "data", "channelattribution", "paths.csv");
    Assumptions.assumeTrue(p != null && Files.isRegularFile(p),
        "skipped: shared/data/channelattribution/paths.csv not found (funnel.shared=" + shared + ")");
    return p;
  }

  @Test
  void readsTheChannelAttributionPathFile() {
    Path f = file();
    for (DatasetReader reader : List.of(DatasetReader.strict(), DatasetReader.lenient())) {
      List<JourneyPath> paths = new ArrayList<>();
      TableRead t = reader.forEach(Rows.PATHS, f, paths::add);
      assertEquals(10_000, t.read());
      assertEquals(10_000, t.accepted());
      long conversions = 0;
      long nulls = 0;
      BigDecimal value = BigDecimal.ZERO;
      for (JourneyPath p : paths) {
        conversions += p.conversions();
        nulls += p.nulls();
        value = value.add(p.value());
      }
      assertEquals(19_785, conversions);
      assertEquals(68_602, nulls);
      // the file's values carry up to 15 decimals: the exact sum (checked independently with
      // Python's decimal module) is 74802.97158721083751036, published rounded as 74,802.9716
      assertEquals(new BigDecimal("74802.97158721083751036"), value);
      assertEquals(new BigDecimal("74802.9716"), value.setScale(4, java.math.RoundingMode.HALF_UP));
      assertEquals(List.of("eta", "iota", "alpha", "eta"), paths.get(0).channels());
    }
  }

  @Test
  void readsItAsPartOfADatasetDirectory() throws Exception {
    Path f = file();
    Path dir = Files.createTempDirectory("paths");
    try {
      Files.copy(f, dir.resolve("paths.csv"));
      DatasetRead r = DatasetReader.strict().read(dir);
      assertEquals(10_000, r.dataset().size(DatasetTable.PATHS));
    } finally {
      Files.deleteIfExists(dir.resolve("paths.csv"));
      Files.deleteIfExists(dir);
    }
  }
}
