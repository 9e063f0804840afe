package dev.cskit.scoring.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The whole validation on a multi-date portfolio with ties, missing sub-scores, unscored snapshots, accounts
 * without outcomes and outcomes without snapshots, against reference/validation/backtest_reference.py
 * (scikit-learn for AUC, average precision and the PR curve; the rest written independently in Python).
 */
class BacktestReferenceTest {
  private static final double TOL = 1e-12;

  private static String text(String name) throws IOException {
    try (InputStream in = BacktestReferenceTest.class.getResourceAsStream("/reference/validation/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void matchesTheReference() throws IOException {
    Map<String, Double> ref = new HashMap<>();
    java.util.List<String[]> rows = Reference.rows("backtest_reference.csv");
    for (String[] r : rows.subList(1, rows.size())) {
      ref.put(r[0], Double.parseDouble(r[1]));
    }
    ScoreSnapshots s = ScoreSnapshots.readCsv(text("backtest_snapshots.csv"), "backtest_snapshots.csv");
    ChurnOutcomes o = ChurnOutcomes.readCsv(text("backtest_outcomes.csv"), "backtest_outcomes.csv");
    ValidationReport v = ScoreValidation.validate(Backtest.run(s, o, 90));
    int checked = 0;
    for (Map.Entry<String, Double> e : ref.entrySet()) {
      String k = e.getKey();
      double want = e.getValue();
      double got = value(v, k);
      assertEquals(want, got, Double.isNaN(want) ? 0 : TOL * Math.max(1, Math.abs(want)), k);
      checked++;
    }
    assertEquals(ref.size(), checked);
  }

  private static double value(ValidationReport v, String k) {
    String[] p = k.split("\\.");
    switch (p[0]) {
      case "snapshots": return v.snapshots();
      case "noOutcomeInHorizon": return v.noOutcomeInHorizon();
      case "noOutcomeRow": return v.noOutcomeRow();
      case "alreadyChurned": return v.alreadyChurned();
      case "unscored": return v.unscored();
      case "evaluated": return v.evaluated();
      case "churned": return v.churned();
      case "baseRate": return v.baseRate();
      case "unknownOutcomeAccounts": return v.unknownOutcomeAccounts().size();
      case "auc": return v.auc().auc();
      case "aucLower": return v.auc().lower();
      case "aucUpper": return v.auc().upper();
      case "prAuc": return v.prAuc();
      case "prAucTrapezoid": return v.prAucTrapezoid();
      case "topDecileLift": return v.topDecileLift();
      case "monotone": return v.monotone() ? 1 : 0;
      case "band": return band(v.bands(), p[1], p[2]);
      case "share":
        return v.bandShares().stream().filter(b -> b.band().equals(p[1])).findFirst().orElseThrow().share();
      case "notGreenBeforeChurn": return v.notGreenBeforeChurn();
      case "notGreenBeforeChurnAccounts": return v.notGreenBeforeChurnAccounts();
      case "medianLeadTimeDays": return v.medianLeadTimeDays();
      case "leadTimeAccounts": return v.leadTimeAccounts();
      case "reliability": {
        Calibration.ReliabilityRow r = v.calibration().reliability().get(Integer.parseInt(p[1]));
        return p[2].equals("accounts") ? r.accounts() : r.observedRate();
      }
      case "m1":
      case "m2": {
        ValidationReport.MeasureValidation m =
            v.measures().stream().filter(x -> x.id().equals(p[0])).findFirst().orElseThrow();
        switch (p[1]) {
          case "evaluated": return m.evaluated();
          case "churned": return m.churned();
          case "auc": return m.auc();
          case "aucLower": return m.aucLower();
          case "aucUpper": return m.aucUpper();
          case "prAuc": return m.prAuc();
          case "topDecileLift": return m.topDecileLift();
          case "monotone": return m.monotone() ? 1 : 0;
          case "band": return band(m.bands(), p[2], p[3]);
          default: throw new IllegalStateException(k);
        }
      }
      default: throw new IllegalStateException(k);
    }
  }

  private static double band(java.util.List<ValidationReport.BandRow> rows, String band, String field) {
    ValidationReport.BandRow b = rows.stream().filter(x -> x.band().equals(band)).findFirst().orElseThrow();
    switch (field) {
      case "accounts": return b.accounts();
      case "churned": return b.churned();
      case "churnRate": return b.churnRate();
      case "multiple": return b.multiple();
      default: throw new IllegalStateException(field);
    }
  }
}
