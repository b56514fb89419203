package dev.funnel.scoring;

import java.util.Locale;

/**
 * Where a worklist item falls against its owner's capacity ({@link Capacity}): among the
 * day's actions, in the overflow beyond them, or not the owner's work at all.
 */
public enum Assignment {
  /** Within the owner's capacity for the day: among the highest-ranked owner actions. */
  ASSIGNED,
  /** An owner action beyond the day's capacity: listed, to be reassigned or done later. */
  OVERFLOW,
  /** Marketing's step ({@link NextStepRule#NURTURE}): takes none of the owner's capacity. */
  MARKETING;

  /** Lower-case name, as printed. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
