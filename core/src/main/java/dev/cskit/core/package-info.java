/**
 * The core of cskit: accounts ({@link dev.cskit.core.Account}), columnar metric tables
 * ({@link dev.cskit.core.MetricTable}), usage events and their aggregation
 * ({@link dev.cskit.core.UsageAggregator}), configuration I/O ({@link dev.cskit.core.Configs}) and the
 * {@link dev.cskit.core.CskitException} family of errors. Concepts shared by the feature modules (a
 * {@link dev.cskit.core.HealthBand}, a {@link dev.cskit.core.TouchTier}) live here too.
 */
package dev.cskit.core;
