package dev.funnel.core.live;

import dev.funnel.core.Activity;
import dev.funnel.core.Granularity;
import dev.funnel.core.Lead;
import dev.funnel.core.Money;
import dev.funnel.core.Payment;
import dev.funnel.core.Period;
import dev.funnel.core.PlanTarget;
import dev.funnel.core.Spend;
import dev.funnel.core.StageChange;
import dev.funnel.core.Touch;
import dev.funnel.core.TouchKind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The versioned byte form of a {@link LiveFunnel}'s state, so a host restarts without replaying
 * history. Version 2, big-endian:
 * <pre>
 * "FNLV" | u8 version = 2 | clock: u8 present, i64 seconds, i32 nanos
 * | i32 events | per event: str id, i64 version, u8 kind, the row's fields
 * | i32 firings | per firing: str lead, str rule, instant at, str action
 * </pre>
 * A str is an i32 byte length (-1 for null) and UTF-8 bytes; an instant is i64 seconds and i32
 * nanos; a decimal is a str of its plain text; a day is i64 epoch day. Row kinds: 1 lead (id,
 * created, channel, campaign, segment, owner, customer, i32 attributes then key/value strs), 2
 * stage change (lead, stage name, at, reason, amount, amount currency, owner), 3 activity (lead,
 * at, type, owner, outcome), 4 touch (lead, at, channel, campaign, u8 kind, cost, cost currency),
 * 5 payment (id, customer, lead,
 * paid, amount, currency, product), 6 spend (day, channel, campaign, amount, currency), 7 plan
 * target (granularity, start day, metric, target, channel). Events are written in identity order
 * and firings in their order, so equal states write equal bytes. The configuration (catalog,
 * zone, rules) is not in the checkpoint: the restoring host supplies it.
 *
 * <p>Version 1 (still read) had no currency after a stage change's amount or a touch's cost: they
 * read back without a currency ({@link Money#UNSPECIFIED}), that is in the funnel's currency.
 */
final class LiveCheckpoint {
  private LiveCheckpoint() {}

  private static final byte[] MAGIC = {'F', 'N', 'L', 'V'};
  private static final int VERSION = 2;
  /** The layout before stage amounts and touch costs carried a currency; still read. */
  private static final int VERSION_1 = 1;
  /** Longest string accepted on reading (a forged length must not allocate gigabytes). */
  private static final int MAX_STRING = 1 << 20;
  /** Most decimal characters accepted on reading. */
  private static final int MAX_DECIMAL = 1_000;

  static byte[] write(LiveFunnel f) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.write(MAGIC);
      out.writeByte(VERSION);
      Instant clock = f.clock();
      out.writeByte(clock == null ? 0 : 1);
      out.writeLong(clock == null ? 0 : clock.getEpochSecond());
      out.writeInt(clock == null ? 0 : clock.getNano());
      List<LiveEvent> events = f.events();
      out.writeInt(events.size());
      for (LiveEvent e : events) {
        str(out, e.id());
        out.writeLong(e.version());
        row(out, e.row());
      }
      List<Firing> firings = f.firings();
      out.writeInt(firings.size());
      for (Firing x : firings) {
        str(out, x.leadId());
        str(out, x.rule());
        instant(out, x.at());
        str(out, x.action());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array does not fail
    }
    return bytes.toByteArray();
  }

  private static void row(DataOutputStream out, Object r) throws IOException {
    if (r instanceof Lead l) {
      out.writeByte(1);
      str(out, l.id());
      instant(out, l.createdAt());
      str(out, l.channel());
      str(out, l.campaign());
      str(out, l.segment());
      str(out, l.owner());
      str(out, l.customerId());
      out.writeInt(l.attributes().size());
      for (Map.Entry<String, String> a : new java.util.TreeMap<>(l.attributes()).entrySet()) {
        str(out, a.getKey());
        str(out, a.getValue());
      }
    } else if (r instanceof StageChange s) {
      out.writeByte(2);
      str(out, s.leadId());
      str(out, s.stage().name());
      instant(out, s.at());
      str(out, s.reason());
      money(out, s.amount());
      str(out, s.owner());
    } else if (r instanceof Activity a) {
      out.writeByte(3);
      str(out, a.leadId());
      instant(out, a.at());
      str(out, a.type());
      str(out, a.owner());
      str(out, a.outcome());
    } else if (r instanceof Touch t) {
      out.writeByte(4);
      str(out, t.leadId());
      instant(out, t.at());
      str(out, t.channel());
      str(out, t.campaign());
      out.writeByte(t.kind().ordinal());
      money(out, t.cost());
    } else if (r instanceof Payment p) {
      out.writeByte(5);
      str(out, p.paymentId());
      str(out, p.customerId());
      str(out, p.leadId());
      instant(out, p.paidAt());
      str(out, p.amount().amount().toPlainString());
      str(out, p.amount().currency());
      str(out, p.product());
    } else if (r instanceof Spend s) {
      out.writeByte(6);
      out.writeLong(s.date().toEpochDay());
      str(out, s.channel());
      str(out, s.campaign());
      str(out, s.amount().amount().toPlainString());
      str(out, s.amount().currency());
    } else if (r instanceof PlanTarget p) {
      out.writeByte(7);
      str(out, p.period().granularity().name());
      out.writeLong(p.period().start().toEpochDay());
      str(out, p.metric());
      str(out, p.target().toPlainString());
      str(out, p.channel());
    } else {
      throw new IllegalStateException("no byte form for " + r.getClass());
    }
  }

  /** An optional amount: its plain text, then its currency (both null strs when absent). */
  private static void money(DataOutputStream out, Money m) throws IOException {
    str(out, m == null ? null : m.amount().toPlainString());
    str(out, m == null ? null : m.currency());
  }

  private static void str(DataOutputStream out, String s) throws IOException {
    if (s == null) {
      out.writeInt(-1);
      return;
    }
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static void instant(DataOutputStream out, Instant t) throws IOException {
    out.writeLong(t.getEpochSecond());
    out.writeInt(t.getNano());
  }

  static void read(byte[] bytes, LiveFunnel into) {
    if (bytes == null) {
      throw new IllegalArgumentException("no checkpoint bytes");
    }
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      byte[] magic = new byte[4];
      in.readFully(magic);
      if (!java.util.Arrays.equals(magic, MAGIC)) {
        throw new IllegalArgumentException("not a live funnel checkpoint (bad magic)");
      }
      int version = in.readUnsignedByte();
      if (version != VERSION && version != VERSION_1) {
        throw new IllegalArgumentException("checkpoint version " + version
            + " is not supported (this library reads versions " + VERSION_1 + " and " + VERSION
            + ")");
      }
      int hasClock = in.readUnsignedByte();
      long sec = in.readLong();
      int nano = in.readInt();
      Instant clock = hasClock == 1 ? instant(sec, nano) : null;
      if (hasClock > 1) {
        throw new IllegalArgumentException("checkpoint: bad clock flag " + hasClock);
      }
      int n = count(in.readInt(), bytes.length, "events");
      List<LiveEvent> events = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        String id = str(in);
        long v = in.readLong();
        events.add(new LiveEvent(id, v, row(in, into, version)));
      }
      int m = count(in.readInt(), bytes.length, "firings");
      List<Firing> firings = new ArrayList<>(m);
      for (int i = 0; i < m; i++) {
        String lead = required(str(in), "firing lead");
        String rule = required(str(in), "firing rule");
        Instant at = instant(in.readLong(), in.readInt());
        firings.add(new Firing(lead, rule, at, required(str(in), "firing action")));
      }
      if (in.available() > 0) {
        throw new IllegalArgumentException("checkpoint: " + in.available() + " bytes after the end");
      }
      into.restoreState(events, firings, clock);
    } catch (IOException e) {
      throw new IllegalArgumentException("checkpoint cut short or unreadable: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      if (e instanceof IllegalArgumentException) {
        throw e;
      }
      throw new IllegalArgumentException("checkpoint holds an invalid row: " + e.getMessage(), e);
    }
  }

  private static Object row(DataInputStream in, LiveFunnel into, int version) throws IOException {
    int kind = in.readUnsignedByte();
    switch (kind) {
      case 1: {
        String id = str(in);
        Instant created = instant(in.readLong(), in.readInt());
        String channel = str(in);
        String campaign = str(in);
        String segment = str(in);
        String owner = str(in);
        String customer = str(in);
        int k = count(in.readInt(), Integer.MAX_VALUE, "attributes");
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = 0; i < k; i++) {
          attributes.put(str(in), str(in));
        }
        return new Lead(id, created, channel, campaign, segment, owner, customer, attributes);
      }
      case 2: {
        String lead = str(in);
        String stage = required(str(in), "stage");
        Instant at = instant(in.readLong(), in.readInt());
        String reason = str(in);
        Money amount = money(in, version, "stage amount");
        return new StageChange(lead, into.catalog().stage(stage), at, reason, amount, str(in));
      }
      case 3:
        return new Activity(str(in), instant(in.readLong(), in.readInt()), str(in), str(in), str(in));
      case 4: {
        String lead = str(in);
        Instant at = instant(in.readLong(), in.readInt());
        String channel = str(in);
        String campaign = str(in);
        int k = in.readUnsignedByte();
        if (k >= TouchKind.values().length) {
          throw new IllegalArgumentException("checkpoint: bad touch kind " + k);
        }
        return new Touch(lead, at, channel, campaign, TouchKind.values()[k],
            money(in, version, "touch cost"));
      }
      case 5: {
        String id = str(in);
        String customer = str(in);
        String lead = str(in);
        Instant at = instant(in.readLong(), in.readInt());
        BigDecimal amount = decimal(required(str(in), "payment amount"));
        Money money = Money.of(amount, required(str(in), "payment currency"));
        return new Payment(id, customer, lead, at, money, str(in));
      }
      case 6: {
        LocalDate day = LocalDate.ofEpochDay(in.readLong());
        String channel = str(in);
        String campaign = str(in);
        BigDecimal amount = decimal(required(str(in), "spend amount"));
        return new Spend(day, channel, campaign, Money.of(amount, required(str(in), "currency")));
      }
      case 7: {
        Granularity g = Granularity.valueOf(required(str(in), "granularity"));
        Period p = Period.of(g, LocalDate.ofEpochDay(in.readLong()));
        String metric = str(in);
        BigDecimal target = decimal(required(str(in), "plan target"));
        return new PlanTarget(p, metric, target, str(in));
      }
      default:
        throw new IllegalArgumentException("checkpoint: unknown row kind " + kind);
    }
  }

  /**
   * An optional amount as {@link #money(DataOutputStream, Money)} writes it; version 1 wrote no
   * currency (the amount has none).
   */
  private static Money money(DataInputStream in, int version, String what) throws IOException {
    BigDecimal amount = decimal(str(in));
    String currency = version == VERSION_1 ? null : str(in);
    if (amount == null) {
      if (currency != null) {
        throw new IllegalArgumentException("checkpoint: a currency without a " + what);
      }
      return null;
    }
    return Money.of(amount, required(currency == null && version == VERSION_1
        ? Money.UNSPECIFIED : currency, what + " currency"));
  }

  private static String str(DataInputStream in) throws IOException {
    int len = in.readInt();
    if (len == -1) {
      return null;
    }
    if (len < 0 || len > MAX_STRING || len > in.available()) {
      throw new IllegalArgumentException("checkpoint: bad string length " + len);
    }
    byte[] b = new byte[len];
    in.readFully(b);
    return new String(b, StandardCharsets.UTF_8);
  }

  private static BigDecimal decimal(String s) {
    if (s == null) {
      return null;
    }
    if (s.length() > MAX_DECIMAL) {
      throw new IllegalArgumentException("checkpoint: a decimal of " + s.length() + " characters");
    }
    try {
      return new BigDecimal(s);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("checkpoint: bad decimal '" + s + "'");
    }
  }

  private static Instant instant(long sec, int nano) {
    if (nano < 0 || nano > 999_999_999) {
      throw new IllegalArgumentException("checkpoint: bad nanoseconds " + nano);
    }
    return Instant.ofEpochSecond(sec, nano);
  }

  private static int count(int n, int bound, String what) {
    if (n < 0 || n > bound) {
      throw new IllegalArgumentException("checkpoint: bad count of " + what + ": " + n);
    }
    return n;
  }

  private static String required(String s, String what) {
    if (s == null) {
      throw new IllegalArgumentException("checkpoint: missing " + what);
    }
    return s;
  }
}
