package dev.funnel.core.sales;

import dev.funnel.core.display.Tabular;
import dev.funnel.core.display.TextTable;

/**
 * The forecast of the open deals as of an instant: the pipeline with its weighted value and
 * coverage of a plan ({@link Pipeline}) and the sales velocity it gives ({@link SalesVelocity}),
 * computed in one pass over the leads ({@link Sales#forecast}).
 *
 * @param pipeline the open pipeline from OPPORTUNITY to the stage before WON
 * @param velocity the sales velocity of that pipeline
 */
public record SalesForecast(Pipeline pipeline, SalesVelocity velocity) implements Tabular {

  @Override
  public String summary() {
    return pipeline.summary();
  }

  /** The pipeline's table by stage. */
  @Override
  public TextTable table() {
    return pipeline.table();
  }

  @Override
  public String toString() {
    return Tabular.preview(this);
  }
}
