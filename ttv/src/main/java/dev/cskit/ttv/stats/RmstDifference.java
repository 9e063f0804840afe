package dev.cskit.ttv.stats;

import dev.cskit.core.io.TextTable;

/**
 * The difference in restricted mean time to event between two independent cohorts up to a common horizon,
 * {@code first - second}, with a normal confidence interval from the two restricted means' standard errors
 * ({@code se = sqrt(se1^2 + se2^2)}). For time to value a negative difference means the first cohort
 * reaches value sooner: "days saved".
 *
 * @param horizon the common horizon
 * @param first the first cohort's restricted mean
 * @param second the second cohort's restricted mean
 * @param difference {@code first.value - second.value}
 * @param stdErr its standard error
 * @param lower the lower confidence limit
 * @param upper the upper confidence limit
 * @param confidence the confidence level
 * @param pValue the two-sided p-value of "no difference"
 */
public record RmstDifference(
    double horizon,
    RestrictedMean first,
    RestrictedMean second,
    double difference,
    double stdErr,
    double lower,
    double upper,
    double confidence,
    double pValue) {

  /**
   * Compares two fitted curves up to {@code horizon} at the given confidence level.
   */
  public static RmstDifference between(
      KaplanMeier first, KaplanMeier second, double horizon, double confidence) {
    double z = SurvMath.z(confidence);
    RestrictedMean a = first.restrictedMean(horizon);
    RestrictedMean b = second.restrictedMean(horizon);
    double diff = a.value() - b.value();
    double se = Math.sqrt(a.stdErr() * a.stdErr() + b.stdErr() * b.stdErr());
    double p =
        se > 0
            ? 2 * org.apache.commons.statistics.distribution.NormalDistribution.of(0, 1)
                .survivalProbability(Math.abs(diff) / se)
            : Double.NaN;
    return new RmstDifference(
        horizon, a, b, diff, se, diff - z * se, diff + z * se, confidence, p);
  }

  @Override
  public String toString() {
    return "Restricted mean difference up to " + TextTable.cell(horizon) + ": "
        + TextTable.cell(first.value()) + " - " + TextTable.cell(second.value()) + " = "
        + TextTable.cell(difference) + " (" + TextTable.cell(confidence * 100) + "% CI "
        + TextTable.cell(lower) + " to " + TextTable.cell(upper) + "; se " + TextTable.cell(stdErr)
        + ", p = " + TextTable.cell(pValue) + ")";
  }
}
