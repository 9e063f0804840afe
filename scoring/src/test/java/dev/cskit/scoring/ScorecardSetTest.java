package dev.cskit.scoring;

import static dev.cskit.scoring.Fixtures.cols;
import static dev.cskit.scoring.Fixtures.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.cskit.core.Account;
import dev.cskit.core.ConfigFormat;
import dev.cskit.core.Configs;
import dev.cskit.core.LifecycleStage;
import dev.cskit.core.MetricTable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Scorecard sets (selectors in order, default) and sharing a compiled scorer between threads. */
class ScorecardSetTest {
  static final String SET = String.join("\n",
      "name: tiers",
      "version: 4",
      "scorecards:",
      "  - {name: low, version: 1, measures: [{id: m, metric: x, weight: 1, rule: {type: linear, points: [[0, 0], [10, 100]]}}]}",
      "  - {name: high, version: 1, measures: [{id: m, metric: x, weight: 1, rule: {type: linear, points: [[0, 0], [100, 100]]}}]}",
      "  - {name: ent, version: 1, measures: [{id: m, metric: x, weight: 1, rule: {type: steps, below: 0, steps: [[5, 77]]}}]}",
      "selectors:",
      "  - {stage: onboarding, scorecard: onboarding}",
      "  - {attribute: segment, equals: enterprise, scorecard: ent}",
      "  - {arrMin: 50000, arrMax: 100000, scorecard: high}",
      "default: low",
      "");

  static Account account(String id, LifecycleStage stage, String segment, double arr) {
    return Account.builder().id(id).arr(arr).seats(10).stage(stage).putAttributes("segment", segment).build();
  }

  @Test
  void theFirstMatchingSelectorPicksTheCard() {
    ScorecardSet set = ScorecardSet.parse(SET, ConfigFormat.YAML, "set.yaml");
    List<Account> accounts = List.of(
        account("A1", LifecycleStage.ADOPTION, "smb", 1000), // default: low
        account("A2", LifecycleStage.ADOPTION, "enterprise", 60000), // segment before ARR: ent
        account("A3", LifecycleStage.ADOPTION, "mid", 50000), // ARR range [50000, 100000): high
        account("A4", LifecycleStage.ADOPTION, "mid", 100000), // just outside: low
        account("A5", LifecycleStage.ONBOARDING, "enterprise", 60000)); // built-in onboarding card
    MetricTable t = table(cols("x", "active_days_14d", "penetration_14d", "app_built_30d", "seminar_attended_30d",
            "support_question_30d", "p1_open"),
        new double[] {5, 0, 0, 0, 0, 0, 0}, new double[] {5, 0, 0, 0, 0, 0, 0}, new double[] {5, 0, 0, 0, 0, 0, 0},
        new double[] {5, 0, 0, 0, 0, 0, 0}, new double[] {5, 3, 0.3, 1, 0, 0, 0});
    ScoreTable s = set.compile().score(t, ScoringOptions.builder().accounts(accounts).build());
    assertEquals(List.of("low", "ent", "high", "low", "onboarding"),
        List.of(s.scorecard(0).name(), s.scorecard(1).name(), s.scorecard(2).name(), s.scorecard(3).name(),
            s.scorecard(4).name()));
    assertEquals(50, s.score(0), 0);
    assertEquals(77, s.score(1), 0);
    assertEquals(5, s.score(2), 0);
    // onboarding: active_days 3 -> 50 (w3), users 0.3 -> 60 (w2), first app -> 100 (w2), seminars 0 -> 40,
    // questions 0 -> 50
    assertEquals((3 * 50 + 2 * 60 + 2 * 100 + 40 + 50) / 9.0, s.score(4), 1e-12);
    // a set without accounts cannot select: an error, not every account on the default card (issue 18)
    dev.cskit.core.ArgumentException e =
        org.junit.jupiter.api.Assertions.assertThrows(dev.cskit.core.ArgumentException.class, () -> set.compile().score(t));
    assertEquals("accounts", e.argument());
    // an account without an Account record gets the default, and is counted in a warning
    dev.cskit.core.Warnings w = dev.cskit.core.Warnings.collector();
    ScoreTable some = set.compile().score(t, ScoringOptions.builder().accounts(accounts.subList(0, 4)).warnings(w).build());
    assertEquals("low", some.scorecard(4).name());
    assertEquals(2, w.list().size(), w::toString); // and the accounts no selector matches are counted
    assertEquals("scorecard set: 2 of 5 accounts match no selector: scored with the default card low", w.list().get(1));
    org.junit.jupiter.api.Assertions.assertTrue(w.list().get(0).startsWith("accounts: 1 of 5 metrics rows have no account"), w::toString);
    // single scoring picks the same cards
    HealthScorer scorer = set.compile();
    for (int i = 0; i < t.rowCount(); i++) {
      assertEquals(s.row(i), scorer.score(t.accountId(i), Fixtures.map(t, i), accounts.get(i), List.of(), null,
          PercentileReference.EMPTY));
    }
  }

  @Test
  void overridesReachTheRightCardAndRow() {
    ScorecardSet set = ScorecardSet.parse(SET, ConfigFormat.YAML, "set.yaml");
    List<Account> accounts = List.of(account("A1", LifecycleStage.ADOPTION, "smb", 1000),
        account("A2", LifecycleStage.ADOPTION, "mid", 60000), account("A3", LifecycleStage.ADOPTION, "smb", 2000));
    MetricTable t = table(cols("x"), new double[] {5}, new double[] {5}, new double[] {5});
    java.time.Instant asOf = java.time.Instant.parse("2026-06-30T00:00:00Z");
    List<ScoreOverride> overrides = List.of(
        ScoreOverride.of("A2", ScoreOverride.Scope.MEASURE, "m", 90, null, null, asOf.minusSeconds(60), null),
        ScoreOverride.of("A3", ScoreOverride.Scope.OVERALL, null, 12, null, null, asOf.minusSeconds(60), asOf),
        ScoreOverride.of("nobody", ScoreOverride.Scope.OVERALL, null, 12, null, null, asOf.minusSeconds(60), null));
    ScoreTable s = set.compile().score(t, ScoringOptions.builder().accounts(accounts).overrides(overrides).asOf(asOf).build());
    assertEquals(50, s.score(0), 0);
    assertEquals("high", s.scorecard(1).name());
    assertEquals(90, s.score(1), 0);
    assertEquals(50, s.score(2), 0);
    assertEquals(1, s.row(2).overridesExpired().size());
  }

  @Test
  void setRoundTripAndHash() {
    ScorecardSet set = ScorecardSet.parse(SET, ConfigFormat.YAML, "set.yaml");
    for (ConfigFormat f : ConfigFormat.values()) {
      assertEquals(set, Configs.parse(Configs.write(set, f), f, "x", ScorecardSet.class));
    }
    ScorecardSet other = ScorecardSet.parse(SET.replace("[[5, 77]]", "[[5, 78]]"), ConfigFormat.YAML, "set.yaml");
    assertNotEquals(set.ref().hash(), other.ref().hash());
    assertEquals(set.ref(), ScorecardSet.parse(SET, ConfigFormat.YAML, "again").ref());
  }

  @Test
  void oneCompiledScorerServesManyThreads() throws Exception {
    HealthScorer scorer = Scorecard.builtIn("three-axis").compile();
    MetricTable m = BuiltInScorecardsTest.P.metrics();
    List<Account> accounts = BuiltInScorecardsTest.P.accounts();
    double[] expected = scorer.score(m, ScoringOptions.builder().accounts(accounts).build()).scores();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<double[]>> results = new ArrayList<>();
      for (int k = 0; k < 8; k++) {
        results.add(pool.submit(() -> scorer.score(m, ScoringOptions.builder().accounts(accounts).build()).scores()));
      }
      for (Future<double[]> f : results) {
        assertEquals(java.util.Arrays.toString(expected), java.util.Arrays.toString(f.get()));
      }
    } finally {
      pool.shutdown();
    }
  }
}
