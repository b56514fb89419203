package dev.funnel.core.demo;

import dev.funnel.core.Activity;
import dev.funnel.core.Lead;
import dev.funnel.core.Money;
import dev.funnel.core.Payment;
import dev.funnel.core.Stage;
import dev.funnel.core.StageCatalog;
import dev.funnel.core.StageChange;
import dev.funnel.core.Touch;
import dev.funnel.core.TouchKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * One lead's story: its journey of touches, its walk down the funnel, the sales activities on it
 * and, when it is won, the customer's payments. Everything about lead {@code i} comes from its own
 * random stream, so leads can be generated one at a time in bounded memory.
 *
 * <p>The model (invented, tuned to look like a B2B SaaS funnel; no source data):
 * <ul>
 *   <li>Conversion from progression stage k to k+1 is {@link #ADVANCE}[k], times the channel's
 *       quality for the two marketing steps and the segment's close factor for the sales steps.
 *   <li>The time to the next move is log-normal with median {@link #DELAY_HOURS}[k] times the
 *       segment's slowness, sigma 0.9. A move that would land after the end of the data does not
 *       happen: the lead is still open.
 *   <li>Some moves skip a stage: LEAD to SQL (channel-dependent), SQL to OPPORTUNITY (12 %),
 *       PROPOSAL to WON for small businesses (15 %).
 *   <li>A lead that does not advance is returned to marketing (RETURNED, early stages), lost
 *       (LOST, with a reason that depends on the stage) or simply left open.
 *   <li>Deal value appears at OPPORTUNITY (log-normal per segment), changes at PROPOSAL and
 *       NEGOTIATION and is final at WON. Won customers pay monthly (subscription) or once (in one
 *       or two instalments, sometimes an add-on later); a few payments are refunded. With
 *       {@link DemoData.Builder#paymentsPerLead} the payments are {@link RepeatPurchases}' instead.
 * </ul>
 */
final class LeadLife {

  static final String[] SDRS = {"sdr.anna", "sdr.ben", "sdr.chloe", "sdr.dmitri"};
  static final String[] AES = {"ae.emma", "ae.felix", "ae.grace"};

  /** Base probability of moving from progression stage k to k+1 (LEAD..NEGOTIATION). */
  static final double[] ADVANCE = {0.50, 0.55, 0.80, 0.75, 0.75, 0.70, 0.65};

  /** Median hours from entering progression stage k to the next move. */
  static final double[] DELAY_HOURS = {20, 40, 20, 120, 240, 168, 240};

  static final long LEAD_SALT = 1;
  static final long DEFECT_SALT = 2;

  private static final StageCatalog CATALOG = StageCatalog.DEFAULT;
  private static final int WON = 7;
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  private static final BigDecimal TEN = BigDecimal.TEN;
  private static final BigDecimal CENT = new BigDecimal("0.01");
  private static final double[] NURTURE = nurtureWeights();

  private final DemoData config;
  private final Window window;
  private final Draw d;
  private final String num;
  private final String id;
  private final Channel channel;
  private final String campaign;
  private final Segment segment;
  private final String sdr;
  private final String ae;
  private final Instant created;
  private final List<StageChange> stages = new ArrayList<>();
  private final List<Touch> touches = new ArrayList<>();
  private final List<Activity> activities = new ArrayList<>();
  private final List<Payment> payments = new ArrayList<>();
  private boolean responded;
  private boolean selfServe;
  private Instant wonAt;
  private BigDecimal amount;

  private LeadLife(DemoData config, Window window, long index, int idWidth) {
    this.config = config;
    this.window = window;
    this.d = Draw.stream(config.seed(), LEAD_SALT, index);
    this.num = pad(index + 1, idWidth);
    this.id = "L" + num;
    this.created = window.leadTime(d);
    this.channel = Channel.ALL.get(d.weighted(Channel.leadWeights()));
    this.campaign = channel.campaign(d);
    this.segment = Segment.values()[d.weighted(Segment.weights(channel.bigAccounts()))];
    this.sdr = SDRS[d.below(SDRS.length)];
    this.ae = AES[d.below(AES.length)];
  }

  static String pad(long n, int width) {
    String s = Long.toString(n);
    return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
  }

  /**
   * Generates lead {@code index} and hands its rows to the sink.
   *
   * @param repeat the repeat-purchase model, or null for the default payments
   */
  static void emit(DemoData config, Window window, long index, int idWidth, DemoSink sink, Tally tally,
      RepeatPurchases repeat) {
    LeadLife life = new LeadLife(config, window, index, idWidth);
    life.walk(tally);
    life.journey();
    if (repeat == null) {
      life.pay();
    } else {
      life.purchases(repeat, index);
    }
    life.emitWithDefects(Draw.stream(config.seed(), DEFECT_SALT, index), sink, tally);
  }

  /**
   * When lead {@code index} first orders under the repeat-purchase model, null when it does not:
   * the same draws as {@link #emit}, without the rows (for calibrating the model).
   */
  static Instant firstOrder(DemoData config, Window window, long index, RepeatPurchases repeat) {
    LeadLife life = new LeadLife(config, window, index, 1);
    life.walk(new Tally());
    return repeat.firstOrder(Draw.stream(config.seed(), RepeatPurchases.PURCHASE_SALT, index),
        life.segment, life.created, life.wonAt);
  }

  private void walk(Tally tally) {
    Instant t = created;
    int k = 0;
    while (k < WON) {
      double factor = k < 2 ? channel.quality() : segment.closeFactor;
      double p = Math.min(0.95, ADVANCE[k] * factor);
      boolean advance = d.chance(p);
      Instant next = t.plus(d.hours(DELAY_HOURS[k] * segment.slowness, 0.9));
      if (!next.isBefore(window.end)) {
        return;
      }
      if (!advance) {
        exit(k, next);
        return;
      }
      int n = k + 1;
      if (n < WON && d.chance(skipChance(n))) {
        n++;
        tally.skippedStages++;
      }
      dealValue(n);
      stages.add(new StageChange(id, CATALOG.get(n), next, null, n >= 4 ? deal() : null, ownerAt(n)));
      entered(n, next);
      if (n == WON) {
        wonAt = next;
      }
      t = next;
      k = n;
    }
  }

  private double skipChance(int n) {
    switch (n) {
      case 1: return channel.skipMql();
      case 3: return 0.12;
      case 6: return segment == Segment.SMB ? 0.15 : 0;
      default: return 0;
    }
  }

  private String ownerAt(int stage) {
    return stage <= 2 ? sdr : ae;
  }

  private void dealValue(int n) {
    if (n < 4) {
      return;
    }
    if (amount == null) {
      amount = Draw.money(d.logNormal(segment.medianDeal, Segment.DEAL_SIGMA), HUNDRED);
    } else if (n == 5) {
      amount = Draw.money(amount.doubleValue() * d.between(0.95, 1.10), HUNDRED);
    } else if (n == 6) {
      amount = Draw.money(amount.doubleValue() * d.between(0.85, 1.0), TEN);
    } else if (n == WON) {
      amount = Draw.money(amount.doubleValue() * d.between(0.95, 1.0), TEN);
    }
    if (amount.signum() <= 0) {
      amount = HUNDRED.setScale(2);
    }
  }

  private static final String[] EARLY_RETURN = {"not_ready", "wrong_segment", "unreachable", "duplicate"};
  private static final double[] EARLY_RETURN_W = {0.50, 0.25, 0.15, 0.10};
  private static final String[] LOSS = {"no_budget", "competitor", "too_expensive", "no_decision", "unreachable", "other"};
  private static final double[] LOSS_EARLY_W = {0.35, 0.20, 0.10, 0.15, 0.15, 0.05};
  private static final double[] LOSS_LATE_W = {0.15, 0.30, 0.30, 0.15, 0.05, 0.05};

  /** The lead did not advance from stage k: returned, lost or left open. */
  private void exit(int k, Instant at) {
    Stage lost = CATALOG.lost().orElseThrow();
    Stage returned = CATALOG.returned().orElseThrow();
    double u = d.uniform();
    String owner = ownerAt(k);
    if (k == 0) {
      if (u < 0.12) {
        add(lost, at, d.chance(0.4) ? "duplicate" : "unreachable", null, owner);
      }
    } else if (k == 1) {
      if (u < 0.60) {
        add(returned, at, EARLY_RETURN[d.weighted(EARLY_RETURN_W)], null, owner);
      }
    } else if (k == 2) {
      if (u < 0.50) {
        add(returned, at, d.chance(0.6) ? "not_ready" : "wrong_segment", null, owner);
      } else if (u < 0.90) {
        add(lost, at, new String[] {"no_budget", "unreachable", "other"}[d.weighted(new double[] {5, 3, 2})], null, owner);
      }
    } else if (u < 0.85) {
      String reason = LOSS[d.weighted(k <= 4 ? LOSS_EARLY_W : LOSS_LATE_W)];
      add(lost, at, reason, deal(), owner);
    }
  }

  private void add(Stage s, Instant at, String reason, Money value, String owner) {
    stages.add(new StageChange(id, s, at, reason, value, owner));
  }

  /** The deal value as the stage amount, in the demo currency (null while none is known). */
  private Money deal() {
    return amount == null ? null : Money.of(amount, DemoData.CURRENCY);
  }

  /** Sales activities that follow entering a stage. */
  private void entered(int n, Instant at) {
    if ((n == 1 || n == 2) && !responded) {
      responded = true;
      double u = d.uniform();
      Duration reaction = u < 0.70 ? d.hours(0.4, 1.0) : u < 0.90 ? d.hours(5, 0.6) : d.hours(30, 0.5);
      Instant t = at.plus(reaction);
      activity(t, d.chance(0.65) ? "call" : "email", sdr);
      int followUps = d.below(4);
      for (int i = 0; i < followUps; i++) {
        t = t.plus(d.hours(48, 0.7));
        activity(t, d.chance(0.5) ? "call" : "email", sdr);
      }
    } else if (n == 3) {
      activity(at.plus(d.hours(24, 0.8)), "meeting", ae);
    } else if (n == 4) {
      activity(at.plus(d.hours(72, 0.7)), "demo", ae);
    } else if (n == 5) {
      activity(at.plus(d.hours(2, 1.0)), "proposal", ae);
    } else if (n == 6) {
      activity(at.plus(d.hours(24, 0.8)), "call", ae);
    }
  }

  private void activity(Instant at, String type, String owner) {
    String outcome;
    switch (type) {
      case "call": outcome = d.chance(0.45) ? "reached" : "not_reached"; break;
      case "meeting":
      case "demo": outcome = d.chance(0.9) ? "held" : "no_show"; break;
      default: outcome = null;
    }
    if (at.isBefore(window.end)) {
      activities.add(new Activity(id, at, type, owner, outcome));
    }
  }

  /** Touches before the lead was created (the journey) and after it, up to its last move. */
  private void journey() {
    Duration lag = channel.kind() == TouchKind.OFFLINE ? d.hours(1.5, 0.6) : d.hours(0.1, 1.0);
    Instant t = created.minus(lag);
    touches.add(touch(channel, campaign, t));
    int earlier = 0;
    while (earlier < 6 && d.chance(0.55)) {
      earlier++;
    }
    for (int i = 0; i < earlier; i++) {
      t = t.minusSeconds(60 + (long) (d.exponential(4.0) * 86_400));
      Channel c = Channel.ALL.get(d.weighted(Channel.touchWeights()));
      touches.add(touch(c, c.campaign(d), t));
    }
    Instant last = stages.isEmpty() ? created : stages.get(stages.size() - 1).at();
    long span = Duration.between(created, last).getSeconds();
    double expected = span / 86_400.0 / 8.0;
    int after = 0;
    double clock = d.exponential(1.0);
    while (clock < expected && after < 12) {
      after++;
      clock += d.exponential(1.0);
    }
    for (int i = 0; i < after; i++) {
      Channel c = Channel.ALL.get(d.weighted(NURTURE));
      touches.add(touch(c, c.campaign(d), created.plusSeconds((long) (d.uniform() * span))));
    }
    touches.sort(Comparator.comparing(Touch::at));
  }

  private Touch touch(Channel c, String campaignName, Instant at) {
    boolean direct = Touch.DIRECT.equals(c.name());
    Money cost = c.clickCost() > 0
        ? Money.of(Draw.money(d.logNormal(c.clickCost(), 0.5), CENT), DemoData.CURRENCY) : null;
    return new Touch(id, at, c.name(), direct ? null : campaignName, c.kind(), cost);
  }

  private static double[] nurtureWeights() {
    Map<String, Double> w = Map.of("email", 0.45, "direct", 0.25, "seo", 0.10, "webinar", 0.15, "social", 0.05);
    return Channel.ALL.stream().mapToDouble(c -> w.getOrDefault(c.name(), 0.0)).toArray();
  }

  /** Payments of a won customer: a subscription, or one-off with instalments and add-ons. */
  private void pay() {
    if (wonAt == null) {
      return;
    }
    String customer = customerId();
    boolean subscription = d.chance(segment == Segment.ENTERPRISE ? 0.30 : 0.55);
    if (subscription) {
      BigDecimal monthly = amount.divide(BigDecimal.valueOf(12), 2, RoundingMode.HALF_UP);
      Instant p = wonAt.plus(d.hours(48, 0.5));
      while (p.isBefore(window.end)) {
        payment(customer, p, monthly, segment.product + "_monthly");
        if (d.chance(0.02)) {
          break;
        }
        p = p.atZone(window.zone).plusMonths(1).toInstant();
      }
    } else {
      String product = segment.product + "_annual";
      if (segment != Segment.SMB && d.chance(0.35)) {
        BigDecimal half = amount.divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP);
        Instant p1 = wonAt.plus(d.hours(120, 0.5));
        payment(customer, p1, half, product);
        payment(customer, p1.plus(Duration.ofDays(30)), amount.subtract(half), product);
      } else {
        payment(customer, wonAt.plus(d.hours(96, 0.6)), amount, product);
      }
      if (d.chance(0.25)) {
        Instant p = wonAt.plus(Duration.ofSeconds((long) (d.between(60, 240) * 86_400)));
        payment(customer, p, Draw.money(amount.doubleValue() * d.between(0.2, 0.5), TEN), segment.product + "_addon");
      }
    }
    if (!payments.isEmpty() && d.chance(0.04)) {
      Payment refunded = payments.get(d.below(payments.size()));
      Instant at = refunded.paidAt().plus(d.hours(24 * 14, 0.6));
      BigDecimal back = d.chance(0.6)
          ? refunded.amount().amount()
          : refunded.amount().amount().divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP);
      if (at.isBefore(window.end)) {
        payments.add(new Payment("R" + num, customer, id, at, Money.of(back.negate(), DemoData.CURRENCY), refunded.product()));
      }
    }
  }

  private void payment(String customer, Instant at, BigDecimal value, String product) {
    if (at.isBefore(window.end)) {
      String pid = "P" + num + "-" + (payments.size() + 1);
      payments.add(new Payment(pid, customer, id, at, Money.of(value, DemoData.CURRENCY), product));
    }
  }

  /**
   * Orders of the repeat-purchase model, from the lead's own purchase stream: every draw of the
   * default model stays as it was, so only the payments and self-serve buyers' customer ids differ.
   */
  private void purchases(RepeatPurchases repeat, long index) {
    Draw p = Draw.stream(config.seed(), RepeatPurchases.PURCHASE_SALT, index);
    Instant first = repeat.firstOrder(p, segment, created, wonAt);
    if (first == null) {
      return;
    }
    selfServe = wonAt == null;
    String customer = customerId();
    String product = segment.product + "_order";
    repeat.orders(p, segment, first, wonAt == null ? null : amount, new RepeatPurchases.Orders() {
      @Override
      public void order(int n, Instant at, BigDecimal value) {
        payments.add(new Payment("P" + num + "-" + n, customer, id, at, Money.of(value, DemoData.CURRENCY), product));
      }

      @Override
      public void refund(int n, Instant at, BigDecimal back) {
        payments.add(new Payment("R" + num + "-" + n, customer, id, at, Money.of(back.negate(), DemoData.CURRENCY), product));
      }
    });
  }

  private String customerId() {
    return wonAt == null && !selfServe ? null : "C" + num;
  }

  /**
   * Decides this lead's defects from its own defect stream (so switching defects off changes no
   * other row), then writes the rows.
   */
  private void emitWithDefects(Draw x, DemoSink sink, Tally tally) {
    double rate = config.defectRate();
    double source = x.uniform();
    double order = x.uniform();
    int pair = x.below(1 << 16);
    double orphan = x.uniform();
    String leadChannel = channel.name();
    String leadCampaign = campaign;
    if (source < rate) {
      leadChannel = null;
      leadCampaign = null;
      tally.leadsWithoutSource++;
    } else if (source < 2 * rate) {
      leadCampaign = null;
      tally.leadsWithoutCampaign++;
    }
    List<StageChange> rows = stages;
    if (order < 4 * rate && progressionCount() >= 2) {
      rows = swapAdjacent(pair);
      if (rows != stages) {
        tally.stagesOutOfOrder++;
      }
    }
    sink.lead(new Lead(id, created, leadChannel, leadCampaign, segment.label, sdr, customerId(), Map.of()));
    touches.forEach(sink::touch);
    rows.forEach(sink::stageChange);
    activities.forEach(sink::activity);
    payments.forEach(sink::payment);
    if (orphan < rate / 2) {
      Draw o = Draw.stream(config.seed(), DEFECT_SALT + 1, Long.parseLong(num));
      BigDecimal value = Draw.money(o.logNormal(400, 0.6), CENT);
      sink.payment(new Payment("O" + num, "X" + num, null, window.uniform(o), Money.of(value, DemoData.CURRENCY), "starter_annual"));
      tally.paymentsWithoutLead++;
    }
  }

  private int progressionCount() {
    int n = 0;
    for (StageChange s : stages) {
      if (s.stage().progression()) {
        n++;
      }
    }
    return n;
  }

  /**
   * Swaps the times of two consecutive recorded progression stages, so that the earlier stage is
   * entered after the later one: exactly one out-of-order move. Returns the list unchanged when the
   * two times are equal (a swap would then change nothing).
   */
  private List<StageChange> swapAdjacent(int pick) {
    List<Integer> prog = new ArrayList<>();
    for (int i = 0; i < stages.size(); i++) {
      if (stages.get(i).stage().progression()) {
        prog.add(i);
      }
    }
    int j = pick % (prog.size() - 1);
    int a = prog.get(j);
    int b = prog.get(j + 1);
    StageChange first = stages.get(a);
    StageChange second = stages.get(b);
    if (!first.at().isBefore(second.at())) {
      return stages;
    }
    List<StageChange> out = new ArrayList<>(stages);
    out.set(a, new StageChange(id, first.stage(), second.at(), first.reason(), first.amount(), first.owner()));
    out.set(b, new StageChange(id, second.stage(), first.at(), second.reason(), second.amount(), second.owner()));
    return out;
  }
}
