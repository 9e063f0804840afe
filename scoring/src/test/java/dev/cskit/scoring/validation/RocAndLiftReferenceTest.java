package dev.cskit.scoring.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The ROC curve against scikit-learn's {@code roc_curve} and the lift by decile against an independent
 * Python implementation (reference/validation/roc_lift_reference.py); decile 1 is the top-decile lift and
 * the deciles' churned counts add up to all churned cases.
 */
class RocAndLiftReferenceTest {
  @ParameterizedTest
  @ValueSource(strings = {"a", "b", "c"})
  void rocAgreesWithScikitLearn(String ds) {
    double[][] c = Reference.columns("rank_" + ds + ".csv");
    double[] risk = RankMetrics.negate(c[0]);
    List<RocPoint> roc = RankMetrics.roc(risk, Reference.bools(c[1]));
    List<String[]> ref = Reference.rows("roc_reference.csv").stream().filter(r -> r[0].equals(ds)).toList();
    assertEquals(ref.size(), roc.size(), "points");
    for (int i = 0; i < roc.size(); i++) {
      String[] r = ref.get(i);
      if (i > 0) {
        assertEquals(Double.parseDouble(r[2]), roc.get(i).threshold(), 0.0, "threshold " + i);
      }
      assertEquals(Double.parseDouble(r[3]), roc.get(i).falsePositiveRate(), 1e-15, "fpr " + i);
      assertEquals(Double.parseDouble(r[4]), roc.get(i).truePositiveRate(), 1e-15, "tpr " + i);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"a", "b", "c"})
  void liftByDecileAgreesWithPython(String ds) {
    double[][] c = Reference.columns("rank_" + ds + ".csv");
    double[] risk = RankMetrics.negate(c[0]);
    boolean[] y = Reference.bools(c[1]);
    List<DecileLift> lifts = RankMetrics.liftByDecile(risk, y);
    List<String[]> ref = Reference.rows("lift_decile_reference.csv").stream().filter(r -> r[0].equals(ds)).toList();
    assertEquals(10, lifts.size());
    double churned = 0;
    for (int d = 0; d < 10; d++) {
      assertEquals(d + 1, lifts.get(d).decile());
      assertEquals(Integer.parseInt(ref.get(d)[2]), lifts.get(d).cases(), "cases " + (d + 1));
      assertEquals(Double.parseDouble(ref.get(d)[3]), lifts.get(d).churned(), 1e-9, "churned " + (d + 1));
      assertEquals(Double.parseDouble(ref.get(d)[4]), lifts.get(d).lift(), 1e-9, "lift " + (d + 1));
      churned += lifts.get(d).churned();
    }
    assertEquals(RankMetrics.topDecileLift(risk, y), lifts.get(0).lift(), 1e-12);
    int total = 0;
    for (boolean b : y) {
      total += b ? 1 : 0;
    }
    assertEquals(total, churned, 1e-9);
  }
}
