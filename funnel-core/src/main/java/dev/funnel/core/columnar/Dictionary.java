package dev.funnel.core.columnar;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.HashSet;

/**
 * Dictionary encoding of one kind of text (channels, campaigns, owners, ...): each distinct string
 * gets an {@code int} code.
 *
 * <p>Codes are assigned in sorted order of the strings ({@link String#compareTo}, i.e. UTF-16 code
 * unit order), so code order is string order and the same values in any row order get the same
 * codes. An absent value (null) has the code {@link #ABSENT}, which sorts before every code, as
 * {@code null} sorts first in the dataset's canonical row order. Immutable and thread-safe.
 */
public final class Dictionary {

  /** The code of an absent value (null text). */
  public static final int ABSENT = -1;

  private final String name;
  private final String[] values;

  private Dictionary(String name, String[] values) {
    this.name = name;
    this.values = values;
  }

  /** The dictionary of the distinct non-null values, coded in sorted order. */
  static Dictionary of(String name, Collection<String> values) {
    HashSet<String> distinct = new HashSet<>();
    for (String v : values) {
      if (v != null) {
        distinct.add(v);
      }
    }
    String[] sorted = distinct.toArray(new String[0]);
    Arrays.sort(sorted);
    return new Dictionary(name, sorted);
  }

  /** A dictionary over values already distinct and in sorted order (not copied). */
  static Dictionary sorted(String name, String[] sortedDistinct) {
    return new Dictionary(name, sortedDistinct);
  }

  /** What the dictionary encodes ({@code channels}, {@code owners}, ...). */
  public String name() {
    return name;
  }

  /** Number of distinct values; codes are {@code 0 .. size()-1}. */
  public int size() {
    return values.length;
  }

  /**
   * The code of a value: {@link #ABSENT} for null.
   *
   * @throws IllegalArgumentException when the value is not in the dictionary
   */
  public int code(String value) {
    if (value == null) {
      return ABSENT;
    }
    int c = find(value);
    if (c < 0) {
      throw new IllegalArgumentException("'" + value + "' is not among the " + size() + " " + name);
    }
    return c;
  }

  /** The code of a value, or {@link #ABSENT} when it is null or not in the dictionary. */
  public int find(String value) {
    if (value == null) {
      return ABSENT;
    }
    int i = Arrays.binarySearch(values, value);
    return i >= 0 ? i : ABSENT;
  }

  /**
   * The value with this code; null for {@link #ABSENT}.
   *
   * @throws IllegalArgumentException for a code outside the dictionary
   */
  public String value(int code) {
    if (code == ABSENT) {
      return null;
    }
    if (code < 0 || code >= values.length) {
      throw new IllegalArgumentException(
          "code " + code + " is outside the " + name + " dictionary (0.." + (values.length - 1) + ")");
    }
    return values[code];
  }

  /** All values in code order. */
  public List<String> values() {
    return List.of(values);
  }

  /**
   * Approximate heap bytes of the strings on a 64-bit JVM with compressed references and compact
   * strings: a 4-byte reference, a 24-byte String object and a 16-byte array header plus one byte
   * per Latin-1 character (two otherwise), each object rounded up to 8 bytes.
   */
  long bytes() {
    long b = ColumnBytes.array(values.length, 4);
    for (String v : values) {
      boolean latin1 = v.chars().allMatch(ch -> ch < 256);
      b += 24 + ColumnBytes.array(v.length(), latin1 ? 1 : 2);
    }
    return b;
  }

  @Override
  public String toString() {
    return "Dictionary[" + name + ", " + values.length + " values]";
  }
}
