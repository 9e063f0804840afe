package dev.cskit.scoring;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.cskit.core.ConfigPath;
import java.util.ArrayList;
import java.util.List;

/**
 * How a measure maps a raw value to a sub-score in [0, 100]. Written in configuration as an object with a
 * {@code type}: {@code linear}, {@code steps}, {@code boolean}, {@code percentile} or {@code trend}.
 */
@JsonDeserialize(using = dev.cskit.scoring.internal.RuleDeserializer.class)
@JsonPropertyOrder({"type"})
public sealed interface Rule permits Rule.Linear, Rule.Steps, Rule.Bool, Rule.Percentile, Rule.Trend {

  /**
   * The rule's type as written in configuration ({@code linear}, {@code steps}, {@code boolean},
   * {@code percentile}, {@code trend}); written as a plain {@code type} field, in YAML too.
   */
  @com.fasterxml.jackson.annotation.JsonProperty("type")
  default String type() {
    if (this instanceof Linear) {
      return "linear";
    }
    if (this instanceof Steps) {
      return "steps";
    }
    if (this instanceof Bool) {
      return "boolean";
    }
    if (this instanceof Percentile) {
      return "percentile";
    }
    return "trend";
  }

  /** The lowest sub-score this rule can give (what the {@code worst} missing policy fills in). */
  @JsonIgnore
  double worst();

  /**
   * Linear interpolation between {@code points} [[value, score], ...] (values strictly increasing); the first
   * score below the first point, the last score above the last point. Scores may fall as values rise.
   */
  @JsonDeserialize(using = com.fasterxml.jackson.databind.JsonDeserializer.None.class)
  @JsonPropertyOrder({"type"})
  record Linear(List<List<Double>> points) implements Rule {
    public Linear {
      points = checkPoints(ConfigPath.root().field("points"), points, "values");
    }

    /** A rule from alternating value, score pairs: {@code linear(0, 0, 10, 100)}. */
    public static Linear of(double... valueScorePairs) {
      return new Linear(pairs(valueScorePairs));
    }

    @Override
    public double worst() {
      return minScore(points, Double.POSITIVE_INFINITY);
    }
  }

  /**
   * Steps [[min, score], ...] with strictly increasing mins: the score of the largest min that is at most the
   * value; {@code below} for a value under the first min.
   */
  @JsonDeserialize(using = com.fasterxml.jackson.databind.JsonDeserializer.None.class)
  @JsonPropertyOrder({"type"})
  record Steps(List<List<Double>> steps, Double below) implements Rule {
    public Steps {
      steps = checkPoints(ConfigPath.root().field("steps"), steps, "mins");
      ConfigPath.root().field("below").required(below);
      checkScore(ConfigPath.root().field("below"), below);
    }

    /** A rule from a below score and alternating min, score pairs. */
    public static Steps of(double below, double... minScorePairs) {
      return new Steps(pairs(minScorePairs), below);
    }

    @Override
    public double worst() {
      return minScore(steps, below);
    }
  }

  /** {@code whenTrue} for a non-zero value, {@code whenFalse} for zero. */
  @JsonDeserialize(using = com.fasterxml.jackson.databind.JsonDeserializer.None.class)
  @JsonPropertyOrder({"type"})
  record Bool(Double whenTrue, Double whenFalse) implements Rule {
    public Bool {
      checkScore(ConfigPath.root().field("whenTrue"), ConfigPath.root().field("whenTrue").required(whenTrue));
      checkScore(ConfigPath.root().field("whenFalse"), ConfigPath.root().field("whenFalse").required(whenFalse));
    }

    @Override
    public double worst() {
      return Math.min(whenTrue, whenFalse);
    }
  }

  /**
   * 100 x the mid-rank percentile of the value among the accounts being scored (within the same value of
   * the account attribute {@code segment}, when given): (number below + half the number equal, the value
   * itself excluded) / (number present - 1). A single present account gets 50.
   */
  @JsonDeserialize(using = com.fasterxml.jackson.databind.JsonDeserializer.None.class)
  @JsonPropertyOrder({"type"})
  record Percentile(String segment) implements Rule {
    public Percentile {
      if (segment != null) {
        ConfigPath.root().field("segment").check(!segment.isBlank(), "must not be blank", segment);
      }
    }

    @Override
    public double worst() {
      return 0.0;
    }
  }

  /**
   * The relative change (current - previous) / previous of two metrics mapped through {@code points} as in
   * {@link Linear}; {@code whenPreviousZero} when previous is 0. Missing when either metric is.
   */
  @JsonDeserialize(using = com.fasterxml.jackson.databind.JsonDeserializer.None.class)
  @JsonPropertyOrder({"type"})
  record Trend(String current, String previous, List<List<Double>> points, Double whenPreviousZero)
      implements Rule {
    public Trend {
      ConfigPath r = ConfigPath.root();
      r.field("current").check(current != null && !current.isBlank(), "is required", current);
      r.field("previous").check(previous != null && !previous.isBlank(), "is required", previous);
      points = checkPoints(r.field("points"), points, "values");
      r.field("whenPreviousZero").check(whenPreviousZero != null, "is required (the score when previous is 0)", null);
      checkScore(r.field("whenPreviousZero"), whenPreviousZero);
    }

    @Override
    public double worst() {
      return Math.min(minScore(points, Double.POSITIVE_INFINITY), whenPreviousZero);
    }
  }

  private static List<List<Double>> pairs(double... flat) {
    List<List<Double>> out = new ArrayList<>();
    for (int i = 0; i + 1 < flat.length; i += 2) {
      out.add(List.of(flat[i], flat[i + 1]));
    }
    return out;
  }

  private static double minScore(List<List<Double>> points, double start) {
    double m = start;
    for (List<Double> p : points) {
      m = Math.min(m, p.get(1));
    }
    return m;
  }

  private static void checkScore(ConfigPath path, Double score) {
    path.check(score != null && score >= 0 && score <= 100, "a score must be between 0 and 100", score);
  }

  private static List<List<Double>> checkPoints(ConfigPath path, List<List<Double>> points, String what) {
    path.check(points != null && !points.isEmpty(), "at least one [value, score] pair is required", null);
    double prev = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < points.size(); i++) {
      path.index(i).required(points.get(i));
      ConfigPath at = path.index(i);
      List<Double> p = points.get(i);
      at.check(p != null && p.size() == 2 && p.get(0) != null && p.get(1) != null,
          "must be a [value, score] pair", p);
      at.index(0).check(Double.isFinite(p.get(0)), "must be a finite number", p.get(0));
      checkScore(at.index(1), p.get(1));
      at.index(0).check(p.get(0) > prev, what + " must be strictly increasing", p.get(0));
      prev = p.get(0);
    }
    return List.copyOf(points.stream().map(List::copyOf).toList());
  }
}
