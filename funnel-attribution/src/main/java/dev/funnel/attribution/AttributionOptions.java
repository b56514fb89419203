package dev.funnel.attribution;

import dev.funnel.core.Touch;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * How the models are configured; immutable, built with {@link #builder()}; {@link #DEFAULTS} are the
 * conventions of docs/spec/cli.md.
 *
 * <ul>
 *   <li>direct channels (last-non-direct): {@code direct} (case-insensitive);
 *   <li>linear: per touch (as ChannelAttribution), or per distinct channel;
 *   <li>position: 40% first, 40% last, 20% spread over the middle touches;
 *   <li>time decay: half-life 7 days;
 *   <li>custom: weights by position from the first touch (touches past the list take its last
 *       weight), normalised per journey;
 *   <li>Markov: order 1, consecutive repeats of a channel collapsed, at most 2,000 states;
 *   <li>Shapley: {@link ShapleyValue#SUBSET_CONVERSIONS}, exact up to 15 channels, otherwise
 *       2,000 seeded random permutations.
 * </ul>
 */
public final class AttributionOptions {

  /** The conventions of docs/spec/cli.md. */
  public static final AttributionOptions DEFAULTS = builder().build();

  private final Set<String> direct;
  private final boolean linearPerChannel;
  private final double positionFirst;
  private final double positionLast;
  private final double halfLifeDays;
  private final double[] customWeights;
  private final int markovOrder;
  private final boolean keepRepeats;
  private final int markovMaxStates;
  private final MarkovValue markovValue;
  private final ShapleyValue shapleyValue;
  private final int shapleyExactLimit;
  private final int shapleyPermutations;
  private final long seed;

  private AttributionOptions(Builder b) {
    this.direct = Set.copyOf(b.direct);
    this.linearPerChannel = b.linearPerChannel;
    this.positionFirst = b.positionFirst;
    this.positionLast = b.positionLast;
    this.halfLifeDays = b.halfLifeDays;
    this.customWeights = b.customWeights.clone();
    this.markovOrder = b.markovOrder;
    this.keepRepeats = b.keepRepeats;
    this.markovMaxStates = b.markovMaxStates;
    this.markovValue = b.markovValue;
    this.shapleyValue = b.shapleyValue;
    this.shapleyExactLimit = b.shapleyExactLimit;
    this.shapleyPermutations = b.shapleyPermutations;
    this.seed = b.seed;
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from these options. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.direct = new TreeSet<>(direct);
    b.linearPerChannel = linearPerChannel;
    b.positionFirst = positionFirst;
    b.positionLast = positionLast;
    b.halfLifeDays = halfLifeDays;
    b.customWeights = customWeights.clone();
    b.markovOrder = markovOrder;
    b.keepRepeats = keepRepeats;
    b.markovMaxStates = markovMaxStates;
    b.markovValue = markovValue;
    b.shapleyValue = shapleyValue;
    b.shapleyExactLimit = shapleyExactLimit;
    b.shapleyPermutations = shapleyPermutations;
    b.seed = seed;
    return b;
  }

  /**
   * Whether the channel counts as direct for last-non-direct (case-insensitive); for a
   * campaign-level key ({@code channel / campaign}) the channel part decides.
   */
  public boolean isDirect(String channel) {
    int cut = channel.indexOf(JourneyOptions.CAMPAIGN_SEPARATOR);
    String c = cut < 0 ? channel : channel.substring(0, cut);
    return direct.contains(c.toLowerCase(Locale.ROOT));
  }

  /** The direct channel names, lower-case. */
  public Set<String> directChannels() {
    return direct;
  }

  public boolean linearPerChannel() {
    return linearPerChannel;
  }

  public double positionFirst() {
    return positionFirst;
  }

  public double positionLast() {
    return positionLast;
  }

  /** Share of the middle touches: {@code 1 - first - last}. */
  public double positionMiddle() {
    return 1.0 - positionFirst - positionLast;
  }

  public double halfLifeDays() {
    return halfLifeDays;
  }

  /** A copy of the custom position weights. */
  public double[] customWeights() {
    return customWeights.clone();
  }

  double customWeight(int position) {
    return customWeights[Math.min(position, customWeights.length - 1)];
  }

  public int markovOrder() {
    return markovOrder;
  }

  public boolean keepRepeats() {
    return keepRepeats;
  }

  /**
   * The most states (distinct channel tuples, the start not counted) the Markov model solves;
   * a larger chain is an {@link IllegalArgumentException} naming both numbers.
   */
  public int markovMaxStates() {
    return markovMaxStates;
  }

  /** How the Markov model splits the value ({@link MarkovValue}). */
  public MarkovValue markovValue() {
    return markovValue;
  }

  public ShapleyValue shapleyValue() {
    return shapleyValue;
  }

  public int shapleyExactLimit() {
    return shapleyExactLimit;
  }

  public int shapleyPermutations() {
    return shapleyPermutations;
  }

  /** Seed of the Shapley permutation sampling. */
  public long seed() {
    return seed;
  }

  @Override
  public String toString() {
    return "AttributionOptions[direct=" + new TreeSet<>(direct) + ", linearPerChannel=" + linearPerChannel
        + ", position=" + positionFirst + "/" + positionMiddle() + "/" + positionLast
        + ", halfLifeDays=" + halfLifeDays + ", custom=" + Arrays.toString(customWeights)
        + ", markovOrder=" + markovOrder + ", keepRepeats=" + keepRepeats
        + ", markovMaxStates=" + markovMaxStates + ", markovValue=" + markovValue
        + ", shapley=" + shapleyValue + " exact<=" + shapleyExactLimit + " permutations="
        + shapleyPermutations + ", seed=" + seed + "]";
  }

  /** Collects options; validates each value as it is set. Not thread-safe. */
  public static final class Builder {
    private Set<String> direct = new TreeSet<>(Set.of(Touch.DIRECT));
    private boolean linearPerChannel;
    private double positionFirst = 0.4;
    private double positionLast = 0.4;
    private double halfLifeDays = 7.0;
    private double[] customWeights = {1.0};
    private int markovOrder = 1;
    private boolean keepRepeats;
    private int markovMaxStates = MarkovSolver.DEFAULT_MAX_STATES;
    private ShapleyValue shapleyValue = ShapleyValue.SUBSET_CONVERSIONS;
    private MarkovValue markovValue = MarkovValue.CONVERSION_SHARE;
    private int shapleyExactLimit = 15;
    private int shapleyPermutations = 2000;
    private long seed = 1L;

    private Builder() {}

    /**
     * The channels that count as direct (replaces {@code direct}).
     *
     * @throws IllegalArgumentException when empty or blank
     */
    public Builder directChannels(Set<String> names) {
      Objects.requireNonNull(names, "direct channel names");
      if (names.isEmpty()) {
        throw new IllegalArgumentException("at least one direct channel name is needed");
      }
      Set<String> s = new TreeSet<>();
      for (String n : names) {
        if (n == null || n.isBlank()) {
          throw new IllegalArgumentException("direct channel names must not be blank: " + names);
        }
        s.add(n.trim().toLowerCase(Locale.ROOT));
      }
      this.direct = s;
      return this;
    }

    /** Linear credit per distinct channel of the journey instead of per touch. */
    public Builder linearPerChannel(boolean perChannel) {
      this.linearPerChannel = perChannel;
      return this;
    }

    /**
     * Position-based shares of the first and last touch; the middle touches share the rest.
     *
     * @throws IllegalArgumentException unless both are in [0, 1] and sum to at most 1 and more than 0
     */
    public Builder position(double first, double last) {
      if (!(first >= 0 && last >= 0 && first + last <= 1.0 + 1e-12 && first + last > 0)) {
        throw new IllegalArgumentException(
            "position weights need first, last >= 0 and 0 < first + last <= 1, got " + first + ", " + last);
      }
      this.positionFirst = first;
      this.positionLast = last;
      return this;
    }

    /**
     * Half-life of time decay, in days.
     *
     * @throws IllegalArgumentException unless positive and finite
     */
    public Builder halfLifeDays(double days) {
      if (!(days > 0) || Double.isInfinite(days)) {
        throw new IllegalArgumentException("half-life must be a positive number of days, got " + days);
      }
      this.halfLifeDays = days;
      return this;
    }

    /**
     * Custom weights by position from the first touch; touches past the end take the last weight.
     *
     * @throws IllegalArgumentException when empty, negative, not finite, or all zero
     */
    public Builder customWeights(double... weights) {
      if (weights == null || weights.length == 0) {
        throw new IllegalArgumentException("custom position weights must not be empty");
      }
      double sum = 0;
      for (double w : weights) {
        if (!(w >= 0) || Double.isInfinite(w)) {
          throw new IllegalArgumentException(
              "custom position weights must be finite and >= 0, got " + Arrays.toString(weights));
        }
        sum += w;
      }
      if (sum == 0) {
        throw new IllegalArgumentException("custom position weights must not all be zero");
      }
      this.customWeights = weights.clone();
      return this;
    }

    /**
     * Order k of the Markov chain.
     *
     * @throws IllegalArgumentException unless {@code 1 <= k <= 10}
     */
    public Builder markovOrder(int k) {
      if (k < 1 || k > 10) {
        throw new IllegalArgumentException("Markov order must be between 1 and 10, got " + k);
      }
      this.markovOrder = k;
      return this;
    }

    /** Keep repeated consecutive channels as separate Markov steps (default: collapse them). */
    public Builder keepRepeats(boolean keep) {
      this.keepRepeats = keep;
      return this;
    }

    /**
     * The most states (distinct tuples of up to k channels, the start not counted) the Markov
     * model solves, 2,000 by default. The exact solve takes 8 x states^2 bytes and about states^3
     * multiply-adds (2,000 states: 32 MB and a few seconds), whatever the number of channels; a
     * larger chain is refused with an {@link IllegalArgumentException} before anything is
     * allocated, so a high order over many channels fails at once instead of running for hours.
     *
     * @throws IllegalArgumentException unless {@code 1 <= n <= 20,000}
     */
    public Builder markovMaxStates(int n) {
      this.markovMaxStates = MarkovSolver.checkMaxStates(n);
      return this;
    }

    /** How the Markov model splits the value (default {@link MarkovValue#CONVERSION_SHARE}). */
    public Builder markovValue(MarkovValue v) {
      this.markovValue = Objects.requireNonNull(v, "Markov value split");
      return this;
    }

    public Builder shapleyValue(ShapleyValue v) {
      this.shapleyValue = Objects.requireNonNull(v, "Shapley value function");
      return this;
    }

    /**
     * Up to how many channels the Shapley value is computed exactly (2^n coalitions).
     *
     * @throws IllegalArgumentException unless {@code 1 <= n <= 20} (2^20 coalitions)
     */
    public Builder shapleyExactLimit(int n) {
      if (n < 1 || n > 20) {
        throw new IllegalArgumentException("Shapley exact limit must be between 1 and 20, got " + n);
      }
      this.shapleyExactLimit = n;
      return this;
    }

    /**
     * Number of random permutations when the Shapley value is estimated.
     *
     * @throws IllegalArgumentException unless at least 2
     */
    public Builder shapleyPermutations(int n) {
      if (n < 2) {
        throw new IllegalArgumentException("Shapley sampling needs at least 2 permutations, got " + n);
      }
      this.shapleyPermutations = n;
      return this;
    }

    /** Seed of the Shapley permutation sampling (results are reproducible for a seed). */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    public AttributionOptions build() {
      return new AttributionOptions(this);
    }
  }
}
