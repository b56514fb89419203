package dev.funnel.benchmarks;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.duckdb.DuckDBConnection;

/**
 * DuckDB in the same JVM (in-memory database through its JDBC driver): the peer every funnel
 * benchmark is measured against.
 */
final class DuckDbPeer implements AutoCloseable {

  private final Connection connection;

  /**
   * An in-memory DuckDB.
   *
   * @param threads DuckDB worker threads; 1 compares single core to single core
   */
  DuckDbPeer(int threads) throws SQLException {
    connection = DriverManager.getConnection("jdbc:duckdb:");
    try (Statement s = connection.createStatement()) {
      s.execute("SET threads = " + threads);
      s.execute("SET preserve_insertion_order = false");
    }
  }

  /**
   * Reads the payments CSV into a DuckDB table with every column typed (the work funnel-io does)
   * and returns the row count and the exact sum of {@code amount}.
   */
  Totals readPayments(Path csv) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute("CREATE OR REPLACE TABLE payments AS SELECT * FROM read_csv('"
          + csv.toAbsolutePath().toString().replace("'", "''")
          + "', header = true, columns = {'payment_id': 'VARCHAR', 'customer_id': 'VARCHAR',"
          + " 'lead_id': 'VARCHAR', 'paid_at': 'TIMESTAMPTZ', 'amount': 'DECIMAL(18,2)',"
          + " 'currency': 'VARCHAR', 'product': 'VARCHAR'})");
      try (ResultSet r = s.executeQuery("SELECT count(*), sum(amount) FROM payments")) {
        r.next();
        Totals t = new Totals(r.getLong(1), r.getBigDecimal(2));
        s.execute("DROP TABLE payments");
        return t;
      }
    }
  }

  /** The DuckDB connection itself, for appenders and queries of a benchmark's own tables. */
  DuckDBConnection connection() throws SQLException {
    return connection.unwrap(DuckDBConnection.class);
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }

  /** Row count and exact amount sum: both sides must agree before any timing counts. */
  record Totals(long rows, BigDecimal amount) {}
}
