package dev.cskit.scoring.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cskit.core.AccountId;
import dev.cskit.core.HealthBand;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The fitted weights follow the data when it speaks and the expert when it does not. */
class WeightFitTest {
  private static final LocalDate T = LocalDate.of(2025, 1, 1);

  /** n snapshots per date; churn driven by measure {@code driver} only. */
  static Backtest synthetic(int n, int driver, double intercept, double slope, long seed, int dates,
      ChurnOutcomes.Builder[] outHolder, ScoreSnapshots.Builder[] snapHolder) {
    SplittableRandom r = new SplittableRandom(seed);
    ScoreSnapshots.Builder b = ScoreSnapshots.builder("m1", "m2", "m3");
    ChurnOutcomes.Builder o = ChurnOutcomes.builder();
    for (int d = 0; d < dates; d++) {
      LocalDate asOf = T.plusDays(91L * d);
      for (int i = 0; i < n; i++) {
        double[] x = {100 * r.nextDouble(), 100 * r.nextDouble(), 100 * r.nextDouble()};
        if (r.nextInt(10) == 0) {
          x[(i + d) % 3] = Double.NaN;
        }
        double v = Double.isNaN(x[driver]) ? 50 : x[driver];
        boolean churn = r.nextDouble() < 1 / (1 + Math.exp(-(intercept - slope * v / 100)));
        AccountId id = AccountId.of("d" + d + "a" + i);
        b.add(id, asOf, 50, HealthBand.YELLOW, x);
        LocalDate when = asOf.plusDays(1 + r.nextInt(89));
        o.add(id, churn ? when : null, when);
      }
    }
    if (outHolder != null) {
      outHolder[0] = o;
      snapHolder[0] = b;
    }
    return Backtest.run(b.build(), o.build(), 90);
  }

  static Map<String, Double> equal() {
    Map<String, Double> w = new LinkedHashMap<>();
    w.put("m1", 1.0);
    w.put("m2", 1.0);
    w.put("m3", 1.0);
    return w;
  }

  @Property(tries = 5)
  void churnDrivenByOneMeasureGetsMostWeight(@ForAll @IntRange(min = 0, max = 2) int driver, @ForAll long seed) {
    Backtest bt = synthetic(1500, driver, 1.5, 6, seed, 1, null, null);
    WeightFit.FittedWeights f = WeightFit.fit(bt, equal(), WeightFit.DEFAULT_STRENGTH);
    assertTrue(f.converged());
    double share = f.weights().get(driver).fitted() / 3.0;
    assertTrue(share > 0.6, "share of the driving measure " + share + "\n" + f);
    assertTrue(f.fittedAuc() >= f.currentAuc(), f.toString());
    for (WeightFit.WeightChange w : f.weights()) {
      assertTrue(w.fitted() >= 0 && w.coefficient() >= 0);
    }
  }

  @Test
  void fewChurnsKeepTheExpertsWeights() {
    // about 6 churns in 300: the penalty dominates
    Backtest bt = synthetic(300, 1, -3.5, 1.5, 11, 1, null, null);
    Map<String, Double> current = new LinkedHashMap<>();
    current.put("m1", 3.0);
    current.put("m2", 1.0);
    current.put("m3", 2.0);
    WeightFit.FittedWeights f = WeightFit.fit(bt, current, WeightFit.DEFAULT_STRENGTH);
    assertTrue(f.churned() < 15, "churned " + f.churned());
    for (WeightFit.WeightChange w : f.weights()) {
      assertEquals(w.current(), w.fitted(), 0.5, f.toString()); // under a tenth of the total of 6
    }
    // a much stronger penalty pins them
    WeightFit.FittedWeights pinned = WeightFit.fit(bt, current, 1e6);
    for (WeightFit.WeightChange w : pinned.weights()) {
      assertEquals(w.current(), w.fitted(), 1e-3, pinned.toString());
    }
  }

  @Test
  void outOfTimeComparisonFavoursTheFittedCardOnALaterPeriod() {
    ChurnOutcomes.Builder[] o = new ChurnOutcomes.Builder[1];
    ScoreSnapshots.Builder[] s = new ScoreSnapshots.Builder[1];
    synthetic(500, 2, 1.5, 6, 3, 4, o, s);
    ScoreSnapshots snaps = s[0].build();
    LocalDate split = T.plusDays(91L * 3);
    WeightFit.OutOfTime oot = WeightFit.outOfTime(snaps, o[0].build(), 90, equal(), 10, split);
    assertEquals(split, oot.splitDate());
    assertEquals(500, oot.testEvaluated());
    assertTrue(oot.fit().evaluated() > 1000 && oot.fit().evaluated() <= 1500, oot.toString());
    assertTrue(oot.fittedAuc() > oot.currentAuc() + 0.05, oot.toString());
  }

  @Test
  void errors() {
    Backtest bt = synthetic(100, 0, 0, 3, 1, 1, null, null);
    assertThrows(ValidationException.class, () -> WeightFit.fit(bt, Map.of("nope", 1.0), 10));
    assertThrows(ValidationException.class, () -> WeightFit.fit(bt, Map.of("m1", 0.0), 10));
    assertThrows(ValidationException.class, () -> WeightFit.fit(bt, equal(), -1));
  }
}
