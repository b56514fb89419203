package dev.funnel.spark;

import dev.funnel.core.CurrencyRates;
import dev.funnel.core.DatasetTable;
import dev.funnel.core.Payment;
import dev.funnel.core.Spend;
import dev.funnel.core.Stage;
import dev.funnel.core.StageCatalog;
import dev.funnel.io.RowDecoder;
import dev.funnel.io.Rows;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;

/**
 * What every task needs to decode rows the way {@code DatasetReader} does: the dataset zone, the
 * stage catalog, each table's header and the conversion rates, if any. Serializable as plain
 * strings and decimals; the decoders ({@link RowDecoder}, funnel-io's own cell rules) are built
 * once per task on first use.
 *
 * <p>With rates, payments and spend come out of {@link #decode} in the target currency, converted
 * by {@link CurrencyRates#convert(dev.funnel.core.Money)}, the conversion {@code Dataset.Builder.rates}
 * applies to the same records on the single-JVM route.
 */
final class Setup implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String zone;
  private final ArrayList<String> progression = new ArrayList<>();
  private final ArrayList<String> exits = new ArrayList<>();
  private final EnumMap<DatasetTable, ArrayList<String>> headers = new EnumMap<>(DatasetTable.class);
  /** The rates' target currency, or null without rates. */
  private final String ratesTarget;
  private final HashMap<String, BigDecimal> rates = new HashMap<>();
  private transient CurrencyRates currencyRates;
  private transient ZoneId zoneId;
  private transient StageCatalog catalog;
  private transient Map<DatasetTable, RowDecoder<?>> decoders;

  Setup(ZoneId zone, StageCatalog catalog, Map<DatasetTable, List<String>> headers,
      CurrencyRates rates) {
    this.zone = zone.getId();
    this.ratesTarget = rates == null ? null : rates.target();
    if (rates != null) {
      this.rates.putAll(rates.rates());
    }
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
    this.ratesTarget = other.ratesTarget;
    this.rates.putAll(other.rates);
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

  /** The conversion rates, or null without. */
  CurrencyRates rates() {
    if (currencyRates == null && ratesTarget != null) {
      currencyRates = CurrencyRates.of(ratesTarget, rates);
    }
    return currencyRates;
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
        t -> RowDecoder.of(rows, headers.get(t), zone(), catalog(), rates()));
    T record = d.decode(LongForm.cells(longForm));
    CurrencyRates r = rates();
    if (r == null) {
      return record;
    }
    if (record instanceof Payment p) {
      return (T) new Payment(p.paymentId(), p.customerId(), p.leadId(), p.paidAt(),
          r.convert(p.amount()), p.product());
    }
    if (record instanceof Spend s) {
      return (T) new Spend(s.date(), s.channel(), s.campaign(), r.convert(s.amount()));
    }
    return record;
  }
}
