package dev.funnel.core.funnel;

import java.util.ArrayList;
import java.util.List;

/** Stage rows from raw counts and conversion between two stages of such rows. */
final class Conversions {
  private Conversions() {}

  static double ratio(long num, long den) {
    return den == 0 ? Double.NaN : (double) num / den;
  }

  static List<StageCount> rows(List<String> names, long[] counts) {
    List<StageCount> out = new ArrayList<>(counts.length);
    for (int k = 0; k < counts.length; k++) {
      out.add(new StageCount(
          names.get(k), counts[k], k == 0 ? Double.NaN : ratio(counts[k], counts[k - 1]),
          ratio(counts[k], counts[0])));
    }
    return List.copyOf(out);
  }

  /** count(to) / count(from), NaN when count(from) is 0; names are case-insensitive. */
  static double between(List<StageCount> rows, String from, String to) {
    return ratio(find(rows, to).count(), find(rows, from).count());
  }

  static StageCount find(List<StageCount> rows, String name) {
    for (StageCount s : rows) {
      if (s.stage().equalsIgnoreCase(name == null ? "" : name.trim())) {
        return s;
      }
    }
    List<String> names = new ArrayList<>();
    rows.forEach(r -> names.add(r.stage()));
    throw new IllegalArgumentException("unknown stage '" + name + "'; the funnel has " + names);
  }
}
