package dev.funnel.core.columnar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The interner's dictionary is the sorted set of distinct texts (String order), whatever route
 * coded them (bytes or strings) and whatever characters they hold; codes are found again.
 */
class InternerTest {

  private static final String[] PIECES = {"L", "0", "1", "9", "a", "z", "-", "\u0000", "é", "я",
      "\u4e2d", "\ue000", "\uffff", "\ud83d\ude00", "\ud800", "L0000001", "customer-"};

  private static String randomText(Random rnd) {
    StringBuilder b = new StringBuilder();
    for (int k = rnd.nextInt(5); k >= 0; k--) {
      b.append(PIECES[rnd.nextInt(PIECES.length)]);
    }
    return b.toString();
  }

  @Test
  void finishedDictionaryIsTheSortedDistinctTexts() {
    Random rnd = new Random(11);
    for (int round = 0; round < 300; round++) {
      Interner in = new Interner();
      boolean asciiOnly = round % 2 == 0;
      List<String> texts = new ArrayList<>();
      List<Integer> codes = new ArrayList<>();
      for (int i = rnd.nextInt(200); i >= 0; i--) {
        String t = asciiOnly ? "L" + (1_000_000 + rnd.nextInt(400)) + (rnd.nextBoolean() ? "" : "x")
            : randomText(rnd);
        int c;
        if (rnd.nextBoolean()) {
          c = in.code(t);
        } else {
          byte[] b = ("##" + t).getBytes(StandardCharsets.UTF_8);
          c = in.code(b, 2, b.length - 2);
        }
        texts.add(t);
        codes.add(c);
      }
      List<String> provisional = new ArrayList<>();
      for (int i = 0; i < texts.size(); i++) {
        provisional.add(in.value(codes.get(i)));
      }
      Interner.Coded coded = in.finish("t");
      // a lone surrogate encodes as '?': the text it stands for is what a string of it reads as
      TreeSet<String> expected = new TreeSet<>();
      for (String p : provisional) {
        expected.add(p);
      }
      List<String> dict = new ArrayList<>();
      for (int c = 0; c < coded.dictionary.size(); c++) {
        dict.add(coded.dictionary.value(c));
      }
      assertEquals(new ArrayList<>(expected), dict, "round " + round);
      for (int i = 0; i < texts.size(); i++) {
        assertEquals(provisional.get(i), coded.dictionary.value(coded.map(codes.get(i))));
      }
    }
  }
}
