package dev.funnel.core.columnar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * TextColumn's builder against a list of strings: rows absent or not in any mix (all absent,
 * absent before the first value, values then absent), added as strings or bytes, a second
 * builder joined after the first, and the column laid out in a row order.
 */
class TextColumnTest {

  @Test
  void everyStepEqualsAListOfStrings() {
    Random rnd = new Random(9);
    String[] pool = {"P1", "П2", "", "payment-123456789", "x"};
    for (int c = 0; c < 500; c++) {
      List<String> want = new ArrayList<>();
      TextColumn.Builder b = builder(rnd, pool, want);
      if (rnd.nextBoolean()) {
        List<String> more = new ArrayList<>();
        b.addAll(builder(rnd, pool, more));
        want.addAll(more);
        if (rnd.nextBoolean()) { // rows after the join
          append(rnd, pool, b, want, rnd.nextInt(5));
        }
      }
      for (int i = 0; i < want.size(); i++) {
        assertEquals(want.get(i), b.get(i), "case " + c + " row " + i);
      }
      int[] perm = SampleRows.orderOrNull(rnd, want.size());
      TextColumn col = b.build(perm);
      assertEquals(want.size(), col.size(), "case " + c);
      for (int i = 0; i < want.size(); i++) {
        assertEquals(want.get(perm == null ? i : perm[i]), col.get(i), "case " + c + " row " + i);
      }
    }
  }

  private static TextColumn.Builder builder(Random rnd, String[] pool, List<String> want) {
    TextColumn.Builder b = new TextColumn.Builder();
    if (rnd.nextBoolean()) {
      b.reserve(rnd.nextInt(40));
    }
    append(rnd, pool, b, want, rnd.nextInt(30));
    return b;
  }

  /** Appends n rows: all absent, absent then values, or a random mix. */
  private static void append(Random rnd, String[] pool, TextColumn.Builder b, List<String> want,
      int n) {
    int shape = rnd.nextInt(3);
    int firstValue = rnd.nextInt(n + 1);
    for (int i = 0; i < n; i++) {
      boolean absent = shape == 0 || (shape == 1 && i < firstValue) || (shape == 2 && rnd.nextInt(3) == 0);
      String v = absent ? null : pool[rnd.nextInt(pool.length)];
      want.add(v);
      if (v != null && rnd.nextBoolean()) {
        byte[] bytes = v.getBytes(StandardCharsets.UTF_8);
        b.add(bytes, 0, bytes.length);
      } else {
        b.add(v);
      }
    }
  }
}
