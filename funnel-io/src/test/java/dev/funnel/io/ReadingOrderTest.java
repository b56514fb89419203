package dev.funnel.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Stage;
import dev.funnel.core.StageCatalog;
import dev.funnel.core.StageChange;
import dev.funnel.core.Touch;
import dev.funnel.core.columnar.Columns;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without a leads table the reader codes lead ids from the largest of the stages, activities and
 * touches files first (DatasetReader#readingOrder); whichever file comes first, and whether the
 * files are read whole or in halves, the dataset equals the one built from the same rows as
 * records, added in a shuffled order (the oracle: the in-memory builder sorts what it is given).
 * The id sets of the two files overlap at random, each with ids the other lacks.
 */
class ReadingOrderTest {

  @TempDir Path tmp;

  private static final Stage MQL = StageCatalog.DEFAULT.stage("MQL");

  @Test
  void leadIdsFromStagesAndTouchesInEitherOrder() throws IOException {
    Random rnd = new Random(7);
    Instant t0 = Instant.parse("2026-03-01T00:00:00Z");
    for (int c = 0; c < 40; c++) {
      Path dir = Files.createDirectory(tmp.resolve("d" + c));
      List<StageChange> stages = new ArrayList<>();
      List<Touch> touches = new ArrayList<>();
      StringBuilder st = new StringBuilder("lead_id,stage,at\n");
      StringBuilder to = new StringBuilder("lead_id,at,channel\n");
      int leads = 50 + rnd.nextInt(400);
      int stageShare = 1 + rnd.nextInt(9);
      int touchShare = 1 + rnd.nextInt(9);
      for (int i = 0; i < leads; i++) {
        String id = String.format("L%05d", i);
        Instant at = t0.plusSeconds(3600L * i);
        if (rnd.nextInt(10) < stageShare) {
          stages.add(StageChange.of(id, MQL, at));
          st.append(id).append(",MQL,").append(at).append('\n');
        }
        for (int k = rnd.nextInt(10) < touchShare ? 1 + rnd.nextInt(3) : 0; k > 0; k--) {
          Instant when = at.minusSeconds(60L * k);
          touches.add(Touch.of(id, when, "ch" + (k % 2)));
          to.append(id).append(',').append(when).append(",ch").append(k % 2).append('\n');
        }
      }
      Files.write(dir.resolve("stages.csv"), st.toString().getBytes(StandardCharsets.UTF_8));
      Files.write(dir.resolve("touches.csv"), to.toString().getBytes(StandardCharsets.UTF_8));
      Collections.shuffle(stages, rnd);
      Collections.shuffle(touches, rnd);
      Dataset.Builder b = Dataset.builder().table(DatasetTable.STAGES).table(DatasetTable.TOUCHES);
      touches.forEach(b::touch);
      stages.forEach(b::stageChange);
      String expected = describe(b.build());
      assertEquals(expected, describe(DatasetReader.strict().read(dir).dataset()), "case " + c);
      assertEquals(expected, describe(DatasetReader.builder().splitBytes(1).build().read(dir)
          .dataset()), "case " + c + ", in halves");
      assertEquals(expected, describe(DatasetReader.builder()
          .tables(EnumSet.of(DatasetTable.STAGES, DatasetTable.TOUCHES)).build().read(dir)
          .dataset()), "case " + c + ", two tables asked for");
    }
  }

  private static String describe(Dataset d) {
    return "stages " + d.stages() + "\ntouches " + d.touches() + "\nids " + Columns.of(d).leadIds();
  }
}
