package dev.funnel.attribution;

import dev.funnel.core.display.Tabular;
import dev.funnel.core.display.Cell;
import dev.funnel.core.display.Formats;
import dev.funnel.core.display.TextTable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The removal effects of a Markov attribution chain, solved exactly (see {@link TransitionState}
 * and the Markov model of {@link Attribution}).
 *
 * @param conversionProbability P(conversion from the start); NaN for an empty chain
 * @param effects               channel to removal effect 1 - P_without / P, in [0, 1]; NaN when
 *                              P = 0; channels sorted by name
 * @param withoutProbability    channel to P(conversion) with that channel removed
 * @param states                number of channel states (the start state not counted)
 * @param solver                how the absorbing chain was solved
 */
public record RemovalEffects(
    double conversionProbability,
    Map<String, Double> effects,
    Map<String, Double> withoutProbability,
    int states,
    String solver) implements Tabular {

  public RemovalEffects {
    effects = Collections.unmodifiableMap(new LinkedHashMap<>(effects));
    withoutProbability = Collections.unmodifiableMap(new LinkedHashMap<>(withoutProbability));
  }

  /** Sum of the removal effects (the denominator of the Markov credit shares). */
  public double total() {
    double s = 0;
    for (double e : effects.values()) {
      s += e;
    }
    return s;
  }

  @Override
  public String summary() {
    return "Markov removal effects: P(conv)=" + Formats.percent(conversionProbability) + ", "
        + effects.size() + " channels, " + states + " states";
  }

  @Override
  public TextTable table() {
    TextTable t = TextTable.of("channel", "removal_effect", "p_without");
    for (Map.Entry<String, Double> e : effects.entrySet()) {
      t = t.plus(e.getKey(), Cell.percent(e.getValue()),
          Cell.percent(withoutProbability.get(e.getKey())));
    }
    return t;
  }

  @Override
  public String toString() {
    return Tabular.preview(this);
  }
}
