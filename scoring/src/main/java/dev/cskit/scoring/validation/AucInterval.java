package dev.cskit.scoring.validation;

import dev.cskit.core.io.TextTable;

/**
 * An ROC AUC with its confidence interval.
 *
 * @param auc the AUC (Mann-Whitney, ties half)
 * @param lower the interval's lower end
 * @param upper the interval's upper end
 * @param level the confidence level, e.g. 0.95
 * @param standardError DeLong's standard error, or the bootstrap replicates' standard deviation
 * @param method {@code delong} or {@code bootstrap}
 * @param churned the number of churned cases
 * @param retained the number of retained cases
 */
public record AucInterval(
    double auc, double lower, double upper, double level, double standardError, String method,
    int churned, int retained) {

  @Override
  public String toString() {
    return "AUC " + TextTable.number(auc) + " (" + Math.round(level * 100) + "% CI " + TextTable.number(lower)
        + " to " + TextTable.number(upper) + ", " + method + "; " + churned + " churned, " + retained
        + " retained)";
  }
}
