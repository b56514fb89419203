package dev.funnel.benchmarks;

import java.io.BufferedOutputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The peer process of the end-to-end benchmark: a fresh JVM that opens an in-memory DuckDB, reads
 * the dataset's CSV files with {@code read_csv} (explicit types) and computes one job's numbers in
 * SQL, then prints them as figures ({@link EndToEndFigures}) on standard output. Timed from outside
 * as a whole process, like the {@code funnel} command it is compared with.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.funnel.benchmarks.EndToEndDuckDb JOB DIR [--threads
 * N]}, JOB one of {@code funnel}, {@code attribution}, {@code unit}, {@code cohorts}; without
 * {@code --threads} DuckDB uses every core.
 *
 * <p>The SQL follows the definitions of docs/spec/metrics.md, docs/spec/dataset.md and docs/spec/cli.md as the
 * CLI cross-check (funnel-cli's {@code CrmCrossCheckIT}) states them, for the demo layout: one
 * currency, instants written with {@code Z}, periods in UTC (the demo's default zone); money is
 * read as {@code DECIMAL(18,2)} (the demo writes cents), so sums are exact.
 */
public final class EndToEndDuckDb {

  private static final String CATALOG = """
      CASE upper(trim(stage)) WHEN 'MQL' THEN 1 WHEN 'SQL' THEN 2 WHEN 'SAL' THEN 3
        WHEN 'OPPORTUNITY' THEN 4 WHEN 'PROPOSAL' THEN 5 WHEN 'NEGOTIATION' THEN 6
        WHEN 'WON' THEN 7 END""";

  private final Connection connection;
  private final Path dir;
  private final EndToEndFigures figures = new EndToEndFigures();

  private EndToEndDuckDb(Connection connection, Path dir) {
    this.connection = connection;
    this.dir = dir;
  }

  public static void main(String[] args) throws SQLException {
    if (args.length != 2 && !(args.length == 4 && args[2].equals("--threads"))) {
      System.err.println("usage: EndToEndDuckDb funnel|attribution|unit|cohorts DIR [--threads N]");
      System.exit(2);
    }
    EndToEndJob job = EndToEndJob.of(args[0]);
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
      EndToEndDuckDb peer = new EndToEndDuckDb(c, Path.of(args[1]));
      peer.run("SET TimeZone = 'UTC'");
      if (args.length == 4) {
        peer.run("SET threads = " + Integer.parseInt(args[3]));
      }
      switch (job) {
        case FUNNEL -> peer.funnel();
        case ATTRIBUTION -> peer.attribution();
        case UNIT -> peer.unit();
        case COHORTS -> peer.cohorts();
        default -> throw new IllegalArgumentException("no DuckDB route for " + job.label());
      }
      PrintStream out = new PrintStream(new BufferedOutputStream(System.out, 1 << 16), false,
          StandardCharsets.UTF_8);
      peer.figures.print(out);
      out.flush();
    }
  }

  /**
   * Event-basis stage counts by channel and month, with the totals per channel, per month and
   * overall: a lead is at LEAD from created_at and reaches stage k at its earliest change into k
   * or any later progression stage (exits reach nothing); only leads of the leads table count.
   */
  private void funnel() throws SQLException {
    run("""
        CREATE TABLE leads AS SELECT lead_id, created_at, coalesce(channel, '(none)') AS channel
          FROM %s""".formatted(csv("leads", "'created_at': 'TIMESTAMPTZ'")));
    run("""
        CREATE TABLE reached AS SELECT lead_id,
            min("at") FILTER (WHERE idx >= 1) AS "MQL", min("at") FILTER (WHERE idx >= 2) AS "SQL",
            min("at") FILTER (WHERE idx >= 3) AS "SAL",
            min("at") FILTER (WHERE idx >= 4) AS "OPPORTUNITY",
            min("at") FILTER (WHERE idx >= 5) AS "PROPOSAL",
            min("at") FILTER (WHERE idx >= 6) AS "NEGOTIATION", min("at") FILTER (WHERE idx >= 7) AS "WON"
          FROM (SELECT lead_id, "at", %s AS idx FROM %s)
          WHERE idx IS NOT NULL GROUP BY lead_id""".formatted(CATALOG,
        csv("stages", "'at': 'TIMESTAMPTZ'")));
    emit("""
        SELECT coalesce(channel, '(all)'), coalesce(month, '(all)'), stage, count(*)
        FROM (SELECT channel, strftime("at", '%Y-%m') AS month, stage FROM (
          UNPIVOT (SELECT l.channel, l.created_at AS "LEAD", r.* EXCLUDE (lead_id)
                   FROM leads l LEFT JOIN reached r USING (lead_id))
          ON "LEAD", "MQL", "SQL", "SAL", "OPPORTUNITY", "PROPOSAL", "NEGOTIATION", "WON"
          INTO NAME stage VALUE "at"))
        GROUP BY GROUPING SETS ((channel, month, stage), (month, stage), (channel, stage), (stage))
        """, 3, "count");
  }

  /**
   * Linear channel credit: the conversion is a lead's first entry into WON (value: the amount on
   * that change, 0 when absent); its journey is its touches at or before the conversion and at
   * most 90 x 24 h before it; each touch gets 1/n of the conversion and of its value. Conversions
   * without a touch in the window are unattributed.
   */
  private void attribution() throws SQLException {
    run("""
        CREATE TABLE conv AS SELECT lead_id, "at" AS conv_at, coalesce(amount, 0) AS value
          FROM %s WHERE upper(trim(stage)) = 'WON'
          QUALIFY row_number() OVER (PARTITION BY lead_id ORDER BY "at", amount NULLS FIRST) = 1
        """.formatted(csv("stages", "'at': 'TIMESTAMPTZ', 'amount': 'DECIMAL(18,2)'")));
    run("""
        CREATE TABLE journey AS SELECT t.lead_id, t.channel, c.value
          FROM %s t JOIN conv c USING (lead_id)
          WHERE t."at" <= c.conv_at
            AND epoch_ms(c.conv_at) - epoch_ms(t."at") <= 90 * CAST(86400000 AS BIGINT)
        """.formatted(csv("touches", "'at': 'TIMESTAMPTZ'")));
    emit("""
        SELECT j.channel, sum(1.0::DOUBLE / n.n), sum(CAST(j.value AS DOUBLE) / n.n)
        FROM journey j JOIN (SELECT lead_id, count(*) AS n FROM journey GROUP BY lead_id) n USING (lead_id)
        GROUP BY j.channel
        """, 1, "credit", "creditValue");
    emit("""
        SELECT '(all)', count(*) FILTER (WHERE attributed),
          coalesce(sum(value) FILTER (WHERE attributed), 0),
          count(*) FILTER (WHERE NOT attributed), coalesce(sum(value) FILTER (WHERE NOT attributed), 0)
        FROM (SELECT value, lead_id IN (SELECT lead_id FROM journey) AS attributed FROM conv)
        """, 1, "conversions", "value", "unattributedConversions", "unattributedValue");
  }

  /**
   * Unit economics per channel, per (channel, campaign) and in total: spend by the spend rows;
   * leads by their own channel and campaign; a customer (customer_id, else lead_id) belongs to its
   * first lead's channel and campaign (earliest created_at, then lead id), (none) without a lead;
   * revenue is every payment, refunds included; customers are those with a positive payment; CPL
   * = spend / leads, CAC = spend / customers, ROMI = (revenue - spend) / spend, DRR = spend /
   * revenue, each NULL (unknown, not zero) for a channel or campaign without spend rows. Marketing revenue: payments of customers whose channel is neither (none) nor direct.
   */
  private void unit() throws SQLException {
    run("""
        CREATE TABLE leads AS SELECT lead_id, created_at, coalesce(channel, '(none)') AS channel,
            campaign, coalesce(customer_id, lead_id) AS customer_id FROM %s
        """.formatted(csv("leads", "'created_at': 'TIMESTAMPTZ'")));
    run("""
        CREATE TABLE pay AS SELECT p.amount, p.customer_id, coalesce(f.channel, '(none)') AS channel,
            f.campaign, f.customer_id IS NOT NULL AND f.channel <> '(none)' AND f.channel <> 'direct'
              AS marketing
          FROM (SELECT coalesce(customer_id, lead_id) AS customer_id, amount FROM %s) p
          LEFT JOIN (SELECT customer_id, channel, campaign FROM leads QUALIFY row_number()
                       OVER (PARTITION BY customer_id ORDER BY created_at, lead_id) = 1) f
            USING (customer_id)
        """.formatted(csv("payments", "'amount': 'DECIMAL(18,2)'")));
    run("""
        CREATE TABLE facts AS
          SELECT channel, coalesce(campaign, '(none)') AS campaign, sum(amount) AS spend,
            count(*) AS spend_rows, 0 AS leads, 0 AS customers, CAST(0 AS DECIMAL(38, 2)) AS revenue,
            CAST(0 AS DECIMAL(38, 2)) AS mrev
            FROM %s GROUP BY ALL
          UNION ALL
          SELECT channel, coalesce(campaign, '(none)'), 0, 0, count(*), 0, 0, 0 FROM leads GROUP BY ALL
          UNION ALL
          SELECT channel, coalesce(campaign, '(none)'), 0, 0, 0, count(DISTINCT customer_id), 0, 0
            FROM pay WHERE amount > 0 GROUP BY ALL
          UNION ALL
          SELECT channel, coalesce(campaign, '(none)'), 0, 0, 0, 0, sum(amount),
            coalesce(sum(amount) FILTER (WHERE marketing), 0) FROM pay GROUP BY ALL
        """.formatted(csv("spend", "'amount': 'DECIMAL(18,2)'")));
    String ratios = """
        sum(spend), sum(leads), sum(customers), sum(revenue),
          CASE WHEN sum(spend_rows) > 0 THEN CAST(sum(spend) AS DOUBLE) / NULLIF(sum(leads), 0) END,
          CASE WHEN sum(spend_rows) > 0 THEN CAST(sum(spend) AS DOUBLE) / NULLIF(sum(customers), 0) END,
          CASE WHEN sum(spend_rows) > 0 THEN CAST(sum(revenue) - sum(spend) AS DOUBLE)
            / NULLIF(CAST(sum(spend) AS DOUBLE), 0) END,
          CASE WHEN sum(spend_rows) > 0 THEN CAST(sum(spend) AS DOUBLE)
            / NULLIF(CAST(sum(revenue) AS DOUBLE), 0) END""";
    String[] metrics = {"spend", "leads", "customers", "revenue", "cpl", "cac", "romi", "drr"};
    emit("SELECT coalesce(channel, '(all)'), '-', " + ratios
        + " FROM facts GROUP BY GROUPING SETS ((channel), ())", 2, metrics);
    emit("SELECT channel, campaign, " + ratios + " FROM facts GROUP BY channel, campaign", 2, metrics);
    emit("""
        SELECT '(all)', '-', sum(mrev), CAST(sum(mrev) AS DOUBLE) / NULLIF(CAST(sum(revenue) AS DOUBLE), 0)
        FROM facts""", 2, "marketingRevenue", "share");
  }

  /**
   * Monthly cohorts by first positive payment: size; for every month k from the cohort's month to
   * the month of the latest payment, active[k] (members with a positive payment in it), orders[k]
   * (their positive payments), revenue[k] (all their payments, refunds included), retention[k] =
   * active / size and the cumulative revenue per customer.
   */
  private void cohorts() throws SQLException {
    run("""
        CREATE TABLE payments AS SELECT coalesce(customer_id, lead_id) AS customer_id, paid_at,
            year(paid_at) * 12 + month(paid_at) - 1 AS ym, amount FROM %s
        """.formatted(csv("payments", "'paid_at': 'TIMESTAMPTZ', 'amount': 'DECIMAL(18,2)'")));
    run("""
        CREATE TABLE member AS SELECT customer_id, strftime(min(paid_at), '%Y-%m') AS cohort,
            min(ym) AS cym FROM payments WHERE amount > 0 GROUP BY customer_id""");
    run("""
        CREATE TABLE grid AS SELECT cohort, cym, size,
            unnest(range(0, (SELECT max(ym) FROM payments) - cym + 1)) AS k
          FROM (SELECT cohort, cym, count(*) AS size FROM member GROUP BY ALL)""");
    run("""
        CREATE TABLE cell AS SELECT m.cohort, p.ym - m.cym AS k,
            count(DISTINCT p.customer_id) FILTER (WHERE p.amount > 0) AS active,
            count(*) FILTER (WHERE p.amount > 0) AS orders, sum(p.amount) AS revenue
          FROM payments p JOIN member m USING (customer_id) WHERE p.ym >= m.cym GROUP BY ALL""");
    emit("SELECT DISTINCT cohort, '-', size FROM grid", 2, "size");
    emit("""
        SELECT g.cohort, g.k, coalesce(c.active, 0), coalesce(c.orders, 0),
          coalesce(c.revenue, 0), CAST(coalesce(c.active, 0) AS DOUBLE) / g.size,
          CAST(sum(coalesce(c.revenue, 0)) OVER (PARTITION BY g.cohort ORDER BY g.k) AS DOUBLE) / g.size
        FROM grid g LEFT JOIN cell c ON c.cohort = g.cohort AND c.k = g.k
        """, 2, "active", "orders", "revenue", "retention", "cumulativePerCustomer");
    emit("SELECT '(all)', '-', strftime(max(paid_at), '%Y-%m') FROM payments", 2, "lastPeriod");
  }

  /**
   * {@code read_csv} of one table of the dataset: every column text (empty cell = NULL) except
   * the typed ones named in {@code types}, so that column order stays free as the layout allows.
   */
  private String csv(String table, String types) {
    String path = dir.resolve(table + ".csv").toAbsolutePath().toString().replace("'", "''");
    return "read_csv('%s', header = true, delim = ',', quote = '\"', all_varchar = true, types = {%s})"
        .formatted(path, types);
  }

  private void run(String sql) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute(sql);
    }
  }

  /**
   * Adds a query's rows as figures: the first {@code keys} columns name the row, each further
   * column is the metric of the same position in {@code metrics}.
   */
  private void emit(String sql, int keys, String... metrics) throws SQLException {
    try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery(sql)) {
      while (r.next()) {
        Object[] key = new Object[keys + 1];
        for (int i = 0; i < keys; i++) {
          key[i] = r.getObject(i + 1);
        }
        for (int m = 0; m < metrics.length; m++) {
          key[keys] = metrics[m];
          Object v = r.getObject(keys + m + 1);
          figures.put(v instanceof BigInteger b ? b.longValueExact() : v, key);
        }
      }
    }
  }
}
