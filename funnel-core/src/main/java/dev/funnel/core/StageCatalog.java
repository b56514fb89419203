package dev.funnel.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The ordered list of funnel stages plus the exit stages, shared by marketing and sales.
 *
 * <p>The default catalog ({@link #DEFAULT}) is the one of {@code docs/spec/dataset.md}:
 * {@code LEAD -> MQL -> SQL -> SAL -> OPPORTUNITY -> PROPOSAL -> NEGOTIATION -> WON}, with the exits
 * {@code LOST} and {@code RETURNED}. A company may define its own with {@link #of(List, List)}.
 *
 * <p>Convention (docs/spec/dataset.md): a lead that enters a later progression stage has passed every
 * earlier one, even when the CRM skipped them. The first progression stage is where every lead is
 * from its {@code created_at}; the last one is the won stage. Names are matched case-insensitively
 * and stored upper-case. Immutable and thread-safe.
 */
public final class StageCatalog {

  /** The default catalog of docs/spec/dataset.md. */
  public static final StageCatalog DEFAULT =
      of(
          List.of("LEAD", "MQL", "SQL", "SAL", "OPPORTUNITY", "PROPOSAL", "NEGOTIATION", "WON"),
          List.of("LOST", "RETURNED"));

  private final List<Stage> progression;
  private final List<Stage> exits;
  private final List<Stage> all;
  private final Map<String, Stage> byName;

  private StageCatalog(List<Stage> progression, List<Stage> exits) {
    this.progression = progression;
    this.exits = exits;
    List<Stage> a = new ArrayList<>(progression);
    a.addAll(exits);
    this.all = Collections.unmodifiableList(a);
    Map<String, Stage> m = new LinkedHashMap<>();
    for (Stage s : all) {
      m.put(s.name(), s);
    }
    this.byName = Collections.unmodifiableMap(m);
  }

  /**
   * A custom catalog.
   *
   * @param ordered progression stages in funnel order; at least two (a first stage and a won stage)
   * @param exits   exit stages (may be empty)
   * @throws IllegalArgumentException on blank or duplicate names (case-insensitive)
   */
  public static StageCatalog of(List<String> ordered, List<String> exits) {
    if (ordered == null || ordered.size() < 2) {
      throw new IllegalArgumentException(
          "a stage catalog needs at least two ordered stages (first and won), got " + ordered);
    }
    List<Stage> p = new ArrayList<>();
    List<Stage> e = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    int i = 0;
    for (String n : ordered) {
      p.add(new Stage(normalise(n, seen), i++, false));
    }
    for (String n : exits == null ? List.<String>of() : exits) {
      e.add(new Stage(normalise(n, seen), i++, true));
    }
    return new StageCatalog(List.copyOf(p), List.copyOf(e));
  }

  private static String normalise(String n, java.util.Set<String> seen) {
    if (n == null || n.isBlank()) {
      throw new IllegalArgumentException("stage names must not be blank");
    }
    String u = n.trim().toUpperCase(Locale.ROOT);
    if (!seen.add(u)) {
      throw new IllegalArgumentException("duplicate stage name in catalog: " + u);
    }
    return u;
  }

  /** Progression stages in funnel order. */
  public List<Stage> progression() {
    return progression;
  }

  /** Exit stages (LOST, RETURNED in the default catalog). */
  public List<Stage> exits() {
    return exits;
  }

  /** All stages: progression first, then exits; {@code all().get(s.index()) == s}. */
  public List<Stage> all() {
    return all;
  }

  /** Number of stages, progression and exits. */
  public int size() {
    return all.size();
  }

  /** The first stage (every lead is there from its creation). */
  public Stage first() {
    return progression.get(0);
  }

  /** The last progression stage: the won stage. */
  public Stage won() {
    return progression.get(progression.size() - 1);
  }

  /** The stage with this name (case-insensitive, surrounding blanks ignored). */
  public Optional<Stage> find(String name) {
    if (name == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(byName.get(name.trim().toUpperCase(Locale.ROOT)));
  }

  /**
   * The stage with this name.
   *
   * @throws IllegalArgumentException naming the known stages when there is none
   */
  public Stage stage(String name) {
    return find(name)
        .orElseThrow(
            () -> new IllegalArgumentException(
                "unknown stage '" + name + "'; the catalog has " + byName.keySet()));
  }

  /** The stage at this catalog index. */
  public Stage get(int index) {
    return all.get(index);
  }

  /** The exit stage named LOST if the catalog has one. */
  public Optional<Stage> lost() {
    return find("LOST");
  }

  /** The exit stage named RETURNED if the catalog has one. */
  public Optional<Stage> returned() {
    return find("RETURNED");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StageCatalog c && c.all.equals(all);
  }

  @Override
  public int hashCode() {
    return all.hashCode();
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    for (Stage s : progression) {
      if (b.length() > 0) {
        b.append(" -> ");
      }
      b.append(s.name());
    }
    if (!exits.isEmpty()) {
      b.append("; exits ");
      for (int i = 0; i < exits.size(); i++) {
        b.append(i == 0 ? "" : ", ").append(exits.get(i).name());
      }
    }
    return "StageCatalog[" + b + "]";
  }
}
