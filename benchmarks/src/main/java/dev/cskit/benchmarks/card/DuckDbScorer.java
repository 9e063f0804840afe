package dev.cskit.benchmarks.card;

import dev.cskit.core.MetricTable;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The DuckDB baseline: an in-memory database holding the same table (loaded once with the appender, missing as
 * NULL), the card as one SQL query of CASE expressions, returning the aggregate (band counts and score sum).
 */
public final class DuckDbScorer implements AutoCloseable {
  private final DuckDBConnection connection;
  private final String query;

  /** Loads the table into a fresh in-memory database using {@code threads} threads for queries. */
  public DuckDbScorer(CardSpec card, MetricTable table, int threads) throws SQLException {
    Connection c = DriverManager.getConnection("jdbc:duckdb:");
    connection = c.unwrap(DuckDBConnection.class);
    try (Statement st = connection.createStatement()) {
      st.execute("SET threads TO " + threads);
      StringBuilder ddl = new StringBuilder("CREATE TABLE accounts (account_id VARCHAR");
      for (int j = 0; j < card.measures(); j++) {
        ddl.append(", ").append(card.metric(j)).append(" DOUBLE");
      }
      st.execute(ddl.append(')').toString());
    }
    double[][] cols = new double[card.measures()][];
    for (int j = 0; j < cols.length; j++) {
      cols[j] = table.column(card.metric(j));
    }
    try (DuckDBAppender app = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "accounts")) {
      for (int i = 0; i < table.rowCount(); i++) {
        app.beginRow();
        app.append(table.accountId(i).value());
        for (double[] col : cols) {
          double v = col[i];
          if (Double.isNaN(v)) {
            app.appendNull();
          } else {
            app.append(v);
          }
        }
        app.endRow();
      }
    }
    query = sql(card);
  }

  private static String lit(double v) {
    return String.format(Locale.ROOT, "%.17e", v); // scientific notation: a DOUBLE literal in DuckDB
  }

  /** The card as SQL. */
  static String sql(CardSpec card) {
    StringBuilder num = new StringBuilder();
    StringBuilder den = new StringBuilder();
    for (int j = 0; j < card.measures(); j++) {
      String c = card.metric(j);
      double[] x = card.xs(j);
      double[] s = card.scores(j);
      String w = lit(card.weight(j));
      StringBuilder rule = new StringBuilder("CASE WHEN ").append(c).append(" >= ").append(lit(x[3]))
          .append(" THEN ").append(lit(s[3]));
      for (int p = 2; p >= 0; p--) {
        double k = (s[p + 1] - s[p]) / (x[p + 1] - x[p]);
        rule.append(" WHEN ").append(c).append(" >= ").append(lit(x[p])).append(" THEN ").append(lit(s[p]))
            .append(" + (").append(c).append(" - ").append(lit(x[p])).append(") * ").append(lit(k));
      }
      rule.append(" ELSE ").append(lit(s[0])).append(" END");
      if (j > 0) {
        num.append(" + ");
        den.append(" + ");
      }
      num.append("CASE WHEN ").append(c).append(" IS NULL THEN 0.0e0 ELSE ").append(w).append(" * (")
          .append(rule).append(") END");
      den.append("CASE WHEN ").append(c).append(" IS NULL THEN 0.0e0 ELSE ").append(w).append(" END");
    }
    return "WITH s AS (SELECT (" + num + ") / NULLIF(" + den + ", 0.0e0) AS score FROM accounts) "
        + "SELECT count(*) FILTER (WHERE score < 4.0e1), "
        + "count(*) FILTER (WHERE score >= 4.0e1 AND score < 7.0e1), "
        + "count(*) FILTER (WHERE score >= 7.0e1), "
        + "count(*) FILTER (WHERE score IS NULL), "
        + "coalesce(sum(score), 0.0e0) FROM s";
  }

  /** Runs the card over the table. */
  public ScoreSummary score() throws SQLException {
    try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(query)) {
      rs.next();
      return new ScoreSummary(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getDouble(5));
    }
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
