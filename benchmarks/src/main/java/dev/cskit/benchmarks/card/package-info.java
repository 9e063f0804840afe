/**
 * The benchmark card and its data, and the baselines the engine is measured against, all fed from the same
 * seeded {@link dev.cskit.core.MetricTable}: {@link dev.cskit.benchmarks.card.CardSpec} (12 linear measures,
 * weights, bands; also as scorecard JSON), {@link dev.cskit.benchmarks.card.CardData} (accounts, 5% missing),
 * {@link dev.cskit.benchmarks.card.HandTunedKernel} (a columnar loop written for this one card),
 * {@link dev.cskit.benchmarks.card.ObjectPerAccount} (a map per account, measure objects, a result object per
 * account), {@link dev.cskit.benchmarks.card.DuckDbScorer} (DuckDB in memory, CASE expressions) and
 * {@link dev.cskit.benchmarks.card.ReadAll} (the memory floor). {@link dev.cskit.benchmarks.card.ScoreSummary}
 * is what they must all agree on: band counts and the score sum.
 */
package dev.cskit.benchmarks.card;
