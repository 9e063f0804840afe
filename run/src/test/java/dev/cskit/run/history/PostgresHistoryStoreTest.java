package dev.cskit.run.history;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The store contract on a real PostgreSQL, whose JDBC URL is in {@code CSKIT_TEST_PG_URL} ({@code .ci/run} starts
 * one); skipped, saying so, when it is unset. Each test starts from an empty schema.
 */
class PostgresHistoryStoreTest extends HistoryStoreContract {
  static final String URL = System.getenv("CSKIT_TEST_PG_URL");

  @BeforeEach
  void clean() throws SQLException {
    assumeTrue(URL != null && !URL.isBlank(),
        "CSKIT_TEST_PG_URL is unset: the PostgreSQL history-store tests are skipped (.ci/run sets it)");
    try (Connection c = pg().getConnection(); Statement st = c.createStatement()) {
      for (String t : new String[] {"cskit_account_snapshot", "cskit_alert", "cskit_survey_wave", "cskit_snapshot",
          "cskit_schema_version"}) {
        st.execute("DROP TABLE IF EXISTS " + t);
      }
    }
  }

  static PGSimpleDataSource pg() {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(URL);
    return ds;
  }

  @Override
  DataSource dataSource() {
    return pg();
  }

  /** Another session holds the advisory lock every run takes, in an open transaction. */
  @Override
  AutoCloseable holdWriterLock(HistoryStore store) throws Exception {
    Connection c = pg().getConnection();
    c.setAutoCommit(false);
    try (Statement st = c.createStatement()) {
      st.execute("SELECT pg_advisory_xact_lock(" + HistoryStore.PG_LOCK_KEY + ")");
    }
    return () -> {
      c.rollback();
      c.close();
    };
  }
}
