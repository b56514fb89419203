package dev.funnel.cli;

import java.util.Collection;

/**
 * "Did you mean ...?" for a mistyped command or option: the known name closest to the typed one
 * by edit distance ({@link #distance}), when it is at most two
 * edits away and closer than any other.
 */
final class Suggestion {

  private Suggestion() {}

  /** {@code "; did you mean X?"} with the prefix applied to X, or an empty string. */
  static String of(String typed, Collection<String> known, String prefix) {
    String best = null;
    int bestDistance = 3;
    boolean tie = false;
    for (String k : known) {
      int d = distance(typed, k);
      if (d < bestDistance) {
        best = k;
        bestDistance = d;
        tie = false;
      } else if (d == bestDistance) {
        tie = true;
      }
    }
    return best == null || tie ? "" : "; did you mean " + prefix + best + "?";
  }

  /**
   * Optimal-string-alignment distance (Damerau-Levenshtein without repeated edits of a substring):
   * insertions, deletions, substitutions and transpositions of adjacent characters each cost one,
   * so the common typo {@code fromat} is one edit from {@code format}.
   */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1));
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
