package dev.cskit.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cskit.benchmarks.card.CardData;
import dev.cskit.benchmarks.card.CardSpec;
import dev.cskit.benchmarks.card.DuckDbScorer;
import dev.cskit.benchmarks.card.EngineSummary;
import dev.cskit.benchmarks.card.HandTunedKernel;
import dev.cskit.benchmarks.card.ObjectPerAccount;
import dev.cskit.benchmarks.card.ReadAll;
import dev.cskit.benchmarks.card.ScoreSummary;
import dev.cskit.core.MetricTable;
import dev.cskit.scoring.HealthScorer;
import dev.cskit.scoring.ScoreTable;
import dev.cskit.scoring.ScoringOptions;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every implementation in the benchmarks scores the same data to the same band counts and score sum, and the
 * per-account baselines agree account by account with the plain definition of the card.
 */
class CardAgreementTest {
  static final int N = 50_000;
  static CardSpec card;
  static MetricTable table;
  static double[][] cols;
  static ScoreSummary reference;
  static double[] referenceScores;

  @BeforeAll
  static void data() {
    card = CardSpec.standard();
    table = CardData.generate(card, N, CardState.SEED);
    cols = HandTunedKernel.columns(table, card);
    referenceScores = new double[N];
    byte[] bands = new byte[N];
    for (int i = 0; i < N; i++) {
      double num = 0;
      double den = 0;
      for (int j = 0; j < card.measures(); j++) {
        double v = cols[j][i];
        if (!Double.isNaN(v)) {
          num += card.weight(j) * card.ruleScore(j, v);
          den += card.weight(j);
        }
      }
      referenceScores[i] = den > 0 ? num / den : Double.NaN;
      bands[i] = CardSpec.band(referenceScores[i]);
    }
    reference = ScoreSummary.of(referenceScores, bands, N);
  }

  @Test
  void theDataIsTheIssuesCard() {
    assertEquals(12, card.measures());
    long present = ReadAll.presentValues(cols, N);
    double missing = 1.0 - present / (12.0 * N);
    assertTrue(Math.abs(missing - 0.05) < 0.003, "missing share " + missing);
    // every band is populated, so a wrong band boundary cannot go unnoticed
    assertTrue(reference.red() > N / 20 && reference.yellow() > N / 20 && reference.green() > N / 20,
        reference.toString());
  }

  @Test
  void handTunedAgreesAccountByAccount() {
    double[] score = new double[N];
    byte[] band = new byte[N];
    new HandTunedKernel(card).score(cols, 0, N, score, band);
    for (int i = 0; i < N; i++) {
      assertEquals(referenceScores[i], score[i], 1e-9, "account " + i);
    }
    assertAgrees(ScoreSummary.of(score, band, N));
  }

  @Test
  void handTunedOnTwoThreadsEqualsOneThread() throws Exception {
    HandTunedKernel k = new HandTunedKernel(card);
    double[] one = new double[N];
    byte[] oneBand = new byte[N];
    k.score(cols, 0, N, one, oneBand);
    double[] two = new double[N];
    byte[] twoBand = new byte[N];
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      k.scoreParallel(cols, N, two, twoBand, pool, 2);
    } finally {
      pool.shutdownNow();
    }
    assertTrue(java.util.Arrays.equals(one, two));
    assertTrue(java.util.Arrays.equals(oneBand, twoBand));
  }

  @Test
  void objectPerAccountAgrees() {
    ObjectPerAccount naive = new ObjectPerAccount(card);
    List<ObjectPerAccount.AccountScore> scores = naive.score(ObjectPerAccount.accounts(table));
    for (int i = 0; i < N; i++) {
      assertEquals(referenceScores[i], scores.get(i).score, 1e-9, "account " + i);
    }
    assertAgrees(ObjectPerAccount.summary(scores));
  }

  @Test
  void duckDbAgreesOnOneAndTwoThreads() throws Exception {
    for (int threads = 1; threads <= 2; threads++) {
      try (DuckDbScorer db = new DuckDbScorer(card, table, threads)) {
        assertAgrees(db.score());
      }
    }
  }

  @Test
  void engineAgreesOnOneAndTwoThreadsAndOneAccountAtATime() throws Exception {
    HealthScorer scorer = EngineSummary.compile(card);
    ScoreTable one = scorer.score(table);
    for (int i = 0; i < N; i++) {
      assertEquals(referenceScores[i], one.score(i), 1e-9, "account " + i);
    }
    assertAgrees(EngineSummary.of(one));
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      ScoreTable two = scorer.score(table, ScoringOptions.builder().executor(pool).parallelism(2).build());
      assertTrue(java.util.Arrays.equals(one.scores(), two.scores()));
    } finally {
      pool.shutdownNow();
    }
    double[] into = new double[N];
    double[] coverage = new double[N];
    int[] band = new int[N];
    scorer.scoreInto(table, into, coverage, band);
    assertTrue(java.util.Arrays.equals(one.scores(), into));
    for (int i = 0; i < N; i++) {
      assertEquals(one.band(i), band[i] < 0 ? dev.cskit.core.HealthBand.INSUFFICIENT_DATA : scorer.bands().get(band[i]));
      assertEquals(one.coverage(i), coverage[i]);
    }
    java.util.List<String> inputs = scorer.inputs();
    double[] values = new double[inputs.size()];
    for (int i = 0; i < N; i += 7) {
      for (int s = 0; s < values.length; s++) {
        values[s] = table.value(i, inputs.get(s));
      }
      assertEquals(Double.doubleToRawLongBits(one.score(i)), Double.doubleToRawLongBits(scorer.quickScore(values)));
    }
  }

  static void assertAgrees(ScoreSummary s) {
    assertTrue(reference.agrees(s, 1e-12), "expected " + reference + "\n but got " + s);
  }

  @AfterAll
  static void free() {
    table = null;
    cols = null;
  }
}
