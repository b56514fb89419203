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
   * @param time      the event time
   * @param atRisk    observations at risk just before it
   * @param events    events at it
   * @param survival  S(time)
   * @param greenwood Greenwood's sum {@code sum_{t_i <= time} d_i / (n_i (n_i - d_i))}, so that
   *                  {@code Var S(time) = S(time)^2 greenwood}; NaN once S reaches 0
   */
  public record Step(double time, long atRisk, long events, double survival, double greenwood) {

    /** Greenwood's standard error of S(time); NaN once S reaches 0. */
    public double standardError() {
      return survival * Math.sqrt(greenwood);
    }
  }

  /**
   * The scale on which a pointwise confidence interval of S(t) is symmetric. Each is the normal
   * approximation with Greenwood's variance, transformed by the delta method (Kalbfleisch and
   * Prentice, "The Statistical Analysis of Failure Time Data", 2nd ed., 2002, section 4.3; Klein
   * and Moeschberger, "Survival Analysis", 2nd ed., 2003, section 4.3). With
   * {@code sigma^2 = greenwood} and z the normal quantile:
   * <ul>
   *   <li>{@link #PLAIN}: {@code S +- z S sigma}, cut to [0, 1];</li>
   *   <li>{@link #LOG}: {@code S exp(+-z sigma)}, cut at 1 (R survival's default);</li>
   *   <li>{@link #LOG_LOG}: {@code S^exp(+-z sigma / log S)}, always inside (0, 1) (the
   *       "exponential Greenwood" interval, lifelines' default).</li>
   * </ul>
   */
  public enum Scale { PLAIN, LOG, LOG_LOG }

  /**
   * A pointwise confidence interval of S at one event time.
   *
   * @param time     the event time
   * @param survival S(time)
   * @param lower    lower bound (NaN where undefined: S = 0, or S = 1 on the log-log scale)
   * @param upper    upper bound (NaN where undefined)
   */
  public record Band(double time, double survival, double lower, double upper) {}

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

  /**
   * Pointwise confidence intervals of S at every event time, on {@code scale}.
   *
   * @throws IllegalArgumentException for a confidence outside (0, 1)
   */
  public List<Band> confidenceBand(double confidence, Scale scale) {
    Checks.confidence(confidence);
    double z = StandardNormal.quantile(0.5 + confidence / 2);
    List<Band> out = new java.util.ArrayList<>(steps.size());
    for (Step st : steps) {
      double s = st.survival();
      double sigma = Math.sqrt(st.greenwood());
      double lo;
      double hi;
      switch (scale) {
        case PLAIN:
          lo = Math.max(0, s - z * s * sigma);
          hi = Math.min(1, s + z * s * sigma);
          break;
        case LOG:
          lo = s * Math.exp(-z * sigma);
          hi = Math.min(1, s * Math.exp(z * sigma));
          break;
        default: {
          double logS = Math.log(s); // negative: S < 1 at every event time
          double w = z * sigma / Math.abs(logS);
          lo = Math.pow(s, Math.exp(w));
          hi = Math.pow(s, Math.exp(-w));
          break;
        }
      }
      if (!(s > 0) || Double.isNaN(sigma)) {
        lo = Double.NaN;
        hi = Double.NaN;
      }
      out.add(new Band(st.time(), s, lo, hi));
    }
    return List.copyOf(out);
  }

  /**
   * The Nelson-Aalen estimate of the cumulative hazard at every event time (W. Nelson, 1972,
   * Technometrics 14(4); O. Aalen, 1978, Annals of Statistics 6(4)):
   * {@code H(t) = sum_{t_i <= t} d_i / n_i}, with variance {@code sum d_i / n_i^2} (Aalen's
   * estimator; Klein and Moeschberger 2003, eq. 4.2.4). Ties count as in {@link KaplanMeier}.
   */
  public List<CumulativeHazard> cumulativeHazard() {
    List<CumulativeHazard> out = new java.util.ArrayList<>(steps.size());
    double h = 0;
    double v = 0;
    for (Step st : steps) {
      h += (double) st.events() / st.atRisk();
      v += (double) st.events() / ((double) st.atRisk() * st.atRisk());
      out.add(new CumulativeHazard(st.time(), h, v));
    }
    return List.copyOf(out);
  }

  /**
   * The Nelson-Aalen cumulative hazard at one event time.
   *
   * @param time     the event time
   * @param hazard   H(time)
   * @param variance its variance (Aalen)
   */
  public record CumulativeHazard(double time, double hazard, double variance) {}

  /**
   * The p-th percentile of the time to event with its confidence interval: Brookmeyer and
   * Crowley's interval (R. Brookmeyer and J. Crowley, 1982, "A confidence interval for the median
   * survival time", Biometrics 38(1), 29-41; Klein and Moeschberger, "Survival Analysis", 2nd ed.,
   * 2003, section 4.5), read off the pointwise band {@link #confidenceBand(double, Scale)} of
   * {@code scale} as R's {@code survfit} and lifelines do: the lower limit is the first event time
   * at which the band's lower curve is at or below {@code 1 - p}, the upper limit the first at
   * which its upper curve is. The estimate follows {@link #percentile(double)}.
   *
   * <p>Conventions: a limit the band never reaches is NaN (not estimable, R's {@code NA}); where the
   * band is undefined because S has reached 0 (every observation still at risk had the event), its
   * lower curve counts as 0 (a share cannot be below it) and its upper curve as not reached. When
   * the curve sits exactly at {@code 1 - p} over an interval R takes the midpoint of that interval;
   * here, as in {@link #percentile(double)}, its first time. Checked against R's published medians
   * and limits (the AML and 6-MP data, log scale).
   *
   * @throws IllegalArgumentException when p or the confidence is outside (0, 1), or the scale is
   *     null
   */
  public PercentileInterval percentileInterval(double p, double confidence, Scale scale) {
    double estimate = percentile(p);
    if (scale == null) {
      throw new IllegalArgumentException("a percentile interval needs a band scale (PLAIN, LOG or LOG_LOG)");
    }
    List<Band> band = confidenceBand(confidence, scale);
    double target = 1 - p + 1e-12;
    double lower = Double.NaN;
    double upper = Double.NaN;
    for (Band b : band) {
      double lo = Double.isNaN(b.lower()) && b.survival() == 0 ? 0 : b.lower();
      if (Double.isNaN(lower) && lo <= target) {
        lower = b.time();
      }
      if (Double.isNaN(upper) && b.upper() <= target) {
        upper = b.time();
      }
    }
    return new PercentileInterval(p, confidence, scale, estimate, lower, upper);
  }

  /**
   * A percentile of the time to event with its confidence interval
   * ({@link #percentileInterval(double, double, Scale)}).
   *
   * @param p          the percentile, in (0, 1) (0.5: the median)
   * @param confidence the confidence level, e.g. 0.95
   * @param scale      the scale of the pointwise band the interval is read from
   * @param estimate   the percentile; NaN when not estimable
   * @param lower      the lower limit; NaN when not estimable
   * @param upper      the upper limit; NaN when not estimable (censoring keeps the band's upper
   *                   curve above {@code 1 - p}: the time may be arbitrarily long)
   */
  public record PercentileInterval(double p, double confidence, Scale scale, double estimate,
      double lower, double upper) {

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "p%s %s (%s%% interval %s to %s, %s Greenwood band)",
          Formats.number(100 * p), Formats.number(estimate), Formats.number(100 * confidence),
          Formats.number(lower), Formats.number(upper),
          scale.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }
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
