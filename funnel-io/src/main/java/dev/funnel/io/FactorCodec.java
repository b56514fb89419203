package dev.funnel.io;

import dev.funnel.core.bridge.FactorRow;
import java.math.BigDecimal;

/**
 * The rows of a bridge's factor file ({@code funnel bridge --factors}, docs/spec/cli.md):
 * {@code segment,factor,base,current}; {@code segment} may be empty or absent (the single
 * unnamed segment), {@code factor} is required, {@code base} and {@code current} are plain
 * decimals that must be finite as doubles. Not a dataset table: no {@link dev.funnel.core.DatasetTable}.
 */
final class FactorCodec extends Codec<FactorRow> {
  static final FactorCodec INSTANCE = new FactorCodec();

  private FactorCodec() {
    super(null,
        new String[] {"segment", "factor", "base", "current"},
        new String[] {"factor", "base", "current"},
        new String[] {"base", "current"});
  }

  @Override
  FactorRow decode(RowCells r, ReadContext ctx) {
    String factor = need(r, 1);
    return new FactorRow(r.text(0), factor, finite(r, 2), finite(r, 3));
  }

  private double finite(RowCells r, int col) {
    BigDecimal d = decimal(r, col, true);
    double v = d.doubleValue();
    if (!Double.isFinite(v)) {
      throw new Reject("out_of_range", col, r.raw(col), "the number is too large for a double");
    }
    return v;
  }

  @Override
  void encode(FactorRow f, String[] out) {
    out[0] = f.segment();
    out[1] = f.factor();
    out[2] = Double.toString(f.base());
    out[3] = Double.toString(f.current());
  }
}
