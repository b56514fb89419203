package dev.funnel.attribution;

import java.util.Locale;

/**
 * The attribution models, with the names the command line uses (docs/spec/cli.md, attribution).
 *
 * <p>Rule-based models give each converting journey's conversion (and value) to its touches by a
 * fixed rule; {@link #MARKOV} and {@link #SHAPLEY} are data-driven and also use the journeys that
 * did not convert. {@link #W_SHAPED} needs per-touch markers and {@link #TIME_DECAY} needs touch
 * times, so both need journeys built from touches, not the {@code paths} table.
 */
public enum Model {
  /** All credit to the first touch. */
  FIRST("first"),
  /** All credit to the last touch. */
  LAST("last"),
  /** All credit to the last touch that is not direct; all-direct journeys credit direct. */
  LAST_NON_DIRECT("last-non-direct"),
  /** Equal credit per touch (or per distinct channel, as an option). */
  LINEAR("linear"),
  /** U-shape: 40% first, 40% last, 20% over the middle touches by default. */
  POSITION("position"),
  /** 30% each to first, lead-creation and opportunity-creation touches, 10% over the rest. */
  W_SHAPED("w-shaped"),
  /** Weight 2^(-days before conversion / half-life), normalised per journey. */
  TIME_DECAY("time-decay"),
  /** User-supplied weights by position from the first touch, normalised per journey. */
  CUSTOM("custom"),
  /** Removal effects of an absorbing Markov chain of order k, solved exactly. */
  MARKOV("markov"),
  /** Shapley value over channel coalitions. */
  SHAPLEY("shapley");

  private final String label;

  Model(String label) {
    this.label = label;
  }

  /** The command-line name ({@code last-non-direct}, {@code time-decay}, ...). */
  public String label() {
    return label;
  }

  /** Whether the model is a fixed per-journey rule (everything but Markov and Shapley). */
  public boolean ruleBased() {
    return this != MARKOV && this != SHAPLEY;
  }

  /**
   * The model with this command-line name or enum name (case-insensitive; {@code _} and {@code -}
   * are interchangeable).
   *
   * @throws IllegalArgumentException naming the known models
   */
  public static Model parse(String name) {
    if (name != null) {
      String n = name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
      for (Model m : values()) {
        if (m.label.equals(n)) {
          return m;
        }
      }
    }
    StringBuilder known = new StringBuilder();
    for (Model m : values()) {
      known.append(known.length() == 0 ? "" : ", ").append(m.label);
    }
    throw new IllegalArgumentException("unknown attribution model '" + name + "'; known: " + known);
  }

  @Override
  public String toString() {
    return label;
  }
}
