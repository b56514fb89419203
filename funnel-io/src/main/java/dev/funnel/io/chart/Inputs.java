package dev.funnel.io.chart;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Argument checks for chart inputs, failing with an {@link IllegalArgumentException} that says what. */
final class Inputs {

  private Inputs() {}

  static <T> T required(T value, String what) {
    if (value == null) {
      throw new IllegalArgumentException(what + " must not be null");
    }
    return value;
  }

  /** An unmodifiable copy, refusing a null list or null entries. */
  static <T> List<T> list(List<T> values, String what) {
    required(values, what);
    List<T> copy = new ArrayList<>(values.size());
    for (int i = 0; i < values.size(); i++) {
      copy.add(required(values.get(i), what + "[" + i + "]"));
    }
    return Collections.unmodifiableList(copy);
  }
}
