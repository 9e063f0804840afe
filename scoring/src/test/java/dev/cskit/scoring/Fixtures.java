package dev.cskit.scoring;

import dev.cskit.core.AccountId;
import dev.cskit.core.ConfigFormat;
import dev.cskit.core.MetricTable;
import java.util.LinkedHashMap;
import java.util.Map;

/** Small helpers for building cards and tables in tests. */
final class Fixtures {
  static final double NaN = Double.NaN;

  private Fixtures() {}

  static Scorecard yaml(String text) {
    return Scorecard.parse(text, ConfigFormat.YAML, "test.yaml");
  }

  /** A table with the given metrics and one row per values array (ids A1, A2, ...). */
  static MetricTable table(String[] metrics, double[]... rows) {
    MetricTable.Builder b = MetricTable.builder(metrics);
    for (int i = 0; i < rows.length; i++) {
      b.addRow("A" + (i + 1), rows[i]);
    }
    return b.build();
  }

  static String[] cols(String... names) {
    return names;
  }

  static double[] row(double... v) {
    return v;
  }

  /** A row of a table as a metric map (NaN kept). */
  static Map<String, Double> map(MetricTable t, int row) {
    return new LinkedHashMap<>(t.row(row).asMap());
  }

  static AccountId id(String s) {
    return AccountId.of(s);
  }

  /** A one-measure card with the rule given as YAML flow text. */
  static Scorecard oneMeasure(String rule, String missing) {
    return yaml("name: t\nversion: 1\nmeasures:\n  - {id: m, metric: x, weight: 1, rule: " + rule
        + (missing == null ? "" : ", missing: " + missing) + "}\n");
  }
}
