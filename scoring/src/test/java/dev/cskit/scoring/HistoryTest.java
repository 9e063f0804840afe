package dev.cskit.scoring;

import static dev.cskit.scoring.Fixtures.NaN;
import static dev.cskit.scoring.Fixtures.cols;
import static dev.cskit.scoring.Fixtures.table;
import static dev.cskit.scoring.Fixtures.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Score diffs and the band tracker, by hand. */
class HistoryTest {
  static final Scorecard TWO = yaml("name: t\nversion: 1\nmeasures:\n"
      + "  - {id: a, metric: a, weight: 1, rule: {type: linear, points: [[0, 0], [100, 100]]}}\n"
      + "  - {id: b, metric: b, weight: 1, rule: {type: linear, points: [[0, 0], [100, 100]]}}\n");

  @Test
  void diffSplitsTheChangeByMeasure() {
    HealthScorer s = TWO.compile();
    HealthScore before = s.score(table(cols("a", "b"), new double[] {20, 40})).row(0);
    HealthScore after = s.score(table(cols("a", "b"), new double[] {30, 60})).row(0);
    ScoreDiff d = after.diff(before);
    assertEquals(15, d.change(), 1e-12);
    assertEquals(List.of(new ScoreDiff.Line("a", 5.0), new ScoreDiff.Line("b", 10.0)), d.lines());
  }

  @Test
  void diffOfTwoTables() {
    HealthScorer s = TWO.compile();
    ScoreTable before = s.score(table(cols("a", "b"), new double[] {20, 40}, new double[] {0, 0}));
    ScoreTable after = s.score(table(cols("a", "b"), new double[] {30, 60}));
    List<ScoreDiff> diffs = after.diff(before);
    assertEquals(1, diffs.size());
    assertEquals(15, diffs.get(0).change(), 1e-12);
    assertEquals(diffs.get(0).change(), diffs.get(0).lineSum(), 1e-12);
  }

  @Test
  void renormalisationIsItsOwnLine() {
    HealthScorer s = TWO.compile();
    HealthScore before = s.score(table(cols("a", "b"), new double[] {20, 40})).row(0);
    HealthScore after = s.score(table(cols("a", "b"), new double[] {30, NaN})).row(0);
    ScoreDiff d = ScoreDiff.between(before, after);
    // 30 -> 30: a's value +10 at its old share 1/2 = +5; b dropping out and a's share doubling = -5
    assertEquals(0, d.change(), 1e-12);
    assertEquals(2, d.lines().size());
    assertEquals("a", d.lines().get(0).label());
    assertEquals(5, d.lines().get(0).points(), 1e-12);
    assertEquals(ScoreDiff.REWEIGHTING, d.lines().get(1).label());
    assertEquals(-5, d.lines().get(1).points(), 1e-12);
    assertTrue(d.toString().contains("reweighting"), d.toString());
  }

  @Test
  void diffOfTwoScorecardVersionsWithACap() {
    Scorecard v2 = new Scorecard("t", 2, null, null, null, TWO.measures(), List.of(Cap.of("p", ">", 0, 39)));
    HealthScore before = TWO.compile().score(table(cols("a", "b", "p"), new double[] {60, 80, 1})).row(0);
    HealthScore after = v2.compile().score(table(cols("a", "b", "p"), new double[] {60, 80, 1})).row(0);
    ScoreDiff d = after.diff(before);
    assertEquals(-31, d.change(), 1e-12);
    assertEquals(List.of(new ScoreDiff.Line("caps", -31.0)), d.lines());
    assertEquals(d.change(), d.lineSum(), 1e-12);
    assertEquals(1, d.before().version());
    assertEquals(2, d.after().version());
  }

  private static List<BandTracker.Reading> readings(double... scores) {
    List<BandTracker.Reading> out = new ArrayList<>();
    LocalDate d = LocalDate.of(2026, 6, 1);
    for (int i = 0; i < scores.length; i++) {
      out.add(new BandTracker.Reading(d.plusDays(i), scores[i]));
    }
    return out;
  }

  private static List<String> bands(List<BandTracker.Tracked> t) {
    return t.stream().map(x -> x.band().name()).toList();
  }

  static final double[] SERIES = {65, 71, 69, 72, 75, 60, 30};

  /**
   * A score that jumps two bands at once (issue 18 item 7): with a margin, the new band is the band of the
   * score moved back by the margin, so a jump from red to deep green lands in green, a jump that passes the
   * yellow boundary by the margin but not the green one stops in yellow, and the same going down.
   */
  @Test
  void aScoreJumpingTwoBandsAtOnceMovesByTheMargin() {
    BandTracker m5 = BandTracker.builder().margin(5).build();
    assertEquals(List.of("red", "green"), bands(m5.track(readings(20, 90))));
    assertEquals(List.of("red", "yellow"), bands(m5.track(readings(20, 72))));
    assertEquals(List.of("red", "green"), bands(m5.track(readings(20, 75))));
    assertEquals(List.of("green", "red"), bands(m5.track(readings(90, 10))));
    assertEquals(List.of("green", "yellow"), bands(m5.track(readings(90, 37))));
    // 35 is 5 below yellow's min: down, the boundary must be passed by more than the margin
    assertEquals(List.of("green", "yellow"), bands(m5.track(readings(90, 35))));
    assertEquals(List.of("green", "red"), bands(m5.track(readings(90, 34.9))));
    List<BandTracker.Tracked> t = m5.track(readings(20, 90, 10));
    assertTrue(t.get(1).bandChanged() && t.get(2).bandChanged());
  }

  @Test
  void withoutHysteresisEveryCrossingChangesTheBand() {
    List<BandTracker.Tracked> t = BandTracker.builder().build().track(readings(SERIES));
    assertEquals(List.of("yellow", "green", "yellow", "green", "green", "yellow", "red"), bands(t));
    assertTrue(t.get(1).bandChanged() && !t.get(4).bandChanged());
  }

  @Test
  void aMarginHoldsTheBandUntilPassed() {
    List<BandTracker.Tracked> t = BandTracker.builder().margin(3).build().track(readings(SERIES));
    assertEquals(List.of("yellow", "yellow", "yellow", "yellow", "green", "yellow", "red"), bands(t));
  }

  @Test
  void consecutiveReadingsConfirmAChange() {
    List<BandTracker.Tracked> t = BandTracker.builder().confirmations(2).build().track(readings(SERIES));
    assertEquals(List.of("yellow", "yellow", "yellow", "yellow", "green", "green", "red"), bands(t));
  }

  @Test
  void smoothing() {
    List<BandTracker.Tracked> t = BandTracker.builder().smoothing(0.5).build().track(readings(SERIES));
    double[] expected = {65, 68, 68.5, 70.25, 72.625, 66.3125, 48.15625};
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], t.get(i).smoothed(), 1e-12);
    }
    assertEquals(List.of("yellow", "yellow", "yellow", "green", "green", "yellow", "yellow"), bands(t));
  }

  @Test
  void dropAlertWithinAWindow() {
    List<BandTracker.Tracked> t = BandTracker.builder().dropAlert(10, 7).build().track(readings(SERIES));
    assertEquals(List.of(false, false, false, false, false, true, true),
        t.stream().map(BandTracker.Tracked::dropAlert).toList());
    List<BandTracker.Reading> apart = List.of(new BandTracker.Reading(LocalDate.of(2026, 6, 1), 80),
        new BandTracker.Reading(LocalDate.of(2026, 6, 9), 69));
    assertTrue(!BandTracker.builder().dropAlert(10, 7).build().track(apart).get(1).dropAlert());
    assertTrue(BandTracker.builder().dropAlert(10, 8).build().track(apart).get(1).dropAlert());
  }

  @Test
  void deterministicAndOrderedByDate() {
    BandTracker tracker = BandTracker.builder().margin(2).confirmations(3).smoothing(0.7).dropAlert(15, 14).build();
    List<BandTracker.Reading> r = readings(50, 72, NaN, 39, 41, 90, 10);
    List<BandTracker.Reading> reversed = new ArrayList<>(r);
    java.util.Collections.reverse(reversed);
    assertEquals(tracker.track(r), tracker.track(r));
    assertEquals(tracker.track(r), tracker.track(reversed));
  }
}
