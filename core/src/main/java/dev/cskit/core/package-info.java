/**
 * The core of cskit: accounts ({@link dev.cskit.core.Account}), columnar metric tables
 * ({@link dev.cskit.core.MetricTable}), usage events and their aggregation
 * ({@link dev.cskit.core.UsageAggregator}), configuration I/O ({@link dev.cskit.core.Configs}) and the
 * {@link dev.cskit.core.CskitException} family of errors. Concepts shared by the feature modules (a
 * {@link dev.cskit.core.HealthBand}, a {@link dev.cskit.core.TouchTier}) live here too.
 *
 * <h2>Value types across cskit</h2>
 *
 * <p>Immutables where a builder pays (several optional fields, option objects); records for small plain
 * values. A type whose callers set a few of many optional fields, or that groups the options of a call,
 * is an Immutables-generated value with a builder; a small value whose fields are all given (an id, a
 * row of a result, a configuration element) is a record that validates itself in its compact constructor.
 *
 * <h2>Errors</h2>
 *
 * <p>Every bad argument, input or configuration is a {@link dev.cskit.core.CskitException}: a bad argument
 * to a method is an {@link dev.cskit.core.ArgumentException} naming the parameter (never an
 * {@link java.lang.IllegalArgumentException}), bad data a {@link dev.cskit.core.DataException}, bad
 * configuration a {@link dev.cskit.core.ConfigException}, and a plan that cannot be met an
 * {@link dev.cskit.core.InfeasiblePlanException}.
 */
package dev.cskit.core;
