package dev.funnel.scoring;

import dev.funnel.core.display.Tabular;
import dev.funnel.core.display.TextTable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A transparent points scoring: a table of {@link Rule}s and the MQL threshold. A lead's score as
 * of an instant is the sum of the points of the rules whose condition holds then; it is an MQL by
 * the rules when the score is at or above the threshold. Every score is reported with its
 * breakdown by rule ({@link PointsScore}).
 *
 * <p>Made three ways: {@link #defaults()}, {@link #builder()}, or {@link #parse(String, String)}
 * from the text of a rule file a marketing team keeps under version control:
 *
 * <pre>
 * # points rules: a comment line
 * rule,feature,operator,value,points
 * MQL,score,&gt;=,40,
 * ICP: enterprise,segment,=,enterprise,20
 * Referral or webinar,channel,in,referral|webinar,10
 * Engaged,touches,&gt;=,3,10
 * Cold,days_since_touch,&gt;,30,-15
 * </pre>
 *
 * The header is {@code rule,feature,operator,value,points} (any case); the row with feature
 * {@code score} and operator {@code >=} is the MQL threshold (exactly one, points empty). Fields
 * may be quoted as in RFC 4180 ({@code "a, b"}; {@code ""} for a quote); the delimiter is a comma,
 * or a semicolon or tab when the header uses it. Blank lines and lines starting with {@code #} are
 * skipped. Any problem is a {@link RuleFileException} with the source, line, column and reason.
 *
 * <p>Immutable and thread-safe.
 */
public final class RuleSet implements Tabular {

  /** The header of a rule file. */
  public static final List<String> HEADER = List.of("rule", "feature", "operator", "value", "points");

  private final double threshold;
  private final List<Rule> rules;

  private RuleSet(double threshold, List<Rule> rules) {
    this.threshold = threshold;
    this.rules = List.copyOf(rules);
  }

  /**
   * The default rules: fit by segment, engagement by touches (offline touches weigh more), sales
   * contact, recency of touches, and decay for cold and stalled leads; MQL at 40 points. Channel
   * names are those of the dataset layout's examples ({@code referral}, {@code webinar},
   * {@code event}); a company with other names should keep its own file.
   *
   * <pre>
   * rule                              condition                  points
   * ICP: enterprise                   segment = enterprise          20
   * ICP: mid-market                   segment = mid                 15
   * Warm source                       channel in referral|webinar|event  10
   * Engaged: 3+ touches               touches &gt;= 3                 10
   * Offline touch                     offline_touches &gt;= 1         10
   * Sales contact                     activities &gt;= 1              10
   * Meeting or demo held              activities:meeting &gt;= 1      10
   * Fresh: touched in the last 7 days days_since_touch &lt;= 7         10
   * Cold: no touch for 30+ days       days_since_touch &gt; 30        -15
   * Stalled: nothing for 14+ days     days_since_move &gt; 14         -10
   * </pre>
   */
  public static RuleSet defaults() {
    return builder().mqlAt(40)
        .add("ICP: enterprise", "segment", "=", "enterprise", 20)
        .add("ICP: mid-market", "segment", "=", "mid", 15)
        .add("Warm source", "channel", "in", "referral|webinar|event", 10)
        .add("Engaged: 3+ touches", "touches", ">=", "3", 10)
        .add("Offline touch", "offline_touches", ">=", "1", 10)
        .add("Sales contact", "activities", ">=", "1", 10)
        .add("Meeting or demo held", "activities:meeting", ">=", "1", 10)
        .add("Fresh: touched in the last 7 days", "days_since_touch", "<=", "7", 10)
        .add("Cold: no touch for 30+ days", "days_since_touch", ">", "30", -15)
        .add("Stalled: nothing for 14+ days", "days_since_move", ">", "14", -10)
        .build();
  }

  /** A builder with no rules and no threshold. */
  public static Builder builder() {
    return new Builder();
  }

  /** The MQL threshold: a score at or above it is an MQL by the rules. */
  public double threshold() {
    return threshold;
  }

  /** The rules in the order given. */
  public List<Rule> rules() {
    return rules;
  }

  /** The rule with this name (case-insensitive), or null. */
  public Rule rule(String name) {
    for (Rule r : rules) {
      if (r.name().equalsIgnoreCase(name.trim())) {
        return r;
      }
    }
    return null;
  }

  /**
   * Reads a rule file's text.
   *
   * @param text   the whole file
   * @param source the file name, for messages
   * @throws RuleFileException naming source, line, column and reason of the first problem
   */
  public static RuleSet parse(String text, String source) {
    String src = source == null ? "rules" : source;
    CsvLines.File file;
    try {
      file = CsvLines.read(text, src, HEADER, "rule file");
    } catch (RuleFileException e) {
      if (e.reason().startsWith("the rule file is empty")) {
        throw new RuleFileException(src, 1, 0, e.reason() + ", the threshold row and rules");
      }
      throw e;
    }
    Builder b = builder();
    boolean threshold = false;
    for (CsvLines.Line line : file.lines()) {
      List<String> f = line.fields();
      int lineNo = line.number();
      if (f.get(1).trim().equalsIgnoreCase("score")) {
        if (threshold) {
          throw new RuleFileException(src, lineNo, 2, "a second MQL threshold row (feature score);"
              + " a rule file has exactly one");
        }
        if (!f.get(2).trim().equals(">=")) {
          throw new RuleFileException(src, lineNo, 3, "the MQL threshold row reads 'MQL,score,>=,N,':"
              + " operator >=, got '" + f.get(2).trim() + "'");
        }
        if (!f.get(4).isBlank()) {
          throw new RuleFileException(src, lineNo, 5, "the MQL threshold row gives no points");
        }
        try {
          b.mqlAt(Rule.number(f.get(3)));
        } catch (IllegalArgumentException e) {
          throw new RuleFileException(src, lineNo, 4, "the MQL threshold must be a number, got '"
              + f.get(3).trim() + "'");
        }
        threshold = true;
        continue;
      }
      double points;
      try {
        points = Rule.number(f.get(4));
      } catch (IllegalArgumentException e) {
        throw new RuleFileException(src, lineNo, 5, "points must be a number, got '" + f.get(4).trim() + "'");
      }
      try {
        b.add(new Rule(f.get(0), f.get(1), f.get(2), f.get(3), points));
      } catch (Rule.BadCell e) {
        throw new RuleFileException(src, lineNo, e.column, e.getMessage());
      } catch (IllegalArgumentException e) {
        throw new RuleFileException(src, lineNo, 1, e.getMessage());
      }
    }
    if (!threshold) {
      throw new RuleFileException(src, file.lastLine(), 0, "no MQL threshold row; add one such as 'MQL,score,>=,40,'");
    }
    if (b.rules.isEmpty()) {
      throw new RuleFileException(src, file.lastLine(), 0, "the rule file has a threshold and no rules");
    }
    return b.build();
  }

  /** The rule file text of this rule set (parses back to an equal rule set). */
  public String toCsv() {
    StringBuilder b = new StringBuilder(String.join(",", HEADER)).append('\n');
    b.append("MQL,score,>=,").append(num(threshold)).append(",\n");
    for (Rule r : rules) {
      b.append(csv(r.name())).append(',').append(csv(r.feature())).append(',').append(r.operator())
          .append(',').append(csv(r.value())).append(',').append(num(r.points())).append('\n');
    }
    return b.toString();
  }

  private static String csv(String s) {
    return s.contains(",") || s.contains("\"") || s.startsWith(" ") || s.startsWith("#")
        ? '"' + s.replace("\"", "\"\"") + '"' : s;
  }

  private static String num(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }

  @Override
  public String summary() {
    return String.format(Locale.ROOT, "Points rules: %d rules, MQL at %s points", rules.size(), num(threshold));
  }

  @Override
  public TextTable table() {
    TextTable t = TextTable.of("rule", "condition", "points");
    for (Rule r : rules) {
      t = t.plus(r.name(), r.condition(), r.points());
    }
    return t;
  }

  @Override
  public String toString() {
    return Tabular.preview(this);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RuleSet s && Double.compare(threshold, s.threshold) == 0 && rules.equals(s.rules);
  }

  @Override
  public int hashCode() {
    return Double.hashCode(threshold) * 31 + rules.hashCode();
  }

  /** Collects rules; not thread-safe. */
  public static final class Builder {
    private Double threshold;
    private final List<Rule> rules = new ArrayList<>();
    private final Set<String> names = new HashSet<>();

    private Builder() {}

    /** The MQL threshold (a finite number). */
    public Builder mqlAt(double points) {
      if (!Double.isFinite(points)) {
        throw new IllegalArgumentException("the MQL threshold must be finite, got " + points);
      }
      this.threshold = points;
      return this;
    }

    /**
     * Adds a rule.
     *
     * @throws IllegalArgumentException naming the rule and the problem (unknown feature or
     *     operator, a value that is not a number, a duplicate name)
     */
    public Builder add(String name, String feature, String operator, String value, double points) {
      try {
        return add(new Rule(name, feature, operator, value, points));
      } catch (Rule.BadCell e) {
        throw new IllegalArgumentException("rule '" + name + "': " + e.getMessage());
      }
    }

    /** Adds a rule; its name must be new (case-insensitive). */
    public Builder add(Rule r) {
      if (!names.add(r.name().toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException("two rules are named '" + r.name() + "'; names must be unique");
      }
      rules.add(r);
      return this;
    }

    /**
     * The rule set.
     *
     * @throws IllegalStateException without a threshold or without rules
     */
    public RuleSet build() {
      if (threshold == null) {
        throw new IllegalStateException("a rule set needs its MQL threshold (mqlAt)");
      }
      if (rules.isEmpty()) {
        throw new IllegalStateException("a rule set needs at least one rule");
      }
      return new RuleSet(threshold, rules);
    }
  }
}
