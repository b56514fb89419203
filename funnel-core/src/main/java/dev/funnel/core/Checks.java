package dev.funnel.core;

import java.util.Objects;

/** Argument checks shared by the domain records; messages name the record and the field. */
final class Checks {
  private Checks() {}

  static String id(String value, String what) {
    Objects.requireNonNull(value, what + " is required");
    String t = value.trim();
    if (t.isEmpty()) {
      throw new IllegalArgumentException(what + " must not be blank");
    }
    return t;
  }

  /** Blank text becomes null (absent), other text is trimmed. */
  static String optional(String value) {
    if (value == null) {
      return null;
    }
    String t = value.trim();
    return t.isEmpty() ? null : t;
  }

  static <T> T required(T value, String what) {
    return Objects.requireNonNull(value, what + " is required");
  }
}
