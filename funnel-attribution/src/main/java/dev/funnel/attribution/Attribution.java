package dev.funnel.attribution;

import dev.funnel.core.JourneyPath;
import dev.funnel.core.Money;
import dev.funnel.core.Spend;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * The entry point of attribution: channel credit of a {@link Model} over a {@link JourneySet},
 * with bootstrap intervals, per-journey credit, Markov removal effects and return on spend.
 *
 * <pre>{@code
 * JourneySet js = JourneySet.fromDataset(dataset, JourneyOptions.DEFAULTS);
 * AttributionResult r = Attribution.attribute(js, Model.MARKOV, AttributionOptions.DEFAULTS);
 * }</pre>
 *
 * <p>Every model's credits sum to the total conversions and the total value of the journey set (up
 * to floating-point rounding); totals themselves are exact. Results are immutable and depend only
 * on the data and the options, never on row order or thread count.
 */
public final class Attribution {
  private Attribution() {}

  /** The credit of a model with the default options. */
  public static AttributionResult attribute(JourneySet js, Model model) {
    return attribute(js, model, AttributionOptions.DEFAULTS);
  }

  /**
   * The credit of a model.
   *
   * <p>Rule-based models run over the journey set's columnar form (channel codes with per-journey
   * offsets, primitive conversions and values, built on the first call and kept with the set),
   * one pass over the journeys that carry weight; the credit is the same, bit for bit, as the
   * per-journey weights of each model summed in the set's order.
   *
   * @throws IllegalArgumentException when the model needs what the journeys do not carry
   *     (W-shaped markers, time-decay timestamps), or the Markov chain has more states than
   *     {@link AttributionOptions#markovMaxStates()}
   */
  public static AttributionResult attribute(JourneySet js, Model model, AttributionOptions options) {
    Objects.requireNonNull(js, "journeys");
    Objects.requireNonNull(model, "model");
    AttributionOptions o = options == null ? AttributionOptions.DEFAULTS : options;
    CreditEngine.Credits c = model.ruleBased()
        ? RuleCredit.compute(js, model, o)
        : CreditEngine.compute(js, Weights.of(js), model, o);
    return result(js, model, c, null, Double.NaN, 0);
  }

  /** The credit of a model over rows of the {@code paths} table. */
  public static AttributionResult attribute(List<JourneyPath> paths, Model model, AttributionOptions options) {
    return attribute(JourneySet.fromPaths(paths), model, options);
  }

  /**
   * The credit of every model the journeys allow (W-shaped needs markers, time decay timestamps),
   * in {@link Model} order.
   */
  public static List<AttributionResult> all(JourneySet js, AttributionOptions options) {
    List<AttributionResult> out = new ArrayList<>();
    for (Model m : Model.values()) {
      if ((m == Model.W_SHAPED && !js.marked()) || (m == Model.TIME_DECAY && !js.timed())) {
        continue;
      }
      out.add(attribute(js, m, options));
    }
    return out;
  }

  /** {@link #bootstrap(JourneySet, Model, AttributionOptions, int, double, long, ForkJoinPool)} on the common pool. */
  public static AttributionResult bootstrap(JourneySet js, Model model, AttributionOptions options,
      int replicates, double level, long seed) {
    return bootstrap(js, model, options, replicates, level, seed, ForkJoinPool.commonPool());
  }

  /**
   * The credit of a model with percentile bootstrap intervals (Efron and Tibshirani 1993, "An
   * Introduction to the Bootstrap", ch. 13).
   *
   * <p>Each replicate resamples the individual journeys with replacement (a converting journey of
   * a path row carries the row's mean value per conversion) and recomputes the model. Replicate r
   * draws from its own {@link SplittableRandom} seeded from (seed, r), and replicates run in
   * parallel on {@code pool}, so the result is the same for a seed whatever the number of threads.
   * The interval bounds are the (1 - level)/2 and (1 + level)/2 quantiles of the replicate credits,
   * by linear interpolation between order statistics (Hyndman and Fan 1996, definition 7).
   *
   * @throws IllegalArgumentException unless {@code replicates >= 2} and {@code 0 < level < 1}
   */
  public static AttributionResult bootstrap(JourneySet js, Model model, AttributionOptions options,
      int replicates, double level, long seed, ForkJoinPool pool) {
    Objects.requireNonNull(js, "journeys");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(pool, "pool");
    if (replicates < 2) {
      throw new IllegalArgumentException("the bootstrap needs at least 2 replicates, got " + replicates);
    }
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("confidence level must be in (0, 1), got " + level);
    }
    AttributionOptions o = options == null ? AttributionOptions.DEFAULTS : options;
    CreditEngine.Credits point = CreditEngine.compute(js, Weights.of(js), model, o);
    int n = js.channels.length;
    double[][] conv = new double[replicates][];
    double[][] value = new double[replicates][];
    pool.submit(() -> IntStream.range(0, replicates).parallel().forEach(r -> {
      Weights w = resample(js, new SplittableRandom(replicateSeed(seed, r)));
      CreditEngine.Credits c = CreditEngine.compute(js, w, model, o);
      conv[r] = c.conv();
      value[r] = c.value();
    })).join();
    double[][] bounds = new double[4][n];
    double lo = (1 - level) / 2;
    double hi = (1 + level) / 2;
    double[] col = new double[replicates];
    for (int i = 0; i < n; i++) {
      for (int r = 0; r < replicates; r++) {
        col[r] = conv[r][i];
      }
      Arrays.sort(col);
      bounds[0][i] = quantile(col, lo);
      bounds[1][i] = quantile(col, hi);
      for (int r = 0; r < replicates; r++) {
        col[r] = value[r][i];
      }
      Arrays.sort(col);
      bounds[2][i] = quantile(col, lo);
      bounds[3][i] = quantile(col, hi);
    }
    return result(js, model, point, bounds, level, replicates);
  }

  /** Stafford's mix13 of (seed, replicate): independent, well-spread replicate seeds. */
  static long replicateSeed(long seed, int replicate) {
    long z = seed + 0x9E3779B97F4A7C15L * (replicate + 1L);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Linear interpolation between order statistics (Hyndman and Fan 1996, definition 7). */
  static double quantile(double[] sorted, double p) {
    double h = (sorted.length - 1) * p;
    int i = (int) Math.floor(h);
    if (i >= sorted.length - 1) {
      return sorted[sorted.length - 1];
    }
    return sorted[i] + (h - i) * (sorted[i + 1] - sorted[i]);
  }

  /** One bootstrap replicate: the individual journeys resampled with replacement. */
  static Weights resample(JourneySet js, SplittableRandom rng) {
    int n = js.size();
    long[] cum = new long[2 * n];
    long total = 0;
    for (int j = 0; j < n; j++) {
      total += js.conv[j];
      cum[2 * j] = total;
      total += js.nulls[j];
      cum[2 * j + 1] = total;
    }
    long[] conv = new long[n];
    long[] nulls = new long[n];
    for (long u = 0; u < total; u++) {
      long x = rng.nextLong(total);
      int k = Arrays.binarySearch(cum, x + 1);
      if (k < 0) {
        k = -k - 1;
      }
      // cum is non-decreasing: move to the first cell whose cumulative count reaches x + 1
      while (k > 0 && cum[k - 1] >= x + 1) {
        k--;
      }
      if ((k & 1) == 0) {
        conv[k >> 1]++;
      } else {
        nulls[k >> 1]++;
      }
    }
    double[] value = new double[n];
    for (int j = 0; j < n; j++) {
      if (conv[j] > 0) {
        value[j] = js.value[j].doubleValue() / js.conv[j] * conv[j];
      }
    }
    return new Weights(conv, nulls, value);
  }

  private static AttributionResult result(JourneySet js, Model model, CreditEngine.Credits c,
      double[][] bounds, double level, int replicates) {
    long[][] influence = js.influence();
    List<ChannelCredit> rows = new ArrayList<>();
    for (int i = 0; i < js.channels.length; i++) {
      double se = c.se() == null ? Double.NaN : c.se()[i];
      rows.add(new ChannelCredit(js.channels[i], c.conv()[i], c.value()[i],
          bounds == null ? Double.NaN : bounds[0][i],
          bounds == null ? Double.NaN : bounds[1][i],
          bounds == null ? Double.NaN : bounds[2][i],
          bounds == null ? Double.NaN : bounds[3][i],
          se, influence[0][i], influence[1][i]));
    }
    return new AttributionResult(model, js.conversions(), js.value(), rows, level, replicates, c.removal());
  }

  /**
   * The credit of each converting journey: the share of its conversions and value each of its
   * channels gets. Rule-based models (and the per-journey Shapley variant) give the model's own
   * split, so summing journeys gives the channel totals. Markov and coalition Shapley values are
   * properties of the whole set: a journey's share for a channel is then proportional to the
   * channel's model score (removal effect, or Shapley share clipped at 0) among the journey's
   * distinct channels (equal shares when all are 0), so these per-journey sums need not equal the
   * model's channel totals. Journeys in the set's canonical order.
   */
  public static List<JourneyCredit> journeyCredits(JourneySet js, Model model, AttributionOptions options) {
    AttributionOptions o = options == null ? AttributionOptions.DEFAULTS : options;
    Model rule = model;
    if (model == Model.SHAPLEY && o.shapleyValue() == ShapleyValue.PER_JOURNEY) {
      rule = Model.LINEAR;
      o = o.toBuilder().linearPerChannel(true).build();
    }
    double[] score = null;
    if (!rule.ruleBased()) {
      score = CreditEngine.compute(js, Weights.of(js), rule, o).score();
    } else {
      RuleWeights.check(rule, js);
    }
    List<JourneyCredit> out = new ArrayList<>();
    for (int j = 0; j < js.size(); j++) {
      if (js.conv[j] == 0) {
        continue;
      }
      int[] p = js.pathArrays()[j];
      TreeMap<String, Double> shares = new TreeMap<>();
      if (score == null) {
        double[] w = RuleWeights.of(rule, o, js, j);
        for (int i = 0; i < p.length; i++) {
          shares.merge(js.channels[p[i]], w[i], Double::sum);
        }
      } else {
        int[] set = Arrays.stream(p).distinct().toArray();
        double sum = 0;
        for (int ch : set) {
          sum += Math.max(0, score[ch]);
        }
        for (int ch : set) {
          shares.put(js.channels[ch], sum > 0 ? Math.max(0, score[ch]) / sum : 1.0 / set.length);
        }
      }
      out.add(new JourneyCredit(js.id(j), js.conv[j], js.value[j], shares));
    }
    return out;
  }

  /**
   * The exact Markov removal effects for the order, repeat handling and state limit of the options.
   *
   * @throws IllegalArgumentException when the chain has more states than the options' {@link
   *     AttributionOptions#markovMaxStates()}
   */
  public static RemovalEffects removalEffects(JourneySet js, AttributionOptions options) {
    AttributionOptions o = options == null ? AttributionOptions.DEFAULTS : options;
    return MarkovChain.removalEffects(js, Weights.of(js), o.markovOrder(), o.keepRepeats(),
        o.markovMaxStates());
  }

  /**
   * The Markov order for these journeys by held-out predictive fit: orders 1 to
   * {@code maxOrder}, 5 folds, repeats as in the options; see {@link OrderSelection}.
   *
   * @throws IllegalArgumentException unless {@code 1 <= maxOrder <= 10}
   */
  public static OrderSelection chooseOrder(JourneySet js, int maxOrder, AttributionOptions options) {
    AttributionOptions o = options == null ? AttributionOptions.DEFAULTS : options;
    return MarkovOrder.choose(js, maxOrder, 5, o.keepRepeats());
  }

  /** {@link #economics(AttributionResult, List, BigDecimal, boolean)}: revenue-based ROMI, by channel. */
  public static ChannelEconomics economics(AttributionResult result, List<Spend> spend) {
    return economics(result, spend, null, false);
  }

  /**
   * Attributed revenue, ROAS, ROMI, CAC and DRR per channel: the result's value and conversion
   * credits against the spend rows (all of them: filter by date first when needed). A channel
   * without spend rows has unknown spend: its ratios are NaN ({@link ChannelReturn#spendKnown()}),
   * never a CAC or DRR of 0.
   *
   * @param margin     gross margin for ROMI in [0, 1], or null for revenue-based ROMI
   * @param byCampaign join spend by {@code channel / campaign} (for a result of journeys built
   *                   with {@link JourneyOptions#withCampaigns}); spend without a campaign keys on
   *                   the channel alone
   * @throws IllegalArgumentException when spend rows mix stated currencies or the margin is outside
   *     [0, 1]
   */
  public static ChannelEconomics economics(AttributionResult result, List<Spend> spend,
      BigDecimal margin, boolean byCampaign) {
    Objects.requireNonNull(result, "attribution result");
    Objects.requireNonNull(spend, "spend");
    if (margin != null && (margin.signum() < 0 || margin.compareTo(BigDecimal.ONE) > 0)) {
      throw new IllegalArgumentException("margin must be in [0, 1], got " + margin.toPlainString());
    }
    double m = margin == null ? 1.0 : margin.doubleValue();
    TreeMap<String, Money> byChannel = new TreeMap<>();
    for (Spend s : spend) {
      String key = byCampaign ? JourneyOptions.campaignKey(s.channel(), s.campaign()) : s.channel();
      byChannel.merge(key, s.amount(), Money::plus);
    }
    TreeMap<String, double[]> credit = new TreeMap<>();
    for (ChannelCredit c : result.channels()) {
      credit.put(c.channel(), new double[] {c.conversions(), c.value()});
    }
    java.util.TreeSet<String> names = new java.util.TreeSet<>(byChannel.keySet());
    names.addAll(credit.keySet());
    List<ChannelReturn> rows = new ArrayList<>();
    BigDecimal totalSpend = BigDecimal.ZERO;
    double totalConv = 0;
    double totalRevenue = 0;
    for (String ch : names) {
      BigDecimal s = byChannel.containsKey(ch) ? byChannel.get(ch).amount() : BigDecimal.ZERO;
      double[] cr = credit.getOrDefault(ch, new double[2]);
      rows.add(ChannelReturn.of(ch, s, byChannel.containsKey(ch), cr[0], cr[1], m));
      totalSpend = totalSpend.add(s);
      totalConv += cr[0];
      totalRevenue += cr[1];
    }
    rows.sort(Comparator.comparingDouble(ChannelReturn::revenue).reversed()
        .thenComparing(ChannelReturn::channel));
    return new ChannelEconomics(result.model(), margin, rows,
        ChannelReturn.of("total", totalSpend, !byChannel.isEmpty(), totalConv, totalRevenue, m));
  }
}
