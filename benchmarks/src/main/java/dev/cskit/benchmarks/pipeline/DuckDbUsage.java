package dev.cskit.benchmarks.pipeline;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The DuckDB peer of {@code cskit usage} for {@code benchmarks/pipeline.sh}: the same aggregation as one SQL
 * query from the events CSV (or Parquet) and the accounts CSV, written as CSV in the same column order and
 * the same account order. The columns (and so the windows and event types) are taken from the header of the
 * {@code cskit usage} output it is compared with, so DuckDB gets the list of types for free.
 *
 * <p>{@code java -cp benchmarks.jar dev.cskit.benchmarks.pipeline.DuckDbUsage usage ACCOUNTS EVENTS(.csv|.parquet)
 * AS_OF HEADER_FROM OUT [THREADS]}, {@code parquet EVENTS_CSV OUT_PARQUET} to convert events once, or
 * {@code read FILE...} to load CSV files whole (the floor for reading a command's inputs).
 */
public final class DuckDbUsage {
  private static final Pattern COLUMN = Pattern.compile("(.+?)_(prev_)?(\\d+)d");

  private DuckDbUsage() {}

  /** Runs one mode; see the class comment. */
  public static void main(String[] args) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
      st.execute("SET TimeZone = 'UTC'");
      if (args[0].equals("parquet")) {
        st.execute("SET threads TO 2");
        st.execute("COPY (SELECT * FROM " + eventsCsv(args[1]) + ") TO '" + args[2] + "' (FORMAT parquet)");
        return;
      }
      if (args[0].equals("read")) {
        // the floor of reading score's inputs: every cell of every file parsed into a table
        st.execute("SET threads TO 2");
        for (int i = 1; i < args.length; i++) {
          st.execute("CREATE TABLE t" + i + " AS SELECT * FROM read_csv('" + args[i] + "', header = true)");
        }
        return;
      }
      st.execute("SET threads TO " + (args.length > 6 ? args[6] : "2"));
      st.execute(query(Path.of(args[1]), args[2], LocalDate.parse(args[3]), header(Path.of(args[4])), args[5]));
    }
  }

  private static String eventsCsv(String file) {
    return "read_csv('" + file + "', header = true, columns = {'account_id': 'VARCHAR', 'user_id': 'VARCHAR',"
        + " 'event_type': 'VARCHAR', 'timestamp': 'TIMESTAMPTZ'})";
  }

  private static List<String> header(Path file) throws Exception {
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      List<String> out = new ArrayList<>(List.of(r.readLine().split(",")));
      out.remove(0);
      return out;
    }
  }

  static String query(Path accounts, String events, LocalDate asOf, List<String> columns, String out) {
    String source = events.endsWith(".parquet") ? "read_parquet('" + events + "')" : eventsCsv(events);
    int span = 0;
    List<String> aggs = new ArrayList<>();
    List<String> select = new ArrayList<>();
    for (String name : columns) {
      Matcher m = COLUMN.matcher(name);
      if (!m.matches()) {
        throw new IllegalArgumentException("unknown column " + name);
      }
      String base = m.group(1);
      boolean prev = m.group(2) != null;
      int w = Integer.parseInt(m.group(3));
      span = Math.max(span, 2 * w);
      String in = prev ? "d >= " + w + " AND d < " + (2 * w) : "d < " + w;
      String cur = "d < " + w;
      String before = "d >= " + w + " AND d < " + (2 * w);
      String c;
      switch (base) {
        case "active_days":
          aggs.add("count(DISTINCT d) FILTER (WHERE " + in + ") AS " + name);
          c = "coalesce(" + name + ", 0)";
          break;
        case "events":
          aggs.add("count(*) FILTER (WHERE " + in + ") AS " + name);
          c = "coalesce(" + name + ", 0)";
          break;
        case "active_users":
          aggs.add("count(DISTINCT u) FILTER (WHERE " + in + ") AS " + name);
          c = "coalesce(" + name + ", 0)";
          break;
        case "events_change":
          aggs.add("count(*) FILTER (WHERE " + cur + ") AS cur_" + w);
          aggs.add("count(*) FILTER (WHERE " + before + ") AS prev_" + w);
          c = "CASE WHEN coalesce(prev_" + w + ", 0) = 0 THEN NULL ELSE (cur_" + w + " - prev_" + w + ") / prev_" + w
              + " END";
          break;
        case "penetration":
          aggs.add("count(DISTINCT u) FILTER (WHERE " + cur + ") AS pu_" + w);
          c = "CASE WHEN a.seats = 0 THEN NULL ELSE coalesce(pu_" + w + ", 0) / a.seats END";
          break;
        default:
          aggs.add("count(*) FILTER (WHERE t = '" + base + "' AND " + in + ") AS " + name);
          c = "coalesce(" + name + ", 0)";
      }
      select.add(c + " AS " + name);
    }
    return "COPY (WITH e AS (SELECT account_id, NULLIF(user_id, '') AS u, lower(event_type) AS t,"
        + " DATE '" + asOf + "' - CAST(timestamp AS DATE) AS d FROM " + source + "),"
        + " g AS (SELECT account_id, " + String.join(", ", aggs) + " FROM e WHERE d >= 0 AND d < " + span
        + " GROUP BY account_id),"
        + " a AS (SELECT account_id, CAST(seats AS DOUBLE) AS seats, row_number() OVER () AS rn FROM read_csv('"
        + accounts + "', header = true, all_varchar = true))"
        + " SELECT a.account_id, " + String.join(", ", select) + " FROM a LEFT JOIN g USING (account_id)"
        + " ORDER BY a.rn) TO '" + out + "' (HEADER, DELIMITER ',')";
  }
}
