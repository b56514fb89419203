package dev.funnel.attribution;

/**
 * How the Markov model splits the conversion value over channels.
 *
 * <p>{@link #CONVERSION_SHARE}, the default: each channel's value credit is its share of the
 * conversion removal effects times the total value, so value credits are proportional to
 * conversion credits (as DP6's Markov model and most write-ups do).
 *
 * <p>{@link #VALUE_WEIGHTED}: ChannelAttribution's definition (Altomare and Loris,
 * {@code markov_model(..., var_value)}): the removal effect of a channel is taken on the expected
 * value of the journeys rather than on their conversion probability, each conversion weighted by
 * its own value: {@code V = sum_l N(start, l) p(l -> conversion) m_l}, {@code m_l} the mean value
 * of the conversions whose last state is l, and the value credit of c is
 * {@code (1 - V_without_c / V)} over the sum of those effects times the total value. A channel
 * that leads to large conversions gets more value credit than conversion credit. Where
 * ChannelAttribution estimates V by simulating walks and drawing each value from the conversions
 * of the walk's last state, the value here is exact (the same state elimination as for P). Values
 * must not be negative.
 */
public enum MarkovValue {
  CONVERSION_SHARE,
  VALUE_WEIGHTED
}
