package dev.funnel.cli.view;

import dev.funnel.core.Period;
import dev.funnel.core.display.Formats;
import dev.funnel.core.display.TextTable;
import dev.funnel.core.sales.DealSize;
import dev.funnel.core.sales.Pipeline;
import dev.funnel.core.sales.SalesVelocity;
import dev.funnel.io.html.KeyFigure;
import dev.funnel.io.html.Section;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * New deals and forecast revenue (the review pack's deals section): deals won in a period and in
 * its comparison period with the change, the period's average won deal, the open pipeline as of
 * an instant with its coverage of the period's revenue target, and sales velocity; the average
 * deal, pipeline and velocity in the JSON shapes of {@link SalesView}.
 */
public final class DealsView implements View {

  /**
   * What the section shows.
   *
   * @param won       deals won in the period
   * @param wonBefore deals won in the comparison period
   * @param asOfLabel the as-of instant for people ({@link dev.funnel.core.display.InstantLabel})
   * @param currency  the dataset currency (null: not stated)
   */
  public record Figures(Period period, long won, Period compare, long wonBefore, DealSize deals,
      Pipeline pipeline, SalesVelocity velocity, String asOfLabel, String currency) {}

  private final Figures f;

  private DealsView(Figures f) {
    this.f = f;
  }

  /** The view of the figures. */
  public static DealsView of(Figures f) {
    return new DealsView(f);
  }

  record Json(String period, String compare, long won, long wonCompare, double wonChange,
      SalesView.DealSizeJson dealSize, SalesView.PipelineJson pipeline,
      SalesView.VelocityJson velocity) {}

  private double change() {
    return LeadsView.change(f.won(), f.wonBefore());
  }

  @Override
  public Object json() {
    return new Json(f.period().label(), f.compare().label(), f.won(), f.wonBefore(), change(),
        SalesView.DealSizeJson.of(f.deals()), SalesView.PipelineJson.of(f.pipeline()),
        SalesView.VelocityJson.of(f.velocity()));
  }

  @Override
  public String text() {
    StringBuilder b = new StringBuilder();
    b.append("won deals: ").append(Formats.count(f.won())).append(" in ").append(f.period().label())
        .append(", ").append(Formats.count(f.wonBefore())).append(" in ")
        .append(f.compare().label()).append(" (change ").append(Formats.change(change()))
        .append(")\n");
    b.append(f.deals().summary()).append(" in ").append(f.period().label()).append('\n');
    Pipeline p = f.pipeline();
    b.append('\n').append(p.summary()).append(" as of ").append(f.asOfLabel()).append('\n');
    b.append(SalesView.planLine(p, f.period(), f.currency()));
    b.append(p.table().render());
    b.append('\n').append(f.velocity().summary()).append('\n').append(f.velocity().table().render());
    return b.toString();
  }

  @Override
  public Map<String, TextTable> tables() {
    Map<String, TextTable> t = new LinkedHashMap<>();
    t.put("deal size", f.deals().table());
    t.put("pipeline", f.pipeline().table());
    t.put("velocity", f.velocity().table());
    return t;
  }

  @Override
  public String csv() {
    Map<String, TextTable> t = new LinkedHashMap<>();
    t.put("deal size", f.deals().table());
    t.put("pipeline", f.pipeline().table());
    t.put("velocity", f.velocity().table());
    return Views.csv(t);
  }

  @Override
  public Section html(Section s) {
    Pipeline p = f.pipeline();
    s = s.figures(List.of(
        new KeyFigure("Won deals", Formats.count(f.won()),
            Formats.change(change()) + " vs " + f.compare().label()),
        new KeyFigure("Average deal", Formats.money(f.deals().average(), f.currency())),
        new KeyFigure("Weighted pipeline", Formats.money(p.weighted(), f.currency()),
            Formats.count(p.deals()) + " open deals, " + Formats.money(p.value(), f.currency())
                + " open"),
        new KeyFigure("Coverage of plan", Formats.multiple(p.coverage()),
            p.plan() == null ? "no revenue target"
                : "target " + Formats.money(p.plan(), f.currency())),
        new KeyFigure("Sales velocity", Formats.money(f.velocity().perDay(), f.currency()),
            "per day")));
    TextTable t = SalesView.pipelineTable(p);
    return s.table("Open pipeline as of " + f.asOfLabel(), t.header(), t.textRows());
  }
}
