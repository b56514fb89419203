package dev.funnel.core.demo;

import dev.funnel.core.TouchKind;
import java.util.List;

/**
 * One acquisition channel of the demo company, with the numbers that shape its leads.
 *
 * @param name        channel name as written in the dataset
 * @param kind        whether its touches are online or offline
 * @param leadShare   relative weight among lead sources
 * @param touchShare  relative weight among earlier touches of a journey
 * @param quality     factor on the early conversions (LEAD to MQL, MQL to SQL)
 * @param skipMql     probability that sales takes a lead straight to SQL (no MQL recorded)
 * @param bigAccounts whether the channel brings more mid-size and enterprise leads
 * @param clickCost   median cost of one paid click, 0 when touches cost nothing
 * @param campaigns   the campaigns of the channel (never empty)
 */
record Channel(
    String name,
    TouchKind kind,
    double leadShare,
    double touchShare,
    double quality,
    double skipMql,
    boolean bigAccounts,
    double clickCost,
    List<String> campaigns) {

  /** The demo company's channels: nine, three of them offline. */
  static final List<Channel> ALL = List.of(
      online("paid_search", 0.24, 0.22, 1.00, 0.04, false, 2.8, "brand", "generic", "competitor"),
      online("seo", 0.18, 0.20, 0.95, 0.04, false, 0, "blog", "comparison_pages"),
      online("direct", 0.12, 0.20, 1.10, 0.08, false, 0, "homepage"),
      online("social", 0.12, 0.14, 0.70, 0.03, false, 1.6, "linkedin_ads", "facebook_ads"),
      online("email", 0.08, 0.12, 0.85, 0.04, false, 0, "newsletter", "nurture"),
      online("referral", 0.07, 0.04, 1.35, 0.30, true, 0, "partner_program", "customer_referral"),
      offline("webinar", 0.08, 0.04, 1.05, 0.06, false, "monthly_webinar"),
      offline("event", 0.05, 0.02, 1.20, 0.25, true, "trade_show", "meetup"),
      offline("call", 0.06, 0.02, 0.90, 0.30, true, "outbound"));

  private static Channel online(
      String name, double lead, double touch, double quality, double skip, boolean big,
      double click, String... campaigns) {
    return new Channel(name, TouchKind.ONLINE, lead, touch, quality, skip, big, click, List.of(campaigns));
  }

  private static Channel offline(
      String name, double lead, double touch, double quality, double skip, boolean big,
      String... campaigns) {
    return new Channel(name, TouchKind.OFFLINE, lead, touch, quality, skip, big, 0, List.of(campaigns));
  }

  static double[] leadWeights() {
    return ALL.stream().mapToDouble(Channel::leadShare).toArray();
  }

  static double[] touchWeights() {
    return ALL.stream().mapToDouble(Channel::touchShare).toArray();
  }

  String campaign(Draw d) {
    return campaigns.get(d.below(campaigns.size()));
  }
}
