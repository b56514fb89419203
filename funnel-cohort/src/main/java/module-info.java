/**
 * Cohort tables and retention, the RFM summary, BG/NBD, Pareto/NBD and Gamma-Gamma models,
 * discounted customer lifetime value, LTV/CAC and payback, and the recurring-revenue bridge.
 */
// Hipparchus 4 jars carry no module name of their own: hipparchus.core and hipparchus.optim are
// the names the module system derives from the jar file names (hipparchus-core-4.0.2.jar, ...).
@SuppressWarnings("requires-automatic")
module dev.funnel.cohort {
  requires transitive dev.funnel.core;
  requires org.apache.commons.numbers.gamma;
  requires hipparchus.core;
  requires hipparchus.optim;

  exports dev.funnel.cohort;
  exports dev.funnel.cohort.ltv;
}
