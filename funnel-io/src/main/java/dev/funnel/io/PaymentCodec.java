package dev.funnel.io;

import dev.funnel.core.DatasetTable;
import dev.funnel.core.Money;
import dev.funnel.core.Payment;
import java.time.Instant;

/** Table {@code payments}: needs customer_id or lead_id; refunds are negative amounts. */
final class PaymentCodec extends Codec<Payment> {
  static final PaymentCodec INSTANCE = new PaymentCodec();

  private PaymentCodec() {
    super(DatasetTable.PAYMENTS,
        new String[] {"payment_id", "customer_id", "lead_id", "paid_at", "amount", "currency", "product"},
        new String[] {"paid_at", "amount"},
        new String[] {"amount"});
  }

  @Override
  String missingColumn(boolean[] present) {
    String m = super.missingColumn(present);
    if (m == null && !present[1] && !present[2]) {
      return "customer_id";
    }
    return m;
  }

  @Override
  Payment decode(RowCells r, ReadContext ctx) {
    String customer = r.text(1);
    String lead = r.text(2);
    if (customer == null && lead == null) {
      throw new Reject("missing_value", 1, null, "a payment needs customer_id or lead_id");
    }
    Instant at = time(r, 3, ctx);
    Money amount = money(r, 4, 5, ctx);
    return new Payment(r.text(0), customer, lead, at, amount, r.text(6));
  }

  @Override
  void encode(Payment p, String[] out) {
    out[0] = p.paymentId();
    out[1] = p.customerId();
    out[2] = p.leadId();
    out[3] = p.paidAt().toString();
    out[4] = text(p.amount());
    out[5] = currency(p.amount());
    out[6] = p.product();
  }
}
