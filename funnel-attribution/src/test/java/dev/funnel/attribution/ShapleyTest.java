package dev.funnel.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.core.JourneyPath;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Shapley credit against a brute force over permutations, efficiency and symmetry. */
class ShapleyTest {

  /** v(S) straight from the definition, for the brute force. */
  static double worth(List<JourneyPath> paths, Set<String> s, ShapleyValue f) {
    double conv = 0;
    double all = 0;
    for (JourneyPath p : paths) {
      if (s.containsAll(p.channels())) {
        conv += p.conversions();
        all += p.conversions() + p.nulls();
      }
    }
    if (f == ShapleyValue.SUBSET_CONVERSION_RATE) {
      return all > 0 ? conv / all : 0;
    }
    return conv;
  }

  /** Average marginal contribution over all n! orders, scaled to the total conversions. */
  static double[] bruteForce(List<JourneyPath> paths, List<String> channels, ShapleyValue f) {
    int n = channels.size();
    double[] phi = new double[n];
    int[] perm = new int[n];
    for (int i = 0; i < n; i++) {
      perm[i] = i;
    }
    long count = 0;
    do {
      Set<String> s = new HashSet<>();
      double prev = worth(paths, s, f);
      for (int i = 0; i < n; i++) {
        s.add(channels.get(perm[i]));
        double v = worth(paths, s, f);
        phi[perm[i]] += v - prev;
        prev = v;
      }
      count++;
    } while (nextPermutation(perm));
    double vAll = worth(paths, new HashSet<>(channels), f);
    long total = paths.stream().mapToLong(JourneyPath::conversions).sum();
    for (int i = 0; i < n; i++) {
      phi[i] = phi[i] / count / vAll * total;
    }
    return phi;
  }

  static boolean nextPermutation(int[] a) {
    int i = a.length - 2;
    while (i >= 0 && a[i] >= a[i + 1]) {
      i--;
    }
    if (i < 0) {
      return false;
    }
    int j = a.length - 1;
    while (a[j] <= a[i]) {
      j--;
    }
    int t = a[i];
    a[i] = a[j];
    a[j] = t;
    for (int l = i + 1, r = a.length - 1; l < r; l++, r--) {
      t = a[l];
      a[l] = a[r];
      a[r] = t;
    }
    return true;
  }

  @Test
  void exactEqualsBruteForceOverPermutations() {
    Random rnd = new Random(3);
    for (int trial = 0; trial < 30; trial++) {
      List<JourneyPath> paths = MarkovTest.randomPaths(rnd, 2 + rnd.nextInt(4), 1 + rnd.nextInt(10), 4);
      if (paths.stream().mapToLong(JourneyPath::conversions).sum() == 0) {
        continue;
      }
      JourneySet js = JourneySet.fromPaths(paths);
      for (ShapleyValue f : List.of(ShapleyValue.SUBSET_CONVERSION_RATE, ShapleyValue.SUBSET_CONVERSIONS)) {
        AttributionResult r = Attribution.attribute(js, Model.SHAPLEY,
            AttributionOptions.builder().shapleyValue(f).build());
        double[] expected = bruteForce(paths, js.channels(), f);
        for (int i = 0; i < expected.length; i++) {
          String c = js.channels().get(i);
          assertEquals(expected[i], r.channel(c).orElseThrow().conversions(), 1e-9, f + " " + c);
        }
        assertEquals(js.conversions(), r.creditedConversions(), 1e-9);
        assertEquals(js.value().doubleValue(), r.creditedValue(), 1e-9 * Math.max(1, js.value().doubleValue()));
      }
    }
  }

  @Test
  void simplifiedPerJourneyEqualsExactSubsetConversions() {
    Random rnd = new Random(5);
    List<JourneyPath> paths = MarkovTest.randomPaths(rnd, 6, 40, 5);
    JourneySet js = JourneySet.fromPaths(paths);
    AttributionResult exact = Attribution.attribute(js, Model.SHAPLEY,
        AttributionOptions.builder().shapleyValue(ShapleyValue.SUBSET_CONVERSIONS).build());
    AttributionResult simple = Attribution.attribute(js, Model.SHAPLEY,
        AttributionOptions.builder().shapleyValue(ShapleyValue.PER_JOURNEY).build());
    for (String c : js.channels()) {
      assertEquals(exact.channel(c).orElseThrow().conversions(),
          simple.channel(c).orElseThrow().conversions(), 1e-9, c);
    }
  }

  @Test
  void symmetricChannelsGetEqualCredit() {
    // a and b play identical roles: {a} and {b} convert alike, {a, b} and {c} as well.
    List<JourneyPath> paths = List.of(
        MarkovTest.path("a", 3, "30", 7), MarkovTest.path("b", 3, "30", 7),
        MarkovTest.path("a > b", 5, "50", 5), MarkovTest.path("b > a", 1, "10", 2),
        MarkovTest.path("a > b > a", 1, "10", 0), MarkovTest.path("c", 2, "20", 8));
    // channel sets: {a}: 3/10, {b}: 3/10, {a,b}: 7/13, {c}: 2/10 -> a and b symmetric
    for (ShapleyValue f : ShapleyValue.values()) {
      AttributionResult r = Attribution.attribute(JourneySet.fromPaths(paths), Model.SHAPLEY,
          AttributionOptions.builder().shapleyValue(f).build());
      assertEquals(r.channel("a").orElseThrow().conversions(), r.channel("b").orElseThrow().conversions(), 1e-12);
      assertEquals(15.0, r.creditedConversions(), 1e-12);
    }
    // the default by hand: {a} 3 and {b} 3 to themselves, {a, b} 7 split in half, {c} 2 to c
    AttributionResult d = Attribution.attribute(JourneySet.fromPaths(paths), Model.SHAPLEY);
    assertEquals(6.5, d.channel("a").orElseThrow().conversions(), 1e-12);
    assertEquals(2.0, d.channel("c").orElseThrow().conversions(), 1e-12);
  }

  @Test
  void samplingEstimateIsCloseToExactWithItsStandardError() {
    Random rnd = new Random(11);
    List<JourneyPath> paths = MarkovTest.randomPaths(rnd, 7, 60, 4);
    JourneySet js = JourneySet.fromPaths(paths);
    for (ShapleyValue f : List.of(ShapleyValue.SUBSET_CONVERSIONS, ShapleyValue.SUBSET_CONVERSION_RATE)) {
      AttributionResult exact = Attribution.attribute(js, Model.SHAPLEY,
          AttributionOptions.builder().shapleyValue(f).build());
      AttributionOptions sampled = AttributionOptions.builder().shapleyValue(f).shapleyExactLimit(3)
          .shapleyPermutations(4000).seed(99).build();
      AttributionResult est = Attribution.attribute(js, Model.SHAPLEY, sampled);
      assertEquals(js.conversions(), est.creditedConversions(), 1e-9);
      for (String c : js.channels()) {
        ChannelCredit e = est.channel(c).orElseThrow();
        double x = exact.channel(c).orElseThrow().conversions();
        assertTrue(e.standardError() > 0, c);
        assertTrue(Math.abs(e.conversions() - x) <= 5 * e.standardError(),
            f + " " + c + ": estimate " + e.conversions() + " exact " + x + " se " + e.standardError());
        assertTrue(Double.isNaN(exact.channel(c).orElseThrow().standardError()));
      }
      assertEquals(est, Attribution.attribute(js, Model.SHAPLEY, sampled), "same seed, same estimate");
    }
  }

  @Test
  void manyChannelsAreSampled() {
    List<JourneyPath> paths = new ArrayList<>();
    Random rnd = new Random(1);
    paths.addAll(MarkovTest.randomPaths(rnd, 20, 200, 5));
    JourneySet js = JourneySet.fromPaths(paths);
    assertEquals(20, js.channels().size());
    AttributionResult r = Attribution.attribute(js, Model.SHAPLEY,
        AttributionOptions.builder().shapleyPermutations(200).build());
    assertEquals(js.conversions(), r.creditedConversions(), 1e-9);
    assertTrue(r.channels().stream().allMatch(c -> c.standardError() >= 0));
    assertEquals(js.value().doubleValue(), r.creditedValue(), 1e-9 * js.value().doubleValue());
    assertTrue(r.toString().contains("std_error"));
  }
}
