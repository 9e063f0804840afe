package dev.cskit.scoring;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.cskit.core.ConfigPath;

/**
 * A group of measures (utilization, engagement, penetration...) with a weight in the overall score and an
 * aggregate: {@code weightedMean} (the default) of its measures that have a sub-score, or {@code min}, the
 * weakest of them.
 */
public record Category(String id, Double weight, Aggregate aggregate) {
  /** How a category combines its measures. */
  public enum Aggregate {
    WEIGHTED_MEAN("weightedMean"),
    MIN("min");

    private final String id;

    Aggregate(String id) {
      this.id = id;
    }

    @JsonValue
    public String id() {
      return id;
    }

    @JsonCreator
    static Aggregate parse(String text) {
      for (Aggregate a : values()) {
        if (a.id.equalsIgnoreCase(text)) {
          return a;
        }
      }
      throw ConfigPath.root().error("must be weightedMean or min", text);
    }
  }

  public Category {
    ConfigPath r = ConfigPath.root();
    r.field("id").check(id != null && !id.isBlank(), "is required", id);
    r.field("weight").check(weight != null && weight > 0 && Double.isFinite(weight), "a weight must be > 0", weight);
    aggregate = aggregate == null ? Aggregate.WEIGHTED_MEAN : aggregate;
  }

  /** A weighted-mean category. */
  public static Category of(String id, double weight) {
    return new Category(id, weight, null);
  }
}
