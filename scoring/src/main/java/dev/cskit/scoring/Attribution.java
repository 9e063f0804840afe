package dev.cskit.scoring;

import dev.cskit.core.HealthBand;
import java.util.List;
import java.util.Locale;

/**
 * Why an account has its score: each measure's contribution in points (its sub-score times its effective
 * share of the overall weight), summing to the score before caps and overrides; caps and an overall
 * override appear as their own lines, so all lines sum to the final score. Reads like
 * {@code 62.5 yellow = logins 30.0 + seats 20.0 + tickets 12.5}.
 *
 * @param score the final score (NaN when undefined)
 * @param band the band
 * @param lines the contributions (largest first), then caps and an override
 */
public record Attribution(double score, HealthBand band, List<Line> lines) {
  /** What a line is. */
  public enum Kind {
    MEASURE, CATEGORY_OVERRIDE, CAP, OVERRIDE
  }

  /** One line: a label (a measure id, a cap, an override) and its points. */
  public record Line(String label, double points, Kind kind) {}

  public Attribution {
    lines = List.copyOf(lines);
  }

  /** The sum of the measure (and category override) lines: the score before caps and overrides. */
  public double contributionSum() {
    double s = 0;
    for (Line l : lines) {
      if (l.kind() == Kind.MEASURE || l.kind() == Kind.CATEGORY_OVERRIDE) {
        s += l.points();
      }
    }
    return s;
  }

  @Override
  public String toString() {
    if (score != score) {
      return "- " + band + " (no measure has a value)";
    }
    StringBuilder sb = new StringBuilder();
    sb.append(fmt(score)).append(' ').append(band).append(" =");
    boolean first = true;
    for (Line l : lines) {
      if (l.kind() == Kind.MEASURE && l.points() == 0.0) {
        continue;
      }
      double p = l.points();
      if (first) {
        sb.append(p < 0 ? " -" : "").append(' ');
      } else {
        sb.append(p < 0 ? " - " : " + ");
      }
      sb.append(l.label()).append(' ').append(fmt(Math.abs(p)));
      first = false;
    }
    if (first) {
      sb.append(" 0.0");
    }
    return sb.toString();
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
