/**
 * Lead scoring: transparent points rules, a calibrated ridge-logistic probability of reaching a
 * stage within a horizon validated on time against the rules, the next-best-action worklist per
 * owner, and the expected SQLs and wins by period beside the plan.
 */
module dev.funnel.scoring {
  requires transitive dev.funnel.core;
  requires org.apache.commons.statistics.distribution;

  exports dev.funnel.scoring;
}
