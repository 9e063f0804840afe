package dev.cskit.scoring;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.cskit.core.ConfigPath;
import java.util.Locale;

/**
 * What a measure does when its value is missing (NaN): {@code exclude} (the default: the measure drops out
 * and the weights of the others are renormalised), {@code neutral} with a {@code value}, {@code worst} (the
 * rule's lowest score) or {@code fail} (an error). Filled-in values count as not observed for coverage.
 */
public record MissingPolicy(Policy policy, Double value) {
  /** The default policy. */
  public static final MissingPolicy EXCLUDE = new MissingPolicy(Policy.EXCLUDE, null);

  /** The policies. */
  public enum Policy {
    EXCLUDE,
    NEUTRAL,
    WORST,
    FAIL;

    @JsonValue
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    static Policy parse(String text) {
      for (Policy p : values()) {
        if (p.id().equalsIgnoreCase(text)) {
          return p;
        }
      }
      throw ConfigPath.root().error("must be one of exclude, neutral, worst, fail", text);
    }
  }

  public MissingPolicy {
    ConfigPath r = ConfigPath.root();
    policy = policy == null ? Policy.EXCLUDE : policy;
    if (policy == Policy.NEUTRAL) {
      r.field("value").check(value != null, "is required for the neutral policy", null);
      r.field("value").check(value >= 0 && value <= 100, "a score must be between 0 and 100", value);
    } else {
      r.field("value").check(value == null, "is only allowed with the neutral policy", value);
    }
  }

  /** The neutral policy with this value. */
  public static MissingPolicy neutral(double value) {
    return new MissingPolicy(Policy.NEUTRAL, value);
  }

  /** The worst policy. */
  public static MissingPolicy worst() {
    return new MissingPolicy(Policy.WORST, null);
  }

  /** The fail policy. */
  public static MissingPolicy fail() {
    return new MissingPolicy(Policy.FAIL, null);
  }
}
