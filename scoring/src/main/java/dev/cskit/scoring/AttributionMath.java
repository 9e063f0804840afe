package dev.cskit.scoring;

import dev.cskit.scoring.internal.CardResult;
import dev.cskit.scoring.internal.CompiledCard;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The attribution of a score to its measures (and overridden categories): each one's share of the score
 * before caps and overrides, and its contribution in points (share x sub-score), which sum to that score.
 */
final class AttributionMath {
  private AttributionMath() {}

  /**
   * Each measure's (or overridden category's) share of row {@code i} of a detailed result: the category's
   * weight among the categories present, times the measure's weight among the measures present in it (a
   * {@code min} category: all of it to the measure that is the minimum). NaN for every measure when the row
   * has no score; 0 for a measure without a sub-score.
   */
  static Map<String, Double> shares(CardResult r, int i) {
    CompiledCard k = r.card;
    Map<String, Double> out = new LinkedHashMap<>();
    boolean defined = r.preCap[i] == r.preCap[i];
    for (int j = 0; j < k.measureCount(); j++) {
      out.put(k.measureIds[j], defined ? 0.0 : Double.NaN);
    }
    if (!defined) {
      return out;
    }
    double tw = 0;
    for (int g = 0; g < k.categoryCount(); g++) {
      double v = r.categories[g][i];
      tw += v == v ? k.categoryWeight[g] : 0.0;
    }
    for (int g = 0; g < k.categoryCount(); g++) {
      double cat = r.categories[g][i];
      if (cat != cat) {
        continue;
      }
      double share = k.categoryWeight[g] / tw;
      if (r.plan.categoryOverridden(i, g)) {
        out.put(k.categoryIds[g], share);
      } else if (k.categoryMin[g]) {
        for (int j = 0; j < k.measureCount(); j++) {
          if (k.categoryOf[j] == g && r.measures[j][i] == cat) {
            out.put(k.measureIds[j], share);
            break;
          }
        }
      } else {
        double sw = 0;
        for (int j = 0; j < k.measureCount(); j++) {
          double v = r.measures[j][i];
          sw += k.categoryOf[j] == g && v == v ? k.weight[j] : 0.0;
        }
        for (int j = 0; j < k.measureCount(); j++) {
          double v = r.measures[j][i];
          if (k.categoryOf[j] == g && v == v) {
            out.put(k.measureIds[j], share * (k.weight[j] / sw));
          }
        }
      }
    }
    return out;
  }

  /**
   * The points each share contributes: share x the measure's (or category's) score; 0 for a zero share, NaN
   * for a NaN share.
   */
  static Map<String, Double> contributions(Map<String, Double> shares, Map<String, Double> measures,
      Map<String, Double> categories) {
    Map<String, Double> contributions = new LinkedHashMap<>();
    for (Map.Entry<String, Double> e : shares.entrySet()) {
      double v = measures.containsKey(e.getKey()) ? measures.get(e.getKey()) : categories.get(e.getKey());
      double share = e.getValue();
      contributions.put(e.getKey(), share != share ? Double.NaN : share == 0.0 ? 0.0 : share * v);
    }
    return contributions;
  }
}
