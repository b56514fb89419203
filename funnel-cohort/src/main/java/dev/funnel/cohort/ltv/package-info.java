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
 * <p>Boundaries: when customers never drop out (subscriptions that keep renewing) the maximum of
 * the BG/NBD or Pareto/NBD likelihood lies at "no dropout", where both models become the NBD
 * (Fader, Hardie and Lee 2005, section 3). The fits compare against that limit, fitted in its own
 * two parameters, and return it flagged ({@code BgNbdFit.boundary()}) instead of chasing
 * {@code b -> infinity}. All searches are capped by iteration and evaluation counts.
 *
 * <p>Time: ages are whole calendar days divided by the unit ({@link dev.funnel.cohort.ltv.RfmUnit},
 * default week); a fitted {@code alpha} or {@code beta} is per unit, so horizons passed to the
 * predictions are in the same unit.
 */
package dev.funnel.cohort.ltv;
