/**
 * Channel attribution over a dataset's journeys or a paths table: rule-based models, exact Markov
 * chains of any order, Shapley values, assisted conversions, bootstrap intervals, and attributed
 * ROAS, ROMI and CAC.
 */
module dev.funnel.attribution {
  requires transitive dev.funnel.core;

  exports dev.funnel.attribution;
}
