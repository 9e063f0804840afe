package dev.cskit.run.history;

import dev.cskit.core.AccountId;
import dev.cskit.scoring.ScorecardRef;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The history every run reads and writes: one {@link Snapshot} per as-of date, in DuckDB or PostgreSQL
 * through a {@link DataSource}.
 *
 * <p>The schema is created and migrated by versioned SQL scripts ({@code db/V1__history.sql}, {@code db/V2__manager.sql}, ...; the
 * applied versions are recorded in {@code cskit_schema_version}). Writes are atomic: a snapshot is written
 * in one transaction (all of it or nothing), replacing any snapshot of the same date; two writers never
 * interleave (PostgreSQL: {@code pg_advisory_xact_lock}; DuckDB: one writer per database, the second waits
 * up to the lock timeout and then fails with a clear message). Bulk rows go through the database's fast
 * path: DuckDB's appender, PostgreSQL's {@code COPY}.
 *
 * <p>Per-account metrics and sub-scores are stored as arrays (one row per account, names once per
 * snapshot), not one row per account and metric: at 100,000 accounts and about 60 metrics that is 100,000
 * rows instead of 6 million.
 *
 * <p>Thread-safe: every call takes its own connection.
 */
public final class HistoryStore implements AutoCloseable {
  /** The migration scripts, in order: version i+1 is {@code MIGRATIONS.get(i)}. */
  static final List<String> MIGRATIONS = List.of("V1__history.sql", "V2__manager.sql");

  /** The advisory lock key runs take on PostgreSQL ("cskit" in ASCII). */
  static final long PG_LOCK_KEY = 0x63736b6974L;

  private static final Map<Object, ReentrantLock> LOCKS = new ConcurrentHashMap<>();

  enum Dialect {
    DUCKDB,
    POSTGRESQL
  }

  private final DataSource dataSource;
  private final Dialect dialect;
  private final String name;
  private final AutoCloseable owned;
  private final Duration lockTimeout;

  private HistoryStore(DataSource dataSource, Dialect dialect, String name, AutoCloseable owned,
      Duration lockTimeout) {
    this.dataSource = dataSource;
    this.dialect = dialect;
    this.name = name;
    this.owned = owned;
    this.lockTimeout = lockTimeout;
  }

  /**
   * A store over a data source (DuckDB or PostgreSQL), migrating its schema to the current version. The
   * caller keeps owning the data source.
   *
   * @throws HistoryException when the database is neither, cannot be reached, or is newer than this code
   */
  public static HistoryStore open(DataSource dataSource) {
    return open(dataSource, dataSource.toString(), null, Duration.ofSeconds(60));
  }

  /** The embedded default: a DuckDB file (created when absent); closing the store closes the file. */
  public static HistoryStore duckDb(Path file) {
    DuckDbDataSource ds = DuckDbDataSource.open(file);
    try {
      return open(ds, file.toString(), ds, Duration.ofSeconds(60));
    } catch (RuntimeException e) {
      ds.close();
      throw e;
    }
  }

  /** This store, waiting at most {@code timeout} for another writer before failing. */
  public HistoryStore withLockTimeout(Duration timeout) {
    return new HistoryStore(dataSource, dialect, name, owned, timeout);
  }

  private static HistoryStore open(DataSource ds, String name, AutoCloseable owned, Duration lockTimeout) {
    Dialect dialect;
    try (Connection c = ds.getConnection()) {
      String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
      if (product.contains("duckdb")) {
        dialect = Dialect.DUCKDB;
      } else if (product.contains("postgres")) {
        dialect = Dialect.POSTGRESQL;
      } else {
        throw new HistoryException(name, "must be a DuckDB or PostgreSQL database", product);
      }
      HistoryStore store = new HistoryStore(ds, dialect, name, owned, lockTimeout);
      store.migrate(c);
      return store;
    } catch (SQLException e) {
      throw new HistoryException(name, "must be reachable", DuckDbDataSource.firstLine(String.valueOf(e.getMessage())), e);
    }
  }

  /** The schema version this code writes. */
  public static int schemaVersion() {
    return MIGRATIONS.size();
  }

  /** The name of the store in messages. */
  public String name() {
    return name;
  }

  private void migrate(Connection c) throws SQLException {
    c.setAutoCommit(false);
    try (Statement st = c.createStatement()) {
      if (dialect == Dialect.POSTGRESQL) {
        st.execute("SELECT pg_advisory_xact_lock(" + PG_LOCK_KEY + ")");
      }
      st.execute("CREATE TABLE IF NOT EXISTS cskit_schema_version (version INTEGER NOT NULL PRIMARY KEY,"
          + " script VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)");
      int current = 0;
      try (ResultSet rs = st.executeQuery("SELECT MAX(version) FROM cskit_schema_version")) {
        if (rs.next()) {
          current = rs.getInt(1);
        }
      }
      if (current > MIGRATIONS.size()) {
        throw new HistoryException(name, "has schema version " + current + "; this cskit reads up to "
            + MIGRATIONS.size() + " (upgrade cskit)", String.valueOf(current));
      }
      for (int v = current + 1; v <= MIGRATIONS.size(); v++) {
        String script = MIGRATIONS.get(v - 1);
        for (String sql : statements(script)) {
          st.execute(sql);
        }
        try (PreparedStatement ps = c.prepareStatement(
            "INSERT INTO cskit_schema_version (version, script, applied_at) VALUES (?, ?, ?)")) {
          ps.setInt(1, v);
          ps.setString(2, script);
          ps.setTimestamp(3, Timestamp.from(java.time.Instant.now()));
          ps.executeUpdate();
        }
      }
      c.commit();
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    }
  }

  static List<String> statements(String script) {
    String text;
    try (InputStream in = HistoryStore.class.getResourceAsStream("db/" + script)) {
      if (in == null) {
        throw new IllegalStateException("missing migration resource db/" + script);
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    StringBuilder clean = new StringBuilder();
    for (String line : text.split("\n")) {
      int dash = line.indexOf("--");
      clean.append(dash < 0 ? line : line.substring(0, dash)).append('\n');
    }
    List<String> out = new ArrayList<>();
    for (String s : clean.toString().split(";")) {
      if (!s.isBlank()) {
        out.add(s.trim());
      }
    }
    return out;
  }

  // ------------------------------------------------------------------------------------------ reads

  /** The dates of every snapshot, oldest first. */
  public List<LocalDate> dates() {
    List<LocalDate> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT as_of FROM cskit_snapshot ORDER BY as_of")) {
      while (rs.next()) {
        out.add(rs.getObject(1, LocalDate.class));
      }
      return out;
    } catch (SQLException e) {
      throw failure("must be readable", e);
    }
  }

  /** The date of the latest snapshot strictly before {@code asOf}, if any. */
  public Optional<LocalDate> previousDate(LocalDate asOf) {
    LocalDate best = null;
    for (LocalDate d : dates()) {
      if (d.isBefore(asOf)) {
        best = d;
      }
    }
    return Optional.ofNullable(best);
  }

  /** The snapshot of a date, if there is one. */
  public Optional<Snapshot> read(LocalDate asOf) {
    try (Connection c = dataSource.getConnection()) {
      ScorecardRef ref;
      java.time.Instant created;
      List<String> metrics;
      List<String> measures;
      String summary;
      try (PreparedStatement ps = c.prepareStatement("SELECT created_at, scorecard_name, scorecard_version,"
          + " scorecard_hash, metric_names, measure_names, summary FROM cskit_snapshot WHERE as_of = ?")) {
        ps.setObject(1, asOf);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return Optional.empty();
          }
          created = rs.getTimestamp(1).toInstant();
          ref = new ScorecardRef(rs.getString(2), rs.getInt(3), rs.getString(4));
          metrics = names(rs.getString(5));
          measures = names(rs.getString(6));
          summary = rs.getString(7);
        }
      }
      List<AccountSnapshot> accounts = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT account_id, card_name, card_version, card_hash, score,"
          + " band, tracked_band, tier, tier_since, metrics, sub_scores, manager FROM cskit_account_snapshot"
          + " WHERE as_of = ? ORDER BY account_id")) {
        ps.setObject(1, asOf);
        ps.setFetchSize(10_000);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            int v = rs.getInt(3);
            Integer version = rs.wasNull() ? null : v;
            double score = rs.getDouble(5);
            if (rs.wasNull()) {
              score = Double.NaN;
            }
            accounts.add(new AccountSnapshot(AccountId.of(rs.getString(1)), rs.getString(2), version,
                rs.getString(4), score, rs.getString(6), rs.getString(7), rs.getString(8),
                rs.getObject(9, LocalDate.class), doubles(rs.getArray(10)), doubles(rs.getArray(11)),
                rs.getString(12)));
          }
        }
      }
      List<Alert> alerts = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT account_id, kind, detail FROM cskit_alert WHERE as_of = ? ORDER BY account_id, kind")) {
        ps.setObject(1, asOf);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            alerts.add(new Alert(AccountId.of(rs.getString(1)), rs.getString(2), rs.getString(3)));
          }
        }
      }
      List<SurveyWaveRecord> waves = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT wave_date, channel, invited, responded"
          + " FROM cskit_survey_wave WHERE as_of = ? ORDER BY wave_date, channel")) {
        ps.setObject(1, asOf);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            waves.add(new SurveyWaveRecord(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getLong(3),
                rs.getLong(4)));
          }
        }
      }
      return Optional.of(new Snapshot(asOf, created, ref, metrics, measures, accounts, alerts, waves, summary));
    } catch (SQLException e) {
      throw failure("must be readable", e);
    }
  }

  private static List<String> names(String joined) {
    return joined.isEmpty() ? List.of() : Arrays.asList(joined.split("\n", -1));
  }

  private static double[] doubles(Array array) throws SQLException {
    Object[] values = (Object[]) array.getArray();
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i] == null ? Double.NaN : ((Number) values[i]).doubleValue();
    }
    return out;
  }

  // ----------------------------------------------------------------------------------------- writes

  /**
   * Writes a snapshot in one transaction, replacing the snapshot of the same date if there is one. Either
   * all of it is written or, on any failure, nothing (the previous snapshot of that date stays).
   *
   * @throws HistoryException when the store refuses the write or another writer holds it past the timeout
   */
  public void write(Snapshot s) {
    for (String n : s.metricNames()) {
      checkName(n);
    }
    for (String n : s.measureNames()) {
      checkName(n);
    }
    ReentrantLock local = dialect == Dialect.DUCKDB ? lockFor(dataSource) : null;
    try {
      if (local != null && !local.tryLock(lockTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new HistoryException(name, "is being written by another run; it did not finish within "
            + lockTimeout.toSeconds() + " s: wait for it and run again", "a run in progress");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HistoryException(name, "write was interrupted while waiting for another run", e.toString(), e);
    }
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        try (Statement st = c.createStatement()) {
          if (dialect == Dialect.POSTGRESQL) {
            st.execute("SET LOCAL lock_timeout = '" + lockTimeout.toMillis() + "ms'");
            st.execute("SELECT pg_advisory_xact_lock(" + PG_LOCK_KEY + ")");
          }
        }
        for (String table : List.of("cskit_account_snapshot", "cskit_alert", "cskit_survey_wave", "cskit_snapshot")) {
          try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE as_of = ?")) {
            ps.setObject(1, s.asOf());
            ps.executeUpdate();
          }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO cskit_snapshot (as_of, created_at,"
            + " scorecard_name, scorecard_version, scorecard_hash, metric_names, measure_names, accounts, summary)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
          ps.setObject(1, s.asOf());
          ps.setTimestamp(2, Timestamp.from(s.createdAt()));
          ps.setString(3, s.scorecard().name());
          ps.setInt(4, s.scorecard().version());
          ps.setString(5, s.scorecard().hash());
          ps.setString(6, String.join("\n", s.metricNames()));
          ps.setString(7, String.join("\n", s.measureNames()));
          ps.setInt(8, s.accounts().size());
          ps.setString(9, s.summaryJson());
          ps.executeUpdate();
        }
        if (dialect == Dialect.DUCKDB) {
          appendDuckDb(c, s);
        } else {
          copyPostgres(c, s);
        }
        c.commit();
      } catch (SQLException | IOException | RuntimeException e) {
        try {
          c.rollback();
        } catch (SQLException suppressed) {
          e.addSuppressed(suppressed);
        }
        throw e;
      }
    } catch (SQLException | IOException e) {
      String msg = DuckDbDataSource.firstLine(String.valueOf(e.getMessage()));
      if (msg.contains("lock timeout") || msg.contains("canceling statement due to lock timeout")) {
        throw new HistoryException(name, "is being written by another run; it did not finish within "
            + lockTimeout.toSeconds() + " s: wait for it and run again", msg, e);
      }
      throw new HistoryException(name, "refused the snapshot of " + s.asOf() + " (nothing was written)", msg, e);
    } finally {
      if (local != null) {
        local.unlock();
      }
    }
  }

  /** The single-writer lock of a DuckDB database in this JVM (per file; per data source in memory). */
  static ReentrantLock lockFor(DataSource ds) {
    Object key = ds instanceof DuckDbDataSource d && d.file() != null ? d.file() : ds;
    return LOCKS.computeIfAbsent(key, k -> new ReentrantLock());
  }

  private void checkName(String n) {
    if (n.indexOf('\n') >= 0 || n.isEmpty()) {
      throw new HistoryException(name, "metric and measure names must be non-empty single lines", n);
    }
  }

  private static void appendDuckDb(Connection c, Snapshot s) throws SQLException {
    DuckDBConnection duck = c.unwrap(DuckDBConnection.class);
    try (DuckDBAppender a = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "cskit_account_snapshot")) {
      for (AccountSnapshot r : s.accounts()) {
        a.beginRow();
        a.append(s.asOf());
        a.append(r.accountId().value());
        appendText(a, r.cardName());
        if (r.cardVersion() == null) {
          a.appendNull();
        } else {
          a.append(r.cardVersion().intValue());
        }
        appendText(a, r.cardHash());
        if (Double.isNaN(r.score())) {
          a.appendNull();
        } else {
          a.append(r.score());
        }
        appendText(a, r.band());
        appendText(a, r.trackedBand());
        appendText(a, r.tier());
        if (r.tierSince() == null) {
          a.appendNull();
        } else {
          a.append(r.tierSince());
        }
        a.append(r.metrics());
        a.append(r.subScores());
        appendText(a, r.manager());
        a.endRow();
      }
    }
    try (DuckDBAppender a = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "cskit_alert")) {
      for (Alert al : s.alerts()) {
        a.beginRow().append(s.asOf()).append(al.accountId().value()).append(al.kind()).append(al.detail()).endRow();
      }
    }
    try (DuckDBAppender a = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "cskit_survey_wave")) {
      for (SurveyWaveRecord w : s.waves()) {
        a.beginRow().append(s.asOf()).append(w.date()).append(w.channel()).append(w.invited()).append(w.responded())
            .endRow();
      }
    }
  }

  private static void appendText(DuckDBAppender a, String v) throws SQLException {
    if (v == null) {
      a.appendNull();
    } else {
      a.append(v);
    }
  }

  private static void copyPostgres(Connection c, Snapshot s) throws SQLException, IOException {
    CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
    String day = s.asOf().toString();
    copy.copyIn("COPY cskit_account_snapshot (as_of, account_id, card_name, card_version, card_hash, score, band,"
        + " tracked_band, tier, tier_since, metrics, sub_scores, manager) FROM STDIN", new CopyReader(s.accounts().size(),
            (i, sb) -> {
              AccountSnapshot r = s.accounts().get(i);
              sb.append(day).append('\t');
              text(sb, r.accountId().value()).append('\t');
              text(sb, r.cardName()).append('\t');
              sb.append(r.cardVersion() == null ? "\\N" : r.cardVersion().toString()).append('\t');
              text(sb, r.cardHash()).append('\t');
              sb.append(Double.isNaN(r.score()) ? "\\N" : Double.toString(r.score())).append('\t');
              text(sb, r.band()).append('\t');
              text(sb, r.trackedBand()).append('\t');
              text(sb, r.tier()).append('\t');
              sb.append(r.tierSince() == null ? "\\N" : r.tierSince().toString()).append('\t');
              array(sb, r.metrics()).append('\t');
              array(sb, r.subScores()).append('\t');
              text(sb, r.manager()).append('\n');
            }));
    copy.copyIn("COPY cskit_alert (as_of, account_id, kind, detail) FROM STDIN",
        new CopyReader(s.alerts().size(), (i, sb) -> {
          Alert a = s.alerts().get(i);
          sb.append(day).append('\t');
          text(sb, a.accountId().value()).append('\t');
          text(sb, a.kind()).append('\t');
          text(sb, a.detail()).append('\n');
        }));
    copy.copyIn("COPY cskit_survey_wave (as_of, wave_date, channel, invited, responded) FROM STDIN",
        new CopyReader(s.waves().size(), (i, sb) -> {
          SurveyWaveRecord w = s.waves().get(i);
          sb.append(day).append('\t').append(w.date()).append('\t');
          text(sb, w.channel()).append('\t').append(w.invited()).append('\t').append(w.responded()).append('\n');
        }));
  }

  private static StringBuilder text(StringBuilder sb, String v) {
    if (v == null) {
      return sb.append("\\N");
    }
    for (int i = 0; i < v.length(); i++) {
      char ch = v.charAt(i);
      switch (ch) {
        case '\\' -> sb.append("\\\\");
        case '\t' -> sb.append("\\t");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        default -> sb.append(ch);
      }
    }
    return sb;
  }

  private static StringBuilder array(StringBuilder sb, double[] values) {
    sb.append('{');
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        sb.append(',');
      }
      double v = values[i];
      sb.append(Double.isNaN(v) ? "NaN" : v == Double.POSITIVE_INFINITY ? "Infinity"
          : v == Double.NEGATIVE_INFINITY ? "-Infinity" : Double.toString(v));
    }
    return sb.append('}');
  }

  /** Streams COPY text rows without building the whole text. */
  private static final class CopyReader extends Reader {
    interface RowWriter {
      void write(int row, StringBuilder sb);
    }

    private final int rows;
    private final RowWriter writer;
    private final StringBuilder buf = new StringBuilder(1 << 16);
    private int next;
    private int pos;

    CopyReader(int rows, RowWriter writer) {
      this.rows = rows;
      this.writer = writer;
    }

    @Override
    public int read(char[] cbuf, int off, int len) {
      if (pos >= buf.length()) {
        buf.setLength(0);
        pos = 0;
        while (next < rows && buf.length() < (1 << 15)) {
          writer.write(next++, buf);
        }
        if (buf.length() == 0) {
          return -1;
        }
      }
      int n = Math.min(len, buf.length() - pos);
      buf.getChars(pos, pos + n, cbuf, off);
      pos += n;
      return n;
    }

    @Override
    public void close() {}
  }

  // ------------------------------------------------------------------------------------------ misc

  private HistoryException failure(String rule, Exception e) {
    return new HistoryException(name, rule, DuckDbDataSource.firstLine(String.valueOf(e.getMessage())), e);
  }

  /** Deletes every snapshot (the schema stays). */
  public void clear() {
    try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
      c.setAutoCommit(false);
      for (String table : List.of("cskit_account_snapshot", "cskit_alert", "cskit_survey_wave", "cskit_snapshot")) {
        st.execute("DELETE FROM " + table);
      }
      c.commit();
    } catch (SQLException e) {
      throw failure("must accept a delete", e);
    }
  }

  /** Closes the database when this store opened it ({@link #duckDb(Path)}); otherwise does nothing. */
  @Override
  public void close() {
    if (owned != null) {
      try {
        owned.close();
      } catch (Exception e) {
        throw new HistoryException(name, "must close", e.toString(), e);
      }
    }
  }

  @Override
  public String toString() {
    return "HistoryStore[" + dialect.name().toLowerCase(Locale.ROOT) + " " + name + "]";
  }

  static Date date(LocalDate d) {
    return Date.valueOf(d);
  }

  static ZoneOffset utc() {
    return ZoneOffset.UTC;
  }
}
