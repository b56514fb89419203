package dev.funnel.io;

import dev.funnel.core.DatasetTable;
import dev.funnel.core.Lead;
import java.time.Instant;
import java.util.Map;

/** Table {@code leads}; unknown columns become {@link Lead#attributes()}; a repeated id is rejected. */
final class LeadCodec extends Codec<Lead> {
  /** Why a second row of a lead is refused. */
  static final String DUPLICATE = "lead_id already read in an earlier row";

  static final LeadCodec INSTANCE = new LeadCodec();

  private LeadCodec() {
    super(DatasetTable.LEADS,
        new String[] {"lead_id", "created_at", "channel", "campaign", "segment", "owner", "customer_id"},
        new String[] {"lead_id", "created_at"},
        new String[] {});
  }

  @Override
  boolean keepsExtras() {
    return true;
  }

  @Override
  Lead decode(RowCells r, ReadContext ctx) {
    String id = need(r, 0);
    Instant created = time(r, 1, ctx);
    Lead lead = new Lead(id, created, r.text(2), r.text(3), r.text(4), r.text(5), r.text(6), r.extras());
    if (!ctx.leadIds.add(lead.id())) {
      throw new Reject("duplicate_lead_id", 0, id, DUPLICATE);
    }
    return lead;
  }

  @Override
  void encode(Lead l, String[] out) {
    out[0] = l.id();
    out[1] = l.createdAt().toString();
    out[2] = l.hasChannel() ? l.channel() : null;
    out[3] = l.campaign();
    out[4] = l.segment();
    out[5] = l.owner();
    out[6] = l.customerId().equals(l.id()) ? null : l.customerId();
  }

  @Override
  Map<String, String> extras(Lead l) {
    return l.attributes();
  }
}
