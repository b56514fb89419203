package dev.funnel.core.live;

/**
 * What a batch of events did to a {@link LiveFunnel}.
 *
 * @param added     events with an identity not seen before
 * @param replaced  events that corrected an earlier event of the same identity
 * @param unchanged events equal to one already held (duplicates)
 */
public record Applied(int added, int replaced, int unchanged) {

  /** Whether the batch changed anything. */
  public boolean changed() {
    return added + replaced > 0;
  }
}
