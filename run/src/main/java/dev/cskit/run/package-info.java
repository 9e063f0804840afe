/**
 * The monthly run: a {@link dev.cskit.run.Project} file names a team's data and configs;
 * {@link dev.cskit.run.MonthlyRun} chains usage metrics, extra metrics, scores with overrides, what changed
 * since the previous snapshot, tiers with the date each account entered its tier, capacity, the survey plan,
 * time to value and validation against outcomes, as of a date, and records a snapshot in the
 * {@link dev.cskit.run.history.HistoryStore}.
 */
package dev.cskit.run;
