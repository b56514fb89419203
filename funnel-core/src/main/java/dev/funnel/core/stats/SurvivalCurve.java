package dev.funnel.core.stats;

import dev.funnel.core.display.Tabular;
import dev.funnel.core.display.Formats;
import dev.funnel.core.display.TextTable;
import java.util.List;
import java.util.Locale;

/**
 * A Kaplan-Meier survival curve (see {@link KaplanMeier}): the share of observations whose event
 * has not happened yet, as a step function of time.
 *
 * <p>Percentiles are of the time to the event: {@link #percentile(double) percentile(p)} is the
 * smallest event time t with {@code S(t) <= 1 - p} (the median for p = 0.5), and NaN when the curve
 * never falls that far (too much censoring: the percentile is not estimable, not "infinite").
 *
 * @param observations all observations
 * @param events       observations that ended with the event
 * @param censored     censored observations
 * @param steps        one step per distinct event time, ascending
 */
public record SurvivalCurve(long observations, long events, long censored, List<Step> steps)
    implements Tabular {

  /**
   * The curve at one event time.
   *
   * @param time     the event time
   * @param atRisk   observations at risk just before it
   * @param events   events at it
   * @param survival S(time)
   */
  public record Step(double time, long atRisk, long events, double survival) {}

  public SurvivalCurve {
    steps = List.copyOf(steps);
  }

  /** S(t): 1 before the first event time, then the value of the last step at or before t. */
  public double survival(double t) {
    double s = 1;
    for (Step st : steps) {
      if (st.time() > t) {
        break;
      }
      s = st.survival();
    }
    return s;
  }

  /**
   * The p-th percentile of the time to event, p in (0, 1); NaN when not estimable.
   *
   * @throws IllegalArgumentException when p is outside (0, 1)
   */
  public double percentile(double p) {
    if (!(p > 0 && p < 1)) {
      throw new IllegalArgumentException("percentile must be in (0, 1), got " + p);
    }
    double target = 1 - p;
    for (Step st : steps) {
      if (st.survival() <= target + 1e-12) {
        return st.time();
      }
    }
    return Double.NaN;
  }

  /** The median time to event; NaN when the curve stays above 0.5. */
  public double median() {
    return percentile(0.5);
  }

  @Override
  public String summary() {
    return String.format(Locale.ROOT, "Kaplan-Meier: %d observations, %d censored, median %s",
        observations, censored, Formats.number(median()));
  }

  @Override
  public TextTable table() {
    TextTable t = TextTable.of("time", "at risk", "events", "survival");
    for (Step s : steps) {
      t = t.plus(s.time(), s.atRisk(), s.events(), s.survival());
    }
    return t;
  }

  @Override
  public String toString() {
    return Tabular.preview(this);
  }
}
