package dev.funnel.core;

import java.util.Locale;

/** The tables of the canonical dataset layout (docs/spec/dataset.md), each one file in a directory. */
public enum DatasetTable {
  LEADS,
  STAGES,
  ACTIVITIES,
  TOUCHES,
  PAYMENTS,
  SPEND,
  PLAN,
  PATHS;

  /** The table's file base name ({@code leads}, {@code stages}, ...). */
  public String fileName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The table with this file base name (case-insensitive).
   *
   * @throws IllegalArgumentException naming the known tables
   */
  public static DatasetTable parse(String name) {
    for (DatasetTable t : values()) {
      if (t.fileName().equalsIgnoreCase(name == null ? "" : name.trim())) {
        return t;
      }
    }
    throw new IllegalArgumentException(
        "unknown table '" + name + "'; expected one of leads, stages, activities, touches,"
            + " payments, spend, plan, paths");
  }
}
