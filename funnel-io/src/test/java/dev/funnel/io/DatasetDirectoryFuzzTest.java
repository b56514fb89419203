package dev.funnel.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import com.code_intelligence.jazzer.mutation.annotation.WithLength;
import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.quality.TableRead;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Jazzer fuzz target of {@link DatasetReader#read(Path)}: a dataset directory of several table
 * files, CSV or NDJSON, built from one input of up to 64 KiB ({@link FuzzDatasets}: {@code
 * @@leads.csv} starts a file). The default build replays the inputs under {@code
 * src/test/resources/dev/funnel/io/DatasetDirectoryFuzzTestInputs}; {@code ./mvnw -Pfuzz} fuzzes.
 *
 * <p>Property, the reader's exception contract and the agreement of its two modes:
 * <ul>
 *   <li>both modes throw only {@link InvalidDataException}, {@link UncheckedIOException} and
 *       {@link IllegalArgumentException}, each with a one-line message; lenient reading fails
 *       only for a table that cannot be read at all ({@code wholeTable()}) or a directory that is
 *       not a dataset;
 *   <li>a lenient read counts every row ({@code read == accepted + rejected}) and its dataset
 *       holds exactly the accepted rows of each table; its warnings are one line each;
 *   <li>strict reading succeeds exactly when lenient reading succeeds without a rejection, and
 *       then reads the same dataset; a directory refused by lenient reading is refused by strict
 *       reading too, with the same message when it is not a dataset.
 * </ul>
 */
class DatasetDirectoryFuzzTest {

  private static final DatasetReader LENIENT = DatasetReader.lenient();
  private static final DatasetReader STRICT = DatasetReader.strict();

  @DictionaryEntries({"@@leads.csv", "@@stages.csv", "@@activities.csv",
      "@@touches.csv", "@@payments.csv", "@@spend.csv", "@@plan.csv",
      "@@paths.csv", "@@leads.ndjson", "@@stages.ndjson", "@@payments.ndjson",
      "@@touches.ndjson", "@@spend.ndjson", "@@LEADS.CSV", "@@payments.csv/",
      "lead_id", "created_at", "channel", "customer_id", "stage", "amount", "currency", "paid_at",
      "date", "period", "metric", "target", "path", "total_conversions", "\"", "\"\"", ";",
      "2026-01-01T00:00:00Z", "2026-03-01", "9999-12-31", "EUR", "USD", "MQL", "WON"})
  @FuzzTest(maxDuration = "10m")
  void readsOrRefusesWithinTheContract(@NotNull @WithLength(max = 65536) byte[] data) {
    Path dir = FuzzDatasets.directory(data);
    DatasetRead lenient = null;
    RuntimeException refused = null;
    try {
      lenient = LENIENT.read(dir);
    } catch (InvalidDataException e) {
      FuzzDatasets.oneLine(e);
      assertTrue(e.wholeTable(), e.getMessage());
      refused = e;
    } catch (IllegalArgumentException | UncheckedIOException e) {
      FuzzDatasets.oneLine(e);
      refused = e;
    }
    if (lenient != null) {
      Dataset d = lenient.dataset();
      for (TableRead t : lenient.tables()) {
        assertEquals(t.read(), t.accepted() + t.rejected());
        assertEquals(t.accepted(), rows(d, t.table()), t.table() + " accepted");
      }
      lenient.warnings().forEach(w -> assertTrue(!w.contains("\n") && !w.contains("\r"), w));
    }
    DatasetRead strict = null;
    try {
      strict = STRICT.read(dir);
    } catch (InvalidDataException e) {
      FuzzDatasets.oneLine(e);
      assertTrue(lenient == null || lenient.rejected() > 0,
          "strict refused what lenient read without a rejection: " + e.getMessage());
    } catch (IllegalArgumentException | UncheckedIOException e) {
      FuzzDatasets.oneLine(e);
      assertNotNull(refused, "only strict refused: " + e.getMessage());
      assertEquals(refused.getMessage(), e.getMessage());
    }
    if (strict != null) {
      assertNotNull(lenient, "only lenient refused: " + refused);
      assertEquals(0, lenient.rejected(), "strict read what lenient rejected rows of");
      assertEquals(lenient.tables(), strict.tables());
      for (DatasetTable t : DatasetTable.values()) {
        assertEquals(table(lenient.dataset(), t), table(strict.dataset(), t), t.name());
      }
    } else if (lenient != null) {
      assertTrue(lenient.rejected() > 0, "strict refused what lenient read without a rejection");
    }
  }

  static long rows(Dataset d, DatasetTable t) {
    List<?> rows = table(d, t);
    return rows == null ? 0 : rows.size();
  }

  static List<?> table(Dataset d, DatasetTable t) {
    if (!d.has(t)) {
      return null;
    }
    return switch (t) {
      case LEADS -> d.leads();
      case STAGES -> d.stages();
      case ACTIVITIES -> d.activities();
      case TOUCHES -> d.touches();
      case PAYMENTS -> d.payments();
      case SPEND -> d.spend();
      case PLAN -> d.plan();
      case PATHS -> d.paths();
    };
  }
}
