package dev.funnel.attribution;

import dev.funnel.core.display.Tabular;
import dev.funnel.core.display.TextTable;
import java.util.List;
import java.util.Locale;

/**
 * The Markov order chosen from the data by held-out predictive fit, with the fit of every order
 * tried ({@link Attribution#chooseOrder}).
 *
 * <p>Method: the journeys are split into {@link #folds()} parts without randomness (each path's
 * conversions and nulls dealt round-robin over the folds, so every part has the same mix). For
 * each fold and order k, the chain is fitted on the other folds, and each held-out journey is
 * scored with the chain's probability that a walk ending in its last state (its last k channels,
 * repeats handled as in the model) converts, {@code conv_l / (conv_l + null_l)}; a state never
 * seen in training gets the training conversion rate. The pooled scores give the AUC (the
 * probability that a converting journey scores above a non-converting one, ties counting half;
 * Hanley and McNeil 1982) and the log loss. The suggested order is the one with the highest AUC,
 * the lower order on ties within 1e-9: higher orders have more states and must earn them on data
 * they did not see.
 *
 * <p>ChannelAttribution's {@code choose_order} scores the same quantity in-sample (the last
 * state's conversion share of its exits) and penalises the AUC by a count of possible states;
 * here the penalty is the hold-out itself.
 *
 * @param orders    the fit per order, ascending
 * @param suggested the order with the best held-out AUC
 * @param folds     the number of parts
 */
public record OrderSelection(List<OrderFit> orders, int suggested, int folds) implements Tabular {

  /**
   * The held-out fit of one order.
   *
   * @param order    the order
   * @param states   distinct last states in the whole data
   * @param auc      pooled held-out AUC (NaN without both outcomes)
   * @param logLoss  pooled held-out log loss per journey (natural log)
   * @param journeys journeys scored
   */
  public record OrderFit(int order, int states, double auc, double logLoss, long journeys) {}

  public OrderSelection {
    orders = List.copyOf(orders);
  }

  @Override
  public String summary() {
    return String.format(Locale.ROOT, "Markov order by %d-fold held-out AUC: suggested %d",
        folds, suggested);
  }

  @Override
  public TextTable table() {
    TextTable t = TextTable.of("order", "last states", "held-out AUC", "log loss", "journeys");
    for (OrderFit f : orders) {
      t = t.plus(f.order(), f.states(), f.auc(), f.logLoss(), f.journeys());
    }
    return t;
  }

  @Override
  public String toString() {
    return Tabular.preview(this);
  }
}
