package dev.funnel.core.money;

import java.util.Locale;

/** What ROMI's return is measured on; every unit report says which (docs/spec/metrics.md). */
public enum RomiBasis {
  /** Gross profit: revenue x margin. */
  MARGIN,
  /** Revenue, when no margin was given. */
  REVENUE;

  /** Lower-case name, as in JSON. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
