/**
 * The domain of a marketing-and-sales funnel and its calculators: datasets, leads, stage changes,
 * touches, payments, spend, plans, exact money and calendar periods; the stage funnel, sales,
 * unit economics, plan vs actual, first-response SLA, statistics and the revenue bridge.
 *
 * <p>{@code dev.funnel.core.columnar} (the columnar form of a dataset) and
 * {@code dev.funnel.core.internal} (the byte form of the mergeable states, the way from a dataset
 * to its columns) are internal: exported only to the funnel modules that use them, and no public
 * signature of an exported package names their types (docs/modules.md, "Internal packages").
 */
// "module" lint: the modules named in the qualified export below are compiled after this one, so
// javac cannot find them yet; at run time they are there (or the export has no reader).
@SuppressWarnings("module")
module dev.funnel.core {
  requires org.apache.commons.numbers.gamma;
  requires org.apache.commons.statistics.distribution;

  exports dev.funnel.core;
  exports dev.funnel.core.bridge;
  exports dev.funnel.core.demo;
  exports dev.funnel.core.display;
  exports dev.funnel.core.funnel;
  exports dev.funnel.core.live;
  exports dev.funnel.core.money;
  exports dev.funnel.core.plan;
  exports dev.funnel.core.quality;
  exports dev.funnel.core.sales;
  exports dev.funnel.core.sla;
  exports dev.funnel.core.stats;

  // internal: the funnel modules that read, build or scan the columns (dev.funnel.cli is the
  // command line's automatic module name)
  exports dev.funnel.core.internal to
      dev.funnel.attribution,
      dev.funnel.cohort;
  exports dev.funnel.core.columnar to
      dev.funnel.attribution,
      dev.funnel.cohort,
      dev.funnel.io,
      dev.funnel.scoring,
      dev.funnel.cli;
}
