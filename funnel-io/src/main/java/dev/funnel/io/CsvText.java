package dev.funnel.io;

/**
 * The spreadsheet-formula guard of CSV output (OWASP, "CSV Injection"): a text cell that a
 * spreadsheet would run as a formula, one starting with {@code =}, {@code +}, {@code -} or
 * {@code @}, is written with a leading {@code '}.
 *
 * <p>So that reading gives back exactly what was written, the guard is applied to every text whose
 * leading run of {@code '} is followed by one of those four characters ({@code '=x} is written
 * {@code ''=x}), and reading removes one {@code '} from exactly such texts. Texts like {@code 'x}
 * or {@code '} are written and read unchanged. Numeric and time columns are never guarded.
 */
final class CsvText {
  private CsvText() {}

  private static boolean formulaStart(char c) {
    return c == '=' || c == '+' || c == '-' || c == '@';
  }

  /** Whether the text, after its leading quotes, starts like a formula. */
  private static boolean needsGuard(String s) {
    int i = 0;
    while (i < s.length() && s.charAt(i) == '\'') {
      i++;
    }
    return i < s.length() && formulaStart(s.charAt(i));
  }

  /** The text as written to CSV. */
  static String guard(String s) {
    return s.isEmpty() || !needsGuard(s) ? s : "'" + s;
  }

  /** The text as read from CSV: one guard quote removed when present. */
  static String unguard(String s) {
    return s.length() > 1 && s.charAt(0) == '\'' && needsGuard(s) ? s.substring(1) : s;
  }
}
