package dev.cskit.scoring.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each band's churn-rate interval against statsmodels' Wilson interval (reference/validation/wilson_reference.py). */
class ChurnRateIntervalReferenceTest {
  @Test
  void agreesWithStatsmodelsWilson() {
    List<String[]> rows = Reference.rows("wilson_reference.csv");
    for (String[] r : rows.subList(1, rows.size())) {
      int churned = Integer.parseInt(r[0]);
      int accounts = Integer.parseInt(r[1]);
      ValidationReport.BandRow row =
          new ValidationReport.BandRow("red", accounts, churned, churned / (double) accounts, Double.NaN);
      double[] ci = row.churnRateInterval(Double.parseDouble(r[2]));
      assertEquals(Double.parseDouble(r[3]), ci[0], 1e-12, String.join(",", r));
      assertEquals(Double.parseDouble(r[4]), ci[1], 1e-12, String.join(",", r));
      assertTrue(ci[0] <= row.churnRate() + 1e-12 && row.churnRate() <= ci[1] + 1e-12);
    }
    double[] none = new ValidationReport.BandRow("green", 0, 0, Double.NaN, Double.NaN).churnRateInterval(0.95);
    assertTrue(Double.isNaN(none[0]) && Double.isNaN(none[1]));
  }
}
