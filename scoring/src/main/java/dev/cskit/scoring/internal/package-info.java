/**
 * The scoring engine's kernels; not public API. Nothing here imports the API package
 * ({@code dev.cskit.scoring}): kernels, caps and override plans take primitives and arrays, and the API's
 * package-private {@code CardCompiler} translates scorecards, rules, caps and overrides into them.
 *
 * <h2>Structure (for anyone adding a faster kernel)</h2>
 * <ul>
 *   <li>{@link dev.cskit.scoring.internal.CompiledCard}: a scorecard lowered to arrays (through its
 *       {@code Builder}; rule kernels made by the {@code RuleKernel} factories): per measure a
 *       {@link dev.cskit.scoring.internal.RuleKernel}, its category index and weight; per category its
 *       weight, aggregate and coverage factor; band minimums; {@link dev.cskit.scoring.internal.CapKernel}s.
 *       Inputs are addressed by <em>slot</em>: {@code bind(table)} returns the table's backing
 *       {@code double[]} columns (via {@code TableAccess}, no copy) in slot order, with room for derived
 *       percentile columns after them.
 *   <li>{@link dev.cskit.scoring.internal.RuleKernel} subclasses ({@code LinearKernel}, {@code StepsKernel},
 *       {@code BooleanKernel}, {@code TrendKernel}, {@code ColumnKernel}) each implement two loops over one
 *       block of rows: {@code raw(in, from, len, out, off)} writes sub-scores (NaN for missing), and
 *       {@code fused(...)} computes the same sub-scores and, without storing them, applies the missing policy
 *       and accumulates the weight sum, the weighted sum and the weight filled in (present, not observed)
 *       into the block buffers through
 *       {@code RuleKernel.accumulate}. Kernels are branch-free on the data path (segment search by counting,
 *       NaN handled by selects). A vectorised kernel (Vector API) overrides {@code fused} (and {@code raw})
 *       with the same operations in the same order per row, so that batch == single stays bit for bit.
 *   <li>{@link dev.cskit.scoring.internal.BlockEngine#run}: the block loop (BLOCK = 1024 rows). Per block and
 *       measure the fused kernel (the common case), or, for a detailed run, a measure overridden in the
 *       block, a {@code min} category or the {@code fail} policy, the same arithmetic step by step (raw,
 *       observed mask, policy, patch, sums). Then coverage (per category: factor x (weight present - weight
 *       filled in)), category scores, category overrides, the overall weighted
 *       mean, cap kernels, bands and overall overrides. A batch run keeps score, band, coverage, fired caps
 *       and category columns; measure sub-scores are kept only by a detailed run
 *       ({@code CardResult.detailed()}, {@code CardResult.row(i)}), which the {@code ScoreTable} triggers on
 *       demand. Per call it allocates the result columns and the block buffers, nothing per row.
 *   <li>{@link dev.cskit.scoring.internal.Percentiles}: the mid-rank percentile, derived over the whole
 *       population before the block pass (each column ranked once by a bucket pass and a radix sort,
 *       {@code Percentiles.Ranker}), and against a reference for single accounts; both through
 *       {@code Percentiles.score(below, equal, count)}.
 *   <li>{@link dev.cskit.scoring.internal.OverridePlan}: active overrides resolved to (row, kind, index,
 *       value, source number), sorted by row; the engine walks them with its blocks, and the caller maps the
 *       source numbers back to its overrides.
 *   <li>{@link dev.cskit.scoring.internal.CardResult}: the output columns of one card.
 * </ul>
 * Single-account scoring builds one-row columns and calls the same {@code BlockEngine.run}.
 */
package dev.cskit.scoring.internal;
