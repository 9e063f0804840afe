/**
 * The history store: one snapshot per as-of date (metrics, sub-scores, scores, bands, tiers with the date
 * each account entered its tier, alerts, survey waves, the scorecard's name, version and hash), in DuckDB
 * (embedded, a file beside the project) or PostgreSQL, through a {@link javax.sql.DataSource}.
 */
package dev.cskit.run.history;
