/**
 * Peers of the command-line pipeline benchmark ({@code benchmarks/pipeline.sh}): {@link
 * dev.cskit.benchmarks.pipeline.DuckDbUsage} runs {@code cskit usage}'s aggregation in DuckDB.
 */
package dev.cskit.benchmarks.pipeline;
