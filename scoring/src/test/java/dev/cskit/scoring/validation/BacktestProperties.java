package dev.cskit.scoring.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cskit.core.AccountId;
import dev.cskit.core.HealthBand;
import java.time.LocalDate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The backtest judges a snapshot only by what happened in the horizon after it. */
class BacktestProperties {
  private static final LocalDate T0 = LocalDate.of(2026, 1, 1);

  private static LocalDate day(int d) {
    return d < 0 ? null : T0.plusDays(d);
  }

  @Property(tries = 1000)
  void aLabelOnlyUsesOutcomesInsideTheHorizon(
      @ForAll @IntRange(min = 0, max = 400) int snapshotDay,
      @ForAll @IntRange(min = 1, max = 200) int horizon,
      @ForAll @IntRange(min = -1, max = 700) int churnDay,
      @ForAll @IntRange(min = -1, max = 700) int renewalDay,
      @ForAll @IntRange(min = 0, max = 400) int otherEarlyDay) {
    LocalDate t = day(snapshotDay);
    LocalDate churn = day(churnDay);
    LocalDate renewal = day(renewalDay);
    if (churn == null && renewal == null) {
      renewal = t.plusDays(1);
    }
    Backtest.Label label = label(t, horizon, churn, renewal);
    LocalDate end = t.plusDays(horizon);
    if (label == Backtest.Label.CHURNED) {
      assertTrue(churn.isAfter(t) && !churn.isAfter(end));
    }
    if (label == Backtest.Label.RETAINED) {
      // known active at the end: a renewal in the window, or a churn after it
      assertTrue(renewal != null && renewal.isAfter(t) && !renewal.isAfter(end)
          || churn != null && churn.isAfter(end));
      assertTrue(churn == null || churn.isAfter(end));
    }
    // moving a renewal dated on or before the snapshot to another such date changes nothing
    LocalDate early = T0.plusDays(Math.min(otherEarlyDay, snapshotDay));
    if (renewal != null && !renewal.isAfter(t)) {
      assertEquals(label, label(t, horizon, churn, early));
    }
    // a churn on or before the snapshot never makes it churned or retained
    if (churn != null && !churn.isAfter(t)) {
      assertEquals(Backtest.Label.ALREADY_CHURNED, label);
      assertEquals(label, label(t, horizon, early, renewal));
    }
    // a churn after the horizon means active at its end (retained); a renewal after it, alone, tells nothing
    if (churn != null && churn.isAfter(end)) {
      assertEquals(Backtest.Label.RETAINED, label);
    }
    if (churn == null && (renewal == null || renewal.isAfter(end) || !renewal.isAfter(t))) {
      assertEquals(Backtest.Label.NO_OUTCOME_IN_HORIZON, label);
    }
  }

  /**
   * Known active at the horizon's end (activeThrough on or after it) is retained unless it churned inside the
   * horizon; known active only before the end decides nothing; and without activeThrough the label is the
   * one the churn and renewal dates alone give.
   */
  @Property(tries = 1000)
  void knownActiveAtTheEndOfTheHorizonIsRetained(
      @ForAll @IntRange(min = 0, max = 400) int snapshotDay,
      @ForAll @IntRange(min = 1, max = 200) int horizon,
      @ForAll @IntRange(min = -1, max = 700) int churnDay,
      @ForAll @IntRange(min = 0, max = 700) int activeDay) {
    LocalDate t = day(snapshotDay);
    LocalDate churn = day(churnDay);
    LocalDate active = day(activeDay);
    LocalDate end = t.plusDays(horizon);
    Backtest.Label label = label(t, horizon, churn, null, active);
    if (churn != null && !churn.isAfter(t)) {
      assertEquals(Backtest.Label.ALREADY_CHURNED, label);
    } else if (churn != null && !churn.isAfter(end)) {
      assertEquals(Backtest.Label.CHURNED, label);
    } else if (!active.isBefore(end) || churn != null) {
      assertEquals(Backtest.Label.RETAINED, label);
    } else {
      assertEquals(Backtest.Label.NO_OUTCOME_IN_HORIZON, label);
    }
    if (churn != null) {
      assertEquals(label(t, horizon, churn, null), label(t, horizon, churn, null, null));
    }
  }

  @org.junit.jupiter.api.Test
  void activeThroughIsReadFromItsOptionalCsvColumn() {
    ChurnOutcomes o = ChurnOutcomes.readCsv("account_id,churn_date,renewal_date,active_through\n"
        + "a,,,2026-06-30\nb,2026-03-01,,\n", "outcomes.csv");
    assertEquals(LocalDate.of(2026, 6, 30), o.get(AccountId.of("a")).activeThrough());
    ScoreSnapshots s = ScoreSnapshots.builder("m").add(AccountId.of("a"), T0, 50, HealthBand.YELLOW, 50)
        .add(AccountId.of("b"), T0, 50, HealthBand.YELLOW, 50).build();
    Backtest bt = Backtest.run(s, o, 90);
    assertEquals(Backtest.Label.RETAINED, bt.label(0));
    assertEquals(Backtest.Label.CHURNED, bt.label(1));
  }

  private static Backtest.Label label(LocalDate t, int horizon, LocalDate churn, LocalDate renewal,
      LocalDate active) {
    ScoreSnapshots s = ScoreSnapshots.builder("m").add(AccountId.of("a"), t, 50, HealthBand.YELLOW, 50).build();
    ChurnOutcomes o = ChurnOutcomes.builder().add(AccountId.of("a"), churn, renewal, active).build();
    return Backtest.run(s, o, horizon).label(0);
  }

  private static Backtest.Label label(LocalDate t, int horizon, LocalDate churn, LocalDate renewal) {
    ScoreSnapshots s = ScoreSnapshots.builder("m").add(AccountId.of("a"), t, 50, HealthBand.YELLOW, 50).build();
    ChurnOutcomes o = ChurnOutcomes.builder().add(AccountId.of("a"), churn, renewal).build();
    Backtest bt = Backtest.run(s, o, horizon);
    assertEquals(bt.label(0) == Backtest.Label.CHURNED || bt.label(0) == Backtest.Label.RETAINED ? 1 : 0,
        bt.evaluatedCount());
    return bt.label(0);
  }
}
