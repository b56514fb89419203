package dev.funnel.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.core.JourneyPath;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Order selection on data whose outcome depends on two steps, and the AUC against pair counts. */
class OrderSelectionTest {

  private static JourneyPath path(String p, long conv, long nulls) {
    return new JourneyPath(JourneyPath.parseChannels(p), conv, BigDecimal.valueOf(conv), nulls);
  }

  @Test
  void twoStepDependenceNeedsOrderTwo() {
    // "A > B" converts, "C > B" does not: the last channel alone (B) says nothing, the last two
    // say everything; a third step adds nothing
    JourneySet js = JourneySet.fromPaths(List.of(path("A > B", 50, 0), path("C > B", 0, 50),
        path("A", 10, 10), path("C", 10, 10)));
    OrderSelection s = Attribution.chooseOrder(js, 3, null);
    assertEquals(2, s.suggested());
    OrderSelection.OrderFit o1 = s.orders().get(0);
    OrderSelection.OrderFit o2 = s.orders().get(1);
    assertTrue(o2.auc() > o1.auc(), s.toString());
    assertEquals(1.0 * 140 / 140, (double) o1.journeys() / 140);
    // order 2 separates B's journeys: AUC = P(pos > neg) + ties/2 over 70 positives x 70 negatives:
    // positives: 50 at score 1, 10 at A's 0.5, 10 at C's 0.5; negatives: 50 at 0, 20 at 0.5
    double expected = (50.0 * 70 + 20 * (50 + 20 / 2.0)) / (70.0 * 70);
    assertEquals(expected, o2.auc(), 1e-12);
    assertEquals(o2.auc(), s.orders().get(2).auc(), 1e-12); // order 3: same states, no gain
    assertThrows(IllegalArgumentException.class, () -> Attribution.chooseOrder(js, 0, null));
  }

  @Test
  void aucCountsPairs() {
    Random rnd = new Random(6);
    for (int round = 0; round < 200; round++) {
      List<double[]> rows = new ArrayList<>();
      for (int i = rnd.nextInt(20) + 1; i > 0; i--) {
        rows.add(new double[] {rnd.nextInt(5) / 4.0, rnd.nextInt(4), rnd.nextInt(4)});
      }
      double wins = 0;
      double pairs = 0;
      for (double[] a : rows) {
        for (double[] b : rows) {
          double n = a[1] * b[2]; // a's positives against b's negatives
          pairs += n;
          wins += a[0] > b[0] ? n : a[0] == b[0] ? n / 2 : 0;
        }
      }
      double auc = MarkovOrder.auc(new ArrayList<>(rows));
      if (pairs == 0) {
        assertTrue(Double.isNaN(auc));
      } else {
        assertEquals(wins / pairs, auc, 1e-12);
      }
    }
  }
}
