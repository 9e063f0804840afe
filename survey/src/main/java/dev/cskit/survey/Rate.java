package dev.cskit.survey;

import dev.cskit.core.ArgumentException;
import dev.cskit.core.CskitException;
import dev.cskit.core.io.TextTable;
import dev.cskit.survey.internal.Checks;
import java.util.Objects;

/**
 * A yes/no rate (CSAT "satisfied", responded, renewed) with its confidence interval, on the 0..1 scale.
 * Computed by {@link #of(long, long, double)} (Wilson) or {@link #of(long, long, double, RateMethod)}.
 *
 * @param successes the yes answers
 * @param trials all answers
 * @param rate {@code successes / trials}
 * @param lower the interval's lower bound
 * @param upper the interval's upper bound
 * @param confidence the confidence level
 * @param method the interval method
 */
public record Rate(
    long successes, long trials, double rate, double lower, double upper, double confidence, RateMethod method) {

  /** The Wilson interval for {@code successes} out of {@code trials}. */
  public static Rate of(long successes, long trials, double confidence) {
    return of(successes, trials, confidence, RateMethod.WILSON);
  }

  /**
   * The interval for {@code successes} out of {@code trials} by a method.
   *
   * @throws CskitException when a count is negative, trials are 0 or above 2^31 - 1, successes exceed
   *     trials, or the confidence is outside (0, 1)
   */
  public static Rate of(long successes, long trials, double confidence, RateMethod method) {
    Objects.requireNonNull(method);
    Checks.nonNegative("successes", successes);
    Checks.positive("trials", trials);
    Checks.check(trials <= Integer.MAX_VALUE, "trials", "must be at most " + Integer.MAX_VALUE, trials);
    if (successes > trials) {
      throw new ArgumentException("successes", "must not exceed the trials (" + trials + ")", Long.toString(successes));
    }
    Checks.openUnit("confidence", confidence);
    org.apache.commons.statistics.interval.Interval i =
        method.delegate().fromErrorRate((int) trials, (int) successes, 1 - confidence);
    // clipped to [0, 1]: the Wilson bound at x = 0 can come out as -1e-17 by rounding
    double lower = Math.max(0, Math.min(1, i.getLowerBound()));
    double upper = Math.max(0, Math.min(1, i.getUpperBound()));
    return new Rate(successes, trials, (double) successes / trials, lower, upper, confidence, method);
  }

  @Override
  public String toString() {
    return TextTable.withHeader("successes", "trials", "rate", "lower", "upper", "method")
        .row(successes, trials, rate, lower, upper, method)
        .toString();
  }
}
