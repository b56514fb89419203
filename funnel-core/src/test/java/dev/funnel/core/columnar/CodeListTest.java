package dev.funnel.core.columnar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * CodeList (codes one, two or four bytes wide, widened as codes grow) against a plain list of
 * ints: appends, joins of another list through a code table, the mapping to final codes, and the
 * layout in a row order, with absent codes, columns of absent codes only, and codes that need a
 * wider column only after a join or the mapping.
 */
class CodeListTest {

  /** Sorted distinct texts, enough for the largest dictionary of the test. */
  private static final String[] VALUES = new String[200_000];

  static {
    for (int k = 0; k < VALUES.length; k++) {
      VALUES[k] = "v" + (1_000_000 + k); // same length: string order is number order
    }
  }

  @Test
  void everyStepEqualsAPlainListOfInts() {
    Random rnd = new Random(3);
    for (int c = 0; c < 600; c++) {
      int[] bounds = {2, 100, 300, 40_000, 70_000};
      int bound = bounds[rnd.nextInt(bounds.length)];
      List<Integer> want = new ArrayList<>();
      CodeList list = new CodeList();
      fill(rnd, list, want, bound);
      if (rnd.nextBoolean()) { // a part joined through a table of its codes to this list's
        CodeList part = new CodeList();
        List<Integer> partCodes = new ArrayList<>();
        int partBound = bounds[rnd.nextInt(bounds.length)];
        fill(rnd, part, partCodes, partBound);
        int[] table = null;
        if (rnd.nextBoolean()) {
          table = new int[partBound];
          for (int k = 0; k < partBound; k++) {
            table[k] = rnd.nextInt(bounds[rnd.nextInt(bounds.length)]);
          }
        }
        list.addAll(part, table);
        for (int x : partCodes) {
          want.add(x < 0 || table == null ? x : table[x]);
        }
      }
      int most = -1;
      for (int x : want) {
        most = Math.max(most, x);
      }
      if (rnd.nextBoolean()) { // provisional to final codes through a dictionary
        int size = Math.max(most + 1, 1) + rnd.nextInt(3) * 40_000;
        int[] remap = SampleRows.shuffled(rnd, size);
        String[] values = java.util.Arrays.copyOf(VALUES, size);
        list.map(new Interner.Coded(Dictionary.sorted("x", values), remap));
        want.replaceAll(x -> x < 0 ? x : remap[x]);
        most = size - 1;
      }
      assertEquals(want.size(), list.size(), "case " + c);
      for (int i = 0; i < want.size(); i++) {
        assertEquals((int) want.get(i), list.get(i), "case " + c + " row " + i);
      }
      int[] perm = SampleRows.orderOrNull(rnd, want.size());
      Codes laid = list.take(perm, Math.max(most + 1, 1));
      for (int i = 0; i < want.size(); i++) {
        assertEquals((int) want.get(perm == null ? i : perm[i]), laid.get(i), "case " + c);
      }
    }
  }

  /** Appends random codes below {@code bound}, some absent; sometimes every one absent. */
  private static void fill(Random rnd, CodeList list, List<Integer> want, int bound) {
    boolean allAbsent = rnd.nextInt(5) == 0;
    for (int i = rnd.nextInt(40); i > 0; i--) {
      int x = allAbsent || rnd.nextInt(4) == 0 ? Dictionary.ABSENT : rnd.nextInt(bound);
      list.add(x);
      want.add(x);
    }
  }
}
