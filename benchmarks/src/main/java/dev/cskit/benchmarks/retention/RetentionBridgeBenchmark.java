package dev.cskit.benchmarks.retention;

import dev.cskit.retention.Bridge;
import dev.cskit.retention.BridgeRow;
import dev.cskit.retention.MrrHistory;
import dev.cskit.retention.RetentionOptions;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A timed main (run by hand, not in the test suite): subscription line items CSV to a monthly MRR bridge,
 * cskit ({@link MrrHistory#readSubscriptions} + {@link MrrHistory#bridge()}) against DuckDB (read_csv and
 * one SQL query of the same definitions) on the same file, checking that both give the same movements to
 * the cent, and reporting the ratio; then the engines alone, the line items already in memory (cskit: columns
 * through {@link MrrHistory#builder}; DuckDB: a table loaded from the file). {@code csv=false} skips the first
 * part.
 *
 * <pre>
 * java -Xmx6g -cp benchmarks/target/benchmarks.jar dev.cskit.benchmarks.retention.RetentionBridgeBenchmark \
 *     [accounts=1000000] [itemsPerAccount=10] [dir=/tmp/cskit-retention-bench] [runs=3] [threads=2] [csv=false]
 * </pre>
 *
 * <p>The data (generated once into {@code dir}, seeded): each account starts in one of the first 12 months
 * of 2021 on a random day, then a chain of line items (same-day plan changes with new prices), each lasting
 * 1-4 months, with a 10% chance of a gap of 1-16 months (churn and return) before the next; billing 70%
 * monthly, 10% quarterly, 20% yearly; the last item stays active with 70% chance. 1M accounts x 10 = 10M rows;
 * the bridge covers the 60 months 2021-01 to 2025-12 (the few later items are cut off by {@code through}).
 */
public final class RetentionBridgeBenchmark {
  /** The history's five years: 2021-01 to 2025-12 (later line items are cut off, in both). */
  static final java.time.YearMonth THROUGH = java.time.YearMonth.of(2025, 12);

  private RetentionBridgeBenchmark() {}

  public static void main(String[] args) throws Exception {
    int accounts = 1_000_000;
    int items = 10;
    Path dir = Path.of("/tmp/cskit-retention-bench");
    int runs = 3;
    int threads = 2;
    boolean csvPart = true;
    for (String a : args) {
      String[] kv = a.split("=", 2);
      switch (kv[0]) {
        case "accounts":
          accounts = Integer.parseInt(kv[1]);
          break;
        case "itemsPerAccount":
          items = Integer.parseInt(kv[1]);
          break;
        case "dir":
          dir = Path.of(kv[1]);
          break;
        case "runs":
          runs = Integer.parseInt(kv[1]);
          break;
        case "threads":
          threads = Integer.parseInt(kv[1]);
          break;
        case "csv":
          csvPart = Boolean.parseBoolean(kv[1]);
          break;
        default:
          throw new IllegalArgumentException("unknown argument " + a);
      }
    }
    Files.createDirectories(dir);
    Path csv = dir.resolve("subscriptions-" + accounts + "x" + items + ".csv");
    if (!Files.exists(csv)) {
      long t = System.nanoTime();
      long rows = generate(csv, accounts, items, 42);
      System.out.printf(Locale.ROOT, "generated %,d rows into %s in %.1f s (%,d MB)%n", rows, csv,
          (System.nanoTime() - t) / 1e9, Files.size(csv) >> 20);
    }
    System.out.printf(Locale.ROOT, "%s, %d runs each, DuckDB threads=%d, JVM max heap %,d MB%n", csv, runs, threads,
        Runtime.getRuntime().maxMemory() >> 20);

    Bridge cskit = null;
    List<long[]> duck = null;
    Class.forName("org.duckdb.DuckDBDriver");
    if (csvPart) {
      double[] cskitTimes = new double[runs];
      double[] cskitCompute = new double[runs];
      for (int r = 0; r < runs; r++) {
        long t0 = System.nanoTime();
        MrrHistory h = MrrHistory.readSubscriptions(csv, RetentionOptions.defaults().withThrough(THROUGH));
        long t1 = System.nanoTime();
        cskit = h.bridge();
        long t2 = System.nanoTime();
        cskitTimes[r] = (t2 - t0) / 1e9;
        cskitCompute[r] = (t2 - t1) / 1e9;
        System.out.printf(Locale.ROOT, "cskit  run %d: %.2f s (read + MRR history %.2f s, bridge %.2f s), %d months%n", r + 1,
            cskitTimes[r], (t1 - t0) / 1e9, cskitCompute[r], cskit.rows().size());
        h = null;
      }

      double[] duckTimes = new double[runs];
      for (int r = 0; r < runs; r++) {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
          s.execute("SET threads=" + threads);
          long t0 = System.nanoTime();
          duck = duckBridge(s, csv);
          duckTimes[r] = (System.nanoTime() - t0) / 1e9;
          System.out.printf(Locale.ROOT, "duckdb run %d: %.2f s (read_csv + one query)%n", r + 1, duckTimes[r]);
        }
      }
      compare(cskit, duck);
      double cs = min(cskitTimes);
      double dk = min(duckTimes);
      System.out.printf(Locale.ROOT, "CSV file to bridge, best: cskit %.2f s, DuckDB %.2f s, cskit/DuckDB = %.2f%n",
          cs, dk, cs / dk);
    }

    // the engines alone: the line items already in memory (cskit: columns through MrrHistory.builder; DuckDB:
    // a table loaded from the CSV), the time of MRR history + bridge vs the one query
    Columns cols = Columns.read(csv);
    double[] memTimes = new double[runs];
    for (int r = 0; r < runs; r++) {
      long t0 = System.nanoTime();
      MrrHistory.SubscriptionBuilder b = MrrHistory.builder(RetentionOptions.defaults().withThrough(THROUGH));
      for (int i = 0; i < cols.n; i++) {
        b.add(cols.account[i], cols.start[i], cols.end[i], cols.cents[i], cols.period[i], "USD");
      }
      cskit = b.build().bridge();
      memTimes[r] = (System.nanoTime() - t0) / 1e9;
      System.out.printf(Locale.ROOT, "cskit  in memory run %d: %.2f s (builder + bridge)%n", r + 1, memTimes[r]);
    }
    if (duck != null) {
      compare(cskit, duck);
    }
    cols = null;
    double[] duckMem = new double[runs];
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
      s.execute("SET threads=" + threads);
      s.execute("CREATE TABLE subs_table AS SELECT * FROM " + readCsv(csv));
      for (int r = 0; r < runs; r++) {
        long t0 = System.nanoTime();
        duck = duckBridge(s, "subs_table");
        duckMem[r] = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "duckdb in memory run %d: %.2f s (the query on a loaded table)%n", r + 1, duckMem[r]);
      }
    }
    compare(cskit, duck);
    System.out.printf(Locale.ROOT, "in memory, best: cskit %.2f s, DuckDB %.2f s, cskit/DuckDB = %.2f%n",
        min(memTimes), min(duckMem), min(memTimes) / min(duckMem));
  }

  /** The line items as columns, read from the CSV outside any timing (a plain split; the file is ours). */
  static final class Columns {
    int n;
    String[] account;
    int[] start;
    int[] end;
    long[] cents;
    dev.cskit.retention.BillingPeriod[] period;

    static Columns read(Path csv) throws IOException {
      Columns c = new Columns();
      int cap = 1 << 20;
      c.account = new String[cap];
      c.start = new int[cap];
      c.end = new int[cap];
      c.cents = new long[cap];
      c.period = new dev.cskit.retention.BillingPeriod[cap];
      String lastId = "";
      try (java.io.BufferedReader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
        r.readLine();
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          String[] f = line.split(",", -1);
          if (c.n == cap) {
            cap *= 2;
            c.account = java.util.Arrays.copyOf(c.account, cap);
            c.start = java.util.Arrays.copyOf(c.start, cap);
            c.end = java.util.Arrays.copyOf(c.end, cap);
            c.cents = java.util.Arrays.copyOf(c.cents, cap);
            c.period = java.util.Arrays.copyOf(c.period, cap);
          }
          if (!f[0].equals(lastId)) {
            lastId = f[0];
          }
          c.account[c.n] = lastId;
          c.start[c.n] = (int) LocalDate.parse(f[3]).toEpochDay();
          c.end[c.n] = f[4].isEmpty() ? Integer.MAX_VALUE : (int) LocalDate.parse(f[4]).toEpochDay();
          c.cents[c.n] = new java.math.BigDecimal(f[5]).movePointRight(2).longValueExact();
          c.period[c.n] = dev.cskit.retention.BillingPeriod.parse(f[6]);
          c.n++;
        }
      }
      return c;
    }
  }

  static double min(double[] v) {
    double m = Double.POSITIVE_INFINITY;
    for (double x : v) {
      m = Math.min(m, x);
    }
    return m;
  }

  /** The same definitions in SQL: end-of-month MRR by change points, then movements by month. */
  static String readCsv(Path csv) {
    return "read_csv('" + csv + "', header=true, columns={"
        + "'account_id':'VARCHAR','subscription_id':'VARCHAR','plan':'VARCHAR','start_date':'DATE',"
        + "'end_date':'DATE','amount':'DECIMAL(18,2)','billing_period':'VARCHAR','currency':'VARCHAR'})";
  }

  static List<long[]> duckBridge(Statement s, Path csv) throws Exception {
    return duckBridge(s, readCsv(csv));
  }

  static List<long[]> duckBridge(Statement s, String relation) throws Exception {
    String sql = "WITH subs AS (SELECT * FROM " + relation + "),\n"
        + "items AS (SELECT account_id, year(start_date) * 12 + month(start_date) - 1 AS sm,\n"
        + "  CASE WHEN end_date IS NULL THEN NULL ELSE year(end_date) * 12 + month(end_date) - 1 END AS em,\n"
        + "  CAST(round_even(CAST(amount * 100 AS BIGINT) / (CASE billing_period WHEN 'month' THEN 1 WHEN 'quarter' THEN 3 ELSE 12 END)::DOUBLE, 0) AS BIGINT) AS c,\n"
        + "  start_date, end_date FROM subs),\n"
        + "bounds AS (SELECT min(sm) AS f, " + (THROUGH.getYear() * 12 + THROUGH.getMonthValue() - 1) + " AS l FROM items),\n"
        + "events AS (SELECT account_id, sm AS m, c AS d FROM items, bounds WHERE c > 0 AND (em IS NULL OR sm < em) AND sm <= l\n"
        + "  UNION ALL SELECT account_id, em AS m, -c AS d FROM items, bounds WHERE c > 0 AND em IS NOT NULL AND sm < em AND em <= l),\n"
        + "ev AS (SELECT account_id, m, sum(d) AS d FROM events GROUP BY account_id, m),\n"
        + "cp AS (SELECT account_id, m, sum(d) OVER (PARTITION BY account_id ORDER BY m) AS v FROM ev),\n"
        + "chg AS (SELECT m, v, coalesce(lag(v) OVER w, 0) AS p,\n"
        + "  coalesce(max(CASE WHEN v > 0 THEN 1 ELSE 0 END) OVER (w ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS ever\n"
        + "  FROM cp WINDOW w AS (PARTITION BY account_id ORDER BY m))\n"
        + "SELECT m - (SELECT f FROM bounds) AS month,\n"
        + "  sum(CASE WHEN p = 0 AND v > 0 AND ever = 0 THEN v ELSE 0 END) AS new_mrr,\n"
        + "  sum(CASE WHEN p > 0 AND v > p THEN v - p ELSE 0 END) AS expansion,\n"
        + "  sum(CASE WHEN p = 0 AND v > 0 AND ever = 1 THEN v ELSE 0 END) AS reactivation,\n"
        + "  sum(CASE WHEN p > 0 AND v > 0 AND v < p THEN p - v ELSE 0 END) AS contraction,\n"
        + "  sum(CASE WHEN p > 0 AND v = 0 THEN p ELSE 0 END) AS churn,\n"
        + "  count(CASE WHEN p = 0 AND v > 0 AND ever = 0 THEN 1 END) AS new_accounts,\n"
        + "  count(CASE WHEN p > 0 AND v > p THEN 1 END) AS expansion_accounts,\n"
        + "  count(CASE WHEN p = 0 AND v > 0 AND ever = 1 THEN 1 END) AS reactivation_accounts,\n"
        + "  count(CASE WHEN p > 0 AND v > 0 AND v < p THEN 1 END) AS contraction_accounts,\n"
        + "  count(CASE WHEN p > 0 AND v = 0 THEN 1 END) AS churned_accounts\n"
        + "FROM chg WHERE v <> p GROUP BY m ORDER BY m";
    List<long[]> out = new ArrayList<>();
    try (ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        long[] row = new long[11];
        for (int i = 0; i < 11; i++) {
          row[i] = rs.getLong(i + 1);
        }
        out.add(row);
      }
    }
    return out;
  }

  /** Fails unless DuckDB's movements equal cskit's, month by month, to the cent. */
  static void compare(Bridge cskit, List<long[]> duck) {
    int checked = 0;
    for (long[] d : duck) {
      BridgeRow r = cskit.rows().get((int) d[0]);
      long[] c = {d[0], r.newMrr(), r.expansion(), r.reactivation(), r.contraction(), r.churn(), r.newAccounts(),
          r.expansionAccounts(), r.reactivationAccounts(), r.contractionAccounts(), r.churnedAccounts()};
      for (int i = 1; i < 11; i++) {
        if (c[i] != d[i]) {
          throw new AssertionError("month " + r.label() + " column " + i + ": cskit " + c[i] + ", DuckDB " + d[i]);
        }
      }
      checked++;
    }
    long moving = cskit.rows().stream().filter(r -> r.newMrr() + r.expansion() + r.reactivation() + r.contraction()
        + r.churn() != 0).count();
    if (moving != checked) {
      throw new AssertionError("cskit has movements in " + moving + " months, DuckDB in " + checked);
    }
    System.out.printf(Locale.ROOT, "cskit and DuckDB agree to the cent on the movements and counts of %d months%n", checked);
  }

  /** Writes the benchmark data; returns the number of rows. */
  static long generate(Path csv, int accounts, int items, long seed) throws IOException {
    SplittableRandom r = new SplittableRandom(seed);
    LocalDate origin = LocalDate.of(2021, 1, 1);
    long rows = 0;
    try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE_NEW)) {
      w.write("account_id,subscription_id,plan,start_date,end_date,amount,billing_period,currency\n");
      StringBuilder sb = new StringBuilder(256);
      for (int a = 0; a < accounts; a++) {
        String id = "A" + a;
        LocalDate start = origin.plusMonths(r.nextInt(12)).withDayOfMonth(1 + r.nextInt(28));
        for (int k = 0; k < items; k++) {
          LocalDate end = start.plusMonths(1 + r.nextInt(4));
          boolean last = k == items - 1;
          boolean open = last && r.nextDouble() < 0.7;
          int p = r.nextInt(10);
          String period = p < 7 ? "month" : p < 8 ? "quarter" : "year";
          long cents = 1_000 + r.nextInt(500_000);
          sb.setLength(0);
          sb.append(id).append(',').append(id).append('-').append(k).append(",plan").append(p).append(',')
              .append(start).append(',').append(open ? "" : end.toString()).append(',')
              .append(cents / 100).append('.').append(cents % 100 < 10 ? "0" : "").append(cents % 100).append(',')
              .append(period).append(",USD\n");
          w.write(sb.toString());
          rows++;
          start = r.nextDouble() < 0.1 ? end.plusMonths(1 + r.nextInt(16)) : end;
        }
      }
    }
    return rows;
  }
}
