package dev.funnel.io;

import dev.funnel.core.Activity;
import dev.funnel.core.DatasetTable;

/** Table {@code activities}. */
final class ActivityCodec extends Codec<Activity> {
  static final ActivityCodec INSTANCE = new ActivityCodec();

  private ActivityCodec() {
    super(DatasetTable.ACTIVITIES,
        new String[] {"lead_id", "at", "type", "owner", "outcome"},
        new String[] {"lead_id", "at", "type"},
        new String[] {});
  }

  @Override
  Activity decode(RowCells r, ReadContext ctx) {
    String lead = need(r, 0);
    return new Activity(lead, time(r, 1, ctx), need(r, 2), r.text(3), r.text(4));
  }

  @Override
  void encode(Activity a, String[] out) {
    out[0] = a.leadId();
    out[1] = a.at().toString();
    out[2] = a.type();
    out[3] = a.owner();
    out[4] = a.outcome();
  }
}
