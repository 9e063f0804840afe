package dev.cskit.ttv.stats;

import dev.cskit.core.io.TextTable;
import java.util.List;

/**
 * The result of a log-rank ({@code rho = 0}) or Peto-Peto ({@code rho = 1}) test of equal survival across
 * two or more cohorts, as R's {@code survdiff}.
 *
 * @param rho the weight exponent: 0 log-rank, 1 Peto-Peto
 * @param chiSquare the chi-square statistic
 * @param df degrees of freedom: cohorts with a positive expected count, minus 1
 * @param pValue the upper-tail chi-square probability
 * @param groups observed and expected events per cohort, cohorts in {@link LogRank#GROUP_ORDER}
 */
public record LogRankResult(
    double rho, double chiSquare, int df, double pValue, List<LogRankGroup> groups) {
  public LogRankResult {
    groups = List.copyOf(groups);
  }

  @Override
  public String toString() {
    TextTable t = TextTable.withHeader("group", "n", "observed", "expected").column(3, TextTable.decimals(2));
    for (LogRankGroup g : groups) {
      t.row(g.group(), g.n(), g.observed(), g.expected());
    }
    return (rho == 0 ? "Log-rank" : "Peto-Peto (rho = " + TextTable.cell(rho) + ")")
        + " test: chi-square " + TextTable.cell(chiSquare) + " on " + df + " df, p = "
        + TextTable.cell(pValue) + "\n" + t;
  }
}
