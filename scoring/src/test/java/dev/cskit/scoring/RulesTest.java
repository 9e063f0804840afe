package dev.cskit.scoring;

import static dev.cskit.scoring.Fixtures.NaN;
import static dev.cskit.scoring.Fixtures.cols;
import static dev.cskit.scoring.Fixtures.oneMeasure;
import static dev.cskit.scoring.Fixtures.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cskit.core.AccountId;
import dev.cskit.core.DataException;
import dev.cskit.core.MetricTable;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hand-computed sub-scores of every rule, including values exactly on a point or step min. */
class RulesTest {
  private static double[] scores(Scorecard card, String[] metrics, double[]... rows) {
    MetricTable t = table(metrics, rows);
    ScoreTable s = card.compile().score(t);
    double[] out = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      out[i] = s.measureScore(i, "m");
      // one measure without categories: the overall score is the sub-score
      assertEquals(Double.doubleToLongBits(out[i]), Double.doubleToLongBits(s.scoreBeforeCaps(i)));
    }
    return out;
  }

  private static double[] one(Scorecard card, double... xs) {
    double[][] rows = new double[xs.length][];
    for (int i = 0; i < xs.length; i++) {
      rows[i] = new double[] {xs[i]};
    }
    return scores(card, cols("x"), rows);
  }

  @Test
  void linearInterpolatesAndIsFlatOutside() {
    Scorecard card = oneMeasure("{type: linear, points: [[0, 0], [3, 40], [7, 70], [12, 100]]}", null);
    double[] s = one(card, -1, 0, 1.5, 3, 5, 11, 12, 20);
    assertEquals(0, s[0], 0);
    assertEquals(0, s[1], 0);
    assertEquals(20, s[2], 1e-12);
    assertEquals(40, s[3], 0); // exactly on a point
    assertEquals(55, s[4], 1e-12); // 40 + 2 * 30 / 4
    assertEquals(94, s[5], 1e-12); // 70 + 4 * 30 / 5
    assertEquals(100, s[6], 0);
    assertEquals(100, s[7], 0);
  }

  @Test
  void linearMayFall() {
    Scorecard card = oneMeasure("{type: linear, points: [[0, 100], [4, 20], [10, 0]]}", null);
    double[] s = one(card, 0, 1, 4, 7, 50);
    assertEquals(100, s[0], 0);
    assertEquals(80, s[1], 1e-12);
    assertEquals(20, s[2], 0);
    assertEquals(10, s[3], 1e-12);
    assertEquals(0, s[4], 0);
  }

  @Test
  void linearWithOnePointIsConstant() {
    double[] s = one(oneMeasure("{type: linear, points: [[5, 65]]}", null), -3, 5, 9);
    assertEquals(65, s[0], 0);
    assertEquals(65, s[1], 0);
    assertEquals(65, s[2], 0);
  }

  @Test
  void anInfiniteValueForOneAccountIsRefusedAsATableRefusesIt() {
    // the batch kernels take finite values or NaN (a MetricTable refuses infinities); the single-account
    // paths must not let one through, or the scalar and vector kernels would disagree on it
    HealthScorer scorer = oneMeasure("{type: linear, points: [[0, 0], [1, 50], [2, 80], [3, 100]]}", null).compile();
    DataException e = assertThrows(DataException.class,
        () -> scorer.score(AccountId.of("a1"), Map.of("x", Double.POSITIVE_INFINITY)));
    assertEquals("metrics of account \"a1\", column \"x\": must be a finite number or missing; found Infinity",
        e.getMessage());
    assertThrows(DataException.class, () -> scorer.quickScore(new double[] {Double.NEGATIVE_INFINITY}));
    assertEquals(100.0, scorer.quickScore(new double[] {1e300}), 0.0);
  }

  @Test
  void stepsTakeTheLargestMinAtMostTheValue() {
    Scorecard card = oneMeasure("{type: steps, below: 100, steps: [[1, 60], [3, 20]]}", null);
    double[] s = one(card, 0, 0.999, 1, 2.9, 3, 50, -4);
    assertEquals(100, s[0], 0);
    assertEquals(100, s[1], 0);
    assertEquals(60, s[2], 0); // exactly on a step min
    assertEquals(60, s[3], 0);
    assertEquals(20, s[4], 0);
    assertEquals(20, s[5], 0);
    assertEquals(100, s[6], 0);
  }

  @Test
  void booleanIsTrueWhenNonZero() {
    double[] s = one(oneMeasure("{type: boolean, whenTrue: 100, whenFalse: 30}", null), 0, 1, -2, 0.5, NaN);
    assertEquals(30, s[0], 0);
    assertEquals(100, s[1], 0);
    assertEquals(100, s[2], 0);
    assertEquals(100, s[3], 0);
    assertTrue(Double.isNaN(s[4]));
  }

  @Test
  void trendMapsTheRelativeChange() {
    Scorecard card = Fixtures.yaml("name: t\nversion: 1\nmeasures:\n"
        + "  - {id: m, weight: 1, rule: {type: trend, current: c, previous: p,"
        + " points: [[-0.5, 0], [0, 60], [0.3, 100]], whenPreviousZero: 50}}\n");
    double[] s = scores(card, cols("c", "p"),
        new double[] {10, 0}, // previous 0
        new double[] {15, 10}, // +50% -> above the last point
        new double[] {11, 10}, // +10% -> 60 + 0.1 * 40 / 0.3
        new double[] {5, 10}, // -50% exactly on the first point
        new double[] {7.5, 10}, // -25% -> 30
        new double[] {10, 10}, // 0 exactly on a point
        new double[] {NaN, 10},
        new double[] {10, NaN},
        new double[] {0, 0});
    assertEquals(50, s[0], 0);
    assertEquals(100, s[1], 0);
    assertEquals(60 + 0.1 * 40 / 0.3, s[2], 1e-9);
    assertEquals(0, s[3], 0);
    assertEquals(30, s[4], 1e-12);
    assertEquals(60, s[5], 0);
    assertTrue(Double.isNaN(s[6]));
    assertTrue(Double.isNaN(s[7]));
    assertEquals(50, s[8], 0);
  }

  @Test
  void percentileIsTheMidRankAmongTheOthers() {
    // values 1, 2, 2, 4, missing: for 2: below 1, one other equal, 3 others -> (1 + 0.5) / 3
    double[] s = one(oneMeasure("{type: percentile}", null), 1, 2, 2, 4, NaN);
    assertEquals(0, s[0], 0);
    assertEquals(50, s[1], 1e-12);
    assertEquals(50, s[2], 1e-12);
    assertEquals(100, s[3], 0);
    assertTrue(Double.isNaN(s[4]));
  }

  @Test
  void percentileOfASinglePresentAccountIs50() {
    double[] s = one(oneMeasure("{type: percentile}", null), NaN, 7, NaN);
    assertEquals(50, s[1], 0);
  }

  @Test
  void theWorstScoreOfEachRule() {
    assertEquals(0, new Rule.Percentile(null).worst(), 0);
    assertEquals(20, Rule.Linear.of(0, 100, 4, 20, 10, 35).worst(), 0);
    assertEquals(10, Rule.Steps.of(10, 1, 60, 3, 20).worst(), 0);
    assertEquals(5, Rule.Steps.of(30, 1, 60, 3, 5).worst(), 0);
    assertEquals(30, new Rule.Bool(100.0, 30.0).worst(), 0);
    assertEquals(15, new Rule.Trend("c", "p", Rule.Linear.of(0, 20, 1, 90).points(), 15.0).worst(), 0);
  }
}
