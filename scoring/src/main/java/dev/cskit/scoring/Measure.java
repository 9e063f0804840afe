package dev.cskit.scoring;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.cskit.core.ConfigPath;
import java.util.List;

/**
 * One input of a scorecard: a metric (a column of the {@link dev.cskit.core.MetricTable}; a trend rule names
 * its two metrics itself), an optional category, a weight (> 0), a rule and a missing-value policy.
 */
public record Measure(String id, String metric, String category, Double weight, Rule rule, MissingPolicy missing) {
  public Measure {
    ConfigPath r = ConfigPath.root();
    r.field("id").check(id != null && !id.isBlank(), "is required", id);
    r.field("weight").check(weight != null && weight > 0 && Double.isFinite(weight), "a weight must be > 0", weight);
    r.field("rule").required(rule);
    if (!rule.accept(OWN_METRICS).isEmpty()) {
      r.field("metric").check(metric == null, "a trend names its metrics in current and previous", metric);
    } else {
      r.field("metric").check(metric != null && !metric.isBlank(), "is required", metric);
    }
    missing = missing == null ? MissingPolicy.EXCLUDE : missing;
  }

  /** The metrics a rule names itself (a trend: current and previous), instead of the measure's metric. */
  private static final Rule.Visitor<List<String>> OWN_METRICS = new Rule.Visitor<>() {
    @Override
    public List<String> linear(Rule.Linear rule) {
      return List.of();
    }

    @Override
    public List<String> steps(Rule.Steps rule) {
      return List.of();
    }

    @Override
    public List<String> bool(Rule.Bool rule) {
      return List.of();
    }

    @Override
    public List<String> percentile(Rule.Percentile rule) {
      return List.of();
    }

    @Override
    public List<String> trend(Rule.Trend rule) {
      return List.of(rule.current(), rule.previous());
    }
  };

  /** A measure with the default (exclude) missing policy. */
  public static Measure of(String id, String metric, String category, double weight, Rule rule) {
    return new Measure(id, metric, category, weight, rule, null);
  }

  /** This measure with another missing policy. */
  public Measure withMissing(MissingPolicy policy) {
    return new Measure(id, metric, category, weight, rule, policy);
  }

  /** The metrics this measure reads. */
  @JsonIgnore
  public List<String> metrics() {
    List<String> own = rule.accept(OWN_METRICS);
    return own.isEmpty() ? List.of(metric) : own;
  }
}
