package dev.funnel.attribution;

/**
 * The columnar form of a {@link JourneySet} the rule-based models run on: every touch's channel
 * code in one {@code int[]} with per-entry offsets, the conversions and values as primitive arrays,
 * the touch ages (days before the conversion) flattened alongside the channels, and the indices of
 * the entries that carry weight (conversions or value), so a model's pass reads only those.
 *
 * <p>Built once per journey set ({@link JourneySet#compact()}) from its object form, or by the
 * dataset route from its flat arrays directly ({@link DatasetJourneys}); the values
 * are the same doubles the object route uses ({@code BigDecimal.doubleValue()}), so both routes
 * give the same credits.
 */
final class CompactJourneys {

  /** Offsets: the touches of entry j are {@code channel[start[j] .. start[j + 1])}. */
  final int[] start;
  /** Channel code of every touch, entry after entry. */
  final int[] channel;
  /** Days from each touch to the conversion (or latest touch), like {@link #channel}; null when untimed. */
  final double[] age;
  /** Converting journeys per entry. */
  final long[] conv;
  /** Conversion value per entry, as a double. */
  final double[] value;
  /** The entries with conversions or a non-zero value, in entry order. */
  final int[] weighted;
  /** The longest path. */
  final int longest;

  private CompactJourneys(int[] start, int[] channel, double[] age, long[] conv, double[] value,
      int[] weighted, int longest) {
    this.start = start;
    this.channel = channel;
    this.age = age;
    this.conv = conv;
    this.value = value;
    this.weighted = weighted;
    this.longest = longest;
  }

  static CompactJourneys of(JourneySet js) {
    int n = js.size();
    int[][] paths = js.pathArrays();
    double[][] ages = js.ageArrays();
    int[] start = new int[n + 1];
    long total = 0;
    for (int j = 0; j < n; j++) {
      start[j] = (int) total;
      total += paths[j].length;
    }
    if (total > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("too many touches for the columnar form: " + total);
    }
    start[n] = (int) total;
    int[] channel = new int[(int) total];
    double[] age = js.timed() ? new double[(int) total] : null;
    for (int j = 0; j < n; j++) {
      System.arraycopy(paths[j], 0, channel, start[j], paths[j].length);
      if (age != null) {
        System.arraycopy(ages[j], 0, age, start[j], ages[j].length);
      }
    }
    return of(n, start, channel, age, js.conv, js.value);
  }

  /**
   * The form of {@code n} entries already flat: entry j's touches are {@code [start[j],
   * start[j + 1])} of {@code channel} and {@code age} (null: untimed), which may be longer.
   */
  static CompactJourneys of(int n, int[] start, int[] channel, double[] age, long[] conversions,
      java.math.BigDecimal[] values) {
    int longest = 0;
    long[] conv = new long[n];
    double[] value = new double[n];
    int weightedCount = 0;
    for (int j = 0; j < n; j++) {
      longest = Math.max(longest, start[j + 1] - start[j]);
      conv[j] = conversions[j];
      value[j] = values[j].doubleValue();
      if (conv[j] != 0 || value[j] != 0) {
        weightedCount++;
      }
    }
    int[] weighted = new int[weightedCount];
    int k = 0;
    for (int j = 0; j < n; j++) {
      if (conv[j] != 0 || value[j] != 0) {
        weighted[k++] = j;
      }
    }
    return new CompactJourneys(start, channel, age, conv, value, weighted, longest);
  }
}
