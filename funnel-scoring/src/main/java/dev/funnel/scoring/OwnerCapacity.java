package dev.funnel.scoring;

import java.util.Locale;

/**
 * One owner's worklist against the owner's capacity ({@link Capacity}, {@link Worklist}).
 *
 * @param owner         the owner ({@code (none)} for leads nobody owns)
 * @param capacity      actions a day the owner takes on (0 when unknown: not applied, every
 *                      owner action assigned; and for {@code (none)}: nobody's capacity, every
 *                      owner action overflows)
 * @param source        where the capacity comes from
 * @param activities    the owner's activities in the measuring window (0 when not measured)
 * @param activeDays    days of the window with at least one of them
 * @param items         the owner's worklist items
 * @param assigned      items within the capacity
 * @param overflow      owner actions beyond it
 * @param marketing     items that are marketing's step (nurture), outside the capacity
 * @param assignedValue sum of the assigned items' defined expected values (NaN when none is
 *                      defined)
 * @param overflowValue sum of the overflow items' defined expected values (NaN when none is
 *                      defined): the expected value the day's capacity leaves undone
 */
public record OwnerCapacity(
    String owner, int capacity, Source source, int activities, int activeDays, int items,
    int assigned, int overflow, int marketing, double assignedValue, double overflowValue) {

  /** Where an owner's capacity comes from. */
  public enum Source {
    /** Given for this owner ({@link Capacity#owner}, a capacity file). */
    NAMED,
    /** Given for every owner ({@link Capacity#perDay(int)}). */
    GIVEN,
    /** The owner's activities per active day in the window ({@link Capacity}). */
    DATA,
    /** No activity of the owner in the window: the median of the measured owners. */
    OWNERS_MEDIAN,
    /** Nothing to measure: not applied. */
    UNKNOWN,
    /** Leads without an owner: nobody's capacity. */
    NO_OWNER;

    /** Lower-case name with underscores, as printed. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The owner's activities per active day in the window (NaN when not measured). */
  public double measured() {
    return activeDays == 0 ? Double.NaN : (double) activities / activeDays;
  }
}
