package dev.funnel.core.sales;

import dev.funnel.core.stats.KaplanMeier;
import java.util.Arrays;

/**
 * Durations collected in primitive arrays and handed to a {@link KaplanMeier} state in ascending
 * order, events and censorings apart: the state is a multiset, so the order changes nothing in
 * the result, while sorted insertion keeps its tree's work on one warm path instead of a random
 * walk per observation (hundreds of thousands of stays in one pass). Not thread-safe.
 */
final class Durations {
  private double[] events = new double[16];
  private int nEvents;
  private double[] censored = new double[16];
  private int nCensored;

  /** One observation, as {@link KaplanMeier#add(double, boolean)}. */
  void add(double duration, boolean event) {
    if (event) {
      if (nEvents == events.length) {
        events = Arrays.copyOf(events, nEvents * 2);
      }
      events[nEvents++] = duration;
    } else {
      if (nCensored == censored.length) {
        censored = Arrays.copyOf(censored, nCensored * 2);
      }
      censored[nCensored++] = duration;
    }
  }

  /** A state with every observation added so far. */
  KaplanMeier state() {
    Arrays.sort(events, 0, nEvents);
    Arrays.sort(censored, 0, nCensored);
    KaplanMeier km = KaplanMeier.empty();
    int i = 0;
    int j = 0;
    while (i < nEvents || j < nCensored) {
      if (j == nCensored || (i < nEvents && events[i] <= censored[j])) {
        km.add(events[i++], true);
      } else {
        km.add(censored[j++], false);
      }
    }
    return km;
  }
}
