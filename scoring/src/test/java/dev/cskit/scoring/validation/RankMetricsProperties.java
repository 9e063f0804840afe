package dev.cskit.scoring.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import java.util.List;

/** Invariants of the ranking measures. */
class RankMetricsProperties {

  private static boolean[] labels(List<Boolean> l) {
    boolean[] b = new boolean[l.size()];
    for (int i = 0; i < b.length; i++) {
      b[i] = l.get(i);
    }
    return b;
  }

  private static double[] values(List<Integer> l) {
    return l.stream().mapToDouble(Integer::doubleValue).toArray();
  }

  private static boolean mixed(boolean[] y) {
    boolean t = false;
    boolean f = false;
    for (boolean b : y) {
      t |= b;
      f |= !b;
    }
    return t && f;
  }

  @Property(tries = 200)
  void perfectSeparationGivesOneAndItsNegationZero(
      @ForAll @Size(min = 2, max = 60) List<Boolean> churned, @ForAll @IntRange(min = 1, max = 50) int gap) {
    boolean[] y = labels(churned);
    Assume.that(mixed(y));
    double[] risk = new double[y.length];
    for (int i = 0; i < y.length; i++) {
      risk[i] = y[i] ? gap + i % 7 : -(i % 5); // every churned case above every retained one
    }
    assertEquals(1.0, RankMetrics.auc(risk, y), 0.0);
    assertEquals(0.0, RankMetrics.auc(RankMetrics.negate(risk), y), 0.0);
    assertEquals(1.0, RankMetrics.averagePrecision(risk, y), 1e-15);
  }

  @Property(tries = 300)
  void negationMirrorsTheAuc(
      @ForAll @Size(min = 2, max = 80) List<@IntRange(min = 0, max = 20) Integer> scores,
      @ForAll long seed) {
    double[] risk = values(scores);
    boolean[] y = coinFlips(risk.length, seed);
    Assume.that(mixed(y));
    assertEquals(1.0, RankMetrics.auc(risk, y) + RankMetrics.auc(RankMetrics.negate(risk), y), 1e-12);
  }

  @Property(tries = 300)
  void strictlyIncreasingTransformsChangeNothing(
      @ForAll @Size(min = 2, max = 80) List<@IntRange(min = -30, max = 30) Integer> scores,
      @ForAll long seed, @ForAll @DoubleRange(min = 0.1, max = 5) double a,
      @ForAll @DoubleRange(min = -10, max = 10) double shift) {
    double[] risk = values(scores);
    boolean[] y = new boolean[risk.length];
    java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
    for (int i = 0; i < y.length; i++) {
      y[i] = r.nextInt(3) == 0;
    }
    Assume.that(mixed(y));
    double[] t = new double[risk.length];
    for (int i = 0; i < t.length; i++) {
      t[i] = Math.exp(a * risk[i] / 30) * 3 + Math.pow(risk[i] + 31, 3) + shift; // strictly increasing
    }
    assertEquals(RankMetrics.auc(risk, y), RankMetrics.auc(t, y), 1e-15);
    assertEquals(RankMetrics.averagePrecision(risk, y), RankMetrics.averagePrecision(t, y), 1e-15);
    assertEquals(RankMetrics.topDecileLift(risk, y), RankMetrics.topDecileLift(t, y), 1e-12);
    AucInterval d1 = RankMetrics.delong(risk, y, 0.95);
    AucInterval d2 = RankMetrics.delong(t, y, 0.95);
    assertEquals(d1.lower(), d2.lower(), 1e-12);
    assertEquals(d1.upper(), d2.upper(), 1e-12);
  }

  @Property(tries = 200)
  void aucEqualsThePairwiseDefinitionAndIntervalsContainIt(
      @ForAll @Size(min = 4, max = 60) List<@IntRange(min = 0, max = 10) Integer> scores, @ForAll long seed) {
    double[] risk = values(scores);
    boolean[] y = coinFlips(risk.length, seed);
    Assume.that(mixed(y));
    double sum = 0;
    long pairs = 0;
    for (int i = 0; i < y.length; i++) {
      for (int j = 0; j < y.length; j++) {
        if (y[i] && !y[j]) {
          sum += risk[i] > risk[j] ? 1 : risk[i] == risk[j] ? 0.5 : 0;
          pairs++;
        }
      }
    }
    double auc = RankMetrics.auc(risk, y);
    assertEquals(sum / pairs, auc, 1e-12);
    AucInterval d = RankMetrics.delong(risk, y, 0.9);
    if (!Double.isNaN(d.lower())) {
      assertTrue(d.lower() <= auc && auc <= d.upper());
      assertTrue(d.lower() >= 0 && d.upper() <= 1);
    }
    double ap = RankMetrics.averagePrecision(risk, y);
    assertTrue(ap > 0 && ap <= 1);
  }

  @Property(tries = 10)
  void bootstrapIsDeterministicForASeedAndNearDelong(@ForAll long seed) {
    java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
    int n = 300;
    double[] risk = new double[n];
    boolean[] y = new boolean[n];
    for (int i = 0; i < n; i++) {
      y[i] = r.nextDouble() < 0.3;
      risk[i] = r.nextGaussian() + (y[i] ? 0.8 : 0);
    }
    Assume.that(mixed(y));
    AucInterval b1 = RankMetrics.bootstrap(risk, y, 0.95, 400, 7L);
    AucInterval b2 = RankMetrics.bootstrap(risk, y, 0.95, 400, 7L);
    assertEquals(b1, b2);
    AucInterval d = RankMetrics.delong(risk, y, 0.95);
    assertEquals(d.standardError(), b1.standardError(), 0.35 * d.standardError());
    assertTrue(b1.lower() < d.auc() && d.auc() < b1.upper());
  }

  @Property(tries = 50)
  void fastBootstrapReplicatesEqualTheAucOfEachResample(
      @ForAll @Size(min = 3, max = 60) List<@IntRange(min = 0, max = 12) Integer> scores, @ForAll long seed) {
    double[] risk = values(scores);
    boolean[] y = coinFlips(risk.length, seed);
    Assume.that(mixed(y));
    double[] fast = RankMetrics.replicates(risk, y, 20, seed);
    // the same draws, resampled explicitly and scored by the Mann-Whitney AUC
    double[] pos = java.util.stream.IntStream.range(0, y.length).filter(i -> y[i]).mapToDouble(i -> risk[i]).toArray();
    double[] neg = java.util.stream.IntStream.range(0, y.length).filter(i -> !y[i]).mapToDouble(i -> risk[i]).toArray();
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
    boolean[] lab = new boolean[y.length];
    java.util.Arrays.fill(lab, 0, pos.length, true);
    for (int k = 0; k < 20; k++) {
      double[] sample = new double[y.length];
      for (int i = 0; i < pos.length; i++) {
        sample[i] = pos[rnd.nextInt(pos.length)];
      }
      for (int j = 0; j < neg.length; j++) {
        sample[pos.length + j] = neg[rnd.nextInt(neg.length)];
      }
      assertEquals(RankMetrics.auc(sample, lab), fast[k], 1e-12);
    }
  }

  /** Churned or not by a fair coin per account, seeded. */
  static boolean[] coinFlips(int n, long seed) {
    boolean[] y = new boolean[n];
    java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
    for (int i = 0; i < n; i++) {
      y[i] = r.nextBoolean();
    }
    return y;
  }
}
