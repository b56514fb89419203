package dev.funnel.io.html;

import dev.funnel.io.chart.Svg;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/** Argument checks and text escaping for the page builder. */
final class Texts {

  /** A cell that reads as a number (formatted or not) is right-aligned. */
  private static final Pattern NUMERIC =
      Pattern.compile("[-+\u2212]?[0-9][0-9,. \u00a0]*(%|[kMB])?|[-+\u2212]?[.][0-9]+%?|n/a|-");

  private Texts() {}

  static <T> T required(T value, String what) {
    if (value == null) {
      throw new IllegalArgumentException(what + " must not be null");
    }
    return value;
  }

  static <T> List<T> list(List<T> values, String what) {
    required(values, what);
    List<T> copy = new ArrayList<>(values.size());
    for (int i = 0; i < values.size(); i++) {
      copy.add(required(values.get(i), what + "[" + i + "]"));
    }
    return Collections.unmodifiableList(copy);
  }

  /** Escaped for element content and attribute values. */
  static String esc(String s) {
    return Svg.escape(s);
  }

  static boolean numeric(String cell) {
    return NUMERIC.matcher(cell.trim()).matches();
  }
}
