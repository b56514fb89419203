package dev.funnel.core.columnar;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The marketing spend of a {@link Columns} form, sorted by day, then channel, campaign and amount.
 * Days are epoch days ({@link java.time.LocalDate#toEpochDay()}) of the local date in the dataset
 * time zone; amounts in the dataset currency. Immutable and thread-safe.
 */
public final class SpendColumns {

  private final int[] day;
  private final Codes channel;
  private final Codes campaign;
  private final MoneyColumn amount;

  SpendColumns(int[] day, Codes channel, Codes campaign, MoneyColumn amount) {
    this.day = day;
    this.channel = channel;
    this.campaign = campaign;
    this.amount = amount;
  }

  /** Number of spend rows. */
  public int size() {
    return day.length;
  }

  /** The day, as days since 1970-01-01. */
  public int day(int row) {
    return day[row];
  }

  /** Channel code ({@link Columns#channels()}). */
  public int channel(int row) {
    return channel.get(row);
  }

  /** Campaign code ({@link Columns#campaigns()}) or {@link Dictionary#ABSENT}. */
  public int campaign(int row) {
    return campaign.get(row);
  }

  /** The amounts (always present, never negative). */
  public MoneyColumn amount() {
    return amount;
  }

  Map<String, Object> arrays() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("day", day);
    m.put("channel", channel.array());
    m.put("campaign", campaign.array());
    MoneyColumn.putArrays(m, "amount", amount);
    return m;
  }
}
