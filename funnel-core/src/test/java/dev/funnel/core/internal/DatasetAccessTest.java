package dev.funnel.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.funnel.core.Dataset;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Lead;
import dev.funnel.core.columnar.Columns;
import dev.funnel.core.columnar.ColumnsBuilder;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The way from a dataset to its columns without a public getter: {@link Columns#of(Dataset)} and
 * {@link ColumnsBuilder#of(Dataset.Builder)} return the dataset's and the builder's own instances
 * (no copy), and the hook {@code Dataset} registered cannot be replaced.
 */
class DatasetAccessTest {

  private static final Instant T = Instant.parse("2026-03-02T09:00:00Z");

  @Test
  void theColumnsAreTheDatasetsOwnInstance() {
    Dataset d = Dataset.builder().lead(Lead.of("a", T, "seo")).lead(Lead.of("b", T, "ads")).build();
    Columns c = Columns.of(d);
    assertSame(c, Columns.of(d));
    assertSame(c, DatasetAccess.columns(d));
    assertEquals(2, c.leads().size());
    assertEquals(List.of("a", "b"), List.of(c.leadIds().value(0), c.leadIds().value(1)));
  }

  @Test
  void rowsAppendedToTheBuildersColumnsAreInTheDataset() {
    Dataset.Builder b = Dataset.builder();
    ColumnsBuilder cols = ColumnsBuilder.of(b);
    assertSame(cols, ColumnsBuilder.of(b));
    cols.lead(Lead.of("x", T, "seo"));
    Dataset d = b.table(DatasetTable.LEADS).build();
    assertEquals(List.of(Lead.of("x", T, "seo")), d.leads());
  }

  @Test
  void theHookIsRegisteredOnceAndNullsAreRefused() {
    Dataset.builder(); // Dataset's class initializer has run
    assertThrows(IllegalStateException.class, () -> DatasetAccess.register(new DatasetAccess.Hook() {
      @Override
      public Columns columns(Dataset dataset) {
        return null;
      }

      @Override
      public ColumnsBuilder columns(Dataset.Builder builder) {
        return null;
      }
    }));
    assertThrows(NullPointerException.class, () -> Columns.of(null));
    assertThrows(NullPointerException.class, () -> ColumnsBuilder.of(null));
  }
}
