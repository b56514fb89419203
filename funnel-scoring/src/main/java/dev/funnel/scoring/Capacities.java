package dev.funnel.scoring;

import dev.funnel.core.DatasetTable;
import dev.funnel.core.columnar.ActivityColumns;
import dev.funnel.core.columnar.Dictionary;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Owners' capacities for the worklist ({@link Capacity}): each owner's pace measured from the
 * activities of the window before the instant, and the capacity each owner on the worklist gets.
 * Counts only, so the result does not depend on the order of the rows.
 */
final class Capacities {

  private Capacities() {}

  /** An owner's activities in the window and the days they fall on. */
  record Measured(int activities, int activeDays) {

    /** Activities per active day, rounded to the nearest whole number, at least 1. */
    int capacity() {
      return (int) Math.max(1, Math.round((double) activities / activeDays));
    }
  }

  /**
   * Every owner's activities in {@code (asOf - window, asOf]} and the distinct days (in the
   * dataset zone) they fall on; owners by name, sorted. Empty without an activities table.
   */
  static Map<String, Measured> measure(Timeline tl, ScoreQuery q) {
    Map<String, Measured> out = new TreeMap<>();
    if (!tl.dataset.has(DatasetTable.ACTIVITIES)) {
      return out;
    }
    Instant asOf = q.asOf();
    Instant start = asOf.minus(q.capacity().window());
    long endMs = Timeline.millis(asOf);
    int endSub = Timeline.sub(asOf);
    long startMs = Timeline.millis(start);
    int startSub = Timeline.sub(start);
    ZoneId zone = tl.dataset.zone();
    ActivityColumns a = tl.activities;
    Map<Integer, int[]> counts = new HashMap<>();
    Map<Integer, Set<LocalDate>> days = new HashMap<>();
    for (int r = 0; r < a.size(); r++) {
      int owner = a.owner(r);
      if (owner == Dictionary.ABSENT || !Timeline.atOrBefore(a, r, endMs, endSub)
          || Timeline.atOrBefore(a, r, startMs, startSub)) {
        continue;
      }
      counts.computeIfAbsent(owner, k -> new int[1])[0]++;
      days.computeIfAbsent(owner, k -> new HashSet<>())
          .add(LocalDate.ofInstant(Instant.ofEpochMilli(a.at(r)), zone));
    }
    for (Map.Entry<Integer, int[]> e : counts.entrySet()) {
      out.put(tl.cols.owners().value(e.getKey()),
          new Measured(e.getValue()[0], days.get(e.getKey()).size()));
    }
    return out;
  }

  /**
   * The capacity of every owner of the (owner-sorted) items: a leads-without-owner row for
   * {@code (none)}, then named, given for all, measured, the measured owners' median, or unknown;
   * notes how. The counts of the returned records are left 0 (filled by the caller).
   */
  static Map<String, OwnerCapacity> resolve(List<WorkItem> items, Capacity c,
      Map<String, Measured> measured, List<String> notes) {
    Set<String> owners = new TreeSet<>();
    for (WorkItem w : items) {
      owners.add(w.owner());
    }
    List<Integer> paces = new ArrayList<>();
    for (Measured m : measured.values()) {
      paces.add(m.capacity());
    }
    int median = median(paces);
    Map<String, OwnerCapacity> out = new HashMap<>();
    boolean usedMedian = false;
    boolean unknown = false;
    for (String owner : owners) {
      Measured m = measured.get(owner);
      int acts = m == null ? 0 : m.activities();
      int days = m == null ? 0 : m.activeDays();
      OwnerCapacity.Source source;
      int cap;
      if (owner.equals(FeatureRef.NONE)) {
        source = OwnerCapacity.Source.NO_OWNER;
        cap = 0;
      } else if (c.byOwner().containsKey(owner)) {
        source = OwnerCapacity.Source.NAMED;
        cap = c.byOwner().get(owner);
      } else if (c.perDay() > 0) {
        source = OwnerCapacity.Source.GIVEN;
        cap = c.perDay();
      } else if (m != null) {
        source = OwnerCapacity.Source.DATA;
        cap = m.capacity();
      } else if (median > 0) {
        source = OwnerCapacity.Source.OWNERS_MEDIAN;
        cap = median;
        usedMedian = true;
      } else {
        source = OwnerCapacity.Source.UNKNOWN;
        cap = 0;
        unknown = true;
      }
      out.put(owner, new OwnerCapacity(owner, cap, source, acts, days, 0, 0, 0, 0, Double.NaN,
          Double.NaN));
    }
    StringBuilder note = new StringBuilder("capacity: ");
    if (c.perDay() > 0) {
      note.append(c.perDay()).append(" actions a day for every owner");
    } else {
      note.append(String.format(Locale.ROOT, "each owner's activities per active day in the %d"
          + " days to the instant, rounded", c.window().toDays()));
      if (usedMedian) {
        note.append("; owners without an activity there: the measured owners' median, ")
            .append(median);
      }
    }
    if (!c.byOwner().isEmpty()) {
      note.append("; given for ").append(c.byOwner().size()).append(" owners");
    }
    note.append("; the day's capacity goes to the owner's items in rank order, the rest is"
        + " overflow; nurture is marketing's and takes none");
    notes.add(note.toString());
    if (unknown) {
      notes.add("capacity unknown (no owner has an activity in the " + c.window().toDays()
          + " days to the instant): not applied, every owner action assigned; give one");
    }
    if (owners.contains(FeatureRef.NONE)) {
      notes.add("leads without an owner are nobody's capacity: their actions overflow until"
          + " someone owns them");
    }
    Set<String> idle = new TreeSet<>(c.byOwner().keySet());
    idle.removeAll(owners);
    if (!idle.isEmpty()) {
      notes.add("capacity given for owners without open items: " + String.join(", ", idle));
    }
    return out;
  }

  /** The median of whole numbers, rounded half up; 0 when empty. */
  static int median(List<Integer> xs) {
    if (xs.isEmpty()) {
      return 0;
    }
    List<Integer> s = new ArrayList<>(xs);
    s.sort(null);
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (int) Math.round((s.get(n / 2 - 1) + s.get(n / 2)) / 2.0);
  }
}
