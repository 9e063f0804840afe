package dev.cskit.survey.internal;

import dev.cskit.core.ArgumentException;
import dev.cskit.core.CskitException;
import org.apache.commons.statistics.distribution.NormalDistribution;

/** Argument checks that throw {@link CskitException} naming the argument, and the normal quantiles. */
public final class Checks {
  private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

  private Checks() {}

  /** A fraction strictly between 0 and 1 (a margin, a confidence level, a probability target). */
  public static double openUnit(String name, double value) {
    if (!(value > 0 && value < 1)) {
      throw new ArgumentException(name, "must be between 0 and 1, exclusive", num(value));
    }
    return value;
  }

  /** A rate or share in [0, 1]. */
  public static double unit(String name, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new ArgumentException(name, "must be between 0 and 1, inclusive", num(value));
    }
    return value;
  }

  /** A count that is zero or more. */
  public static long nonNegative(String name, long value) {
    if (value < 0) {
      throw new ArgumentException(name, "must be 0 or more", Long.toString(value));
    }
    return value;
  }

  /** A finite number that is zero or more. */
  public static double nonNegative(String name, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new ArgumentException(name, "must be a finite number, 0 or more", num(value));
    }
    return value;
  }

  /** A finite number strictly above zero. */
  public static double positive(String name, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new ArgumentException(name, "must be a finite number above 0", num(value));
    }
    return value;
  }

  /** A count of 1 or more. */
  public static long positive(String name, long value) {
    if (value < 1) {
      throw new ArgumentException(name, "must be 1 or more", Long.toString(value));
    }
    return value;
  }

  /** Fails with {@code rule} about {@code name} unless the condition holds. */
  public static void check(boolean condition, String name, String rule, Object found) {
    if (!condition) {
      throw new ArgumentException(name, rule, found == null ? null : String.valueOf(found));
    }
  }

  /** The two-sided normal quantile for a confidence level: 1.959964 for 0.95. */
  public static double zTwoSided(double confidence) {
    openUnit("confidence", confidence);
    return STANDARD_NORMAL.inverseCumulativeProbability(1 - (1 - confidence) / 2);
  }

  /** The one-sided normal quantile {@code Phi^-1(p)}. */
  public static double zQuantile(double p) {
    return STANDARD_NORMAL.inverseCumulativeProbability(p);
  }

  /** The standard normal survival function {@code 1 - Phi(z)}, accurate in the tail. */
  public static double normalSurvival(double z) {
    return STANDARD_NORMAL.survivalProbability(z);
  }

  /** The standard normal CDF. */
  public static double normalCdf(double z) {
    return STANDARD_NORMAL.cumulativeProbability(z);
  }

  private static String num(double v) {
    return Double.toString(v);
  }
}
