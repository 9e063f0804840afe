package dev.cskit.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;

/**
 * The peer of {@code benchmarks/run-benchmark.sh}: DuckDB computing, from the same events CSV, the usage
 * metrics of one as-of date that dominate the monthly run (per account and window of 14 and 30 days, this window
 * and the previous one: active days, events, active users). Prints the seconds and the rows it produced.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.cskit.benchmarks.UsagePeer EVENTS.csv YYYY-MM-DD}
 */
public final class UsagePeer {
  private UsagePeer() {}

  /** Runs the peer query once and prints its time. */
  public static void main(String[] args) throws Exception {
    String file = args[0];
    LocalDate asOf = LocalDate.parse(args[1]);
    long t0 = System.nanoTime();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
      st.execute("SET threads TO 2");
      String end = asOf.plusDays(1).toString();
      StringBuilder sql = new StringBuilder("WITH e AS (SELECT account_id, user_id, CAST(timestamp AS DATE) AS day"
          + " FROM read_csv('" + file.replace("'", "''") + "', header = true, columns = {'account_id': 'VARCHAR',"
          + " 'user_id': 'VARCHAR', 'event_type': 'VARCHAR', 'timestamp': 'TIMESTAMP'})"
          + " WHERE timestamp >= DATE '" + asOf.minusDays(59) + "' AND timestamp < DATE '" + end + "')"
          + " SELECT account_id");
      for (int w : new int[] {14, 30}) {
        String lo = asOf.minusDays(w - 1L).toString();
        String plo = asOf.minusDays(2L * w - 1).toString();
        sql.append(", COUNT(DISTINCT day) FILTER (WHERE day >= DATE '").append(lo).append("') AS active_days_").append(w)
            .append(", COUNT(*) FILTER (WHERE day >= DATE '").append(lo).append("') AS events_").append(w)
            .append(", COUNT(DISTINCT user_id) FILTER (WHERE day >= DATE '").append(lo).append("') AS users_").append(w)
            .append(", COUNT(DISTINCT day) FILTER (WHERE day >= DATE '").append(plo).append("' AND day < DATE '")
            .append(lo).append("') AS active_days_prev_").append(w)
            .append(", COUNT(*) FILTER (WHERE day >= DATE '").append(plo).append("' AND day < DATE '").append(lo)
            .append("') AS events_prev_").append(w);
      }
      sql.append(" FROM e GROUP BY account_id");
      long rows = 0;
      try (ResultSet rs = st.executeQuery(sql.toString())) {
        while (rs.next()) {
          rows++;
        }
      }
      System.out.printf("duckdb usage metrics as of %s: %d accounts in %.2f s%n", asOf, rows,
          (System.nanoTime() - t0) / 1e9);
    }
  }
}
