package dev.cskit.scoring.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cskit.core.AccountId;
import dev.cskit.core.ConfigFormat;
import dev.cskit.core.HealthBand;
import dev.cskit.sample.SamplePortfolio;
import dev.cskit.scoring.ScoreTable;
import dev.cskit.scoring.Scorecard;
import dev.cskit.scoring.ScoringOptions;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Fitting a scorecard's weights and writing its next version. */
class ScorecardFitTest {
  static final String CARD = String.join("\n",
      "name: tiny",
      "version: 4",
      "categories:",
      "  - {id: use, weight: 60}",
      "  - {id: care, weight: 40, aggregate: min}",
      "measures:",
      "  - {id: logins, metric: logins, category: use, weight: 2, rule: {type: linear, points: [[0, 0], [100, 100]]}}",
      "  - {id: apps, metric: apps, category: use, weight: 1, rule: {type: linear, points: [[0, 0], [100, 100]]}}",
      "  - {id: tickets, metric: tickets, category: care, weight: 1, rule: {type: linear, points: [[0, 0], [100, 100]]}}",
      "  - {id: sponsor, metric: sponsor, category: care, weight: 1, rule: {type: linear, points: [[0, 0], [100, 100]]}}");

  @Test
  void unitsOfACardWithCategories() {
    Scorecard card = Scorecard.parse(CARD, ConfigFormat.YAML, "tiny.yaml");
    Map<String, Double> w = ScorecardFit.currentWeights(card);
    assertEquals(List.of("logins", "apps", "category:care"), List.copyOf(w.keySet()));
    assertEquals(40.0, w.get("logins"), 1e-12);
    assertEquals(20.0, w.get("apps"), 1e-12);
    assertEquals(40.0, w.get("category:care"), 0);
  }

  @Test
  void churnDrivenByOneMeasureMovesTheCardThere() {
    Scorecard card = Scorecard.parse(CARD, ConfigFormat.YAML, "tiny.yaml");
    SplittableRandom r = new SplittableRandom(5);
    ScoreSnapshots.Builder b = ScoreSnapshots.builder("logins", "apps", "tickets", "sponsor");
    ChurnOutcomes.Builder o = ChurnOutcomes.builder();
    LocalDate t = LocalDate.of(2026, 1, 1);
    for (int i = 0; i < 2000; i++) {
      double[] x = {100 * r.nextDouble(), 100 * r.nextDouble(), 100 * r.nextDouble(), 100 * r.nextDouble()};
      boolean churn = r.nextDouble() < 1 / (1 + Math.exp(-(1.5 - 6 * x[1] / 100)));
      AccountId id = AccountId.of("a" + i);
      b.add(id, t, 50, HealthBand.YELLOW, x);
      o.add(id, churn ? t.plusDays(40) : null, t.plusDays(40));
    }
    ScorecardFit.Result res = ScorecardFit.fit(card, b.build(), o.build(), 90, 10, null);
    Scorecard next = res.card();
    assertEquals(5, next.version());
    assertEquals("tiny", next.name());
    // apps drives churn: it holds most of the fitted weight
    Map<String, Double> f = res.weights().fitted();
    assertTrue(f.get("apps") > 0.6 * 100, res.toString());
    // the written card's effective weights are the fitted ones (to the rounding of 4 decimals)
    Map<String, Double> eff = ScorecardFit.currentWeights(next);
    for (Map.Entry<String, Double> e : eff.entrySet()) {
      assertEquals(f.get(e.getKey()), e.getValue(), 1e-3, e.getKey());
    }
    // each change is fitted - current, and the YAML reads back to the same card
    for (ScorecardFit.Change c : res.changes()) {
      assertEquals(c.fitted() - c.current(), c.change(), 1e-12);
    }
    String yaml = res.yaml();
    assertTrue(yaml.startsWith("# tiny revision 5: weights fitted"), yaml);
    assertTrue(yaml.contains("\nrevision: 5\n") && !yaml.contains("version"), yaml);
    assertTrue(yaml.contains("# measures.apps.weight: 1 -> "), yaml);
    assertEquals(next, Scorecard.parse(yaml, ConfigFormat.YAML, "fitted.yaml"));
    // the min category keeps its inner weights
    assertEquals(1.0, next.measure("tickets").weight(), 0);
  }

  @Test
  void samplePortfolioEndToEnd() {
    SamplePortfolio p = SamplePortfolio.generate(600, 42);
    Scorecard card = Scorecard.builtIn("three-axis");
    ScoreTable scores = card.compile().score(p.metrics(), ScoringOptions.builder().accounts(p.accounts()).build());
    ScoreSnapshots snaps = ScoreSnapshots.of(scores, p.asOf());
    ChurnOutcomes outcomes = ChurnOutcomes.of(p.outcomes().stream()
        .map(o -> new ChurnOutcomes.Outcome(o.accountId(), o.churnDate(), o.renewalDate())).toList(),
        "sample outcomes");
    assertEquals(p.size(), outcomes.size());
    ValidationReport v = ScoreValidation.validate(Backtest.run(snaps, outcomes, 365));
    assertEquals(600, v.snapshots());
    assertTrue(v.evaluated() > 500, v.toString());
    assertTrue(v.auc().auc() > 0.6, v.toString()); // churn follows usage, which the card reads
    assertEquals(card.measures().size(), v.measures().size());
    ScorecardFit.Result res = ScorecardFit.fit(card, snaps, outcomes, 365, WeightFit.DEFAULT_STRENGTH, null);
    assertEquals(2, res.card().version());
    assertNotNull(res.card().compile().score(p.metrics(), ScoringOptions.builder().accounts(p.accounts()).build()));
    assertFalse(res.changes().isEmpty());
    // snapshots survive a CSV round trip
    java.io.StringWriter w = new java.io.StringWriter();
    snaps.writeCsv(w);
    ScoreSnapshots back = ScoreSnapshots.readCsv(w.toString(), "snaps.csv");
    assertEquals(snaps.size(), back.size());
    assertEquals(snaps.measures(), back.measures());
    ValidationReport again = ScoreValidation.validate(Backtest.run(back, outcomes, 365));
    assertEquals(v.auc(), again.auc());
    assertEquals(v.bands(), again.bands());
    assertEquals(v.measures(), again.measures());
  }
}
