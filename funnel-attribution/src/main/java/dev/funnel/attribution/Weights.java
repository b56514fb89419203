package dev.funnel.attribution;

/**
 * The weight of each journey-set entry in one computation: converting and null journeys and the
 * conversion value (a double: bootstrap replicates scale it). The full data is {@link #of}; a
 * bootstrap replicate is a resampled copy.
 */
record Weights(long[] conv, long[] nulls, double[] value) {

  static Weights of(JourneySet js) {
    double[] v = new double[js.size()];
    for (int j = 0; j < v.length; j++) {
      v[j] = js.value[j].doubleValue();
    }
    return new Weights(js.conv, js.nulls, v);
  }

  double totalConversions() {
    double s = 0;
    for (long c : conv) {
      s += c;
    }
    return s;
  }

  double totalValue() {
    double s = 0;
    for (double v : value) {
      s += v;
    }
    return s;
  }
}
