package dev.cskit.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cskit.core.Account;
import dev.cskit.core.AccountId;
import dev.cskit.core.CskitException;
import dev.cskit.core.MetricTable;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The percentile rule against scipy.stats.percentileofscore(others, x, kind='mean'): see
 * {@code reference/percentile.py} (the command that produced {@code percentile.csv} is in its header).
 */
class PercentileReferenceTest {
  record Ref(String id, String segment, double value, double all, double bySegment) {}

  static List<Ref> load() throws Exception {
    List<Ref> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        PercentileReferenceTest.class.getResourceAsStream("/reference/percentile.csv"), StandardCharsets.UTF_8))) {
      r.readLine();
      for (String line; (line = r.readLine()) != null; ) {
        String[] c = line.split(",", -1);
        out.add(new Ref(c[0], c[1], num(c[2]), num(c[3]), num(c[4])));
      }
    }
    return out;
  }

  static double num(String s) {
    return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
  }

  /** The reference values as a one-metric table ({@code x}) and their accounts (with a {@code segment}). */
  record Data(List<Ref> refs, MetricTable table, List<Account> accounts) {
    static Data load() throws Exception {
      List<Ref> refs = PercentileReferenceTest.load();
      MetricTable.Builder b = MetricTable.builder("x");
      List<Account> accounts = new ArrayList<>();
      for (Ref r : refs) {
        b.addRow(r.id(), r.value());
        accounts.add(Account.builder().id(r.id()).arr(1000).seats(5).putAttributes("segment", r.segment()).build());
      }
      return new Data(refs, b.build(), accounts);
    }
  }

  @Test
  void batchPercentilesMatchScipy() throws Exception {
    Data d = Data.load();
    List<Ref> refs = d.refs();
    MetricTable t = d.table();
    List<Account> accounts = d.accounts();
    Scorecard all = Fixtures.oneMeasure("{type: percentile}", null);
    Scorecard seg = Fixtures.oneMeasure("{type: percentile, segment: segment}", null);
    ScoreTable sa = all.compile().score(t, ScoringOptions.builder().accounts(accounts).build());
    ScoreTable ss = seg.compile().score(t, ScoringOptions.builder().accounts(accounts).build());
    double maxDiff = 0;
    for (int i = 0; i < refs.size(); i++) {
      Ref r = refs.get(i);
      if (Double.isNaN(r.value())) {
        assertTrue(Double.isNaN(sa.measureScore(i, "m")));
        continue;
      }
      maxDiff = Math.max(maxDiff, Math.abs(sa.measureScore(i, "m") - r.all()));
      maxDiff = Math.max(maxDiff, Math.abs(ss.measureScore(i, "m") - r.bySegment()));
    }
    assertTrue(maxDiff < 1e-9, "max abs difference " + maxDiff);
  }

  @Test
  void singleAccountScoringWithTheBatchReferenceEqualsTheBatch() throws Exception {
    Data d = Data.load();
    MetricTable t = d.table();
    List<Account> accounts = d.accounts();
    HealthScorer scorer = Fixtures.oneMeasure("{type: percentile, segment: segment}", null).compile();
    ScoreTable batch = scorer.score(t, ScoringOptions.builder().accounts(accounts).build());
    PercentileReference ref = batch.percentileReference();
    for (int i = 0; i < t.rowCount(); i++) {
      HealthScore single = scorer.score(t.accountId(i), Fixtures.map(t, i), accounts.get(i), List.of(), null, ref);
      assertEquals(batch.row(i), single);
    }
  }

  @Test
  void aNewValueJoinsTheReference() {
    HealthScorer scorer = Fixtures.oneMeasure("{type: percentile}", null).compile();
    PercentileReference ref = PercentileReference.of("m", 1, 2, 3, 4);
    // 2.5 is not in the reference: 2 of the 4 others are below it
    assertEquals(50, scorer.score(AccountId.of("X"), Map.of("x", 2.5), null, List.of(), null, ref).score(), 0);
    // 3 is in it: taken as its own; below 2 of the 3 others
    assertEquals(200.0 / 3, scorer.score(AccountId.of("X"), Map.of("x", 3.0), null, List.of(), null, ref).score(),
        1e-12);
    assertEquals(100, scorer.score(AccountId.of("X"), Map.of("x", 9.0), null, List.of(), null, ref).score(), 0);
    CskitException e = assertThrows(CskitException.class,
        () -> scorer.score(AccountId.of("X"), Map.of("x", 9.0)));
    assertTrue(e.getMessage().contains("reference distribution"), e.getMessage());
  }
}
