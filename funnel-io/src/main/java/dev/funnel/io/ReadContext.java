package dev.funnel.io;

import dev.funnel.core.CurrencyRates;
import dev.funnel.core.StageCatalog;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;

/**
 * Settings and cross-row state of one read: the zone and catalog rows are decoded with, the lead
 * ids seen so far (a second occurrence is rejected) and the currency check.
 */
final class ReadContext {
  final ZoneId zone;
  /** The zone's offset when it never changes (UTC, fixed offsets), else null. */
  final ZoneOffset fixedOffset;
  final StageCatalog catalog;
  final CurrencyRates rates;
  /** Whether a currency other than the first one seen is rejected while reading. */
  final boolean firstCurrencyRule;
  final Set<String> leadIds = new HashSet<>();
  /** The last currency cell read and its checked, upper-case code (most files hold one). */
  String lastCurrencyText;
  String lastCurrency;
  /** The first currency read, under the first-currency rule. */
  String currency;

  /** The default plausible window of dates: 1900-01-01 to 2199-12-31. */
  static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
  static final LocalDate LATEST = LocalDate.of(2199, 12, 31);

  /** The plausible window of dates: a time or date outside it is rejected ({@code implausible_time}). */
  final LocalDate earliest;
  final LocalDate latest;
  /** The window as epoch seconds: from the start of its first day to the end of its last, in UTC. */
  final long minSecond;
  final long maxSecond;

  ReadContext(ZoneId zone, StageCatalog catalog, CurrencyRates rates, boolean firstCurrencyRule) {
    this(zone, catalog, rates, firstCurrencyRule, EARLIEST, LATEST);
  }

  ReadContext(ZoneId zone, StageCatalog catalog, CurrencyRates rates, boolean firstCurrencyRule,
      LocalDate earliest, LocalDate latest) {
    this.earliest = earliest;
    this.latest = latest;
    this.minSecond = earliest.toEpochDay() * 86_400L;
    this.maxSecond = latest.toEpochDay() * 86_400L + 86_399L;
    this.zone = zone;
    this.fixedOffset = zone.getRules().isFixedOffset() ? zone.getRules().getOffset(java.time.Instant.EPOCH) : null;
    this.catalog = catalog;
    this.rates = rates;
    this.firstCurrencyRule = firstCurrencyRule;
  }
}
