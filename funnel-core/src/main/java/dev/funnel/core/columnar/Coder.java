package dev.funnel.core.columnar;

import java.util.HashMap;

/**
 * A hash index from value to code of one {@link Dictionary}, for encoding many rows while a
 * {@link Columns} form is built; dropped afterwards so the form keeps only the sorted values.
 */
final class Coder {
  private final Dictionary dictionary;
  private final HashMap<String, Integer> codes;

  Coder(Dictionary dictionary) {
    this.dictionary = dictionary;
    this.codes = new HashMap<>(dictionary.size() * 2);
    for (int c = 0; c < dictionary.size(); c++) {
      codes.put(dictionary.value(c), c);
    }
  }

  /** As {@link Dictionary#code(String)}. */
  int code(String value) {
    if (value == null) {
      return Dictionary.ABSENT;
    }
    Integer c = codes.get(value);
    return c != null ? c : dictionary.code(value);
  }
}
