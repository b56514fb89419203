package dev.funnel.cli;

import java.util.Locale;

/**
 * What {@code --format} can ask for. Each command declares the formats it supports; asking for
 * another is a usage error. {@link #CSV} and {@link #NDJSON} are also the file formats of a
 * dataset ({@code funnel demo --format ndjson}).
 */
enum Format {
  TEXT,
  JSON,
  CSV,
  NDJSON,
  SVG,
  HTML;

  /** The name as typed on the command line. */
  String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The format with this name (case-insensitive), or null. */
  static Format find(String name) {
    for (Format f : values()) {
      if (f.label().equalsIgnoreCase(name)) {
        return f;
      }
    }
    return null;
  }
}
