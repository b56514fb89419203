package dev.funnel.core.plan;

import java.util.Locale;

/** The alert level of a plan-vs-actual row (JSON {@code ok|warning|alert}). */
public enum Status {
  OK,
  WARNING,
  ALERT;

  /** Lower-case name, as in JSON. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
