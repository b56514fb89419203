package dev.funnel.io;

import dev.funnel.core.DatasetTable;
import dev.funnel.core.JourneyPath;
import java.math.BigDecimal;
import java.util.List;

/**
 * Table {@code paths}, the ChannelAttribution / GA / Fractribution layout: {@code path} written
 * {@code a > b > c} and {@code total_conversions} are required; an absent value or null count is
 * zero.
 */
final class PathCodec extends Codec<JourneyPath> {
  static final PathCodec INSTANCE = new PathCodec();

  private PathCodec() {
    super(DatasetTable.PATHS,
        new String[] {"path", "total_conversions", "total_conversion_value", "total_null"},
        new String[] {"path", "total_conversions"},
        new String[] {"total_conversions", "total_conversion_value", "total_null"});
  }

  @Override
  JourneyPath decode(RowCells r, ReadContext ctx) {
    String text = need(r, 0);
    List<String> channels;
    try {
      channels = JourneyPath.parseChannels(text);
    } catch (IllegalArgumentException e) {
      throw new Reject("invalid_path", 0, text, "a path is channels separated by '>', none empty");
    }
    if (r.raw(1) == null) {
      throw missing(1);
    }
    long conversions = count(r, 1, 0);
    BigDecimal value = decimal(r, 2, false);
    long nulls = count(r, 3, 0);
    return new JourneyPath(channels, conversions, value == null ? BigDecimal.ZERO : value, nulls);
  }

  @Override
  void encode(JourneyPath p, String[] out) {
    for (String c : p.channels()) {
      if (c.indexOf('>') >= 0 || !c.equals(c.strip())) {
        throw new IllegalArgumentException(
            "path channel '" + c + "' cannot be written: it contains '>' or surrounding blanks");
      }
    }
    out[0] = p.pathText();
    out[1] = Long.toString(p.conversions());
    out[2] = p.value().toPlainString();
    out[3] = Long.toString(p.nulls());
  }
}
