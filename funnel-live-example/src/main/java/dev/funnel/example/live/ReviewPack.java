package dev.funnel.example.live;

import dev.funnel.core.Dataset;
import dev.funnel.core.funnel.FunnelQuery;
import dev.funnel.core.funnel.StageFunnel;
import dev.funnel.core.money.UnitEconomics;
import dev.funnel.core.sales.Sales;
import dev.funnel.core.sla.Sla;
import dev.funnel.core.sla.SlaQuery;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The review pack the service serves ({@code GET /report}): the library's results for a window of
 * local days {@code [from, to)} (either end open when absent), as of an instant, each section the
 * calculator's result record as funnel-io's {@code Json} writes it:
 * <ul>
 *   <li>{@code funnel}: {@link StageFunnel} on the event basis, stages reached in the window;
 *   <li>{@code cohortFunnel}: on the cohort basis, leads created in the window;
 *   <li>{@code winRate}: {@link Sales#winRate} from SQL, exits in the window, as of the instant;
 *   <li>{@code sla}: {@link Sla} first response from {@code stage} (MQL) within {@code target}
 *       (1 hour, real time), leads reaching the stage in the window, as of the instant;
 *   <li>{@code unit}: {@link UnitEconomics} of the window (CPL, CAC, ROMI, DRR per channel and
 *       campaign; ROMI on {@code margin} when given).
 * </ul>
 * A section the library refuses (no as-of instant yet, no spend) is {@code {"unavailable":
 * reason}}; the pack never fails for one section.
 *
 * @param from   first day, or null
 * @param to     day after the last, or null
 * @param asOf   the instant of the as-of sections, or null (they are then unavailable)
 * @param stage  the SLA's stage
 * @param target the SLA's target
 * @param margin the gross margin for ROMI, or null
 */
record ReviewPack(LocalDate from, LocalDate to, Instant asOf, String stage, Duration target,
    BigDecimal margin) {

  /** The sections, in order. */
  Map<String, Object> sections(Dataset d) {
    Instant a = from == null ? null : from.atStartOfDay(d.zone()).toInstant();
    Instant b = to == null ? null : to.atStartOfDay(d.zone()).toInstant();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("funnel", section(() -> StageFunnel.compute(d, FunnelQuery.event().between(a, b))));
    out.put("cohortFunnel",
        section(() -> StageFunnel.compute(d, FunnelQuery.cohort().between(a, b))));
    out.put("winRate", section(() -> Sales.winRate(d, "SQL", a, b, needAsOf())));
    out.put("sla", section(() -> Sla.compute(d, SlaQuery.of(stage, target, needAsOf())
        .between(a, b))));
    out.put("unit", section(() -> UnitEconomics.compute(d, from, to, margin)));
    return out;
  }

  private Instant needAsOf() {
    if (asOf == null) {
      throw new IllegalStateException("no as-of instant: advance the clock (POST /clock) or pass"
          + " asOf");
    }
    return asOf;
  }

  private static Object section(Supplier<Object> s) {
    try {
      return s.get();
    } catch (IllegalArgumentException | IllegalStateException e) {
      return Map.of("unavailable", String.valueOf(e.getMessage()));
    }
  }
}
