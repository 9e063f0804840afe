package dev.cskit.benchmarks.card;

import dev.cskit.core.ConfigFormat;
import dev.cskit.core.HealthBand;
import dev.cskit.scoring.HealthScorer;
import dev.cskit.scoring.ScoreTable;
import dev.cskit.scoring.Scorecard;

/** The engine's side of the benchmark card: the compiled scorer and the summary of its results. */
public final class EngineSummary {
  private EngineSummary() {}

  /** The card, compiled by the engine. */
  public static HealthScorer compile(CardSpec card) {
    return Scorecard.parse(card.toScorecardJson(), ConfigFormat.JSON, "benchmark card").compile();
  }

  /** The band counts and score sum of a score table. */
  public static ScoreSummary of(ScoreTable t) {
    long red = 0;
    long yellow = 0;
    long green = 0;
    long none = 0;
    double sum = 0;
    for (int i = 0; i < t.size(); i++) {
      HealthBand b = t.band(i);
      if (b.equals(HealthBand.RED)) {
        red++;
      } else if (b.equals(HealthBand.YELLOW)) {
        yellow++;
      } else if (b.equals(HealthBand.GREEN)) {
        green++;
      } else {
        none++;
      }
      double s = t.score(i);
      if (s == s) {
        sum += s;
      }
    }
    return new ScoreSummary(red, yellow, green, none, sum);
  }
}
