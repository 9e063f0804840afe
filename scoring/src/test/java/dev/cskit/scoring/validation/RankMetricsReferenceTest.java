package dev.cskit.scoring.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * AUC, DeLong interval, average precision, trapezoidal PR AUC and top-decile lift against scikit-learn, a
 * pairwise DeLong in Python and R pROC (reference/validation/rank_reference.py, rank_proc.R).
 */
class RankMetricsReferenceTest {
  private static final double TOL = 1e-12;

  @ParameterizedTest
  @ValueSource(strings = {"a", "b", "c"})
  void agreesWithScikitLearnAndPython(String ds) {
    double[][] c = Reference.columns("rank_" + ds + ".csv");
    double[] risk = RankMetrics.negate(c[0]);
    boolean[] y = Reference.bools(c[1]);
    String ref = "rank_reference.csv";
    assertEquals(Reference.value(ref, ds, "auc"), RankMetrics.auc(risk, y), TOL);
    assertEquals(Reference.value(ref, ds, "average_precision"), RankMetrics.averagePrecision(risk, y), TOL);
    assertEquals(Reference.value(ref, ds, "pr_auc_trapezoid"), RankMetrics.prAucTrapezoid(risk, y), TOL);
    AucInterval d = RankMetrics.delong(risk, y, 0.95);
    assertEquals(Reference.value(ref, ds, "auc"), d.auc(), TOL);
    assertEquals(Reference.value(ref, ds, "delong_lower"), d.lower(), 1e-10);
    assertEquals(Reference.value(ref, ds, "delong_upper"), d.upper(), 1e-10);
    assertEquals(Reference.value(ref, ds, "delong_se"), d.standardError(), 1e-12);
    assertEquals(Reference.value(ref, ds, "top_decile_lift"), RankMetrics.topDecileLift(risk, y), TOL);
  }

  @ParameterizedTest
  @ValueSource(strings = {"a", "b", "c"})
  void agreesWithPRoc(String ds) {
    double[][] c = Reference.columns("rank_" + ds + ".csv");
    AucInterval d = RankMetrics.delong(RankMetrics.negate(c[0]), Reference.bools(c[1]), 0.95);
    assertEquals(Reference.value("rank_proc.csv", ds, "auc"), d.auc(), 1e-12);
    assertEquals(Reference.value("rank_proc.csv", ds, "delong_lower"), d.lower(), 1e-10);
    assertEquals(Reference.value("rank_proc.csv", ds, "delong_upper"), d.upper(), 1e-10);
  }
}
