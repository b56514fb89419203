package dev.funnel.scoring;

import dev.funnel.core.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A rule set compiled against one dataset: stage names resolved, numbers parsed. */
final class BoundRules {

  final RuleSet set;
  private final Timeline tl;
  private final FeatureRef[] features;
  private final String[] operators;
  private final String[][] texts;
  private final double[][] numbers;
  private final int[][] stages;
  /** For TEXT rules on a dictionary: whether code + 1 satisfies the condition. */
  private final boolean[][] byCode;

  BoundRules(RuleSet set, Timeline tl) {
    this.set = set;
    this.tl = tl;
    int n = set.rules().size();
    features = new FeatureRef[n];
    operators = new String[n];
    texts = new String[n][];
    numbers = new double[n][];
    stages = new int[n][];
    byCode = new boolean[n][];
    for (int i = 0; i < n; i++) {
      Rule r = set.rules().get(i);
      features[i] = FeatureRef.parse(r.feature());
      operators[i] = r.operator();
      List<String> values = r.values();
      switch (features[i].kind) {
        case TEXT: {
          texts[i] = new String[values.size()];
          for (int k = 0; k < values.size(); k++) {
            String v = values.get(k);
            texts[i][k] = (v.isEmpty() ? FeatureRef.NONE : v).toLowerCase(Locale.ROOT);
          }
          dev.funnel.core.columnar.Dictionary dict = features[i].dictionary(tl);
          if (dict != null) {
            byCode[i] = new boolean[dict.size() + 1];
            for (int c = -1; c < dict.size(); c++) {
              byCode[i][c + 1] = textHolds(i, c < 0 ? FeatureRef.NONE : dict.value(c));
            }
          }
          break;
        }
        case STAGE: {
          stages[i] = new int[values.size()];
          for (int k = 0; k < values.size(); k++) {
            Stage s = tl.catalog.find(values.get(k)).orElseThrow(() -> new IllegalArgumentException(
                "rule '" + r.name() + "': unknown stage '" + r.value() + "'; the catalog has "
                    + names(tl)));
            if (s.exit()) {
              throw new IllegalArgumentException("rule '" + r.name() + "': " + s.name()
                  + " is an exit; stage rules compare the furthest progression stage");
            }
            stages[i][k] = s.index();
          }
          break;
        }
        default: {
          numbers[i] = new double[values.size()];
          for (int k = 0; k < values.size(); k++) {
            numbers[i][k] = Rule.number(values.get(k));
          }
        }
      }
    }
  }

  private static String names(Timeline tl) {
    List<String> out = new ArrayList<>();
    tl.catalog.progression().forEach(s -> out.add(s.name()));
    return String.join(", ", out);
  }

  int size() {
    return features.length;
  }

  /**
   * The score of a state; {@code hits[i]} gets rule {@code i}'s points when it holds, else 0
   * (null: not recorded).
   */
  double score(Timeline.State s, double[] hits) {
    double total = 0;
    for (int i = 0; i < features.length; i++) {
      boolean holds = holds(i, s);
      double p = holds ? set.rules().get(i).points() : 0;
      total += p;
      if (hits != null) {
        hits[i] = holds ? p : Double.NaN;
      }
    }
    return total;
  }

  private boolean holds(int i, Timeline.State s) {
    String op = operators[i];
    switch (features[i].kind) {
      case TEXT:
        return byCode[i] != null ? byCode[i][features[i].code(tl, s) + 1]
            : textHolds(i, features[i].text(tl, s));
      case STAGE:
        return compare(op, s.stage, stages[i]);
      default: {
        double v = features[i].number(tl, s);
        if (Double.isNaN(v)) {
          return false;
        }
        return compare(op, v, numbers[i]);
      }
    }
  }

  private boolean textHolds(int i, String text) {
    String v = text.toLowerCase(Locale.ROOT);
    boolean any = false;
    for (String t : texts[i]) {
      any |= t.equals(v);
    }
    String op = operators[i];
    return op.equals("=") || op.equals("in") ? any : !any;
  }

  private static boolean compare(String op, int v, int[] values) {
    double[] d = new double[values.length];
    for (int k = 0; k < values.length; k++) {
      d[k] = values[k];
    }
    return compare(op, v, d);
  }

  private static boolean compare(String op, double v, double[] values) {
    switch (op) {
      case "=": return v == values[0];
      case "!=": return v != values[0];
      case "<": return v < values[0];
      case "<=": return v <= values[0];
      case ">": return v > values[0];
      case ">=": return v >= values[0];
      default: {
        boolean any = false;
        for (double x : values) {
          any |= v == x;
        }
        return op.equals("in") ? any : !any;
      }
    }
  }
}
