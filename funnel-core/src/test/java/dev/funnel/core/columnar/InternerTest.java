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

  /**
   * Keys that arrive in order (an export sorted by id) are coded without a hash table, and the
   * codes agree with a plain map whatever comes next: lookups near and far, keys out of order,
   * snapshots and absorbed parts, finds.
   */
  @Test
  void keysInOrderAndOutOfOrderGetTheCodesOfAMap() {
    Random rnd = new Random(5);
    for (int round = 0; round < 200; round++) {
      Interner in = new Interner();
      if (rnd.nextBoolean()) {
        in.reserve(rnd.nextInt(3000));
      }
      java.util.Map<String, Integer> oracle = new java.util.HashMap<>();
      int n = 1 + rnd.nextInt(2000);
      List<String> sorted = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        sorted.add(String.format("L%07d", i * (1 + rnd.nextInt(3))));
      }
      List<String> distinct = new ArrayList<>(new TreeSet<>(sorted));
      int phase = rnd.nextInt(3);
      for (int i = 0; i < distinct.size(); i++) {
        check(in, oracle, distinct.get(i));
        if (phase == 1 && rnd.nextInt(50) == 0) { // a look back now and then
          check(in, oracle, distinct.get(rnd.nextInt(i + 1)));
        }
      }
      Interner part = in.snapshot();
      java.util.Map<String, Integer> partOracle = new java.util.HashMap<>(oracle);
      List<String> later = new ArrayList<>();
      for (int i = 0; i < 1 + rnd.nextInt(300); i++) {
        String k = phase == 2 ? String.format("L%07d", n * 3 + i)
            : rnd.nextBoolean() ? distinct.get(rnd.nextInt(distinct.size()))
            : String.format("L%07d", rnd.nextInt(n * 4)) + (rnd.nextInt(9) == 0 ? "x" : "");
        later.add(k);
        check(part, partOracle, k);
      }
      // then lookups anywhere, in order or not: past 1,024 far ones the hash table answers
      for (int i = 0, m = round % 4 == 0 ? 3000 : 300; i < m; i++) {
        int at = rnd.nextInt(distinct.size());
        check(in, oracle, rnd.nextBoolean() ? distinct.get(at)
            : String.format("L%07d", rnd.nextInt(n * 4)));
      }
      for (String k : later) {
        int f = in.find(part, part.find(k));
        assertEquals(oracle.getOrDefault(k, Dictionary.ABSENT), f, k);
        assertEquals(oracle.getOrDefault(k, Dictionary.ABSENT), in.find(k), k);
      }
      int[] map = in.absorb(part);
      for (String k : later) {
        assertEquals(in.find(k), map[part.find(k)], k);
        assertEquals(k, in.value(in.find(k)));
      }
      Interner.Coded coded = in.finish("t");
      TreeSet<String> all = new TreeSet<>(oracle.keySet());
      all.addAll(later);
      List<String> dict = new ArrayList<>();
      for (int c = 0; c < coded.dictionary.size(); c++) {
        dict.add(coded.dictionary.value(c));
      }
      assertEquals(new ArrayList<>(all), dict, "round " + round);
    }
  }

  private static void check(Interner in, java.util.Map<String, Integer> oracle, String k) {
    byte[] b = ("," + k + ",").getBytes(StandardCharsets.UTF_8);
    int c = in.code(b, 1, b.length - 2);
    Integer before = oracle.putIfAbsent(k, c);
    if (before != null) {
      assertEquals(before.intValue(), c, k);
    }
    assertEquals(k, in.value(c));
  }
}
