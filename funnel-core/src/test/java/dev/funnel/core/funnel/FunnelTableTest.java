package dev.funnel.core.funnel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.core.Dataset;
import dev.funnel.core.Granularity;
import dev.funnel.core.display.TextTable;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class FunnelTableTest {

  @Test
  void tableHasARowPerGroupPeriodAndStage() {
    Dataset d = new RandomCrm(3, 60).dataset(ZoneOffset.UTC, 0);
    FunnelReport r = StageFunnel.compute(d,
        FunnelQuery.event().per(Granularity.WEEK).by(Dimension.CHANNEL));
    int stages = r.stages().size();
    int expected = stages * (1 + r.periods().size() + r.groups().size() * (1 + r.periods().size()));
    assertEquals(expected, r.table().size());
    String first = r.table().render().lines().skip(2).findFirst().orElseThrow();
    assertTrue(first.matches("\\(all\\) +\\(all\\) +LEAD +60 +- +100.0%"), first);
  }

  @Test
  void plusAllEqualsRowByRow() {
    TextTable one = TextTable.of("a", "b").plus("x", 1.5).plus("y", 2L);
    TextTable all = TextTable.of("a", "b").plusAll(List.of(new Object[] {"x", 1.5}, new Object[] {"y", 2L}));
    assertEquals(one.render(), all.render());
  }
}
