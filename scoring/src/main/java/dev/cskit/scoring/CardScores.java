package dev.cskit.scoring;

import dev.cskit.core.HealthBand;
import dev.cskit.scoring.internal.CardResult;
import dev.cskit.scoring.internal.CompiledCard;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The engine's output for the rows one card scored, with what the API adds to it: the card, the overrides the
 * plan numbers refer to, and the overrides expired at the as-of instant, by (card-local) row.
 *
 * @param card the compiled card
 * @param result the engine's columns
 * @param sources the overrides of the result's plan, by their number in it
 * @param expired expired overrides by card-local row
 */
record CardScores(CompiledScorecard card, CardResult result, List<ScoreOverride> sources,
    Map<Integer, List<ScoreOverride>> expired) {

  /** The compiled engine form of the card. */
  CompiledCard engine() {
    return card.engine();
  }

  /** The band of a band index (-1: insufficient data). */
  HealthBand band(int index) {
    return index < 0 ? HealthBand.INSUFFICIENT_DATA : engine().bands[index];
  }

  /** The full result of a card-local row (re-run alone and detailed when the result is not detailed). */
  HealthScore row(int local) {
    return result.isDetailed() ? materialize(result, local, local) : materialize(result.row(local), 0, local);
  }

  /** The full result of a card-local row from the detailed result. */
  HealthScore detailedRow(int local) {
    return materialize(result.detailed(), local, local);
  }

  /**
   * Turns row {@code i} of detailed engine output into a value; {@code local} is the card-local row (for the
   * expired overrides). Shared by batch rows and single-account scoring.
   */
  HealthScore materialize(CardResult r, int i, int local) {
    CompiledCard k = r.card;
    Map<String, Double> categories = new LinkedHashMap<>();
    if (k.hasCategories) {
      for (int g = 0; g < k.categoryCount(); g++) {
        categories.put(k.categoryIds[g], r.categories[g][i]);
      }
    }
    Map<String, Double> measures = new LinkedHashMap<>();
    for (int j = 0; j < k.measureCount(); j++) {
      measures.put(k.measureIds[j], r.measures[j][i]);
    }
    Map<String, Double> shares = AttributionMath.shares(r, i);
    Map<String, Double> contributions = AttributionMath.contributions(shares, measures, categories);
    List<Cap> caps = new ArrayList<>();
    int fired = r.capsFired == null ? 0 : r.capsFired[i];
    for (int c = 0; c < 31; c++) {
      if ((fired & (1 << c)) != 0) {
        caps.add(card.cap(c));
      }
    }
    List<ScoreOverride> applied = new ArrayList<>();
    for (int s : r.plan.applied(i)) {
      applied.add(sources.get(s));
    }
    return new HealthScore(r.ids.apply(i), card.ref(), r.score[i], band(r.band[i]), r.coverage[i], r.preCap[i],
        categories, measures, contributions, shares, caps, applied, expired.getOrDefault(local, List.of()));
  }
}
