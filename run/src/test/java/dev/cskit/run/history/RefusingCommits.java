package dev.cskit.run.history;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** A store that refuses a write: for the tests that a failed write leaves the history as it was. */
public final class RefusingCommits {
  private RefusingCommits() {}

  /** The data source, with connections whose commit fails inside {@link HistoryStore#write}. */
  public static DataSource of(DataSource ds) {
    ClassLoader cl = RefusingCommits.class.getClassLoader();
    return (DataSource) Proxy.newProxyInstance(cl, new Class<?>[] {DataSource.class}, (p, m, args) -> {
      Object r = invoke(m, ds, args);
      if (r instanceof Connection c) {
        return Proxy.newProxyInstance(cl, new Class<?>[] {Connection.class}, (p2, m2, a2) -> {
          if (m2.getName().equals("commit") && inWrite()) {
            throw new SQLException("disk full (simulated)");
          }
          return invoke(m2, c, a2);
        });
      }
      return r;
    });
  }

  private static Object invoke(java.lang.reflect.Method m, Object target, Object[] args) throws Throwable {
    try {
      return m.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static boolean inWrite() {
    for (StackTraceElement e : Thread.currentThread().getStackTrace()) {
      if (e.getClassName().equals(HistoryStore.class.getName()) && e.getMethodName().equals("write")) {
        return true;
      }
    }
    return false;
  }
}
