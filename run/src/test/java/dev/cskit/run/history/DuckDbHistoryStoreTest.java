package dev.cskit.run.history;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on DuckDB (a database file per test). */
class DuckDbHistoryStoreTest extends HistoryStoreContract {
  @TempDir Path dir;
  private final List<DuckDbDataSource> opened = new ArrayList<>();

  @Override
  DataSource dataSource() {
    DuckDbDataSource ds = DuckDbDataSource.open(dir.resolve("history-" + opened.size() + ".duckdb"));
    opened.add(ds);
    return ds;
  }

  /** Another run in this JVM holds the database's single-writer lock (taken on another thread). */
  @Override
  AutoCloseable holdWriterLock(HistoryStore store) throws Exception {
    DuckDbDataSource ds = opened.get(opened.size() - 1);
    ReentrantLock lock = HistoryStore.lockFor(ds);
    CountDownLatch taken = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread t = new Thread(() -> {
      lock.lock();
      taken.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        lock.unlock();
      }
    });
    t.start();
    taken.await();
    return () -> {
      release.countDown();
      t.join();
    };
  }

  @AfterEach
  void close() {
    opened.forEach(DuckDbDataSource::close);
  }
}
