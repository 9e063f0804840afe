package dev.cskit.touchmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cskit.core.Account;
import dev.cskit.sample.SamplePortfolio;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** One model shared by many threads gives every thread the same segmentation. */
class ConcurrencyTest {
  @Test
  void aSharedModelSegmentsConcurrently() throws Exception {
    TouchModel model = TouchModel.example();
    SamplePortfolio p = SamplePortfolio.generate(600, 7);
    List<Account> accounts = p.accounts();
    List<String> expected = tiers(model.segment(accounts, p.asOf()));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<String>>> runs = new ArrayList<>();
      for (int k = 0; k < 8; k++) {
        runs.add(pool.submit(() -> tiers(model.segment(accounts, p.asOf()))));
      }
      for (Future<List<String>> f : runs) {
        assertEquals(expected, f.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static List<String> tiers(Segmentation s) {
    List<String> out = new ArrayList<>();
    s.assignments().forEach(a -> out.add(a.accountId() + "=" + a.tier() + ":" + a.reason()));
    return out;
  }
}
