package dev.cskit.scoring;

import dev.cskit.core.AccountId;
import dev.cskit.core.HealthBand;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * One account's health: the score (NaN when no measure has a sub-score), band, coverage (share of weight
 * observed), category and measure sub-scores, each measure's contribution in points, caps that fired, and
 * overrides applied or expired, tagged with the scorecard's name, version and hash. Equal values compare
 * bit for bit (batch and single scoring give equal objects). {@code toString()} is the attribution.
 *
 * @param scoreBeforeCaps the weighted score before caps and an overall override (after measure and
 *     category overrides): what the contributions sum to
 * @param categories category id to score (empty for a card without categories; NaN when undefined)
 * @param measures measure id to sub-score (NaN when the measure has none)
 * @param contributions measure id (or the id of an overridden category) to points
 * @param shares measure id (or the id of an overridden category) to its effective share of the overall
 *     weight (0 without a sub-score, or when a min category took another measure): contribution = share x
 *     sub-score
 */
public record HealthScore(
    AccountId accountId,
    ScorecardRef scorecard,
    double score,
    HealthBand band,
    double coverage,
    double scoreBeforeCaps,
    Map<String, Double> categories,
    Map<String, Double> measures,
    Map<String, Double> contributions,
    Map<String, Double> shares,
    List<Cap> capsApplied,
    List<ScoreOverride> overridesApplied,
    List<ScoreOverride> overridesExpired) {

  public HealthScore {
    categories = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(categories));
    measures = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(measures));
    contributions = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(contributions));
    shares = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(shares));
    capsApplied = List.copyOf(capsApplied);
    overridesApplied = List.copyOf(overridesApplied);
    overridesExpired = List.copyOf(overridesExpired);
  }

  /** Whether the score is defined. */
  public boolean hasScore() {
    return score == score;
  }

  /** The score after caps, before an overall override. */
  public double scoreAfterCaps() {
    double s = scoreBeforeCaps;
    for (Cap c : capsApplied) {
      s = Math.min(s, c.maxScore());
    }
    return s;
  }

  /** The contributions as lines, largest first, then caps and an overall override. */
  public Attribution attribution() {
    List<Attribution.Line> lines = new ArrayList<>();
    java.util.Set<String> overriddenMeasures = new java.util.HashSet<>();
    for (ScoreOverride o : overridesApplied) {
      if (o.scope() == ScoreOverride.Scope.MEASURE) {
        overriddenMeasures.add(o.target());
      }
    }
    for (Map.Entry<String, Double> e : contributions.entrySet()) {
      if (e.getValue().isNaN()) {
        continue; // no measure had a value
      }
      boolean isMeasure = measures.containsKey(e.getKey());
      boolean overridden = !isMeasure || overriddenMeasures.contains(e.getKey());
      lines.add(new Attribution.Line(overridden ? e.getKey() + " (override)" : e.getKey(), e.getValue(),
          isMeasure ? Attribution.Kind.MEASURE : Attribution.Kind.CATEGORY_OVERRIDE));
    }
    lines.sort(Comparator.comparingDouble((Attribution.Line l) -> -l.points()));
    if (scoreBeforeCaps != scoreBeforeCaps && hasScore()) {
      // no measure had a value, but an overall override gives a score: it is the whole explanation
      lines.add(new Attribution.Line("override", score, Attribution.Kind.OVERRIDE));
    }
    if (scoreBeforeCaps == scoreBeforeCaps) {
      double afterCaps = scoreAfterCaps();
      if (!capsApplied.isEmpty()) {
        StringBuilder label = new StringBuilder("cap");
        for (Cap c : capsApplied) {
          label.append(' ').append(c.metric()).append(' ').append(c.op().symbol()).append(' ')
              .append(dev.cskit.core.io.TextTable.number(c.value()));
        }
        lines.add(new Attribution.Line(label.toString(), afterCaps - scoreBeforeCaps, Attribution.Kind.CAP));
      }
      ScoreOverride overall = null;
      for (ScoreOverride o : overridesApplied) {
        if (o.scope() == ScoreOverride.Scope.OVERALL) {
          overall = o;
        }
      }
      if (overall != null) {
        lines.add(new Attribution.Line("override" + (overall.reason() == null ? "" : " (" + overall.reason() + ")"),
            score - afterCaps, Attribution.Kind.OVERRIDE));
      }
    }
    return new Attribution(score, band, lines);
  }

  /** The change from {@code before} (an earlier scoring of the same account) to this one, split by measure. */
  public ScoreDiff diff(HealthScore before) {
    return ScoreDiff.between(before, this);
  }

  @Override
  public String toString() {
    return accountId + ": " + attribution();
  }
}
