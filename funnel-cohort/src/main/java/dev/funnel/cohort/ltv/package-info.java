/**
 * Customer lifetime value from purchase histories: the RFM summary, the "buy till you die"
 * purchase-count models BG/NBD (Fader, Hardie and Lee 2005) and Pareto/NBD (Schmittlein, Morrison
 * and Colombo 1987), the Gamma-Gamma spend model (Fader, Hardie and Lee 2005), and discounted CLV.
 *
 * <p>Start at {@link dev.funnel.cohort.ltv.Ltv}:
 * <pre>{@code
 * RfmSummary s = Ltv.summarize(purchases, LocalDate.parse("1997-09-30"), RfmUnit.WEEK);
 * BgNbdFit counts = Ltv.bgNbd(s);             // r, alpha, a, b with standard errors
 * GammaGammaFit spend = Ltv.gammaGamma(s);    // p, q, gamma
 * ClvTable clv = Ltv.clv(s, counts, spend, ClvTerms.monthly(12, 0.01, 0.3));
 * counts.probabilityAlive(s.customers().get(0));
 * }</pre>
 *
 * <p>How the fits work: customers are compressed to weighted unique histories (the likelihoods
 * depend on nothing else), the log-likelihoods are evaluated in log space, and a damped Newton
 * method maximises them over the log-parameters, so every parameter stays positive. A fit says
 * whether it converged ({@link dev.funnel.cohort.ltv.Convergence}) and never claims it when the
 * optimum was not reached; standard errors come from the Hessian at the optimum. On the CDNOW
 * sample the fits reproduce the published parameters (tests {@code *SharedDataTest}).
 *
 * <p>Boundaries: a likelihood's supremum can lie on the edge of the parameter space, where the
 * model tends to a simpler one; a search chasing it never converges, so each such limit is fitted
 * in its own parameters, compared, and returned flagged ({@code boundary()}) with its own
 * convergence:
 * <ul>
 *   <li>no dropout (subscriptions that keep renewing): BG/NBD and Pareto/NBD become the NBD (Fader,
 *       Hardie and Lee 2005, section 3);
 *   <li>all-or-nothing dropout (subscribers who stay next to one-off buyers who paid twice): the
 *       BG/NBD's Beta(a, b) with {@code a, b -> 0} becomes "p is 1 with probability pi, else 0"
 *       ({@code BgNbdFit.ALL_OR_NOTHING}; dropout still happens only after a repeat purchase);
 *   <li>homogeneous purchase rates (everyone buying monthly): the Pareto/NBD's Gamma(r, alpha) with
 *       {@code r, alpha -> infinity}, {@code r/alpha -> lambda} becomes "everyone buys at Poisson
 *       rate lambda", dropout rates still Gamma(s, beta) ({@code ParetoNbdFit.HOMOGENEOUS_RATE});
 *   <li>constant spend (fixed prices): the Gamma-Gamma's {@code p -> infinity} with
 *       {@code p gamma -> theta} becomes "each customer's spend is constant, the spends are
 *       InvGamma(q, theta)" ({@code GammaGammaFit.CONSTANT_SPEND}).
 * </ul>
 * Predictions are defined for the limit models too (the limits of the closed forms). All searches
 * are capped by iteration and evaluation counts.
 *
 * <p>Undefined spend: when the Gamma-Gamma {@code q <= 1} the population mean spend is infinite;
 * repeat buyers' expected spend stays finite but that of customers without repeat spend does not,
 * so their CLV is NaN ({@code ClvTable.definedMean()} covers the rest) unless the caller passes an
 * explicit fallback spend ({@code Ltv.clv(..., fallbackSpend)}, e.g.
 * {@code Ltv.observedMeanSpend(summary)}).
 *
 * <p>Time: ages are whole calendar days divided by the unit ({@link dev.funnel.cohort.ltv.RfmUnit},
 * default week); a fitted {@code alpha} or {@code beta} is per unit, so horizons passed to the
 * predictions are in the same unit.
 */
package dev.funnel.cohort.ltv;
