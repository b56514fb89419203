package dev.funnel.io;

import dev.funnel.core.DatasetTable;
import dev.funnel.core.Money;
import dev.funnel.core.Spend;
import java.time.LocalDate;

/**
 * Table {@code spend}: a day (a bare date, or a timestamp taken as its local date in the dataset
 * zone), a channel and a non-negative amount.
 */
final class SpendCodec extends Codec<Spend> {
  static final SpendCodec INSTANCE = new SpendCodec();

  private SpendCodec() {
    super(DatasetTable.SPEND,
        new String[] {"date", "channel", "campaign", "amount", "currency"},
        new String[] {"date", "channel", "amount"},
        new String[] {"amount"});
  }

  @Override
  Spend decode(RowCells r, ReadContext ctx) {
    LocalDate day = date(r, 0, ctx);
    String channel = need(r, 1);
    Money amount = money(r, 3, 4, ctx);
    if (amount.signum() < 0) {
      throw new Reject("negative_amount", 3, r.raw(3), "spend must not be negative");
    }
    return new Spend(day, channel, r.text(2), amount);
  }

  @Override
  void encode(Spend s, String[] out) {
    out[0] = s.date().toString();
    out[1] = s.channel();
    out[2] = s.campaign();
    out[3] = text(s.amount());
    out[4] = currency(s.amount());
  }
}
