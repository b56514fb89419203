package dev.funnel.cli;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The independent route of the cross-checks (docs/crosscheck.md): an in-memory DuckDB database
 * over the same CSV files the library reads, queried with SQL written from docs/spec/metrics.md,
 * docs/spec/dataset.md and docs/spec/cli.md. One connection, one thread (the checks are small); the session
 * time zone is UTC so that no conversion happens unless a query asks for one.
 */
final class Duck implements AutoCloseable {

  private final Connection connection;

  Duck() {
    try {
      connection = DriverManager.getConnection("jdbc:duckdb:");
      run("SET threads = 1");
      run("SET TimeZone = 'UTC'");
    } catch (SQLException e) {
      throw new IllegalStateException("DuckDB did not start: " + e.getMessage(), e);
    }
  }

  /** Runs statements (DDL, macros) separated by {@code ;} at line ends. */
  void run(String sql) {
    for (String part : sql.split(";\\s*\n")) {
      if (part.isBlank()) {
        continue;
      }
      try (Statement s = connection.createStatement()) {
        s.execute(part);
      } catch (SQLException e) {
        throw new IllegalStateException("SQL failed: " + e.getMessage() + "\n" + part, e);
      }
    }
  }

  /**
   * The rows of a query; columns as JDBC gives them, except DECIMAL (as {@link BigDecimal}), and
   * integers (as {@link Long}).
   */
  List<Object[]> rows(String sql) {
    try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery(sql)) {
      ResultSetMetaData m = r.getMetaData();
      int n = m.getColumnCount();
      List<Object[]> out = new ArrayList<>();
      while (r.next()) {
        Object[] row = new Object[n];
        for (int i = 0; i < n; i++) {
          Object v = r.getObject(i + 1);
          if (v instanceof BigDecimal || v == null) {
            row[i] = v;
          } else if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            row[i] = ((Number) v).longValue();
          } else if (v instanceof java.math.BigInteger b) {
            row[i] = b.longValueExact();
          } else {
            row[i] = v;
          }
        }
        out.add(row);
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException("SQL failed: " + e.getMessage() + "\n" + sql, e);
    }
  }

  /** The single value of a one-row, one-column query. */
  Object value(String sql) {
    List<Object[]> r = rows(sql);
    if (r.size() != 1 || r.get(0).length != 1) {
      throw new IllegalStateException("expected one value from: " + sql);
    }
    return r.get(0)[0];
  }

  /** A path as a SQL string literal. */
  static String literal(java.nio.file.Path p) {
    return "'" + p.toAbsolutePath().toString().replace("'", "''") + "'";
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
