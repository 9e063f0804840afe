package dev.cskit.scoring;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.cskit.core.ConfigPath;

/**
 * A ceiling on the overall score: when {@code metric op value} holds, the score is at most {@code maxScore}
 * (an open P1 ticket keeps an account out of green, say). A cap whose metric is missing does not fire.
 */
public record Cap(String metric, Op op, Double value, Double maxScore) {
  /** The comparison of a cap. */
  public enum Op {
    GT(">"), GE(">="), LT("<"), LE("<="), EQ("=="), NE("!=");

    private final String symbol;

    Op(String symbol) {
      this.symbol = symbol;
    }

    @JsonValue
    public String symbol() {
      return symbol;
    }

    @JsonCreator
    static Op parse(String text) {
      for (Op o : values()) {
        if (o.symbol.equals(text == null ? null : text.trim())) {
          return o;
        }
      }
      throw ConfigPath.root().error("must be one of >, >=, <, <=, ==, !=", text);
    }

    /** Whether {@code x op value} holds; false when x is NaN. */
    public boolean test(double x, double value) {
      switch (this) {
        case GT: return x > value;
        case GE: return x >= value;
        case LT: return x < value;
        case LE: return x <= value;
        case EQ: return x == value;
        default: return x == x && x != value;
      }
    }
  }

  public Cap {
    ConfigPath r = ConfigPath.root();
    r.field("metric").check(metric != null && !metric.isBlank(), "is required", metric);
    r.field("op").required(op);
    r.field("value").check(value != null && Double.isFinite(value), "is required (a number)", value);
    r.field("maxScore").check(maxScore != null && maxScore >= 0 && maxScore <= 100,
        "a score must be between 0 and 100", maxScore);
  }

  /** A cap. */
  public static Cap of(String metric, String op, double value, double maxScore) {
    return new Cap(metric, Op.parse(op), value, maxScore);
  }

  @Override
  public String toString() {
    return metric + " " + op.symbol() + " " + dev.cskit.core.io.TextTable.number(value)
        + " -> max " + dev.cskit.core.io.TextTable.number(maxScore);
  }
}
