/**
 * JMH benchmarks of the health-score hot path (issue 4), run from the shaded
 * {@code benchmarks/target/benchmarks.jar}; not published. {@link dev.cskit.benchmarks.CardBenchmark} scores
 * the 12-measure card over 1M accounts with the engine (scalar and Vector API, one and two threads)
 * side by side with the baselines in {@link dev.cskit.benchmarks.card};
 * {@link dev.cskit.benchmarks.SingleAccountBenchmark} measures one account;
 * {@link dev.cskit.benchmarks.FeatureBenchmark} the cost of caps, overrides, percentile and trend rules and
 * explanations. See {@code benchmarks/README.md} for the command, the machine and the results.
 */
package dev.cskit.benchmarks;
