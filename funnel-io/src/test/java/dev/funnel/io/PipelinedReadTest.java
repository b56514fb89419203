package dev.funnel.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.columnar.Columns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file parsed on its own thread (the pipeline) reads to exactly what a sequential read gives:
 * the same dataset, the same counts and rejections in lenient mode, the same first failure in
 * strict mode.
 */
class PipelinedReadTest {

  @TempDir Path dir;

  private static DatasetReader.Builder reader(boolean pipelined) {
    return DatasetReader.builder().pipelineBytes(pipelined ? 0 : Long.MAX_VALUE);
  }

  /** Many rows (several batches), some of them invalid. */
  private Path messy(Path d, boolean withErrors) throws Exception {
    Files.createDirectories(d);
    Random r = new Random(7);
    StringBuilder leads = new StringBuilder("lead_id,created_at,channel\n");
    StringBuilder stages = new StringBuilder("lead_id,stage,at,reason,amount,owner\n");
    StringBuilder pay = new StringBuilder("payment_id,customer_id,lead_id,paid_at,amount,currency,product\n");
    for (int i = 0; i < 20_000; i++) {
      String id = "L" + r.nextInt(15_000);
      leads.append(id).append(",2026-01-").append(10 + r.nextInt(18)).append("T10:00:00Z,")
          .append(r.nextBoolean() ? "seo" : "ppc").append('\n');
      stages.append(id).append(',').append(r.nextBoolean() ? "MQL" : "WON").append(",2026-02-0")
          .append(1 + r.nextInt(9)).append("T00:00:00Z,,").append(r.nextInt(3) == 0 ? "" : r.nextInt(900) + ".5")
          .append(",\n");
      pay.append("P").append(i).append(",C").append(r.nextInt(4000)).append(",,2026-03-01,")
          .append(r.nextInt(500)).append('.').append(r.nextInt(100)).append(',')
          .append(r.nextInt(50) == 0 ? "EUR" : "USD").append(",\n");
      if (withErrors && i % 997 == 5) {
        stages.append(id).append(",NOPE,2026-02-01T00:00:00Z,,,\n");
      }
    }
    Files.writeString(d.resolve("leads.csv"), leads);
    Files.writeString(d.resolve("stages.csv"), stages);
    Files.writeString(d.resolve("payments.csv"), pay);
    return d;
  }

  @Test
  void lenientPipelinedReadEqualsTheSequentialRead() throws Exception {
    Path d = messy(dir.resolve("m"), true);
    DatasetRead seq = reader(false).lenient(true).build().read(d);
    DatasetRead pip = reader(true).lenient(true).build().read(d);
    assertEquals(seq.tables(), pip.tables());
    Dataset a = seq.dataset();
    Dataset b = pip.dataset();
    for (DatasetTable t : a.tables()) {
      assertEquals(a.size(t), b.size(t), t.toString());
    }
    assertEquals(a.leads(), b.leads());
    assertEquals(a.stages(), b.stages());
    assertEquals(a.payments(), b.payments());
    assertEquals(a.currency(), b.currency());
    assertEquals(Columns.of(a).footprint(), Columns.of(b).footprint());
  }

  @Test
  void strictPipelinedReadFailsAtTheSameRow() throws Exception {
    Path d = messy(dir.resolve("s"), true);
    InvalidDataException seq = assertThrows(InvalidDataException.class, () -> reader(false).build().read(d));
    InvalidDataException pip = assertThrows(InvalidDataException.class, () -> reader(true).build().read(d));
    assertEquals(seq.getMessage(), pip.getMessage());
  }
}
