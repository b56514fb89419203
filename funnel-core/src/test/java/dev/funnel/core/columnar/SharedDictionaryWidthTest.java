package dev.funnel.core.columnar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.funnel.core.Dataset;
import dev.funnel.core.Lead;
import dev.funnel.core.Touch;
import dev.funnel.core.TouchKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A code column whose own texts came early (small provisional codes, one byte each) while the
 * dictionary it shares grew past a byte: once the dictionary is sorted, its texts' codes need
 * more than a byte, and must not wrap (a regression: touch campaigns read back as other campaigns
 * or failed with a negative code).
 */
class SharedDictionaryWidthTest {

  @Test
  void codesThatOutgrowTheirColumnsWidthAtTheSortAreKept() {
    Dataset.Builder b = Dataset.builder();
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    List<Touch> touches = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      // "z..." campaigns arrive first (provisional codes 0-99) but sort after "a..." (100-199)
      String campaign = (i < 100 ? "z" : "a") + String.format("%03d", i % 100);
      b.lead(new Lead("L" + i, t0.plusSeconds(i), "seo", campaign, null, null, null, Map.of()));
      if (i >= 50 && i < 100) {
        Touch t = new Touch("L" + i, t0.plusSeconds(i), "seo", campaign, TouchKind.ONLINE, null);
        touches.add(t);
        b.touch(t);
      }
    }
    Dataset d = b.build();
    assertEquals(touches, d.touches());
    assertEquals("z099", d.lead("L99").campaign());
  }
}
