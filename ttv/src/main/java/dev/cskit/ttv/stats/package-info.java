/**
 * Shared statistics of cskit, each one checked against R or Python on public data sets.
 *
 * <p>Survival analysis for right-censored durations, following R's {@code survival} package (3.5)
 * number for number: {@link dev.cskit.ttv.stats.KaplanMeier} (table, Greenwood standard errors,
 * plain/log/log-log intervals at any level, quantiles with limits, restricted means, Nelson-Aalen
 * cumulative hazard), {@link dev.cskit.ttv.stats.LogRank} (log-rank and Peto-Peto tests for two or more
 * cohorts, as {@code survdiff}), {@link dev.cskit.ttv.stats.RmstDifference} (difference of restricted
 * means between two cohorts) and {@link dev.cskit.ttv.stats.AalenJohansen} (cumulative incidence with
 * competing events, as multi-state {@code survfit}). All results are immutable; missing or unreachable
 * values are {@code NaN}, never invented.
 */
package dev.cskit.ttv.stats;
