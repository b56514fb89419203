package dev.funnel.core.sales;

import java.util.Locale;

/**
 * Who a lead's per-owner KPIs are credited to ({@link OwnerKpis}).
 *
 * <p>docs/spec/metrics.md splits the work by role: "Marketing owns MQL volume and MQL→SQL; SDRs own
 * first reaction and SQL; AEs own win rate and cycle length". docs/spec/dataset.md carries three owner
 * columns: {@code leads.owner} (the responsible person, SDR or AE, usually whoever holds the lead
 * now), {@code stages.owner} ("who moved the lead") and {@code activities.owner} ("who did it").
 * In a CRM where an SDR qualifies a lead and hands it to an AE, a single column cannot credit both
 * sides correctly, hence the rules.
 */
public enum OwnerRule {
  /**
   * By role, from the people who actually did the work; the default.
   *
   * <p>SDR side (a lead whose MQL hand-off is in the window): the owner of the lead's first
   * activity that names an owner, at or after its MQL time and at or before its SQL hand-off (or
   * the as-of instant while it has not reached SQL); else the owner of the stage change that made
   * the lead reach SQL (who qualified it, when it did); else {@code leads.owner}; else
   * {@code (none)}. The SQL hand-off closes the SDR's part (docs/spec/metrics.md: "SDRs own first
   * reaction and SQL"), so an AE's meeting after the hand-off never takes the SDR's credit, even
   * when no SDR activity was logged before it; the reaction time itself stays the lead's (to its
   * first activity of any owner, as in the first-response SLA).
   *
   * <p>AE side (a lead whose SQL hand-off is in the window): the owner of the change that closed
   * the deal: the first change into WON for a won deal, the exit for a lost (or returned) one;
   * for a deal still open, the latest stage change as of the as-of instant. When that change names
   * no owner, the latest earlier change at or after the SQL time that does (walking back from the
   * close to the qualification); else {@code leads.owner}; else {@code (none)}.
   */
  ROLE,
  /** Every KPI of a lead to {@code leads.owner} ({@code (none)} when absent): the old behaviour. */
  LEAD_OWNER;

  /** How the summary line names the rule: {@code by role} or {@code by lead owner}. */
  public String label() {
    return this == ROLE ? "by role" : "by lead owner";
  }

  /** The rule of a label or constant name ({@code role}, {@code lead owner}, {@code lead_owner}). */
  public static OwnerRule parse(String s) {
    String k = s == null ? "" : s.trim().toLowerCase(Locale.ROOT).replace('_', ' ').replace('-', ' ');
    if (k.startsWith("by ")) {
      k = k.substring(3);
    }
    switch (k) {
      case "role": return ROLE;
      case "lead owner": return LEAD_OWNER;
      default:
        throw new IllegalArgumentException(
            "unknown owner rule '" + s + "': expected 'role' or 'lead owner'");
    }
  }
}
