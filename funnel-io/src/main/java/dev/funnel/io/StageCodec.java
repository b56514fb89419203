package dev.funnel.io;

import dev.funnel.core.DatasetTable;
import dev.funnel.core.Stage;
import dev.funnel.core.StageChange;

/**
 * Table {@code stages}: the stage must be in the reader's catalog (case-insensitive); the amount
 * has no currency column, it is in the dataset's currency.
 */
final class StageCodec extends Codec<StageChange> {
  static final StageCodec INSTANCE = new StageCodec();

  private StageCodec() {
    super(DatasetTable.STAGES,
        new String[] {"lead_id", "stage", "at", "reason", "amount", "owner"},
        new String[] {"lead_id", "stage", "at"},
        new String[] {"amount"});
  }

  @Override
  StageChange decode(RowCells r, ReadContext ctx) {
    String lead = need(r, 0);
    String name = need(r, 1);
    Stage stage = ctx.catalog.find(name).orElseThrow(
        () -> new Reject("unknown_stage", 1, name, "not a stage of " + ctx.catalog));
    return new StageChange(lead, stage, time(r, 2, ctx), r.text(3),
        unstated(decimal(r, 4, false)), r.text(5));
  }

  @Override
  void encode(StageChange s, String[] out) {
    out[0] = s.leadId();
    out[1] = s.stage().name();
    out[2] = s.at().toString();
    out[3] = s.reason();
    out[4] = text(s.amount());
    out[5] = s.owner();
  }
}
