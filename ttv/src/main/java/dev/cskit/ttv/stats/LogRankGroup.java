package dev.cskit.ttv.stats;

/**
 * One cohort in a log-rank (or Peto-Peto) comparison.
 *
 * @param group the cohort's name
 * @param n its number of subjects
 * @param observed its observed events (weighted by S(t-)^rho for Peto-Peto, as R's {@code survdiff})
 * @param expected its expected events under equal hazards (weighted likewise)
 */
public record LogRankGroup(String group, int n, double observed, double expected) {}
