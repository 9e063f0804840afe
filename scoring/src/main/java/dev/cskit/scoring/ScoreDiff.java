package dev.cskit.scoring;

import dev.cskit.core.AccountId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Why one account's score moved between two scorings (two dates, or two scorecard revisions): the change
 * split into one line per measure whose sub-score changed (its share before x the change in its
 * sub-score), a {@code reweighting} line for renormalisation effects (measures that appeared or dropped
 * out, shares that moved, a min category switching measure), and lines for changes due to caps and an
 * overall override. The lines sum to the change in score. Undefined (NaN, no lines) when either score is.
 * When one side has only an overall override (no measure had a value), a single override line explains it.
 */
public record ScoreDiff(
    AccountId accountId, ScorecardRef before, ScorecardRef after, double scoreBefore, double scoreAfter,
    List<Line> lines) {

  /** The label of the renormalisation line. */
  public static final String REWEIGHTING = "reweighting";

  /** One line of the change. */
  public record Line(String label, double points) {}

  public ScoreDiff {
    lines = List.copyOf(lines);
  }

  /** The change in score (after - before); NaN when either is undefined. */
  public double change() {
    return scoreAfter - scoreBefore;
  }

  /** The diff of two scorings of the same account. */
  public static ScoreDiff between(HealthScore before, HealthScore after) {
    List<Line> lines = new ArrayList<>();
    if (before.hasScore() && after.hasScore() && before.scoreBeforeCaps() == before.scoreBeforeCaps()
        && after.scoreBeforeCaps() == after.scoreBeforeCaps()) {
      Set<String> keys = new LinkedHashSet<>(before.shares().keySet());
      keys.addAll(after.shares().keySet());
      double reweighting = 0;
      for (String key : keys) {
        double e0 = before.shares().getOrDefault(key, 0.0);
        double e1 = after.shares().getOrDefault(key, 0.0);
        double c0 = before.contributions().getOrDefault(key, 0.0);
        double c1 = after.contributions().getOrDefault(key, 0.0);
        if (e0 > 0 && e1 > 0) {
          double value = e0 * (subScore(after, key) - subScore(before, key));
          if (value != 0.0) {
            lines.add(new Line(key, value));
          }
          reweighting += (c1 - c0) - value;
        } else {
          reweighting += c1 - c0;
        }
      }
      if (reweighting != 0.0) {
        lines.add(new Line(REWEIGHTING, reweighting));
      }
      double capsBefore = before.scoreAfterCaps() - before.scoreBeforeCaps();
      double capsAfter = after.scoreAfterCaps() - after.scoreBeforeCaps();
      if (capsAfter - capsBefore != 0.0) {
        lines.add(new Line("caps", capsAfter - capsBefore));
      }
      double overrideBefore = before.score() - before.scoreAfterCaps();
      double overrideAfter = after.score() - after.scoreAfterCaps();
      if (overrideAfter - overrideBefore != 0.0) {
        lines.add(new Line("override", overrideAfter - overrideBefore));
      }
    }
    if (lines.isEmpty() && before.hasScore() && after.hasScore() && after.score() != before.score()) {
      // one side has no measure score, only an overall override: the override explains the whole change
      lines.add(new Line("override", after.score() - before.score()));
    }
    return new ScoreDiff(after.accountId(), before.scorecard(), after.scorecard(), before.score(), after.score(),
        lines);
  }

  private static double subScore(HealthScore s, String key) {
    Double v = s.measures().get(key);
    return v != null ? v : s.categories().get(key);
  }

  /** The sum of the lines (equal to {@link #change()} up to rounding). */
  public double lineSum() {
    double sum = 0;
    for (Line l : lines) {
      sum += l.points();
    }
    return sum;
  }

  @Override
  public String toString() {
    if (change() != change()) {
      return accountId + ": no change can be computed (a score is undefined)";
    }
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%s: %.1f -> %.1f (%+.1f)", accountId, scoreBefore, scoreAfter, change()));
    for (Line l : lines) {
      sb.append(String.format(Locale.ROOT, "%n  %-24s %+.1f", l.label(), l.points()));
    }
    return sb.toString();
  }
}
