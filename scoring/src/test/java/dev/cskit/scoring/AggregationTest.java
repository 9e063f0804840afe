package dev.cskit.scoring;

import static dev.cskit.scoring.Fixtures.NaN;
import static dev.cskit.scoring.Fixtures.cols;
import static dev.cskit.scoring.Fixtures.table;
import static dev.cskit.scoring.Fixtures.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cskit.core.DataException;
import dev.cskit.core.HealthBand;
import dev.cskit.core.MetricTable;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-computed missing policies, aggregates, coverage, bands and caps. */
class AggregationTest {
  /** The issue's example card. */
  static final String ADOPTION = String.join("\n",
      "name: adoption",
      "version: 3",
      "minCoverage: 0.6",
      "bands: [{name: red, min: 0}, {name: yellow, min: 40}, {name: green, min: 70}]",
      "categories:",
      "  - {id: utilization, weight: 50}",
      "  - {id: engagement, weight: 20, aggregate: min}",
      "  - {id: penetration, weight: 30}",
      "measures:",
      "  - {id: active_days, metric: active_days_14d, category: utilization, weight: 2,",
      "     rule: {type: linear, points: [[0, 0], [3, 40], [7, 70], [12, 100]]}}",
      "  - {id: usage_trend, category: utilization, weight: 1,",
      "     rule: {type: trend, current: events_30d, previous: events_prev_30d,",
      "            points: [[-0.5, 0], [0, 60], [0.3, 100]], whenPreviousZero: 50},",
      "     missing: {policy: neutral, value: 50}}",
      "  - {id: open_tickets, metric: open_tickets, category: engagement, weight: 1,",
      "     rule: {type: steps, below: 100, steps: [[1, 60], [3, 20]]}}",
      "  - {id: sponsor, metric: exec_sponsor, category: engagement, weight: 1,",
      "     rule: {type: boolean, whenTrue: 100, whenFalse: 30}, missing: {policy: worst}}",
      "  - {id: seat_use, metric: penetration_30d, category: penetration, weight: 1,",
      "     rule: {type: linear, points: [[0.2, 0], [0.5, 50], [0.8, 100]]}}",
      "caps:",
      "  - {metric: p1_open, op: \">\", value: 0, maxScore: 39}",
      "");

  static final String[] ADOPTION_COLS = cols("active_days_14d", "events_30d", "events_prev_30d", "open_tickets",
      "exec_sponsor", "penetration_30d", "p1_open");

  @Test
  void theIssueExampleByHand() {
    Scorecard card = yaml(ADOPTION);
    MetricTable t = table(ADOPTION_COLS,
        new double[] {5, 12, 10, 2, NaN, 0.65, 0},
        new double[] {5, 12, 10, 2, NaN, 0.65, 1},
        new double[] {NaN, NaN, 10, 2, NaN, NaN, 0});
    ScoreTable s = card.compile().score(t);
    // active_days 5 -> 55; trend +20% -> 60 + 0.2 * 40 / 0.3 = 260/3; utilization (2*55 + 260/3) / 3 = 590/9
    assertEquals(55, s.measureScore(0, "active_days"), 1e-12);
    assertEquals(260.0 / 3, s.measureScore(0, "usage_trend"), 1e-12);
    assertEquals(590.0 / 9, s.categoryScore(0, "utilization"), 1e-12);
    // engagement = min(tickets 60, sponsor missing -> worst 30) = 30
    assertEquals(30, s.measureScore(0, "sponsor"), 0);
    assertEquals(30, s.categoryScore(0, "engagement"), 0);
    assertEquals(75, s.categoryScore(0, "penetration"), 1e-12);
    // overall (50 * 590/9 + 20 * 30 + 30 * 75) / 100 = 55150 / 900
    assertEquals(55150.0 / 900, s.score(0), 1e-12);
    assertEquals(HealthBand.YELLOW, s.band(0));
    // coverage: utilization 0.5 + engagement 0.2 * 1/2 (sponsor filled) + penetration 0.3
    assertEquals(0.9, s.coverage(0), 1e-12);
    assertTrue(s.row(0).capsApplied().isEmpty());

    // the P1 cap holds the same account at 39
    assertEquals(39, s.score(1), 0);
    assertEquals(55150.0 / 900, s.scoreBeforeCaps(1), 1e-12);
    assertEquals(HealthBand.RED, s.band(1));
    assertEquals(List.of(card.caps().get(0)), s.row(1).capsApplied());

    // coverage 0.1 (only open_tickets observed): INSUFFICIENT_DATA, score still reported
    // utilization = 50 (neutral trend), engagement = min(60, 30) = 30, penetration none
    assertEquals(0.1, s.coverage(2), 1e-12);
    assertEquals((50 * 50 + 20 * 30) / 70.0, s.score(2), 1e-12);
    assertEquals(HealthBand.INSUFFICIENT_DATA, s.band(2));
    assertTrue(Double.isNaN(s.categoryScore(2, "penetration")));
  }

  @Test
  void contributionsOfTheIssueExample() {
    ScoreTable s = yaml(ADOPTION).compile().score(table(ADOPTION_COLS, new double[] {5, 12, 10, 2, NaN, 0.65, 1}));
    HealthScore h = s.row(0);
    assertEquals(0.5 * 2 / 3 * 55, h.contributions().get("active_days"), 1e-12);
    assertEquals(0.5 / 3 * 260 / 3, h.contributions().get("usage_trend"), 1e-12);
    assertEquals(0.2 * 30, h.contributions().get("sponsor"), 1e-12); // the weakest takes the category
    assertEquals(0.0, h.contributions().get("open_tickets"), 0);
    assertEquals(0.3 * 75, h.contributions().get("seat_use"), 1e-12);
    assertEquals(h.scoreBeforeCaps(), h.attribution().contributionSum(), 1e-9);
    double total = 0;
    for (Attribution.Line l : h.attribution().lines()) {
      total += l.points();
    }
    assertEquals(39, total, 1e-9); // lines including the cap sum to the final score
    assertTrue(h.toString().contains("cap p1_open > 0"), h.toString());
  }

  private static final String TWO = "name: t\nversion: 1\nmeasures:\n"
      + "  - {id: a, metric: a, weight: 1, rule: {type: linear, points: [[0, 0], [10, 100]]}}\n"
      + "  - {id: b, metric: b, weight: 3, rule: {type: linear, points: [[0, 20], [10, 100]]}%s}\n";

  @Test
  void excludeRenormalisesTheWeights() {
    ScoreTable s = yaml(String.format(TWO, "")).compile().score(table(cols("a", "b"), new double[] {5, NaN}));
    assertEquals(50, s.score(0), 1e-12);
    assertEquals(0.25, s.coverage(0), 1e-12);
    assertTrue(Double.isNaN(s.measureScore(0, "b")));
  }

  @Test
  void neutralFillsAValueThatIsNotObserved() {
    ScoreTable s = yaml(String.format(TWO, ", missing: {policy: neutral, value: 50}")).compile()
        .score(table(cols("a", "b"), new double[] {10, NaN}));
    assertEquals((100 + 3 * 50) / 4.0, s.score(0), 1e-12);
    assertEquals(0.25, s.coverage(0), 1e-12);
    assertEquals(50, s.measureScore(0, "b"), 0);
  }

  @Test
  void worstFillsTheRulesLowestScore() {
    ScoreTable s = yaml(String.format(TWO, ", missing: {policy: worst}")).compile()
        .score(table(cols("a", "b"), new double[] {10, NaN}));
    assertEquals((100 + 3 * 20) / 4.0, s.score(0), 1e-12);
    assertEquals(0.25, s.coverage(0), 1e-12);
  }

  @Test
  void failIsAnErrorNamingTheMeasureAndAccount() {
    HealthScorer scorer = yaml(String.format(TWO, ", missing: {policy: fail}")).compile();
    DataException e = assertThrows(DataException.class,
        () -> scorer.score(table(cols("a", "b"), new double[] {1, 2}, new double[] {10, NaN})));
    assertTrue(e.getMessage().contains("\"b\"") && e.getMessage().contains("\"A2\""), e.getMessage());
    assertEquals(2.0 * 0 + 1 * 10 / 4.0 + 3 * 36 / 4.0, scorer.score(table(cols("a", "b"), new double[] {1, 2})).score(0),
        1e-12);
  }

  @Test
  void anAccountWithNoSubScoreHasNoScore() {
    ScoreTable s = yaml(String.format(TWO, "")).compile().score(table(cols("a", "b"), new double[] {NaN, NaN}));
    assertTrue(Double.isNaN(s.score(0)));
    assertEquals(HealthBand.INSUFFICIENT_DATA, s.band(0));
    assertEquals(0, s.coverage(0), 0);
    assertTrue(Double.isNaN(s.row(0).contributions().get("a")));
    assertEquals("A1: - INSUFFICIENT_DATA (no measure has a value)", s.row(0).toString());
  }

  @Test
  void weightedMeanCategoryIgnoresMissingMeasuresAndMinTakesTheWeakest() {
    Scorecard card = yaml("name: t\nversion: 1\n"
        + "categories: [{id: u, weight: 3}, {id: e, weight: 1, aggregate: min}]\n"
        + "measures:\n"
        + "  - {id: a, metric: a, category: u, weight: 1, rule: {type: linear, points: [[0, 0], [100, 100]]}}\n"
        + "  - {id: b, metric: b, category: u, weight: 4, rule: {type: linear, points: [[0, 0], [100, 100]]}}\n"
        + "  - {id: c, metric: c, category: e, weight: 1, rule: {type: linear, points: [[0, 0], [100, 100]]}}\n"
        + "  - {id: d, metric: d, category: e, weight: 9, rule: {type: linear, points: [[0, 0], [100, 100]]}}\n");
    ScoreTable s = card.compile().score(table(cols("a", "b", "c", "d"),
        new double[] {10, 60, 80, 30},
        new double[] {10, NaN, NaN, 30},
        new double[] {NaN, NaN, 80, 90}));
    assertEquals(50, s.categoryScore(0, "u"), 1e-12); // (10 + 4 * 60) / 5
    assertEquals(30, s.categoryScore(0, "e"), 0);
    assertEquals((3 * 50 + 30) / 4.0, s.score(0), 1e-12);
    assertEquals(10, s.categoryScore(1, "u"), 0);
    assertEquals((3 * 10 + 30) / 4.0, s.score(1), 1e-12);
    // coverage: u 3/4 * 1/5 (a) + e 1/4 * 9/10 (d)
    assertEquals(0.75 * 0.2 + 0.25 * 0.9, s.coverage(1), 1e-12);
    assertEquals(80, s.score(2), 0); // only e present: min(80, 90)
    assertEquals(0.25, s.coverage(2), 1e-12);
  }

  @Test
  void bandsTakeTheLargestMinAtMostTheScore() {
    Scorecard card = Fixtures.oneMeasure("{type: linear, points: [[0, 0], [100, 100]]}", null);
    ScoreTable s = card.compile().score(table(cols("x"), new double[] {0}, new double[] {39.999},
        new double[] {40}, new double[] {69.99}, new double[] {70}, new double[] {100}));
    assertEquals(List.of("red", "red", "yellow", "yellow", "green", "green"),
        List.of(s.band(0).name(), s.band(1).name(), s.band(2).name(), s.band(3).name(), s.band(4).name(),
            s.band(5).name()));
  }

  @Test
  void customBands() {
    Scorecard card = yaml("name: t\nversion: 1\nbands: [{name: D, min: 0}, {name: C, min: 25}, {name: B, min: 50},"
        + " {name: A, min: 90}]\nmeasures:\n  - {id: m, metric: x, weight: 1, rule: {type: linear, points: [[0, 0], [100, 100]]}}\n");
    ScoreTable s = card.compile().score(table(cols("x"), new double[] {24}, new double[] {50}, new double[] {95}));
    assertEquals("d", s.band(0).name());
    assertEquals("b", s.band(1).name());
    assertEquals("a", s.band(2).name());
  }

  @Test
  void everyCapOperator() {
    String[] ops = {">", ">=", "<", "<=", "==", "!="};
    double[] c = {0, 1, 2, NaN};
    boolean[][] fires = {
      {false, false, true, false},
      {false, true, true, false},
      {true, false, false, false},
      {true, true, false, false},
      {false, true, false, false},
      {true, false, true, false},
    };
    for (int o = 0; o < ops.length; o++) {
      Scorecard card = yaml("name: t\nversion: 1\nmeasures:\n"
          + "  - {id: m, metric: x, weight: 1, rule: {type: linear, points: [[0, 0], [100, 100]]}}\n"
          + "caps: [{metric: c, op: \"" + ops[o] + "\", value: 1, maxScore: 39}]\n");
      double[][] rows = new double[c.length][];
      for (int i = 0; i < c.length; i++) {
        rows[i] = new double[] {80, c[i]};
      }
      ScoreTable s = card.compile().score(table(cols("x", "c"), rows));
      for (int i = 0; i < c.length; i++) {
        assertEquals(fires[o][i] ? 39 : 80, s.score(i), 0, ops[o] + " " + c[i]);
        assertEquals(fires[o][i] ? 1 : 0, s.row(i).capsApplied().size(), ops[o] + " " + c[i]);
      }
    }
  }

  @Test
  void everyCapThatFiredIsReportedAndTheLowestWins() {
    Scorecard card = yaml("name: t\nversion: 1\nmeasures:\n"
        + "  - {id: m, metric: x, weight: 1, rule: {type: linear, points: [[0, 0], [100, 100]]}}\n"
        + "caps: [{metric: c, op: \">\", value: 0, maxScore: 60}, {metric: d, op: \">\", value: 0, maxScore: 39},"
        + " {metric: c, op: \">\", value: 0, maxScore: 95}]\n");
    ScoreTable s = card.compile().score(table(cols("x", "c", "d"), new double[] {80, 1, 1}, new double[] {50, 1, 0}));
    assertEquals(39, s.score(0), 0);
    assertEquals(3, s.row(0).capsApplied().size());
    assertEquals(50, s.score(1), 0); // fired, but below both maxima
    assertEquals(2, s.row(1).capsApplied().size());
  }

  @Test
  void attributionReadsLikeASum() {
    Scorecard card = yaml("name: t\nversion: 1\nmeasures:\n"
        + "  - {id: logins, metric: l, weight: 2, rule: {type: linear, points: [[0, 0], [100, 100]]}}\n"
        + "  - {id: seats, metric: s, weight: 1, rule: {type: linear, points: [[0, 0], [100, 100]]}}\n"
        + "  - {id: tickets, metric: t, weight: 1, rule: {type: linear, points: [[0, 0], [100, 100]]}}\n");
    HealthScore h = card.compile().score(table(cols("l", "s", "t"), new double[] {60, 80, 50})).row(0);
    assertEquals("62.5 yellow = logins 30.0 + seats 20.0 + tickets 12.5", h.attribution().toString());
    assertEquals("A1: 62.5 yellow = logins 30.0 + seats 20.0 + tickets 12.5", h.toString());
  }

  @Test
  void resultsCarryTheScorecardsNameVersionAndHash() {
    Scorecard card = yaml(ADOPTION);
    ScoreTable s = card.compile().score(table(ADOPTION_COLS, new double[] {5, 12, 10, 2, NaN, 0.65, 0}));
    assertEquals(new ScorecardRef("adoption", 3, card.hash()), s.row(0).scorecard());
    assertEquals(16, card.hash().length());
    Scorecard changed = card.withCaps(List.of());
    assertTrue(!changed.hash().equals(card.hash()));
    assertEquals(card.hash(), yaml(ADOPTION).hash());
  }
}
