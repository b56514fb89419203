package dev.funnel.core.bridge;

/**
 * How a change is split among factors.
 *
 * <p>The LMDI methods (logarithmic mean Divisia index) need non-negative factor values; zeros are
 * handled by the {@link ZeroPolicy}, negative values and sign changes by the {@link
 * SignChangePolicy}. {@link #SHAPLEY} and {@link #CHAIN} accept any finite values.
 */
public enum Method {
  /**
   * LMDI-I, additive form (the default): effect of factor k = sum over segments of L(V1_i, V0_i)
   * ln(x1_ki / x0_ki), L the logarithmic mean. Ang (2004) "Decomposition analysis for policymaking
   * in energy: which is the preferred method?", Energy Policy 32: 1131-1139; Ang (2005) "The LMDI
   * approach to decomposition analysis: a practical guide", Energy Policy 33: 867-871.
   */
  LMDI_I_ADDITIVE("lmdi-additive", false),
  /**
   * LMDI-I, multiplicative form: ratio effect of factor k = exp(sum over segments of
   * L(V1_i, V0_i) / L(V1, V0) ln(x1_ki / x0_ki)); the ratio effects multiply to V1 / V0 (Ang 2005).
   */
  LMDI_I_MULTIPLICATIVE("lmdi-multiplicative", true),
  /**
   * LMDI-II, additive form: the segment weights are the logarithmic means of the segment shares
   * s_i = V_i / V, normalised to sum to one and scaled by L(V1, V0). Ang and Choi (1997)
   * "Decomposition of aggregate energy and gas emission intensities for industry: a refined
   * Divisia index method", The Energy Journal 18(3): 59-73; Ang (2004) table 1.
   */
  LMDI_II_ADDITIVE("lmdi2-additive", false),
  /** LMDI-II, multiplicative form: exp of the share-weighted log changes (Ang and Choi 1997). */
  LMDI_II_MULTIPLICATIVE("lmdi2-multiplicative", true),
  /**
   * The Shapley value of the factors (Shapley 1953, as used for decomposition by Albrecht, Francois
   * and Schoors 2002 and Ang, Liu and Chew 2003 "Perfect decomposition techniques in energy and
   * environmental analysis"): exact over all subsets of factors, order-independent, any signs.
   */
  SHAPLEY("shapley", false),
  /**
   * Chain substitution (the accountants' "method of chain substitutions"): factors are switched
   * from base to current one at a time in a given order; each effect is the change of the total at
   * its step. Exact but order-dependent.
   */
  CHAIN("chain", false);

  private final String label;
  private final boolean multiplicative;

  Method(String label, boolean multiplicative) {
    this.label = label;
    this.multiplicative = multiplicative;
  }

  /** Short name for summaries and JSON, e.g. {@code lmdi-additive}. */
  public String label() {
    return label;
  }

  /** True when the method also yields ratio effects that multiply to V1 / V0. */
  public boolean multiplicative() {
    return multiplicative;
  }

  boolean lmdi() {
    return this != SHAPLEY && this != CHAIN;
  }

  boolean lmdiTwo() {
    return this == LMDI_II_ADDITIVE || this == LMDI_II_MULTIPLICATIVE;
  }
}
