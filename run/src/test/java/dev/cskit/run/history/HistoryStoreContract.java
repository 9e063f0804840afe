package dev.cskit.run.history;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cskit.core.AccountId;
import dev.cskit.scoring.ScorecardRef;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The history store's contract, run against every database it supports (DuckDB and PostgreSQL): the same
 * tests, one subclass per database.
 */
abstract class HistoryStoreContract {
  static final LocalDate JAN = LocalDate.of(2026, 1, 31);
  static final LocalDate FEB = LocalDate.of(2026, 2, 28);
  static final ScorecardRef CARD = new ScorecardRef("three-axis", 2, "abc123");

  /** A fresh, empty database for one test. */
  abstract DataSource dataSource();

  /** Holds the database's writer lock from another session or thread until the returned handle is closed. */
  abstract AutoCloseable holdWriterLock(HistoryStore store) throws Exception;

  static Snapshot snapshot(LocalDate asOf, int accounts, double shift) {
    List<AccountSnapshot> rows = new ArrayList<>();
    for (int i = 0; i < accounts; i++) {
      boolean unscored = i % 7 == 0;
      double score = unscored ? Double.NaN : 40 + (i % 50) + shift;
      rows.add(new AccountSnapshot(AccountId.of(String.format("A%05d", i + 1)),
          unscored ? null : i % 2 == 0 ? "three-axis" : "onboarding", unscored ? null : 2,
          unscored ? null : "h" + (i % 2), score, unscored ? "INSUFFICIENT_DATA" : "green",
          unscored ? "INSUFFICIENT_DATA" : "yellow", i % 3 == 0 ? null : "tech",
          i % 3 == 0 ? null : asOf.minusDays(i % 40),
          new double[] {i, Double.NaN, -1.5e-7 * i, 1e12 + i}, new double[] {score, i % 5 == 0 ? Double.NaN : 100},
          i % 4 == 0 ? null : i % 4 == 1 ? "M01" : "Mé\\ 0" + (i % 4)));
    }
    return new Snapshot(asOf, Instant.parse("2026-07-01T10:00:00Z"), CARD,
        List.of("events_30d", "exec_sponsor", "tiny", "huge"), List.of("active_days", "sponsor"), rows,
        List.of(new Alert(AccountId.of("A00002"), "band_change", "green -> yellow"),
            new Alert(AccountId.of("A00003"), "score_drop", "tab\there \\ and\nnewline")),
        List.of(new SurveyWaveRecord(asOf.minusDays(45), "email", 120, 31)), "{\"accounts\": " + accounts + "}");
  }

  @Test
  void createsTheSchemaOnceAndRecordsItsVersion() throws SQLException {
    DataSource ds = dataSource();
    HistoryStore.open(ds);
    HistoryStore.open(ds); // a second open applies nothing again
    try (Connection c = ds.getConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT version, script FROM cskit_schema_version ORDER BY version")) {
      assertTrue(rs.next());
      assertEquals(1, rs.getInt(1));
      assertEquals("V1__history.sql", rs.getString(2));
      assertTrue(rs.next());
      assertEquals(2, rs.getInt(1));
      assertEquals("V2__manager.sql", rs.getString(2));
      assertTrue(!rs.next(), "each migration recorded once");
    }
    assertEquals(2, HistoryStore.schemaVersion());
    assertEquals(List.of(), HistoryStore.open(ds).dates());
  }

  @Test
  void aVersionOneStoreIsMigratedAndItsRowsHaveNoManager() throws SQLException {
    DataSource ds = dataSource();
    try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
      st.execute("CREATE TABLE cskit_schema_version (version INTEGER NOT NULL PRIMARY KEY,"
          + " script VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)");
      for (String sql : HistoryStore.statements("V1__history.sql")) {
        st.execute(sql);
      }
      st.execute("INSERT INTO cskit_schema_version (version, script, applied_at) VALUES (1, 'V1__history.sql',"
          + " TIMESTAMP '2026-01-01 00:00:00')");
      st.execute("INSERT INTO cskit_snapshot VALUES (DATE '2026-01-31', TIMESTAMP '2026-02-01 00:00:00', 'c', 1,"
          + " 'h', 'm', 's', 1, '{}')");
      st.execute("INSERT INTO cskit_account_snapshot (as_of, account_id, score, metrics, sub_scores) VALUES"
          + " (DATE '2026-01-31', 'A1', 50.0, ARRAY[1.0], ARRAY[2.0])");
    }
    HistoryStore store = HistoryStore.open(ds);
    Snapshot old = store.read(JAN).orElseThrow();
    assertEquals(null, old.accounts().get(0).manager());
    store.write(snapshot(FEB, 20, 0));
    assertEquals(snapshot(FEB, 20, 0).accounts(), store.read(FEB).orElseThrow().accounts());
  }

  @Test
  void aSnapshotReadsBackAsWritten() {
    HistoryStore store = HistoryStore.open(dataSource());
    Snapshot s = snapshot(JAN, 250, 0);
    store.write(s);
    Snapshot back = store.read(JAN).orElseThrow();
    assertEquals(s.asOf(), back.asOf());
    assertEquals(s.createdAt(), back.createdAt());
    assertEquals(CARD, back.scorecard());
    assertEquals(s.metricNames(), back.metricNames());
    assertEquals(s.measureNames(), back.measureNames());
    assertEquals(s.accounts(), back.accounts()); // ids in order, NaN, nulls, dates, arrays bit for bit
    assertEquals(s.alerts().size(), back.alerts().size());
    assertTrue(back.alerts().containsAll(s.alerts()), "alerts with tabs, backslashes and newlines survive");
    assertEquals(s.waves(), back.waves());
    assertEquals(s.summaryJson(), back.summaryJson());
    AccountSnapshot a8 = back.account(AccountId.of("A00008")).orElseThrow();
    assertArrayEquals(new double[] {7, Double.NaN, -1.5e-7 * 7, 1e12 + 7}, a8.metrics());
    assertTrue(store.read(FEB).isEmpty());
  }

  @Test
  void rewritingADateReplacesItsSnapshot() throws SQLException {
    DataSource ds = dataSource();
    HistoryStore store = HistoryStore.open(ds);
    store.write(snapshot(JAN, 100, 0));
    store.write(snapshot(FEB, 100, 0));
    store.write(snapshot(JAN, 40, 5));
    assertEquals(List.of(JAN, FEB), store.dates());
    Snapshot jan = store.read(JAN).orElseThrow();
    assertEquals(40, jan.accounts().size());
    assertEquals(40 + 1 + 5, jan.account(AccountId.of("A00002")).orElseThrow().score());
    assertEquals(100, store.read(FEB).orElseThrow().accounts().size());
    assertEquals(140, count(ds, "cskit_account_snapshot"));
    assertEquals(4, count(ds, "cskit_alert"));
    assertEquals(JAN, store.previousDate(FEB).orElseThrow());
    assertTrue(store.previousDate(JAN).isEmpty());
  }

  @Test
  void aRefusedWriteLeavesTheHistoryAsItWas() throws SQLException {
    DataSource ds = dataSource();
    HistoryStore.open(ds).write(snapshot(JAN, 60, 0));
    // the same database, but a write's commit fails after its rows went in
    HistoryStore store = HistoryStore.open(RefusingCommits.of(ds));
    HistoryException e = assertThrows(HistoryException.class, () -> store.write(snapshot(JAN, 10, 9)));
    assertTrue(e.getMessage().contains("refused the snapshot of 2026-01-31"), e.getMessage());
    assertThrows(HistoryException.class, () -> store.write(snapshot(FEB, 10, 9)));
    HistoryStore clean = HistoryStore.open(ds);
    assertEquals(List.of(JAN), clean.dates());
    assertEquals(60, clean.read(JAN).orElseThrow().accounts().size());
    assertEquals(60, count(ds, "cskit_account_snapshot"));
  }

  @Test
  void concurrentWritersNeverInterleave() throws Exception {
    DataSource ds = dataSource();
    HistoryStore store = HistoryStore.open(ds);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> fs = new ArrayList<>();
      for (int k = 0; k < 8; k++) {
        int n = 50 + 10 * k;
        fs.add(pool.submit(() -> store.write(snapshot(JAN, n, n))));
      }
      for (Future<?> f : fs) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    // whichever run came last, the date holds exactly one whole snapshot
    Snapshot s = store.read(JAN).orElseThrow();
    int n = s.accounts().size();
    assertEquals(n, count(ds, "cskit_account_snapshot"));
    assertEquals(snapshot(JAN, n, n).accounts(), s.accounts());
  }

  @Test
  void aSecondWriterWaitsThenFailsClearly() throws Exception {
    DataSource ds = dataSource();
    HistoryStore store = HistoryStore.open(ds).withLockTimeout(Duration.ofMillis(500));
    try (AutoCloseable held = holdWriterLock(store)) {
      HistoryException e = assertThrows(HistoryException.class, () -> store.write(snapshot(JAN, 10, 0)));
      assertTrue(e.getMessage().contains("is being written by another run"), e.getMessage());
    }
    store.write(snapshot(JAN, 10, 0)); // free again
    assertEquals(List.of(JAN), store.dates());
  }

  @Test
  void aNewerSchemaIsRefused() throws SQLException {
    DataSource ds = dataSource();
    HistoryStore.open(ds);
    try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
      st.execute("INSERT INTO cskit_schema_version (version, script, applied_at) VALUES (99, 'V99__future.sql',"
          + " TIMESTAMP '2030-01-01 00:00:00')");
    }
    HistoryException e = assertThrows(HistoryException.class, () -> HistoryStore.open(ds));
    assertTrue(e.getMessage().contains("has schema version 99"), e.getMessage());
  }

  static long count(DataSource ds, String table) throws SQLException {
    try (Connection c = ds.getConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
