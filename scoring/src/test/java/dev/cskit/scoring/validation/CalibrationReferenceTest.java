package dev.cskit.scoring.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Isotonic calibration against scikit-learn's IsotonicRegression(increasing=False, out_of_bounds="clip")
 * and Platt scaling against statsmodels' Logit (reference/validation/fit_reference.py).
 */
class CalibrationReferenceTest {
  @ParameterizedTest
  @ValueSource(strings = {"a", "b"})
  void matchesScikitLearnAndStatsmodels(String ds) {
    double[][] c = Reference.columns("rank_" + ds + ".csv");
    Calibration cal = Calibration.fit(c[0], Reference.bools(c[1]), 90);
    int checked = 0;
    for (String[] r : Reference.rows("calibration_reference.csv")) {
      if (!r[0].equals(ds)) {
        continue;
      }
      double v = Double.parseDouble(r[3]);
      switch (r[1]) {
        case "isotonic" -> assertEquals(v, cal.isotonic(Double.parseDouble(r[2])), 1e-12, "at " + r[2]);
        case "platt_intercept" -> assertEquals(v, cal.plattIntercept(), 1e-8);
        case "platt_slope" -> assertEquals(v, cal.plattSlope(), 1e-10);
        default -> throw new IllegalStateException(r[1]);
      }
      checked++;
    }
    assertEquals(228, checked);
  }
}
