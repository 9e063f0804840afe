package dev.cskit.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cskit.core.AccountId;
import dev.cskit.core.HealthBand;
import dev.cskit.core.MetricTable;
import dev.cskit.sample.SamplePortfolio;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BuiltInScorecardsTest {
  static final SamplePortfolio P = SamplePortfolio.generate(400, SamplePortfolio.DEFAULT_SEED);

  @Test
  void builtInCardsScoreTheSamplePortfolio() {
    MetricTable m = P.metrics();
    for (String name : Scorecard.BUILT_IN) {
      Scorecard card = Scorecard.builtIn(name);
      ScoreTable t = card.compile().score(m, ScoringOptions.builder().accounts(P.accounts()).build());
      Map<HealthBand, Integer> counts = t.bandCounts();
      // a usable card spreads the portfolio over the bands
      assertTrue(counts.get(HealthBand.RED) > 0, name + " " + counts);
      assertTrue(counts.get(HealthBand.YELLOW) > 0, name + " " + counts);
      assertTrue(counts.get(HealthBand.GREEN) > 0, name + " " + counts);
      for (int i = 0; i < t.size(); i++) {
        assertTrue(t.score(i) >= 0 && t.score(i) <= 100, "score " + t.score(i));
      }
    }
  }

  @Test
  void byStageSetScoresOnboardingAccountsWithTheOnboardingCard() {
    HealthScorer scorer = ScorecardSet.builtIn("by-stage").compile();
    ScoreTable t = scorer.score(P.metrics(), ScoringOptions.builder().accounts(P.accounts()).build());
    int onboarding = 0;
    for (var a : P.accounts()) {
      int r = t.rowOf(a.id());
      String expected = a.stage() == dev.cskit.core.LifecycleStage.ONBOARDING ? "onboarding" : "three-axis";
      assertEquals(expected, t.scorecard(r).name());
      if (expected.equals("onboarding")) {
        onboarding++;
      }
    }
    assertTrue(onboarding > 0);
    AccountId first = P.accounts().get(0).id();
    assertEquals(t.get(first).scorecard(), t.scorecard(t.rowOf(first)));
  }
}
