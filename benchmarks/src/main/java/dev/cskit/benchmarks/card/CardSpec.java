package dev.cskit.benchmarks.card;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The benchmark card of issue 4: {@code measures} measures, each a {@code linear} rule of 4 points on its own
 * metric, weighted, missing values excluded (weights renormalised), bands red 0 / yellow 40 / green 70, no
 * categories, no caps, minimum coverage 0. Seeded: the same seed gives the same card.
 *
 * <p>Every baseline reads the card from here (plain arrays); the engine reads {@link #toScorecardJson()}.
 */
public final class CardSpec {
  /** The number of points of every rule. */
  public static final int POINTS = 4;
  /** The band minimums: red, yellow, green. */
  public static final double YELLOW = 40.0;
  public static final double GREEN = 70.0;
  /** The band codes every implementation reports. */
  public static final byte RED_CODE = 0;
  public static final byte YELLOW_CODE = 1;
  public static final byte GREEN_CODE = 2;
  public static final byte INSUFFICIENT_CODE = 3;

  private final String[] metrics;
  private final double[][] xs;
  private final double[][] scores;
  private final double[] weights;

  private CardSpec(String[] metrics, double[][] xs, double[][] scores, double[] weights) {
    this.metrics = metrics;
    this.xs = xs;
    this.scores = scores;
    this.weights = weights;
  }

  /** The card of the issue: 12 measures. */
  public static CardSpec standard() {
    return generate(12, 20261124L);
  }

  /** A seeded card of {@code measures} linear measures. */
  public static CardSpec generate(int measures, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    String[] metrics = new String[measures];
    double[][] xs = new double[measures][POINTS];
    double[][] ss = new double[measures][POINTS];
    double[] w = new double[measures];
    for (int j = 0; j < measures; j++) {
      metrics[j] = String.format(Locale.ROOT, "metric_%02d", j + 1);
      // x: strictly increasing, on a quarter grid so the JSON text is exact
      double x = rnd.nextInt(0, 8) * 0.25;
      for (int p = 0; p < POINTS; p++) {
        xs[j][p] = x;
        x += (1 + rnd.nextInt(0, 16)) * 0.25;
      }
      // scores: 0..100, rising for most measures, falling for every fourth ("open tickets")
      double[] rising = {0, 20 + rnd.nextInt(0, 31), 60 + rnd.nextInt(0, 21), 100};
      for (int p = 0; p < POINTS; p++) {
        ss[j][p] = j % 4 == 3 ? rising[POINTS - 1 - p] : rising[p];
      }
      w[j] = 1 + rnd.nextInt(0, 5);
    }
    return new CardSpec(metrics, xs, ss, w);
  }

  public int measures() {
    return metrics.length;
  }

  /** The metric (column) a measure reads. */
  public String metric(int measure) {
    return metrics[measure];
  }

  public String[] metrics() {
    return metrics.clone();
  }

  /** The x of the rule's points of a measure (a copy). */
  public double[] xs(int measure) {
    return xs[measure].clone();
  }

  /** The scores of the rule's points of a measure (a copy). */
  public double[] scores(int measure) {
    return scores[measure].clone();
  }

  public double weight(int measure) {
    return weights[measure];
  }

  /** The lowest and highest x of every rule, for the data generator. */
  double lo(int measure) {
    return xs[measure][0];
  }

  double hi(int measure) {
    return xs[measure][POINTS - 1];
  }

  /** The band code of a score (NaN: insufficient data). */
  public static byte band(double score) {
    if (score != score) {
      return INSUFFICIENT_CODE;
    }
    return score >= GREEN ? GREEN_CODE : score >= YELLOW ? YELLOW_CODE : RED_CODE;
  }

  /**
   * The reference value of a linear rule: the exact definition (interpolate between the two points around
   * the value, clamp outside), written plainly; the baselines are tested against it.
   */
  public double ruleScore(int measure, double v) {
    double[] x = xs[measure];
    double[] s = scores[measure];
    if (v <= x[0]) {
      return s[0];
    }
    for (int p = 1; p < POINTS; p++) {
      if (v < x[p]) {
        return s[p - 1] + (v - x[p - 1]) * (s[p] - s[p - 1]) / (x[p] - x[p - 1]);
      }
    }
    return s[POINTS - 1];
  }

  /** The card as a scorecard document in the engine's JSON format (issue 3). */
  public String toScorecardJson() {
    return toScorecardJson(0, 0, null);
  }

  /** The name of the "previous period" metric a trend variant of measure {@code j} reads. */
  public String previousMetric(int measure) {
    return metrics[measure] + "_prev";
  }

  /**
   * A variant of the card: the first {@code percentile} measures become {@code percentile} rules, the next
   * {@code trend} measures {@code trend} rules (current = the measure's metric, previous =
   * {@link #previousMetric}, points [-0.5, 0], [0, 60], [0.5, 100], whenPreviousZero 50); {@code capsJson},
   * when not null, is the JSON array of caps.
   */
  public String toScorecardJson(int percentile, int trend, String capsJson) {
    StringBuilder b = new StringBuilder();
    b.append("{\"name\":\"bench").append(metrics.length).append("\",\"version\":1,");
    b.append("\"bands\":[{\"name\":\"red\",\"min\":0},{\"name\":\"yellow\",\"min\":40},{\"name\":\"green\",\"min\":70}],");
    b.append("\"measures\":[");
    for (int j = 0; j < metrics.length; j++) {
      if (j > 0) {
        b.append(',');
      }
      if (j < percentile) {
        b.append("{\"id\":\"m").append(j + 1).append("\",\"metric\":\"").append(metrics[j])
            .append("\",\"weight\":").append(weights[j]).append(",\"rule\":{\"type\":\"percentile\"}}");
        continue;
      }
      if (j < percentile + trend) {
        b.append("{\"id\":\"m").append(j + 1).append("\",\"weight\":").append(weights[j])
            .append(",\"rule\":{\"type\":\"trend\",\"current\":\"").append(metrics[j])
            .append("\",\"previous\":\"").append(previousMetric(j))
            .append("\",\"points\":[[-0.5,0],[0,60],[0.5,100]],\"whenPreviousZero\":50}}");
        continue;
      }
      b.append("{\"id\":\"m").append(j + 1).append("\",\"metric\":\"").append(metrics[j]).append("\",\"weight\":")
          .append(weights[j]).append(",\"rule\":{\"type\":\"linear\",\"points\":[");
      for (int p = 0; p < POINTS; p++) {
        if (p > 0) {
          b.append(',');
        }
        b.append('[').append(xs[j][p]).append(',').append(scores[j][p]).append(']');
      }
      b.append("]}}");
    }
    b.append(']');
    if (capsJson != null) {
      b.append(",\"caps\":").append(capsJson);
    }
    return b.append('}').toString();
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("CardSpec ").append(metrics.length).append(" measures\n");
    for (int j = 0; j < metrics.length; j++) {
      b.append(String.format(Locale.ROOT, "  %s w=%.0f x=%s s=%s%n", metrics[j], weights[j],
          Arrays.toString(xs[j]), Arrays.toString(scores[j])));
    }
    return b.toString();
  }
}
