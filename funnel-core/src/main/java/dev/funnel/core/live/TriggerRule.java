package dev.funnel.core.live;

import dev.funnel.core.Activity;
import dev.funnel.core.LeadHistory;
import dev.funnel.core.Payment;
import dev.funnel.core.StageChange;
import dev.funnel.core.Touch;
import dev.funnel.core.sla.BusinessCalendar;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A declarative trigger over one lead's history and the clock, as a CRM automation would state it
 * ("no answer within 4 working hours of MQL: remind the manager"). A rule is data: a record with
 * its parameters, its name and the suggested action, built in Java or read from a rule table
 * ({@link TriggerRules}). {@link #moments} lists every moment at or before {@code now} at which the rule became true
 * for the lead, from the lead's rows alone, so the same events and clock always give the same
 * firings whatever order the events arrived in.
 */
public sealed interface TriggerRule {

  /** The rule's name, unique within a rule set. */
  String name();

  /** The suggested action. */
  String action();

  /** The moments at or before {@code now} at which the rule became true for the lead. */
  List<Instant> moments(LeadHistory h, Instant now);

  /**
   * No activity within {@code within} of working time (per {@code calendar}) after the lead first
   * reached {@code stage} (MQL by convention): fires when that time has passed, at the moment the
   * first response became overdue. Working time is {@link BusinessCalendar#between}; the due
   * moment is the earliest instant with {@code within} of working time since the stage, to the
   * second.
   */
  record FirstResponse(String name, String stage, Duration within, BusinessCalendar calendar,
      String action) implements TriggerRule {
    public FirstResponse {
      check(name, action);
      Objects.requireNonNull(stage, "stage");
      positive(within, "within");
      Objects.requireNonNull(calendar, "calendar");
    }

    @Override
    public List<Instant> moments(LeadHistory h, Instant now) {
      StageChange reached = null;
      for (StageChange s : h.stages()) {
        if (s.stage().name().equalsIgnoreCase(stage)) {
          reached = s;
          break;
        }
      }
      if (reached == null) {
        return List.of();
      }
      Instant due = dueAfter(reached.at(), within, calendar);
      if (due.isAfter(now)) {
        return List.of();
      }
      for (Activity a : h.activities()) {
        if (!a.at().isBefore(reached.at()) && !a.at().isAfter(due)) {
          return List.of(); // answered in time
        }
      }
      return List.of(due);
    }
  }

  /**
   * A lead in an open stage (its last stage change is not an exit such as WON, LOST or RETURNED)
   * with no activity, stage change or touch for {@code idle}: fires at the moment it went idle,
   * once per idle spell.
   */
  record Stale(String name, Duration idle, String action) implements TriggerRule {
    public Stale {
      check(name, action);
      positive(idle, "idle");
    }

    @Override
    public List<Instant> moments(LeadHistory h, Instant now) {
      List<Instant> events = new ArrayList<>();
      if (h.lead() != null) {
        events.add(h.lead().createdAt());
      }
      h.stages().forEach(s -> events.add(s.at()));
      h.activities().forEach(a -> events.add(a.at()));
      h.touches().forEach(t -> events.add(t.at()));
      events.removeIf(t -> t.isAfter(now));
      events.sort(null);
      List<Instant> out = new ArrayList<>();
      for (int i = 0; i < events.size(); i++) {
        Instant quietFrom = events.get(i);
        Instant due = quietFrom.plus(idle);
        Instant next = i + 1 < events.size() ? events.get(i + 1) : null;
        if (due.isAfter(now) || (next != null && !next.isAfter(due))) {
          continue;
        }
        if (openAt(h, quietFrom)) {
          out.add(due);
        }
      }
      return out;
    }

    private static boolean openAt(LeadHistory h, Instant t) {
      StageChange last = null;
      for (StageChange s : h.stages()) {
        if (!s.at().isAfter(t)) {
          last = s;
        }
      }
      return last == null ? h.lead() != null : !last.stage().exit();
    }
  }

  /**
   * The lead entered {@code stage}, with {@code reason} when given (case-insensitive), e.g. LOST
   * because "price": fires at each such stage change.
   */
  record EnteredStage(String name, String stage, String reason, String action)
      implements TriggerRule {
    public EnteredStage {
      check(name, action);
      Objects.requireNonNull(stage, "stage");
    }

    @Override
    public List<Instant> moments(LeadHistory h, Instant now) {
      List<Instant> out = new ArrayList<>();
      for (StageChange s : h.stages()) {
        if (!s.at().isAfter(now) && s.stage().name().equalsIgnoreCase(stage)
            && (reason == null || reason.equalsIgnoreCase(s.reason() == null ? "" : s.reason()))) {
          out.add(s.at());
        }
      }
      return out;
    }
  }

  /**
   * {@code count} touches of campaign or kind {@code match} (case-insensitive; null: any) within
   * {@code within}: fires at the touch that brings the window to the count, again only after
   * the window has fallen below it.
   */
  record TouchBurst(String name, int count, String match, Duration within, String action)
      implements TriggerRule {
    public TouchBurst {
      check(name, action);
      if (count < 1) {
        throw new IllegalArgumentException("a touch burst needs a count >= 1, got " + count);
      }
      positive(within, "within");
    }

    @Override
    public List<Instant> moments(LeadHistory h, Instant now) {
      List<Instant> times = new ArrayList<>();
      for (Touch t : h.touches()) {
        if (!t.at().isAfter(now) && (match == null || match.equalsIgnoreCase(t.campaign())
            || match.equalsIgnoreCase(t.kind().name()))) {
          times.add(t.at());
        }
      }
      List<Instant> out = new ArrayList<>();
      boolean above = false;
      for (int i = 0; i < times.size(); i++) {
        int from = i;
        while (from > 0 && times.get(from - 1).isAfter(times.get(i).minus(within))) {
          from--;
        }
        boolean reached = i - from + 1 >= count;
        if (reached && !above) {
          out.add(times.get(i));
        }
        above = reached;
      }
      return out;
    }
  }

  /**
   * A payment at least {@code gap} after the previous one of the lead (a customer who had
   * churned came back): fires at that payment.
   */
  record PaymentAfterChurn(String name, Duration gap, String action) implements TriggerRule {
    public PaymentAfterChurn {
      check(name, action);
      positive(gap, "gap");
    }

    @Override
    public List<Instant> moments(LeadHistory h, Instant now) {
      List<Instant> out = new ArrayList<>();
      Instant previous = null;
      for (Payment p : h.payments()) {
        if (p.paidAt().isAfter(now) || p.amount().amount().signum() < 0) {
          continue;
        }
        if (previous != null && !p.paidAt().isBefore(previous.plus(gap))) {
          out.add(p.paidAt());
        }
        previous = p.paidAt();
      }
      return out;
    }
  }

  private static void check(String name, String action) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a trigger rule needs a name");
    }
    Objects.requireNonNull(action, "action");
  }

  private static void positive(Duration d, String what) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(what + " must be a positive duration, got " + d);
    }
  }

  /** The earliest whole second with {@code within} of working time since {@code from}. */
  static Instant dueAfter(Instant from, Duration within, BusinessCalendar calendar) {
    if (calendar.isContinuous()) {
      return from.plus(within);
    }
    long lo = 0;
    long hi = Math.max(1, within.getSeconds());
    while (calendar.between(from, from.plusSeconds(hi)).compareTo(within) < 0) {
      lo = hi;
      hi *= 2;
      if (hi > 3_153_600_000L) { // a century: a calendar without working time
        throw new IllegalArgumentException(
            "the calendar has no " + within + " of working time after " + from);
      }
    }
    while (hi - lo > 1) {
      long mid = (lo + hi) >>> 1;
      if (calendar.between(from, from.plusSeconds(mid)).compareTo(within) < 0) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return from.plusSeconds(hi);
  }
}
