package dev.cskit.scoring.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cskit.core.AccountId;
import dev.cskit.core.DataException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-computed validations and the errors of the validation input. */
class ScoreValidationTest {
  static final String SNAPSHOTS = String.join("\n",
      "account_id,as_of,score,band,logins,tickets",
      "a1,2026-01-01,20,red,10,40",
      "a2,2026-01-01,30,red,40,20",
      "a3,2026-01-01,50,yellow,30,70",
      "a4,2026-01-01,60,yellow,70,50",
      "a5,2026-01-01,80,green,90,70",
      "a6,2026-01-01,90,green,80,",
      "a7,2026-01-01,75,green,70,80",
      "a8,2026-01-01,10,red,5,15",
      "a9,2026-01-01,40,yellow,40,40");
  static final String OUTCOMES = String.join("\n",
      "account_id,churn_date,renewal_date",
      "a1,2026-02-01,2026-02-01",   // churned in the horizon
      "a2,,2026-03-01",             // renewed in the horizon
      "a3,2026-03-15,",             // churned in the horizon
      "a4,,2026-02-15",
      "a5,,2026-03-31",             // day 89
      "a6,,2026-04-01",             // day 90: the last day of the horizon is in
      "a7,,2026-04-02",             // day 91: no outcome in the horizon yet
      "a9,2025-12-15,2025-12-15",   // churned before the snapshot
      "ghost,2026-02-01,");         // no snapshot

  @Test
  void handComputedCase() {
    Backtest bt = Backtest.run(ScoreSnapshots.readCsv(SNAPSHOTS, "s.csv"), ChurnOutcomes.readCsv(OUTCOMES, "o.csv"), 90);
    ValidationReport r = ScoreValidation.validate(bt);
    assertEquals(9, r.snapshots());
    assertEquals(6, r.evaluated());
    assertEquals(2, r.churned());
    assertEquals(1, r.noOutcomeInHorizon());
    assertEquals(1, r.noOutcomeRow());
    assertEquals(1, r.alreadyChurned());
    assertEquals(List.of(AccountId.of("ghost")), r.unknownOutcomeAccounts());
    assertEquals(1.0 / 3, r.baseRate(), 1e-15);
    // churned {20, 50} vs retained {30, 60, 80, 90}: 7 of 8 pairs ordered
    assertEquals(0.875, r.auc().auc(), 1e-15);
    assertEquals(0.5 * 1 + 0.5 * 2.0 / 3, r.prAuc(), 1e-15);
    assertEquals(3.0, r.topDecileLift(), 1e-12); // ceil(0.6) = 1 case, the churned 20
    assertEquals(List.of("red", "yellow", "green"), r.bands().stream().map(ValidationReport.BandRow::band).toList());
    ValidationReport.BandRow red = r.bands().get(0);
    assertEquals(2, red.accounts());
    assertEquals(1, red.churned());
    assertEquals(0.5, red.churnRate(), 0);
    assertEquals(1.5, red.multiple(), 1e-12);
    assertEquals(0.0, r.bands().get(2).churnRate(), 0);
    assertTrue(r.monotone()); // 0.5, 0.5, 0: never rises
    // the text table: one precision per column (rates and shares in percent, multiples to 2 decimals)
    String text = r.toString();
    assertTrue(text.matches("(?s).*\nred +2 +1 +50\\.0% +1\\.50 +33\\.3%\n.*"), text);
    assertTrue(text.matches("(?s).*\ngreen +\\d +0 +0\\.0% +0\\.00 +33\\.3%\n.*"), text);
    for (ValidationReport.BandShare s : r.bandShares()) {
      assertEquals(3, s.snapshots());
      assertEquals(1.0 / 3, s.share(), 1e-15);
    }
    // measures: logins on all six, tickets on five (a6 missing)
    ValidationReport.MeasureValidation logins = r.measures().get(0);
    assertEquals("logins", logins.id());
    assertEquals(6, logins.evaluated());
    // churned {10, 30} vs retained {40, 70, 90, 80}: all 8 ordered
    assertEquals(1.0, logins.auc(), 0);
    ValidationReport.MeasureValidation tickets = r.measures().get(1);
    assertEquals(5, tickets.evaluated());
    // churned {40, 70} vs retained {20, 50, 70}: 40<50,40<70, 70=70 half -> 2.5 of 6
    assertEquals(2.5 / 6, tickets.auc(), 1e-15);
    assertTrue(r.toString().contains("AUC 0.875"));
  }

  @Test
  void leadTimeAndEarlyWarning() {
    String snaps = String.join("\n",
        "account_id,as_of,score,band,m",
        "b1,2026-01-01,80,green,80",
        "b1,2026-02-01,20,red,20",
        "b1,2026-03-01,20,red,20",
        "b2,2026-01-01,20,red,20",
        "b2,2026-02-01,50,yellow,50",
        "b2,2026-03-01,20,red,20",
        "b3,2026-01-01,50,yellow,50",
        "b4,2026-01-01,80,green,80");
    String outs = String.join("\n",
        "account_id,churn_date,renewal_date",
        "b1,2026-04-01,",
        "b2,2026-03-20,",
        "b3,2026-02-15,",
        "b4,,2026-02-01");
    ValidationReport r = ScoreValidation.validate(
        Backtest.run(ScoreSnapshots.readCsv(snaps, "s"), ChurnOutcomes.readCsv(outs, "o"), 90));
    // b1: red since 02-01, 59 days; b2: red again since 03-01, 19 days; b3 was yellow at the end
    assertEquals(2, r.leadTimeAccounts());
    assertEquals(39.0, r.medianLeadTimeDays(), 0);
    // b1: 2026-01-01 is 90 days before, green; b2: 2026-01-01 is 78 days before, red; b3: none in 60-90
    assertEquals(2, r.notGreenBeforeChurnAccounts());
    assertEquals(0.5, r.notGreenBeforeChurn(), 0);
  }

  @Test
  void bootstrapOptionIsSeeded() {
    Backtest bt = Backtest.run(ScoreSnapshots.readCsv(SNAPSHOTS, "s.csv"), ChurnOutcomes.readCsv(OUTCOMES, "o.csv"), 90);
    ValidationOptions o = ValidationOptions.defaults().withBootstrap(200, 5);
    AucInterval a = ScoreValidation.validate(bt, o).auc();
    assertEquals("bootstrap", a.method());
    assertEquals(a, ScoreValidation.validate(bt, o).auc());
    assertTrue(a.lower() <= a.auc() && a.auc() <= a.upper());
  }

  @Test
  void noChurnIsAClearError() {
    String outs = "account_id,churn_date,renewal_date\na1,,2026-02-01\na2,,2026-02-01\n";
    Backtest bt = Backtest.run(ScoreSnapshots.readCsv(SNAPSHOTS, "s.csv"), ChurnOutcomes.readCsv(outs, "o.csv"), 90);
    ValidationException e = assertThrows(ValidationException.class, () -> ScoreValidation.validate(bt));
    assertTrue(e.getMessage().contains("no account churned"), e.getMessage());
    assertTrue(e.getMessage().contains("0 churned of 2"), e.getMessage());
    assertThrows(ValidationException.class, () -> WeightFit.fit(bt, java.util.Map.of("logins", 1.0), 10));
  }

  @Test
  void nothingInTheHorizonIsAClearError() {
    // a renewal after the horizon, alone, says nothing about its end (a churn after it would: retained)
    String outs = "account_id,churn_date,renewal_date\na1,,2027-02-01\n";
    Backtest bt = Backtest.run(ScoreSnapshots.readCsv(SNAPSHOTS, "s.csv"), ChurnOutcomes.readCsv(outs, "o.csv"), 90);
    ValidationException e = assertThrows(ValidationException.class, () -> ScoreValidation.validate(bt));
    assertTrue(e.getMessage().contains("no snapshot could be judged"), e.getMessage());
  }

  @Test
  void horizonMustBePositive() {
    ScoreSnapshots s = ScoreSnapshots.readCsv(SNAPSHOTS, "s.csv");
    ChurnOutcomes o = ChurnOutcomes.readCsv(OUTCOMES, "o.csv");
    for (int h : new int[] {0, -5}) {
      ValidationException e = assertThrows(ValidationException.class, () -> Backtest.run(s, o, h));
      assertEquals("horizon: must be a positive number of days; found " + h, e.getMessage());
    }
  }

  @Test
  void snapshotsWithoutDatesAreRejectedWithTheirRow() {
    DataException e = assertThrows(DataException.class, () -> ScoreSnapshots.readCsv(
        "account_id,as_of,score,band\na1,2026-01-01,20,red\na2,,30,red\n", "s.csv"));
    assertEquals("s.csv, row 3, column \"as_of\": every snapshot needs its as-of date (YYYY-MM-DD); found an empty cell",
        e.getMessage());
    DataException missing = assertThrows(DataException.class, () -> ScoreSnapshots.readCsv(
        "account_id,score,band\na1,20,red\n", "s.csv"));
    assertTrue(missing.getMessage().contains("a column \"as_of\" is required"), missing.getMessage());
    DataException bad = assertThrows(DataException.class, () -> ScoreSnapshots.readCsv(
        "account_id,as_of,score,band\na1,01/02/2026,20,red\n", "s.csv"));
    assertTrue(bad.getMessage().contains("column \"as_of\""), bad.getMessage());
  }

  @Test
  void badOutcomesAreRejected() {
    assertThrows(DataException.class, () -> ChurnOutcomes.readCsv(
        "account_id,churn_date,renewal_date\na1,,\n", "o.csv"));
    DataException twice = assertThrows(DataException.class, () -> ChurnOutcomes.readCsv(
        "account_id,churn_date,renewal_date\na1,,2026-01-01\na1,2026-02-01,\n", "o.csv"));
    assertTrue(twice.getMessage().contains("row 3"), twice.getMessage());
    assertFalse(ChurnOutcomes.readCsv(OUTCOMES, "o").accounts().isEmpty());
  }

  @Test
  void duplicateSnapshotsAreRejected() {
    DataException e = assertThrows(DataException.class, () -> ScoreSnapshots.readCsv(
        "account_id,as_of,score,band\na1,2026-01-01,20,red\na1,2026-01-01,30,red\n", "s.csv"));
    assertEquals("s.csv, row 3, column \"as_of\": an account may have one snapshot per as-of date;"
        + " found \"a1\" on 2026-01-01 twice", e.getMessage());
  }

  @Test
  void readsTheEnginesScoreCsvWithAnAsOfColumn() {
    ScoreSnapshots s = ScoreSnapshots.readCsv(String.join("\n",
        "account_id,as_of,score,band,coverage,scorecard,category_use,measure_logins,measure_apps",
        "a1,2026-01-01,62.5,yellow,1,tiny,62.5,50,75",
        "a2,2026-01-01,,INSUFFICIENT_DATA,0,tiny,,,"), "scores.csv");
    assertEquals(List.of("logins", "apps"), s.measures());
    assertEquals(75.0, s.subScore(1, 0), 0);
    assertTrue(Double.isNaN(s.score(1)));
    assertFalse(s.band(1).isKnown());
  }

  @Test
  void plattOnAPerfectlySeparatingScoreIsFlaggedNotConverged() {
    Calibration c = Calibration.fit(new double[] {10, 20, 30, 80, 90},
        new boolean[] {true, true, true, false, false}, 90);
    assertFalse(c.plattConverged());
    assertTrue(c.toString().contains("not converged: separated"));
    assertEquals(1.0, c.isotonic(15), 0);
    assertEquals(0.0, c.isotonic(85), 0);
    assertEquals(0.5, c.isotonic(55), 1e-15); // halfway between the knots at 30 (1) and 80 (0)
    Calibration ok = Calibration.fit(new double[] {10, 20, 30, 80, 90, 50},
        new boolean[] {true, false, true, false, false, true}, 90);
    assertTrue(ok.plattConverged());
  }
}
