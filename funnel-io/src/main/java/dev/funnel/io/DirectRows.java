package dev.funnel.io;

import dev.funnel.core.DatasetTable;
import dev.funnel.core.Lead;
import dev.funnel.core.Money;
import dev.funnel.core.Stage;
import dev.funnel.core.TouchKind;
import dev.funnel.core.columnar.ColumnsBuilder;
import dev.funnel.core.columnar.ColumnsBuilder.Key;
import dev.funnel.core.columnar.MoneyColumn;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The fast route of a CSV table into the columns: a record whose cells are all plain (printable
 * ASCII, no doubled quotes, no formula guard) and valid is parsed from the tokenizer's bytes and
 * appended as codes, epoch milliseconds and scaled longs, with no string, record or
 * {@link java.math.BigDecimal} made for it. Any other record is left to the table's
 * {@link Codec} ({@link #append} answers false), so every rule, rejection and message stays the
 * codec's: this class only ever accepts what the codec would accept, and appends what the record
 * would hold (lower-cased reasons, types and outcomes; a lead's missing channel and customer).
 *
 * <p>Cells are validated before any text is coded, so a record that falls back to the codec (and
 * is perhaps rejected) leaves no trace in the dictionaries. Not thread-safe; one per table read.
 */
abstract class DirectRows {

  private static final java.lang.invoke.VarHandle LONG_LE = java.lang.invoke.MethodHandles
      .byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

  /** What the text helpers return for a cell the fast route does not take. */
  static final int NOT_PLAIN = -2;
  /** {@link dev.funnel.core.columnar.Dictionary#ABSENT}. */
  static final int ABSENT = -1;

  final ColumnsBuilder cols;
  final ReadContext ctx;
  private final int[] map;
  private CsvTokenizer tok;
  byte[] b;
  // the trimmed bounds found by plain(); valid until the next call
  int from;
  int to;
  // the last time and amount parsed
  long ms;
  int sub;
  long unscaled;
  int scale;
  private final int[] nano = new int[1];
  private final long[] amount = new long[1];
  private byte[] lower = new byte[32];
  // whether the last plain cell found holds non-ASCII characters
  boolean nonAscii;

  DirectRows(ColumnsBuilder cols, ReadContext ctx, int[] map) {
    this.cols = cols;
    this.ctx = ctx;
    this.map = map;
  }

  /** The fast route of a table, or null when it has none (spend, plan and paths are small). */
  static DirectRows of(DatasetTable t, ColumnsBuilder cols, ReadContext ctx, int[] map,
      int[] extraIndex) {
    switch (t) {
      case LEADS: return new Leads(cols, ctx, map, extraIndex);
      case STAGES: return new Stages(cols, ctx, map);
      case ACTIVITIES: return new Activities(cols, ctx, map);
      case TOUCHES: return new Touches(cols, ctx, map);
      case PAYMENTS: return new Payments(cols, ctx, map);
      default: return null;
    }
  }

  /** Appends the current record when it takes the fast route; false leaves it to the codec. */
  final boolean append(CsvTokenizer t) {
    tok = t;
    b = t.buffer();
    return row();
  }

  abstract boolean row();

  /**
   * Finds the trimmed bytes of a table column ({@link #from}, {@link #to}): true when there are
   * some and they are plain; false with {@code from == to} when the cell is absent or blank; false
   * with {@code from > to} when it is not plain (doubled quotes, a control byte, the formula guard,
   * or trimmed spaces next to a non-ASCII character, which the codec's strip may also remove).
   */
  final boolean plain(int col) {
    int f = map[col];
    if (f < 0) {
      from = to = 0;
      return false;
    }
    int fl = tok.flags(f);
    if ((fl & (CsvTokenizer.ESCAPED | CsvTokenizer.CONTROL)) != 0) {
      from = 1;
      to = 0;
      return false;
    }
    int s0 = tok.start(f);
    int e0 = tok.end(f);
    int s = s0;
    int e = e0;
    byte[] x = b;
    while (s < e && (x[s] == ' ' || x[s] == '\t')) {
      s++;
    }
    while (e > s && (x[e - 1] == ' ' || x[e - 1] == '\t')) {
      e--;
    }
    if (s == e) {
      from = to = s;
      return false;
    }
    nonAscii = (fl & CsvTokenizer.NON_ASCII) != 0;
    if (x[s] == '\'' || (nonAscii && ((s > s0 && x[s] < 0) || (e < e0 && x[e - 1] < 0)))) {
      from = 1;
      to = 0;
      return false;
    }
    from = s;
    to = e;
    return true;
  }

  /** Whether the last {@link #plain} call found an absent or blank cell. */
  final boolean absent() {
    return from == to;
  }

  /** A required time cell into {@link #ms} and {@link #sub}; false when the codec must see it. */
  final boolean time(int col) {
    if (!plain(col)) {
      return false;
    }
    long sec = Timestamps.parse(b, from, to - from, ctx.zone, ctx.fixedOffset, nano);
    if (sec == Timestamps.INVALID || sec < ctx.minSecond || sec > ctx.maxSecond) {
      return false; // the codec rejects it
    }
    ms = sec * 1000 + nano[0] / 1_000_000;
    sub = nano[0] % 1_000_000;
    return true;
  }

  /**
   * An optional amount into {@link #unscaled} ({@link MoneyColumn#ABSENT} when absent) and
   * {@link #scale}; false when the codec must see it (not plain, invalid, more than 18 digits,
   * negative where {@code nonNegative}).
   */
  final boolean amount(int col, boolean nonNegative) {
    if (!plain(col)) {
      if (absent()) {
        unscaled = MoneyColumn.ABSENT;
        scale = 0;
        return true;
      }
      return false;
    }
    int sc = Decimals.parse(b, from, to - from, amount);
    if (sc < 0 || (nonNegative && amount[0] < 0)) {
      return false;
    }
    unscaled = amount[0];
    scale = sc;
    return true;
  }

  /** Codes the last plain cell found (call only after {@link #plain} answered true). */
  final int code(Key k) {
    return cols.code(k, b, from, to - from);
  }

  /** Codes the last plain cell found, lower-cased as the record lowers it. */
  final int lowerCode(Key k) {
    int n = to - from;
    if (nonAscii) {
      return cols.code(k, new String(b, from, n, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT));
    }
    int i = from;
    while (i < to && (b[i] < 'A' || b[i] > 'Z')) {
      i++;
    }
    if (i == to) {
      return cols.code(k, b, from, n);
    }
    if (lower.length < n) {
      lower = new byte[n];
    }
    for (int k2 = 0; k2 < n; k2++) {
      byte c = b[from + k2];
      lower[k2] = c >= 'A' && c <= 'Z' ? (byte) (c + 32) : c;
    }
    return cols.code(k, lower, 0, n);
  }

  /**
   * The state of an optional text cell before coding: 1 plain, 0 absent, {@link #NOT_PLAIN}. The
   * bounds of a plain cell are returned in the low and high halves of a long by {@link #span}.
   */
  final long span(int col) {
    if (plain(col)) {
      return (nonAscii ? NON_ASCII_SPAN : 0) | ((long) from << 32) | (to & 0xFFFFFFFFL);
    }
    return absent() ? ABSENT : NOT_PLAIN;
  }

  /** The bit of a span that marks non-ASCII text (buffer positions stay below 2^30). */
  static final long NON_ASCII_SPAN = 1L << 62;

  private void at(long span) {
    from = (int) ((span >>> 32) & 0x3FFF_FFFF);
    to = (int) span;
    nonAscii = (span & NON_ASCII_SPAN) != 0;
  }

  /** Codes a span from {@link #span}: ABSENT stays ABSENT. */
  final int code(Key k, long span) {
    if (span < 0) {
      return ABSENT;
    }
    at(span);
    return code(k);
  }

  /** Codes a span from {@link #span} lower-cased: ABSENT stays ABSENT. */
  final int lowerCode(Key k, long span) {
    if (span < 0) {
      return ABSENT;
    }
    at(span);
    return lowerCode(k);
  }

  // the text columns of each table, in the order their spans are taken
  private static final int[] LEAD_TEXT = {0, 2, 3, 4, 5};
  private static final int[] STAGE_TEXT = {0, 3, 5};
  private static final int[] ACTIVITY_TEXT = {0, 2, 3, 4};
  private static final int[] TOUCH_TEXT = {0, 2, 3};
  private static final int[] PAYMENT_TEXT = {0, 1, 2, 6};

  /** Spans of text cells into {@code out}; false when one is not plain (the codec must see it). */
  final boolean spans(long[] out, int[] cols) {
    for (int i = 0; i < cols.length; i++) {
      long s = span(cols[i]);
      if (s == NOT_PLAIN) {
        return false;
      }
      out[i] = s;
    }
    return true;
  }

  private static final class Leads extends DirectRows {
    private final int[] extraIndex;
    private final long[] opt = new long[5];
    private int none = -3; // the code of Lead.NO_CHANNEL, made on first use

    Leads(ColumnsBuilder cols, ReadContext ctx, int[] map, int[] extraIndex) {
      super(cols, ctx, map);
      this.extraIndex = extraIndex;
    }

    @Override
    boolean row() {
      for (int f : extraIndex) {
        if (!blankField(f)) {
          return false; // attributes: the record route keeps them
        }
      }
      if (!time(1) || !spans(opt, LEAD_TEXT) || opt[0] < 0) {
        return false;
      }
      long customer = span(6);
      if (customer == NOT_PLAIN) {
        return false;
      }
      int id = code(Key.LEAD, opt[0]);
      if (cols.hasLead(id)) {
        return false; // the codec route rejects it as a duplicate
      }
      int channel;
      if (opt[1] < 0) {
        if (none == -3) {
          none = cols.code(Key.CHANNEL, Lead.NO_CHANNEL);
        }
        channel = none;
      } else {
        channel = code(Key.CHANNEL, opt[1]);
      }
      int cust = customer < 0 ? ColumnsBuilder.OWN_CUSTOMER : code(Key.CUSTOMER, customer);
      cols.lead(id, ms, sub, channel, code(Key.CAMPAIGN, opt[2]), code(Key.SEGMENT, opt[3]),
          code(Key.OWNER, opt[4]), cust);
      return true;
    }
  }

  static boolean letter(byte c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  }

  /** Whether file field {@code f} is empty or only characters that strip removes (ASCII). */
  final boolean blankField(int f) {
    for (int i = tok.start(f), e = tok.end(f); i < e; i++) {
      byte c = b[i];
      if (c != ' ' && c != '\t') {
        return false;
      }
    }
    return true;
  }

  private static final class Stages extends DirectRows {
    private final long[] opt = new long[3];
    private byte[][] names = new byte[0][];
    private int[] stages = new int[0];

    Stages(ColumnsBuilder cols, ReadContext ctx, int[] map) {
      super(cols, ctx, map);
    }

    @Override
    boolean row() {
      if (!plain(1)) {
        return false;
      }
      int stage = stage();
      if (stage < 0 || !time(2) || !amount(4, false)) {
        return false;
      }
      if (!spans(opt, STAGE_TEXT) || opt[0] < 0) {
        return false;
      }
      cols.stage(code(Key.LEAD, opt[0]), stage, ms, sub, lowerCode(Key.REASON, opt[1]), unscaled,
          scale, code(Key.OWNER, opt[2]));
      return true;
    }

    /** The catalog index of the plain stage name found, -1 when it is not a stage. */
    private int stage() {
      byte[] x = b;
      int n = to - from;
      for (int i = 0; i < names.length; i++) {
        byte[] s = names[i];
        if (s.length == n && s[0] == x[from] && Arrays.equals(s, 0, n, x, from, to)) {
          return stages[i];
        }
      }
      String name = new String(x, from, n, StandardCharsets.UTF_8);
      Optional<Stage> st = ctx.catalog.find(name);
      if (st.isEmpty()) {
        return -1;
      }
      if (names.length < 64) {
        names = Arrays.copyOf(names, names.length + 1);
        stages = Arrays.copyOf(stages, stages.length + 1);
        names[names.length - 1] = Arrays.copyOfRange(x, from, to);
        stages[stages.length - 1] = st.get().index();
      }
      return st.get().index();
    }
  }

  private static final class Activities extends DirectRows {
    private final long[] opt = new long[4];

    Activities(ColumnsBuilder cols, ReadContext ctx, int[] map) {
      super(cols, ctx, map);
    }

    @Override
    boolean row() {
      if (!time(1) || !spans(opt, ACTIVITY_TEXT) || opt[0] < 0 || opt[1] < 0) {
        return false;
      }
      cols.activity(code(Key.LEAD, opt[0]), ms, sub, lowerCode(Key.ACTIVITY_TYPE, opt[1]),
          code(Key.OWNER, opt[2]), lowerCode(Key.OUTCOME, opt[3]));
      return true;
    }
  }

  private static final class Touches extends DirectRows {
    private final long[] opt = new long[4];

    Touches(ColumnsBuilder cols, ReadContext ctx, int[] map) {
      super(cols, ctx, map);
    }

    @Override
    boolean row() {
      int kind;
      if (plain(4)) {
        if (is(ONLINE, ONLINE_LE)) {
          kind = TouchKind.ONLINE.ordinal();
        } else if (is(OFFLINE, OFFLINE_LE)) {
          kind = TouchKind.OFFLINE.ordinal();
        } else {
          return false;
        }
      } else if (absent()) {
        kind = TouchKind.ONLINE.ordinal();
      } else {
        return false;
      }
      if (!time(1) || !amount(5, true)) {
        return false;
      }
      if (!spans(opt, TOUCH_TEXT) || opt[0] < 0 || opt[1] < 0) {
        return false;
      }
      cols.touch(code(Key.LEAD, opt[0]), ms, sub, code(Key.CHANNEL, opt[1]),
          code(Key.CAMPAIGN, opt[2]), kind, unscaled, scale);
      return true;
    }

    private static final byte[] ONLINE = "online".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OFFLINE = "offline".getBytes(StandardCharsets.US_ASCII);
    private static final long ONLINE_LE = (long) LONG_LE.get(Arrays.copyOf(ONLINE, 8), 0);
    private static final long OFFLINE_LE = (long) LONG_LE.get(Arrays.copyOf(OFFLINE, 8), 0);

    /**
     * Whether the plain cell found is {@code word} (lower-case ASCII letters) in any letter case:
     * eight bytes at once where the buffer has them (setting bit 0x20 lower-cases a letter and
     * turns no other byte into one).
     */
    private boolean is(byte[] word, long lower) {
      if (to - from != word.length) {
        return false;
      }
      if (from + 8 <= b.length) {
        long mask = -1L >>> (64 - 8 * word.length);
        return (((long) LONG_LE.get(b, from) | 0x2020202020202020L) & mask) == lower;
      }
      for (int i = 0; i < word.length; i++) {
        if ((b[from + i] | 0x20) != word[i]) {
          return false;
        }
      }
      return true;
    }
  }

  private static final class Payments extends DirectRows {
    private final long[] opt = new long[4];
    // currency texts seen (three letters) and their codes
    private byte[][] texts = new byte[0][];
    private String[] codes = new String[0];

    Payments(ColumnsBuilder cols, ReadContext ctx, int[] map) {
      super(cols, ctx, map);
    }

    @Override
    boolean row() {
      if (!spans(opt, PAYMENT_TEXT) || (opt[1] < 0 && opt[2] < 0) || (opt[0] >= 0 && (opt[0] & NON_ASCII_SPAN) != 0)
          || !time(3)) {
        return false;
      }
      long t = ms;
      int s = sub;
      if (!amount(4, false) || unscaled == MoneyColumn.ABSENT) {
        return false; // a payment's amount is required: the codec rejects it
      }
      // last, since the first-currency rule remembers the first currency of an accepted row
      String currency;
      if (plain(5)) {
        if (to - from != 3 || !letter(b[from]) || !letter(b[from + 1]) || !letter(b[from + 2])) {
          return false; // the codec rejects it
        }
        int k = 0;
        while (k < texts.length && !Arrays.equals(texts[k], 0, 3, b, from, to)) {
          k++;
        }
        if (k == texts.length) {
          if (k == 32) {
            return false; // enough kept; the codec takes the rest
          }
          texts = Arrays.copyOf(texts, k + 1);
          codes = Arrays.copyOf(codes, k + 1);
          texts[k] = Arrays.copyOfRange(b, from, to);
          codes[k] = new String(b, from, 3, StandardCharsets.US_ASCII).toUpperCase(Locale.ROOT);
        }
        currency = codes[k];
        try {
          Codec.checkCurrency(currency, 5, ctx);
        } catch (Reject r) {
          return false;
        }
      } else if (absent()) {
        currency = Money.UNSPECIFIED;
      } else {
        return false;
      }
      int lead = code(Key.LEAD, opt[2]);
      int customer = code(Key.CUSTOMER, opt[1] < 0 ? opt[2] : opt[1]);
      int product = code(Key.PRODUCT, opt[3]);
      long id = opt[0];
      int from = id < 0 ? 0 : (int) ((id >>> 32) & 0x3FFF_FFFF);
      int len = id < 0 ? -1 : (int) id - from;
      cols.payment(customer, lead, t, s, unscaled, scale, currency, product, b, from, len);
      return true;
    }
  }
}
