package dev.cskit.scoring;

import static dev.cskit.scoring.Fixtures.NaN;
import static dev.cskit.scoring.Fixtures.cols;
import static dev.cskit.scoring.Fixtures.table;
import static dev.cskit.scoring.Fixtures.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cskit.core.ConfigException;
import dev.cskit.core.ConfigFormat;
import dev.cskit.core.Configs;
import dev.cskit.core.CskitException;
import dev.cskit.core.HealthBand;
import dev.cskit.core.MetricTable;
import dev.cskit.scoring.ScoreOverride.Scope;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Overrides: scopes, the [from, until) window at its edges, expiry, precedence. */
class OverridesTest {
  static final Instant AS_OF = Instant.parse("2026-06-30T00:00:00Z");
  static final Instant BEFORE = Instant.parse("2026-06-01T00:00:00Z");
  static final Instant AFTER = Instant.parse("2026-07-15T00:00:00Z");

  static final Scorecard TWO = yaml("name: t\nversion: 1\nmeasures:\n"
      + "  - {id: a, metric: a, weight: 1, rule: {type: linear, points: [[0, 0], [100, 100]]}}\n"
      + "  - {id: b, metric: b, weight: 1, rule: {type: linear, points: [[0, 0], [100, 100]]}}\n"
      + "caps: [{metric: p1, op: \">\", value: 0, maxScore: 39}]\n");
  static final MetricTable T = table(cols("a", "b", "p1"), new double[] {20, 40, 0}, new double[] {20, 40, 1});

  private static ScoreOverride o(String account, Scope scope, String target, double value, Instant from, Instant until) {
    return ScoreOverride.of(account, scope, target, value, "call", "kim", from, until);
  }

  @Test
  void aMeasureOverrideFlowsThroughTheAggregation() {
    ScoreOverride ov = o("A1", Scope.MEASURE, "b", 100, BEFORE, AFTER);
    ScoreTable s = TWO.compile().score(T, ScoringOptions.builder().overrides(List.of(ov)).asOf(AS_OF).build());
    assertEquals(60, s.score(0), 0);
    assertEquals(100, s.measureScore(0, "b"), 0);
    assertEquals(List.of(ov), s.row(0).overridesApplied());
    assertEquals("60.0 yellow = b (override) 50.0 + a 10.0", s.row(0).attribution().toString());
    assertEquals(30, s.score(1), 0); // A2 untouched (its cap at 39 lowers nothing)
    assertEquals(1.0, s.coverage(0), 0);
  }

  @Test
  void aMeasureOverrideGivesAMissingMeasureASubScore() {
    ScoreOverride ov = o("A1", Scope.MEASURE, "b", 80, BEFORE, null);
    ScoreTable s = TWO.compile().score(table(cols("a", "b", "p1"), new double[] {20, NaN, 0}), ScoringOptions.builder().overrides(List.of(ov)).asOf(AS_OF).build());
    assertEquals(50, s.score(0), 0);
    assertEquals(0.5, s.coverage(0), 0); // overrides replace scores, not observations
  }

  @Test
  void anOverrideEndingExactlyAtTheAsOfInstantIsExpired() {
    ScoreOverride ov = o("A1", Scope.OVERALL, null, 90, BEFORE, AS_OF);
    ScoreTable s = TWO.compile().score(T, ScoringOptions.builder().overrides(List.of(ov)).asOf(AS_OF).build());
    assertEquals(30, s.score(0), 0);
    assertTrue(s.row(0).overridesApplied().isEmpty());
    assertEquals(List.of(ov), s.row(0).overridesExpired());
    assertEquals(List.of(ov), s.expiredOverrides().get(Fixtures.id("A1")));
  }

  @Test
  void anOverrideStartingExactlyAtTheAsOfInstantApplies() {
    ScoreOverride ov = o("A1", Scope.OVERALL, null, 90, AS_OF, AFTER);
    ScoreTable s = TWO.compile().score(T, ScoringOptions.builder().overrides(List.of(ov)).asOf(AS_OF).build());
    assertEquals(90, s.score(0), 0);
    assertEquals(HealthBand.GREEN, s.band(0));
    assertEquals(30, s.scoreBeforeCaps(0), 0);
  }

  @Test
  void aFutureOverrideIsNeitherAppliedNorExpired() {
    ScoreOverride ov = o("A1", Scope.OVERALL, null, 90, AFTER, null);
    HealthScore h = TWO.compile().score(T, ScoringOptions.builder().overrides(List.of(ov)).asOf(AS_OF).build()).row(0);
    assertEquals(30, h.score(), 0);
    assertTrue(h.overridesApplied().isEmpty() && h.overridesExpired().isEmpty());
  }

  @Test
  void anOverallOverrideReplacesTheScoreAfterCaps() {
    ScoreOverride ov = o("A2", Scope.OVERALL, null, 75, BEFORE, null);
    HealthScore h = TWO.compile().score(T, ScoringOptions.builder().overrides(List.of(ov)).asOf(AS_OF).build()).row(1);
    assertEquals(75, h.score(), 0);
    assertEquals(HealthBand.GREEN, h.band());
    assertEquals(1, h.capsApplied().size());
    assertEquals(30, h.scoreAfterCaps(), 0); // the cap fired but 30 is already below 39
    // attribution: 30 (measures) + cap 0 + override 45
    double sum = 0;
    for (Attribution.Line l : h.attribution().lines()) {
      sum += l.points();
    }
    assertEquals(75, sum, 1e-9);
    assertTrue(h.attribution().toString().equals("75.0 green = b 20.0 + a 10.0 + cap p1 > 0 0.0 + override (call) 45.0"), h.attribution().toString());
  }

  @Test
  void anOverallOverrideOnAnAccountWithoutDataIsTheWholeExplanation() {
    ScoreOverride ov = o("A1", Scope.OVERALL, null, 35, BEFORE, null);
    MetricTable t = table(cols("a", "b", "p1"), new double[] {NaN, NaN, 0});
    HealthScore h = TWO.compile().score(t, ScoringOptions.builder().overrides(List.of(ov)).asOf(AS_OF).build()).row(0);
    assertEquals(35, h.score(), 0);
    assertEquals(HealthBand.RED, h.band());
    assertEquals("35.0 red = override 35.0", h.attribution().toString());
    HealthScore before = TWO.compile().score(table(cols("a", "b", "p1"), new double[] {20, 40, 0})).row(0);
    ScoreDiff d = h.diff(before);
    assertEquals(5, d.change(), 1e-12);
    assertEquals(d.change(), d.lineSum(), 1e-12);
  }

  @Test
  void theMostRecentOverrideOfAScopeWins() {
    ScoreOverride older = o("A1", Scope.MEASURE, "a", 10, BEFORE, null);
    ScoreOverride newer = o("A1", Scope.MEASURE, "a", 90, Instant.parse("2026-06-20T00:00:00Z"), null);
    ScoreTable s = TWO.compile().score(T, ScoringOptions.builder().overrides(List.of(newer, older)).asOf(AS_OF).build());
    assertEquals(90, s.measureScore(0, "a"), 0);
    assertEquals(List.of(older, newer), s.row(0).overridesApplied());
  }

  @Test
  void aCategoryOverrideFlowsThroughAndTakesTheCategorysContribution() {
    Scorecard card = yaml(AggregationTest.ADOPTION);
    MetricTable t = table(AggregationTest.ADOPTION_COLS, new double[] {5, 12, 10, 2, NaN, 0.65, 0});
    ScoreOverride ov = o("A1", Scope.CATEGORY, "engagement", 90, BEFORE, null);
    HealthScore h = card.compile().score(t, ScoringOptions.builder().overrides(List.of(ov)).asOf(AS_OF).build()).row(0);
    assertEquals((50 * 590.0 / 9 + 20 * 90 + 30 * 75) / 100, h.score(), 1e-12);
    assertEquals(0.2 * 90, h.contributions().get("engagement"), 1e-12);
    assertEquals(0.0, h.contributions().get("sponsor"), 0);
    assertEquals(h.scoreBeforeCaps(), h.attribution().contributionSum(), 1e-9);
  }

  @Test
  void singleAccountScoringAppliesTheSameOverrides() {
    ScoreOverride ov = o("A1", Scope.MEASURE, "b", 100, BEFORE, AFTER);
    ScoreOverride other = o("A2", Scope.OVERALL, null, 5, BEFORE, AFTER);
    HealthScorer scorer = TWO.compile();
    HealthScore batch = scorer.score(T, ScoringOptions.builder().overrides(List.of(ov, other)).asOf(AS_OF).build()).row(0);
    HealthScore single = scorer.score(Fixtures.id("A1"), Fixtures.map(T, 0), null, List.of(ov, other), AS_OF,
        PercentileReference.EMPTY);
    assertEquals(batch, single);
  }

  @Test
  void errors() {
    HealthScorer scorer = TWO.compile();
    ScoreOverride bad = o("A1", Scope.MEASURE, "nope", 50, BEFORE, null);
    ConfigException e = assertThrows(ConfigException.class, () -> scorer.score(T, ScoringOptions.builder().overrides(List.of(bad)).asOf(AS_OF).build()));
    assertTrue(e.getMessage().startsWith("overrides[0].target: names no measure"), e.getMessage());
    CskitException noAsOf = assertThrows(CskitException.class,
        () -> scorer.score(T, ScoringOptions.builder().overrides(List.of(o("A1", Scope.OVERALL, null, 50, BEFORE, null))).build()));
    assertTrue(noAsOf.getMessage().contains("as-of"));
    ConfigException window = assertThrows(ConfigException.class, () -> Configs.parse(
        "version: 1\noverrides:\n  - {accountId: A1, value: 50, from: 2026-06-02, until: 2026-06-01}\n",
        ConfigFormat.YAML, "o.yaml", Overrides.class));
    assertTrue(window.getMessage().startsWith("o.yaml, overrides[0].until"), window.getMessage());
    ConfigException value = assertThrows(ConfigException.class, () -> Configs.parse(
        "version: 1\noverrides:\n  - {accountId: A1, scope: measure, target: a, value: 150, from: 2026-06-02}\n",
        ConfigFormat.YAML, "o.yaml", Overrides.class));
    assertTrue(value.getMessage().startsWith("o.yaml, overrides[0].value"), value.getMessage());
  }

  @Test
  void overridesFileRoundTrip() {
    Overrides file = new Overrides(1, List.of(o("A1", Scope.MEASURE, "b", 100, BEFORE, AFTER),
        new ScoreOverride("A2", Scope.OVERALL, null, 20.0, null, null, "2026-06-01", null)));
    for (ConfigFormat f : ConfigFormat.values()) {
      assertEquals(file, Configs.parse(Configs.write(file, f), f, "x", Overrides.class));
    }
    assertEquals(Instant.parse("2026-06-01T00:00:00Z"), file.overrides().get(1).start());
  }
}
