package dev.cskit.scoring.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cskit.core.AccountId;
import dev.cskit.core.HealthBand;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The logistic fits against scikit-learn (L2 around zero), statsmodels (plain MLE) and scipy's L-BFGS-B
 * (bounded, shrunk toward a center), reference/validation/fit_reference.py on logit_data.csv.
 */
class LogisticFitReferenceTest {
  private static final String REF = "logit_reference.csv";
  private final double[][] cols = Reference.columns("logit_data.csv");
  private final double[][] z = new double[cols[0].length][4];
  private final double[] y = cols[4];

  LogisticFitReferenceTest() {
    for (int i = 0; i < z.length; i++) {
      for (int j = 0; j < 4; j++) {
        z[i][j] = -cols[j][i] / 100.0;
      }
    }
  }

  private static double[] free() {
    double[] lo = new double[4];
    Arrays.fill(lo, Double.NEGATIVE_INFINITY);
    return lo;
  }

  private void check(String ref, LogisticFit f, double tol) {
    assertTrue(f.converged, "converged");
    assertEquals(Reference.value(REF, ref, "intercept"), f.intercept, tol);
    for (int j = 0; j < 4; j++) {
      assertEquals(Reference.value(REF, ref, "beta" + (j + 1)), f.beta[j], tol, "beta" + (j + 1));
    }
  }

  @Test
  void ridgeAroundZeroMatchesScikitLearn() {
    check("l2_zero", LogisticFit.fit(z, y, free(), new double[4], 2.0), 1e-9);
  }

  @Test
  void unpenalisedMatchesStatsmodels() {
    LogisticFit f = LogisticFit.fit(z, y, free(), new double[4], 0.0);
    check("mle", f, 1e-8);
    assertEquals(Reference.value(REF, "mle", "loglik"), f.logLikelihood, 1e-8);
  }

  @Test
  void boundedShrunkFitMatchesScipyLbfgsb() {
    LogisticFit f = LogisticFit.fit(z, y, new double[4], new double[] {1, 1, 1, 1}, 5.0);
    check("bounded", f, 1e-6);
    assertEquals(Reference.value(REF, "bounded", "objective"), f.objective, 1e-8);
  }

  @Test
  void activeBoundMatchesScipyLbfgsb() {
    LogisticFit f = LogisticFit.fit(z, y, new double[4], new double[] {1.5, 1.5, 0, 0}, 1.0);
    check("bounded_active", f, 1e-6);
    assertEquals(0.0, f.beta[3], 0.0, "the bound holds exactly");
    assertEquals(Reference.value(REF, "bounded_active", "objective"), f.objective, 1e-8);
  }

  @Test
  void weightFitEndToEndMatchesTheReference() {
    weightFit("weightfit", y.length, y);
  }

  @Test
  void weightFitWithTheScaleFloorMatchesTheReference() {
    double[] noise = Reference.columns("logit_data_noise.csv")[0];
    weightFit("weightfit_floor", noise.length, noise);
  }

  private void weightFit(String ref, int n, double[] churn) {
    ScoreSnapshots.Builder b = ScoreSnapshots.builder("x1", "x2", "x3", "x4");
    ChurnOutcomes.Builder o = ChurnOutcomes.builder();
    LocalDate asOf = LocalDate.of(2026, 1, 1);
    for (int i = 0; i < n; i++) {
      AccountId id = AccountId.of("a" + i);
      b.add(id, asOf, 50, HealthBand.YELLOW, cols[0][i], cols[1][i], cols[2][i], cols[3][i]);
      if (churn[i] == 1) {
        o.add(id, asOf.plusDays(30), asOf.plusDays(30));
      } else {
        o.add(id, null, asOf.plusDays(30));
      }
    }
    Map<String, Double> current = new LinkedHashMap<>();
    current.put("x1", 2.0);
    current.put("x2", 1.0);
    current.put("x3", 1.0);
    current.put("x4", 1.0);
    WeightFit.FittedWeights f = WeightFit.fit(Backtest.run(b.build(), o.build(), 90), current, 10.0);
    assertTrue(f.converged());
    assertEquals(Reference.value(REF, ref, "scale"), f.scale(), 1e-7);
    assertEquals(Reference.value(REF, ref, "intercept"), f.intercept(), 1e-6);
    for (int j = 0; j < 4; j++) {
      WeightFit.WeightChange w = f.weights().get(j);
      assertEquals(Reference.value(REF, ref, "beta" + (j + 1)), w.coefficient(), 1e-6);
      assertEquals(Reference.value(REF, ref, "fitted" + (j + 1)), w.fitted(), 1e-6);
      assertEquals(w.fitted() - w.current(), w.change(), 1e-15);
    }
    assertEquals(5.0, f.fitted().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-12);
  }
}
