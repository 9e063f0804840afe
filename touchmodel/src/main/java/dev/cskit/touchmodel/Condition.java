package dev.cskit.touchmodel;

import dev.cskit.core.ArgumentException;
import dev.cskit.core.ConfigPath;
import dev.cskit.core.HealthBand;
import dev.cskit.core.LifecycleStage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One test of a rule: a field and a range, a set of values, or a percentile of the portfolio.
 *
 * <p>Fields: numeric {@code arr}, {@code ltv}, {@code seats}, {@code score} (the health score),
 * {@code tenureDays} (since contract start), {@code daysToRenewal}; categorical {@code stage} (lifecycle stage)
 * and {@code band} (health band); and {@code attributes.<name>} (a free-form account attribute, numeric or
 * text). Tests:
 * <ul>
 *   <li>{@code min} (value &gt;= min) and/or {@code max} (value &lt; max). For stability, {@code exitMin} &lt;= min and
 *       {@code exitMax} >= max are the thresholds an account already in the rule's tier must cross to leave
 *       (hysteresis: enter at 100k, exit below 90k).
 *   <li>{@code in}: the value is one of these (case-insensitive).
 *   <li>{@code topPercent}: the value is among the top p% of the portfolio (the ceil(p% x N) largest values,
 *       ties at the cut included); {@code exitTopPercent} >= topPercent keeps an account already in the tier;
 *       {@code bottomPercent}: among the bottom p%.
 * </ul>
 * A missing value (no score, a blank attribute) never matches.
 */
public record Condition(
    String field,
    Double min,
    Double max,
    Double exitMin,
    Double exitMax,
    List<String> in,
    Double topPercent,
    Double exitTopPercent,
    Double bottomPercent) {

  /** The numeric fields. */
  public static final Set<String> NUMERIC = Set.of("arr", "ltv", "seats", "score", "tenureDays", "daysToRenewal");
  /** The categorical fields. */
  public static final Set<String> CATEGORICAL = Set.of("stage", "band");
  static final String ATTRIBUTES = "attributes.";

  /** Validates field names and tests. */
  public Condition {
    ConfigPath root = ConfigPath.root();
    ConfigPath f = root.field("field");
    f.check(field != null && !field.isBlank(), "is required", field);
    boolean attribute = field.startsWith(ATTRIBUTES) && field.length() > ATTRIBUTES.length();
    boolean numeric = NUMERIC.contains(field);
    boolean categorical = CATEGORICAL.contains(field);
    f.check(attribute || numeric || categorical,
        "unknown field (known: arr, ltv, seats, score, tenureDays, daysToRenewal, stage, band,"
            + " attributes.<name>)", field);
    boolean range = min != null || max != null;
    boolean percent = topPercent != null || bottomPercent != null;
    boolean set = in != null;
    int kinds = (range ? 1 : 0) + (percent ? 1 : 0) + (set ? 1 : 0);
    root.check(kinds == 1, "give exactly one test: min/max, in, or topPercent/bottomPercent",
        kinds == 0 ? "none" : kinds + " kinds of test");
    if (range || percent) {
      f.check(!categorical, "a categorical field takes an \"in\" test", field);
    }
    if (set) {
      f.check(!numeric, "a numeric field takes min/max or a percentile", field);
      root.field("in").check(!in.isEmpty(), "must list at least one value", "an empty list");
      List<String> norm = new ArrayList<>();
      for (int i = 0; i < in.size(); i++) {
        String v = root.field("in").index(i).required(in.get(i));
        if (field.equals("stage")) {
          try {
            v = LifecycleStage.parse(v).id();
          } catch (ArgumentException e) {
            throw root.field("in").index(i).error(e.rule(), v);
          }
        } else if (field.equals("band")) {
          v = HealthBand.of(v).name();
        }
        norm.add(v.toLowerCase(Locale.ROOT));
      }
      in = List.copyOf(norm);
    }
    if (min != null && max != null) {
      root.field("max").check(max > min, "must be greater than min", max);
    }
    if (exitMin != null) {
      root.field("exitMin").check(min != null, "needs min", exitMin);
      root.field("exitMin").check(exitMin <= min, "must be <= min (leave below, enter above)", exitMin);
    }
    if (exitMax != null) {
      root.field("exitMax").check(max != null, "needs max", exitMax);
      root.field("exitMax").check(exitMax >= max, "must be >= max", exitMax);
    }
    if (topPercent != null || bottomPercent != null) {
      root.check(topPercent == null || bottomPercent == null, "give topPercent or bottomPercent, not both",
          null);
      Double p = topPercent != null ? topPercent : bottomPercent;
      root.field(topPercent != null ? "topPercent" : "bottomPercent")
          .check(p > 0 && p <= 100, "must be in (0, 100]", p);
    }
    if (exitTopPercent != null) {
      root.field("exitTopPercent").check(topPercent != null, "needs topPercent", exitTopPercent);
      root.field("exitTopPercent")
          .check(exitTopPercent >= topPercent && exitTopPercent <= 100, "must be in [topPercent, 100]",
              exitTopPercent);
    }
  }

  /** value >= min. */
  public static Condition atLeast(String field, double min) {
    return new Condition(field, min, null, null, null, null, null, null, null);
  }

  /** value >= min to enter, >= exitMin to stay. */
  public static Condition atLeast(String field, double min, double exitMin) {
    return new Condition(field, min, null, exitMin, null, null, null, null, null);
  }

  /** value &lt; max. */
  public static Condition below(String field, double max) {
    return new Condition(field, null, max, null, null, null, null, null, null);
  }

  /** value in the set. */
  public static Condition in(String field, String... values) {
    return new Condition(field, null, null, null, null, List.of(values), null, null, null);
  }

  /** among the top p percent. */
  public static Condition topPercent(String field, double percent) {
    return new Condition(field, null, null, null, null, null, percent, null, null);
  }

  /** Whether this is a percentile test. */
  boolean isPercentile() {
    return topPercent != null || bottomPercent != null;
  }

  /** Whether this test reads a number. */
  boolean isNumeric() {
    return in == null;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(field);
    if (in != null) {
      return sb.append(" in ").append(in).toString();
    }
    if (topPercent != null) {
      return sb.append(" in top ").append(fmt(topPercent)).append('%').toString();
    }
    if (bottomPercent != null) {
      return sb.append(" in bottom ").append(fmt(bottomPercent)).append('%').toString();
    }
    if (min != null) {
      sb.append(" >= ").append(fmt(min));
    }
    if (max != null) {
      sb.append(min != null ? " and < " : " < ").append(fmt(max));
    }
    return sb.toString();
  }

  static String fmt(double v) {
    return dev.cskit.core.io.TextTable.number(v);
  }
}
