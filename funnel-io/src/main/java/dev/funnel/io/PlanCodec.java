package dev.funnel.io;

import dev.funnel.core.DatasetTable;
import dev.funnel.core.Period;
import dev.funnel.core.PlanTarget;

/** Table {@code plan}: period labels as {@link Period#parse(String)} reads them. */
final class PlanCodec extends Codec<PlanTarget> {
  static final PlanCodec INSTANCE = new PlanCodec();

  private PlanCodec() {
    super(DatasetTable.PLAN,
        new String[] {"period", "metric", "target", "channel"},
        new String[] {"period", "metric", "target"},
        new String[] {"target"});
  }

  @Override
  PlanTarget decode(RowCells r, ReadContext ctx) {
    String text = need(r, 0);
    Period period;
    try {
      period = Period.parse(text);
    } catch (IllegalArgumentException e) {
      throw new Reject("unparsable_period", 0, text,
          "not a period (2026, 2026-Q1, 2026-03, 2026-W10 or 2026-03-01)");
    }
    return new PlanTarget(period, need(r, 1), decimal(r, 2, true), r.text(3));
  }

  @Override
  void encode(PlanTarget p, String[] out) {
    out[0] = p.period().label();
    out[1] = p.metric();
    out[2] = text(p.target());
    out[3] = p.channel();
  }
}
