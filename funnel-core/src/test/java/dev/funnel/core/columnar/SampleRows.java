package dev.funnel.core.columnar;

import dev.funnel.core.Activity;
import dev.funnel.core.Dataset;
import dev.funnel.core.Lead;
import dev.funnel.core.Money;
import dev.funnel.core.Payment;
import dev.funnel.core.Spend;
import dev.funnel.core.StageCatalog;
import dev.funnel.core.StageChange;
import dev.funnel.core.Touch;
import dev.funnel.core.TouchKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Seeded random rows of every table, for tests; {@link #dataset(Random)} in any row order. */
final class SampleRows {
  /** A random order of the rows 0..n-1 (a permutation), or null (arrival order) half the time. */
  static int[] orderOrNull(Random rnd, int n) {
    return rnd.nextBoolean() ? shuffled(rnd, n) : null;
  }

  /** The numbers 0..n-1 in a random order. */
  static int[] shuffled(Random rnd, int n) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      order.add(i);
    }
    Collections.shuffle(order, rnd);
    return order.stream().mapToInt(Integer::intValue).toArray();
  }

  final List<Lead> leads = new ArrayList<>();
  final List<StageChange> stages = new ArrayList<>();
  final List<Touch> touches = new ArrayList<>();
  final List<Activity> activities = new ArrayList<>();
  final List<Payment> payments = new ArrayList<>();
  final List<Spend> spend = new ArrayList<>();

  private static final String[] CHANNELS = {"paid_search", "seo", "direct", "referral", "webinar", "email"};
  private static final String[] SEGMENTS = {"smb", "mid", "enterprise"};
  private static final String[] OWNERS = {"ann", "bob", "cleo", "dmitri", "eve"};
  private static final String[] REASONS = {"no_budget", "competitor", "not_ready", "unreachable"};
  private static final String[] TYPES = {"call", "email", "meeting", "demo"};
  private static final String[] PRODUCTS = {"basic", "pro", "team"};
  private static final Instant BASE = Instant.parse("2025-01-01T00:00:00Z");

  /** {@code n} leads with about 3 stage changes, 4 touches, 1 activity and 0.5 payments each. */
  static SampleRows generate(long seed, int n) {
    Random r = new Random(seed);
    SampleRows s = new SampleRows();
    StageCatalog cat = StageCatalog.DEFAULT;
    for (int i = 0; i < n; i++) {
      String id = "L" + r.nextInt(n * 10) + "-" + i;
      Instant created = BASE.plusSeconds(r.nextInt(365 * 86400)).plusMillis(r.nextInt(1000));
      String channel = r.nextInt(10) == 0 ? null : pick(r, CHANNELS);
      String campaign = r.nextBoolean() ? null : "camp" + r.nextInt(300);
      String customer = r.nextInt(5) == 0 ? "C" + r.nextInt(n / 2 + 1) : null;
      s.leads.add(new Lead(id, created, channel, campaign, maybe(r, SEGMENTS), maybe(r, OWNERS),
          customer, Map.of()));
      int stages = r.nextInt(6);
      Instant t = created;
      for (int k = 0; k < stages; k++) {
        t = t.plusSeconds(r.nextInt(5 * 86400));
        int idx = k == stages - 1 && r.nextInt(3) == 0
            ? cat.size() - 1 - r.nextInt(2) // LOST or RETURNED
            : Math.min(cat.won().index(), k + r.nextInt(3));
        boolean exit = cat.get(idx).exit();
        s.stages.add(new StageChange(id, cat.get(idx), t, exit ? maybe(r, REASONS) : null,
            r.nextBoolean() ? Money.of(money(r)) : null, maybe(r, OWNERS)));
      }
      int touches = r.nextInt(9);
      for (int k = 0; k < touches; k++) {
        Instant at = created.minusSeconds(r.nextInt(30 * 86400));
        if (r.nextInt(20) == 0) {
          at = at.plusNanos(r.nextInt(1_000_000_000)); // sub-millisecond parts are dropped
        }
        if (k > 0 && r.nextInt(10) == 0) {
          at = s.touches.get(s.touches.size() - 1).at(); // ties in time
        }
        s.touches.add(new Touch(id, at, pick(r, CHANNELS), r.nextBoolean() ? null : "camp" + r.nextInt(300),
            r.nextInt(4) == 0 ? TouchKind.OFFLINE : TouchKind.ONLINE,
            r.nextBoolean() ? Money.of(money(r).abs()) : null));
      }
      if (r.nextInt(3) == 0) {
        s.activities.add(new Activity(id, created.plusSeconds(r.nextInt(86400)), pick(r, TYPES),
            maybe(r, OWNERS), r.nextBoolean() ? "reached" : null));
      }
      if (r.nextBoolean()) {
        String cust = customer != null ? customer : id;
        int k = 1 + r.nextInt(2);
        for (int j = 0; j < k; j++) {
          BigDecimal amount = r.nextInt(10) == 0 ? money(r).negate() : money(r);
          s.payments.add(new Payment(r.nextBoolean() ? "P" + i + "-" + j : null, cust,
              r.nextBoolean() ? id : null, created.plusSeconds(r.nextInt(90 * 86400)),
              Money.of(amount, "EUR"), maybe(r, PRODUCTS)));
        }
      }
    }
    // rows of leads that are not in the leads table
    for (int i = 0; i < n / 50 + 1; i++) {
      String id = "orphan" + i;
      s.touches.add(Touch.of(id, BASE.plusSeconds(r.nextInt(86400 * 100)), pick(r, CHANNELS)));
      s.stages.add(StageChange.of(id, cat.get(1), BASE.plusSeconds(r.nextInt(86400 * 100))));
      s.payments.add(new Payment(null, null, id, BASE.plusSeconds(r.nextInt(86400)), Money.of("12.5", "EUR"), null));
    }
    for (int d = 0; d < Math.max(10, n / 20); d++) {
      s.spend.add(new Spend(LocalDate.of(2025, 1, 1).plusDays(r.nextInt(365)), pick(r, CHANNELS),
          r.nextBoolean() ? null : "camp" + r.nextInt(300), Money.of(money(r).abs(), "EUR")));
    }
    return s;
  }

  private static String pick(Random r, String[] values) {
    return values[r.nextInt(values.length)];
  }

  private static String maybe(Random r, String[] values) {
    return r.nextInt(4) == 0 ? null : pick(r, values);
  }

  /** Up to four decimals, up to 10^7, zero now and then. */
  static BigDecimal money(Random r) {
    return BigDecimal.valueOf(r.nextInt(5) == 0 ? 0 : r.nextInt(100_000_000), r.nextInt(5));
  }

  /** The dataset of these rows, added in the order a shuffle with {@code order} gives (null: as generated). */
  Dataset dataset(Random order) {
    Dataset.Builder b = Dataset.builder().zone(ZoneId.of("Europe/Berlin"));
    shuffled(leads, order).forEach(b::lead);
    shuffled(stages, order).forEach(b::stageChange);
    shuffled(touches, order).forEach(b::touch);
    shuffled(activities, order).forEach(b::activity);
    shuffled(payments, order).forEach(b::payment);
    shuffled(spend, order).forEach(b::spend);
    return b.build();
  }

  private static <T> List<T> shuffled(List<T> rows, Random order) {
    List<T> copy = new ArrayList<>(rows);
    if (order != null) {
      Collections.shuffle(copy, order);
    }
    return copy;
  }
}
