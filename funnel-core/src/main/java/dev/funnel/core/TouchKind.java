package dev.funnel.core;

/** Whether a touch happened online (ads, site visits, email) or offline (webinar, event, call). */
public enum TouchKind {
  ONLINE,
  OFFLINE;

  /**
   * Parses {@code online} or {@code offline} (case-insensitive); empty means online.
   *
   * @throws IllegalArgumentException for any other text
   */
  public static TouchKind parse(String s) {
    if (s == null || s.isBlank()) {
      return ONLINE;
    }
    for (TouchKind k : values()) {
      if (k.name().equalsIgnoreCase(s.trim())) {
        return k;
      }
    }
    throw new IllegalArgumentException("touch kind must be online or offline, got '" + s + "'");
  }

  /** Lower-case name as written in the dataset. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
