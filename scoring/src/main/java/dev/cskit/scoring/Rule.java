package dev.cskit.scoring;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.cskit.core.ConfigPath;
import java.util.ArrayList;
import java.util.List;

/**
 * How a measure maps a raw value to a sub-score in [0, 100]. Written in configuration as an object with a
 * {@code type}: {@code linear}, {@code steps}, {@code boolean}, {@code percentile} or {@code trend}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = Rule.Linear.class, name = "linear"),
  @JsonSubTypes.Type(value = Rule.Steps.class, name = "steps"),
  @JsonSubTypes.Type(value = Rule.Bool.class, name = "boolean"),
  @JsonSubTypes.Type(value = Rule.Percentile.class, name = "percentile"),
  @JsonSubTypes.Type(value = Rule.Trend.class, name = "trend")
})
@JsonPropertyOrder({"type"})
public sealed interface Rule permits Rule.Linear, Rule.Steps, Rule.Bool, Rule.Percentile, Rule.Trend {

  /**
   * The rule's type as written in configuration ({@code linear}, {@code steps}, {@code boolean},
   * {@code percentile}, {@code trend}); written as a plain {@code type} field, in YAML too.
   */
  @com.fasterxml.jackson.annotation.JsonProperty("type")
  default String type() {
    return accept(new Visitor<String>() {
      @Override
      public String linear(Linear rule) {
        return "linear";
      }

      @Override
      public String steps(Steps rule) {
        return "steps";
      }

      @Override
      public String bool(Bool rule) {
        return "boolean";
      }

      @Override
      public String percentile(Percentile rule) {
        return "percentile";
      }

      @Override
      public String trend(Trend rule) {
        return "trend";
      }
    });
  }

  /**
   * Calls the visitor's method for this rule's kind. Every place that treats rule kinds differently goes
   * through a {@link Visitor}, so a new kind of rule is a compile error wherever it must be handled (add its
   * record to {@code permits}, to {@link JsonSubTypes} and a method to {@link Visitor}).
   *
   * @param <R> what the visitor returns
   * @param visitor one method per kind of rule
   * @return what the visitor's method returned
   */
  <R> R accept(Visitor<R> visitor);

  /**
   * One method per kind of rule: the exhaustive alternative to {@code instanceof} chains (Java 17 has no
   * pattern-matching switch).
   *
   * @param <R> what the methods return
   */
  interface Visitor<R> {
    /** A {@link Linear} rule. */
    R linear(Linear rule);

    /** A {@link Steps} rule. */
    R steps(Steps rule);

    /** A {@link Bool} rule. */
    R bool(Bool rule);

    /** A {@link Percentile} rule. */
    R percentile(Percentile rule);

    /** A {@link Trend} rule. */
    R trend(Trend rule);
  }

  /** The lowest sub-score this rule can give (what the {@code worst} missing policy fills in). */
  @JsonIgnore
  double worst();

  /**
   * Linear interpolation between {@code points} [[value, score], ...] (values strictly increasing); the first
   * score below the first point, the last score above the last point. Scores may fall as values rise.
   */
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
    public <R> R accept(Visitor<R> visitor) {
      return visitor.linear(this);
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
    public <R> R accept(Visitor<R> visitor) {
      return visitor.steps(this);
    }

    @Override
    public double worst() {
      return minScore(steps, below);
    }
  }

  /** {@code whenTrue} for a non-zero value, {@code whenFalse} for zero. */
  @JsonPropertyOrder({"type"})
  record Bool(Double whenTrue, Double whenFalse) implements Rule {
    public Bool {
      checkScore(ConfigPath.root().field("whenTrue"), ConfigPath.root().field("whenTrue").required(whenTrue));
      checkScore(ConfigPath.root().field("whenFalse"), ConfigPath.root().field("whenFalse").required(whenFalse));
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.bool(this);
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
  @JsonPropertyOrder({"type"})
  record Percentile(String segment) implements Rule {
    public Percentile {
      if (segment != null) {
        ConfigPath.root().field("segment").check(!segment.isBlank(), "must not be blank", segment);
      }
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.percentile(this);
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
    public <R> R accept(Visitor<R> visitor) {
      return visitor.trend(this);
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
