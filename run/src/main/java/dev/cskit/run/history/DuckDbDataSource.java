package dev.cskit.run.history;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.duckdb.DuckDBConnection;

/**
 * A tiny {@link DataSource} over one DuckDB database file: it opens the database once (DuckDB lets one
 * process write a file; a second process gets a clear {@link HistoryException}) and hands out duplicates
 * of that connection, which share the database. Close it to release the file.
 */
public final class DuckDbDataSource implements DataSource, AutoCloseable {
  private final Path file;
  private final DuckDBConnection base;

  private DuckDbDataSource(Path file, DuckDBConnection base) {
    this.file = file;
    this.base = base;
  }

  /**
   * Opens (creating when absent) the DuckDB database in {@code file}.
   *
   * @throws HistoryException when the file cannot be opened, in particular when another process holds it
   */
  public static DuckDbDataSource open(Path file) {
    Path abs = file.toAbsolutePath().normalize();
    try {
      Class.forName("org.duckdb.DuckDBDriver");
      Connection c = DriverManager.getConnection("jdbc:duckdb:" + abs);
      return new DuckDbDataSource(abs, c.unwrap(DuckDBConnection.class));
    } catch (SQLException e) {
      String msg = String.valueOf(e.getMessage());
      if (msg.toLowerCase(java.util.Locale.ROOT).contains("lock")) {
        throw new HistoryException(abs.toString(),
            "is in use by another process (a run is writing to it); wait for it to finish and run again",
            firstLine(msg), e);
      }
      throw new HistoryException(abs.toString(), "must be a DuckDB database that can be opened", firstLine(msg), e);
    } catch (ClassNotFoundException e) {
      throw new HistoryException(abs.toString(), "needs the DuckDB JDBC driver on the class path", e.toString(), e);
    }
  }

  /** An in-memory DuckDB database (for tests and one-off runs). */
  public static DuckDbDataSource inMemory() {
    try {
      Class.forName("org.duckdb.DuckDBDriver");
      Connection c = DriverManager.getConnection("jdbc:duckdb:");
      return new DuckDbDataSource(null, c.unwrap(DuckDBConnection.class));
    } catch (SQLException | ClassNotFoundException e) {
      throw new HistoryException("in-memory DuckDB", "must open", e.toString(), e);
    }
  }

  static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  /** The database file, or null in memory. */
  public Path file() {
    return file;
  }

  @Override
  public Connection getConnection() throws SQLException {
    return base.duplicate();
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return getConnection();
  }

  /** Closes the database (connections handed out keep it open until they are closed). */
  @Override
  public void close() {
    try {
      base.close();
    } catch (SQLException e) {
      throw new HistoryException(String.valueOf(file), "must close", e.toString(), e);
    }
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {}

  @Override
  public void setLoginTimeout(int seconds) {}

  @Override
  public int getLoginTimeout() {
    return 0;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) {
      return iface.cast(this);
    }
    throw new SQLException("not a wrapper of " + iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return iface.isInstance(this);
  }

  @Override
  public String toString() {
    return "DuckDB " + (file == null ? "(in memory)" : file.toString());
  }
}
