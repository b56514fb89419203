package dev.funnel.spark;

import dev.funnel.core.DatasetTable;
import dev.funnel.core.Stage;
import dev.funnel.core.StageCatalog;
import dev.funnel.io.RowDecoder;
import dev.funnel.io.Rows;
import java.io.Serializable;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;

/**
 * What every task needs to decode rows the way {@code DatasetReader} does: the dataset zone, the
 * stage catalog and each table's header. Serializable as plain strings; the decoders
 * ({@link RowDecoder}, funnel-io's own cell rules) are built once per task on first use.
 */
final class Setup implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String zone;
  private final ArrayList<String> progression = new ArrayList<>();
  private final ArrayList<String> exits = new ArrayList<>();
  private final EnumMap<DatasetTable, ArrayList<String>> headers = new EnumMap<>(DatasetTable.class);
  private transient ZoneId zoneId;
  private transient StageCatalog catalog;
  private transient Map<DatasetTable, RowDecoder<?>> decoders;

  Setup(ZoneId zone, StageCatalog catalog, Map<DatasetTable, List<String>> headers) {
    this.zone = zone.getId();
    for (Stage s : catalog.progression()) {
      progression.add(s.name());
    }
    for (Stage s : catalog.exits()) {
      exits.add(s.name());
    }
    headers.forEach((t, h) -> this.headers.put(t, new ArrayList<>(h)));
  }

  private Setup(Setup other) {
    this.zone = other.zone;
    this.progression.addAll(other.progression);
    this.exits.addAll(other.exits);
    this.headers.putAll(other.headers);
  }

  /**
   * A copy with decoders of its own. Each Spark function holds its own copy: functions of one
   * stage are serialized together, so a shared instance would share decoders, and a decoder's
   * cross-row checks (a lead id read twice) must only see the rows of one function.
   */
  Setup copy() {
    return new Setup(this);
  }

  ZoneId zone() {
    if (zoneId == null) {
      zoneId = ZoneId.of(zone);
    }
    return zoneId;
  }

  StageCatalog catalog() {
    if (catalog == null) {
      catalog = StageCatalog.of(progression, exits);
    }
    return catalog;
  }

  /** The header of a table, or null when the dataset does not have it. */
  List<String> header(DatasetTable t) {
    return headers.get(t);
  }

  /** The record of a long-form row ({@link LongForm}) of table {@code t}. */
  @SuppressWarnings("unchecked")
  <T> T decode(Rows<T> rows, Row longForm) {
    if (decoders == null) {
      decoders = new EnumMap<>(DatasetTable.class);
    }
    RowDecoder<T> d = (RowDecoder<T>) decoders.computeIfAbsent(rows.table(),
        t -> RowDecoder.of(rows, headers.get(t), zone(), catalog()));
    return d.decode(LongForm.cells(longForm));
  }
}
