package dev.funnel.io;

import dev.funnel.core.DatasetTable;
import dev.funnel.core.Touch;
import dev.funnel.core.TouchKind;
import java.math.BigDecimal;

/**
 * Table {@code touches}: kind {@code online} (default) or {@code offline}; cost not negative, in
 * the dataset's currency (the table has no currency column).
 */
final class TouchCodec extends Codec<Touch> {
  static final TouchCodec INSTANCE = new TouchCodec();

  private TouchCodec() {
    super(DatasetTable.TOUCHES,
        new String[] {"lead_id", "at", "channel", "campaign", "kind", "cost"},
        new String[] {"lead_id", "at", "channel"},
        new String[] {"cost"});
  }

  @Override
  Touch decode(RowCells r, ReadContext ctx) {
    String lead = need(r, 0);
    java.time.Instant at = time(r, 1, ctx);
    String channel = need(r, 2);
    String k = r.text(4);
    TouchKind kind;
    if (k == null) {
      kind = TouchKind.ONLINE;
    } else if (k.equalsIgnoreCase("online")) {
      kind = TouchKind.ONLINE;
    } else if (k.equalsIgnoreCase("offline")) {
      kind = TouchKind.OFFLINE;
    } else {
      throw new Reject("unknown_touch_kind", 4, k, "kind must be online or offline");
    }
    BigDecimal cost = decimal(r, 5, false);
    if (cost != null && cost.signum() < 0) {
      throw new Reject("negative_amount", 5, r.raw(5), "a cost must not be negative");
    }
    return new Touch(lead, at, channel, r.text(3), kind, unstated(cost));
  }

  @Override
  void encode(Touch t, String[] out) {
    out[0] = t.leadId();
    out[1] = t.at().toString();
    out[2] = t.channel();
    out[3] = t.campaign();
    out[4] = t.kind().label();
    out[5] = text(t.cost());
  }
}
