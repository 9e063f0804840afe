/**
 * The scoring engine's kernels; not public API.
 *
 * <h2>Structure (for anyone adding a faster kernel)</h2>
 * <ul>
 *   <li>{@link dev.cskit.scoring.internal.CompiledCard}: a scorecard lowered to arrays: per measure a
 *       {@link dev.cskit.scoring.internal.RuleKernel}, its category index, weight and coverage weight; per
 *       category its weight and aggregate; band minimums; {@link dev.cskit.scoring.internal.CapKernel}s.
 *       Inputs are addressed by <em>slot</em>: {@code bind(table)} returns the table's backing
 *       {@code double[]} columns (via {@code TableAccess}, no copy) in slot order, with room for derived
 *       percentile columns after them.
 *   <li>{@link dev.cskit.scoring.internal.RuleKernel} subclasses ({@code LinearKernel}, {@code StepsKernel},
 *       {@code BooleanKernel}, {@code TrendKernel}, {@code ColumnKernel}) each implement
 *       {@code raw(in, from, len, out)}: a tight loop over one block of rows writing sub-scores (NaN for
 *       missing) straight into the result column; {@code apply} then fills missing values per policy and
 *       writes the 0/1 observed mask. A vectorised kernel only has to implement {@code raw} with the same
 *       arithmetic (same operations in the same order) to keep batch == single bit for bit.
 *   <li>{@link dev.cskit.scoring.internal.BlockEngine#run}: the block loop (BLOCK = 1024 rows); phases
 *       1 rule kernels, 2 measure overrides, 3 category weighted sums / weight sums (or minimums) and
 *       coverage into reusable block buffers, 4 category overrides, overall mean and caps, 5 overall
 *       overrides and bands. Per call it allocates the result columns and the block buffers, nothing per
 *       row.
 *   <li>{@link dev.cskit.scoring.internal.Percentiles}: the mid-rank percentile, derived over the whole
 *       population before the block pass, and against a reference for single accounts; both through
 *       {@code Percentiles.score(below, equal, count)}.
 *   <li>{@link dev.cskit.scoring.internal.OverridePlan}: active overrides resolved to (row, kind, index,
 *       value), sorted by row; the engine walks them with its blocks.
 *   <li>{@link dev.cskit.scoring.internal.CardResult}: the output columns of one card.
 * </ul>
 * Single-account scoring builds one-row columns and calls the same {@code BlockEngine.run}.
 */
package dev.cskit.scoring.internal;
