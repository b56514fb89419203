package dev.funnel.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One points rule: when a lead's feature, as of the scoring instant, satisfies the condition, the
 * lead gets the points (negative points take some away).
 *
 * <p>Features (case-insensitive names; everything is as of the scoring instant, nothing after it
 * counts):
 * <ul>
 *   <li>text: {@code channel}, {@code campaign}, {@code segment}, {@code owner} (the lead's
 *       owner), {@code attribute:NAME} (an extra column of the leads table); an absent value is
 *       {@code (none)} (an empty rule value means {@code (none)} too); compared case-insensitively
 *       with {@code =}, {@code !=}, {@code in}, {@code not in};
 *   <li>{@code stage}: the furthest progression stage reached (LEAD, MQL, ...; a skipped stage is
 *       reached with the later one); any operator, the ordering ones by catalog order
 *       ({@code stage >= MQL});
 *   <li>numbers: {@code age_days} (since creation), {@code activities} (sales activities so
 *       far), {@code activities:TYPE} (of one type: {@code call}, {@code email}, {@code meeting},
 *       {@code demo}, ...), {@code days_since_activity}, {@code touches}, {@code online_touches},
 *       {@code offline_touches}, {@code days_since_touch}, {@code days_since_move} (since the
 *       latest activity or stage change, or creation), {@code days_in_stage} (since the furthest
 *       stage was reached), {@code deal_amount} (the latest amount on a stage change); any
 *       operator. A number that is undefined (days since an activity for a lead without one, a
 *       deal amount never given) matches no condition at all, {@code !=} included.
 * </ul>
 * Operators: {@code =}, {@code !=}, {@code <}, {@code <=}, {@code >}, {@code >=}, {@code in},
 * {@code not in} (values separated by {@code |}).
 *
 * @param name     the rule's name, shown in every score breakdown (unique within a rule set)
 * @param feature  the feature name
 * @param operator the operator, normalised ({@code not in} with one space)
 * @param value    the value as written ({@code enterprise}, {@code 3}, {@code referral|webinar})
 * @param points   the points added when the condition holds
 */
public record Rule(String name, String feature, String operator, String value, double points) {

  /** The operators, as written. */
  public static final List<String> OPERATORS = List.of("=", "!=", "<", "<=", ">", ">=", "in", "not in");

  public Rule {
    if (name == null || name.isBlank()) {
      throw new BadCell(1, "the rule needs a name");
    }
    name = name.trim();
    FeatureRef f;
    try {
      f = FeatureRef.parse(feature);
    } catch (IllegalArgumentException e) {
      throw new BadCell(2, e.getMessage());
    }
    feature = f.name;
    operator = operator == null ? "" : operator.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    if (operator.equals("<>")) {
      operator = "!=";
    } else if (operator.equals("==")) {
      operator = "=";
    } else if (operator.equals("not_in")) {
      operator = "not in";
    }
    if (!OPERATORS.contains(operator)) {
      throw new BadCell(3, "unknown operator '" + operator + "'; operators: " + String.join(", ", OPERATORS));
    }
    boolean ordering = operator.startsWith("<") || operator.startsWith(">");
    if (f.kind == FeatureRef.Kind.TEXT && ordering) {
      throw new BadCell(3, feature + " is text: use =, !=, in or not in");
    }
    value = value == null ? "" : value.trim();
    List<String> values = split(value);
    if (!operator.endsWith("in") && values.size() > 1) {
      throw new BadCell(4, "operator " + operator + " takes one value; use 'in' for a list");
    }
    if (f.kind != FeatureRef.Kind.TEXT && value.isEmpty()) {
      throw new BadCell(4, feature + " needs a value");
    }
    if (f.kind == FeatureRef.Kind.NUMBER) {
      for (String v : values) {
        number(v);
      }
    }
    if (!Double.isFinite(points)) {
      throw new BadCell(5, "points must be a finite number, got " + points);
    }
  }

  /** The values of the condition ({@code in} lists split at {@code |}). */
  public List<String> values() {
    return split(value);
  }

  static List<String> split(String value) {
    List<String> out = new ArrayList<>();
    for (String v : value.split("\\|", -1)) {
      out.add(v.trim());
    }
    return out;
  }

  static double number(String v) {
    try {
      double d = Double.parseDouble(v.trim());
      if (Double.isFinite(d) && v.trim().matches("[-+]?[0-9]*\\.?[0-9]+([eE][-+]?[0-9]+)?")) {
        return d;
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw new BadCell(4, "'" + v + "' is not a number");
  }

  /** The condition as a phrase: {@code segment = enterprise}. */
  public String condition() {
    return feature + " " + operator + " " + (value.isEmpty() ? "(none)" : value);
  }

  /** A problem with one cell of a rule (1 name, 2 feature, 3 operator, 4 value, 5 points). */
  static final class BadCell extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    final int column;

    BadCell(int column, String message) {
      super(message);
      this.column = column;
    }
  }
}
