package dev.funnel.core.demo;

import dev.funnel.core.Granularity;
import dev.funnel.core.Period;
import dev.funnel.core.PlanTarget;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * The demo company's monthly plan: what marketing and sales set out to do in each month of the
 * data.
 *
 * <p>Targets are the model's expectations with some ambition, not the generated actuals: leads are
 * the expected leads of the month (the share of the window's lead density that falls in it) plus
 * 5 %; MQL, SQL and won are fixed shares of the lead target (52 %, 30 %, 5 %); revenue is the won
 * target times the mean deal value of the segment mix; spend is the noise-free budget of the month
 * (rounded to 100); cpl = spend / leads and cac = spend / won, rounded half-up to cents (left out
 * when their denominator is zero). Every month that overlaps the window gets a plan.
 */
final class Targets {

  private final Window window;
  private final long leads;
  private final Budget budget;

  Targets(Window window, long leads, Budget budget) {
    this.window = window;
    this.leads = leads;
    this.budget = budget;
  }

  /** The mean deal value over the lead mix: channels' lead shares times their segment mix. */
  static double meanDeal() {
    double total = 0;
    double weight = 0;
    for (Channel c : Channel.ALL) {
      double[] w = Segment.weights(c.bigAccounts());
      for (Segment s : Segment.values()) {
        total += c.leadShare() * w[s.ordinal()] * s.meanDeal();
        weight += c.leadShare() * w[s.ordinal()];
      }
    }
    return total / weight;
  }

  void emit(DemoSink sink) {
    Period p = Period.of(Granularity.MONTH, window.startDate);
    double deal = meanDeal();
    while (p.start().isBefore(window.endDate)) {
      LocalDate from = p.start().isBefore(window.startDate) ? window.startDate : p.start();
      LocalDate to = p.endExclusive().isAfter(window.endDate) ? window.endDate : p.endExclusive();
      double share = Window.cumulative(window.fraction(to)) - Window.cumulative(window.fraction(from));
      long leadTarget = Math.round(leads * share * 1.05);
      long mql = Math.round(leadTarget * 0.52);
      long sql = Math.round(leadTarget * 0.30);
      long won = Math.round(leadTarget * 0.05);
      double spend = 0;
      for (LocalDate day = from; day.isBefore(to); day = day.plusDays(1)) {
        for (Budget.Line line : Budget.LINES) {
          spend += budget.expected(line, day);
        }
      }
      BigDecimal spendTarget = BigDecimal.valueOf(Math.round(spend / 100.0) * 100L);
      target(sink, p, "leads", BigDecimal.valueOf(leadTarget));
      target(sink, p, "mql", BigDecimal.valueOf(mql));
      target(sink, p, "sql", BigDecimal.valueOf(sql));
      target(sink, p, "won", BigDecimal.valueOf(won));
      target(sink, p, "revenue", BigDecimal.valueOf(Math.round(won * deal / 100.0) * 100L));
      target(sink, p, "spend", spendTarget);
      if (leadTarget > 0) {
        target(sink, p, "cpl", spendTarget.divide(BigDecimal.valueOf(leadTarget), 2, RoundingMode.HALF_UP));
      }
      if (won > 0) {
        target(sink, p, "cac", spendTarget.divide(BigDecimal.valueOf(won), 2, RoundingMode.HALF_UP));
      }
      p = p.next();
    }
  }

  private static void target(DemoSink sink, Period p, String metric, BigDecimal value) {
    sink.planTarget(new PlanTarget(p, metric, value, null));
  }
}
