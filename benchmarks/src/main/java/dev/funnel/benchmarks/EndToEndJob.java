package dev.funnel.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The jobs of the end-to-end benchmark: the {@code funnel} command line a user runs over a CSV
 * directory, and how to read the numbers the DuckDB peer ({@link EndToEndDuckDb}) also computes
 * out of the command's JSON. {@link #REPORT} has no peer (only its exit status and sections are
 * checked).
 */
enum EndToEndJob {

  /** Event-basis stage counts by channel and month. */
  FUNNEL("stage counts (event basis) per channel x month, per channel, per month and overall;"
      + " zero cells left out on both sides", "funnel", "--by", "channel", "--period", "month") {
    @Override
    EndToEndFigures figures(JsonNode json) {
      EndToEndFigures f = new EndToEndFigures();
      stages(f, "(all)", "(all)", json.get("stages"));
      for (JsonNode p : json.get("periods")) {
        stages(f, "(all)", p.get("period").asText(), p.get("stages"));
      }
      for (JsonNode g : json.get("groups")) {
        String key = g.get("key").asText();
        stages(f, key, "(all)", g.get("stages"));
        for (JsonNode p : g.get("periods")) {
          stages(f, key, p.get("period").asText(), p.get("stages"));
        }
      }
      return f;
    }

    private void stages(EndToEndFigures f, String group, String period, JsonNode stages) {
      for (JsonNode s : stages) {
        if (s.get("count").asLong() != 0) {
          f.put(s.get("count").asLong(), group, period, s.get("stage").asText(), "count");
        }
      }
    }
  },

  /** Linear multi-touch attribution. */
  ATTRIBUTION("attributed and unattributed conversions and value (exact), each channel's linear"
      + " credit in conversions and value (1e-9 relative)", "attribution", "--model", "linear") {
    @Override
    EndToEndFigures figures(JsonNode json) {
      EndToEndFigures f = new EndToEndFigures();
      f.put(number(json.get("conversions")), "(all)", "conversions")
          .put(number(json.get("value")), "(all)", "value")
          .put(number(json.get("unattributedConversions")), "(all)", "unattributedConversions")
          .put(number(json.get("unattributedValue")), "(all)", "unattributedValue");
      for (JsonNode c : json.get("channels")) {
        if (c.get("conversions").doubleValue() != 0 || c.get("value").doubleValue() != 0) {
          String channel = c.get("channel").asText();
          f.put(number(c.get("conversions")), channel, "credit")
              .put(number(c.get("value")), channel, "creditValue");
        }
      }
      return f;
    }
  },

  /** Unit economics by channel and campaign. */
  UNIT("spend, leads, customers, revenue (exact) and CPL, CAC, ROMI, DRR (1e-9 relative) per"
      + " channel, per channel x campaign and in total; marketing revenue (exact) and its share",
      "unit") {
    @Override
    EndToEndFigures figures(JsonNode json) {
      EndToEndFigures f = new EndToEndFigures();
      for (JsonNode c : json.get("channels")) {
        row(f, c, c.get("channel").asText(), "-");
      }
      row(f, json.get("total"), "(all)", "-");
      for (JsonNode c : json.get("campaigns")) {
        row(f, c, c.get("channel").asText(), c.get("campaign").asText());
      }
      f.put(number(json.get("marketingRevenue")), "(all)", "-", "marketingRevenue")
          .put(number(json.get("marketingRevenueShare")), "(all)", "-", "share");
      return f;
    }

    private void row(EndToEndFigures f, JsonNode r, String channel, String campaign) {
      for (String m : List.of("spend", "leads", "customers", "revenue", "cpl", "cac", "romi", "drr")) {
        f.put(number(r.get(m)), channel, campaign, m);
      }
    }
  },

  /** Monthly cohorts by first payment. */
  COHORTS("every cohort's size and, per month since the cohort, active customers, orders, revenue"
      + " (exact), retention and cumulative revenue per customer (1e-9 relative); the last period",
      "cohorts") {
    @Override
    EndToEndFigures figures(JsonNode json) {
      EndToEndFigures f = new EndToEndFigures();
      f.put(json.get("lastPeriod").asText(), "(all)", "-", "lastPeriod");
      for (JsonNode c : json.get("cohorts")) {
        String cohort = c.get("cohort").asText();
        f.put(c.get("size").asLong(), cohort, "-", "size");
        JsonNode cumulative = c.get("cumulativeRevenuePerCustomer");
        for (int k = 0; k < c.get("active").size(); k++) {
          f.put(c.get("active").get(k).asLong(), cohort, k, "active")
              .put(c.get("orders").get(k).asLong(), cohort, k, "orders")
              .put(number(c.get("revenue").get(k)), cohort, k, "revenue")
              .put(number(c.get("retention").get(k)), cohort, k, "retention")
              .put(number(cumulative.get(k)), cohort, k, "cumulativePerCustomer");
        }
      }
      return f;
    }
  },

  /** The whole review pack; no peer. */
  REPORT("none (no peer): exit 0 and a JSON object with every section", "report") {
    @Override
    EndToEndFigures figures(JsonNode json) {
      throw new UnsupportedOperationException("report has no peer to compare with");
    }
  };

  private final String compared;
  private final List<String> command;

  EndToEndJob(String compared, String... command) {
    this.compared = compared;
    this.command = List.of(command);
  }

  /** The job by its lower-case name. */
  static EndToEndJob of(String label) {
    return valueOf(label.toUpperCase(Locale.ROOT));
  }

  /** The lower-case name used on the command line and in the results. */
  String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether a DuckDB route computes this job's numbers. */
  boolean hasPeer() {
    return this != REPORT;
  }

  /** What the pre-timing check compares, in words, for the results. */
  String compared() {
    return compared;
  }

  /** The {@code funnel} arguments of the job over {@code dir}, JSON output. */
  List<String> arguments(String dir) {
    List<String> out = new ArrayList<>();
    out.add(command.get(0));
    out.add(dir);
    out.addAll(command.subList(1, command.size()));
    out.add("--format");
    out.add("json");
    return out;
  }

  /** The figures the peer also computes, read out of the command's JSON output. */
  abstract EndToEndFigures figures(JsonNode json);

  private static Object number(JsonNode n) {
    return n == null || n.isNull() ? null : n.decimalValue();
  }
}
