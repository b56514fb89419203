/**
 * Demo data: a seeded generator of a realistic CRM dataset ({@link dev.funnel.core.demo.DemoData})
 * for examples, tests and benchmarks.
 *
 * <p>{@code DemoData.builder().build().dataset()} gives 10,000 leads over 13 months with touches,
 * stage history, activities, payments, spend and a plan; {@link
 * dev.funnel.core.demo.DemoData#stream(dev.funnel.core.demo.DemoSink)} writes millions of rows in
 * bounded memory. A few data-quality defects are injected on purpose and counted in {@link
 * dev.funnel.core.demo.DemoDefects}, so a quality report can be checked against them. The numbers
 * are invented; they look like a B2B SaaS funnel, they are not measurements of one.
 */
package dev.funnel.core.demo;
