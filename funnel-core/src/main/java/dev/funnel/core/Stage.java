package dev.funnel.core;

import java.util.Objects;

/**
 * One stage of a {@link StageCatalog}: a named step of the funnel (LEAD, MQL, ..., WON) or an exit
 * (LOST, RETURNED).
 *
 * <p>{@code index} is the position in the funnel order for progression stages (0 = the first stage,
 * every lead is there from its creation) and, for exits, a position after the last progression stage.
 * Two stages are equal when name, index and exit flag are equal; compare stages of one catalog only.
 *
 * @param name  upper-case stage name, as written in the catalog
 * @param index position in the catalog (progression stages first, then exits)
 * @param exit  true for stages that leave the funnel (LOST, RETURNED)
 */
public record Stage(String name, int index, boolean exit) implements Comparable<Stage> {

  public Stage {
    Objects.requireNonNull(name, "stage name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("stage name must not be blank");
    }
    if (index < 0) {
      throw new IllegalArgumentException("stage index must be >= 0, got " + index + " for " + name);
    }
  }

  /** Whether this is a progression stage (not an exit). */
  public boolean progression() {
    return !exit;
  }

  /** Orders by catalog index. */
  @Override
  public int compareTo(Stage other) {
    return Integer.compare(index, other.index);
  }

  @Override
  public String toString() {
    return name;
  }
}
