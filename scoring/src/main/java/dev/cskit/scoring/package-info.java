/**
 * The health-score engine: versioned scorecards compiled into immutable, thread-safe scorers, with
 * explanations and history.
 *
 * <h2>Configuration</h2>
 * A {@link dev.cskit.scoring.Scorecard} (JSON or YAML, read through {@link dev.cskit.core.Configs}) has
 * {@link dev.cskit.scoring.Measure measures} (metric, weight, {@link dev.cskit.scoring.Rule rule}:
 * linear, steps, boolean, percentile, trend; {@link dev.cskit.scoring.MissingPolicy missing policy}),
 * optional {@link dev.cskit.scoring.Category categories} (weighted mean or min), {@link dev.cskit.scoring.Band
 * bands}, {@code minCoverage} and {@link dev.cskit.scoring.Cap caps}. A
 * {@link dev.cskit.scoring.ScorecardSet} picks a card per account (stage, attribute, ARR range).
 * {@link dev.cskit.scoring.ScoreOverride Overrides} are given separately and applied for an as-of instant
 * in [from, until). Every record validates itself; errors name their path ({@code measures[2].rule.points}).
 *
 * <h2>Arithmetic</h2>
 * A category's score is the weighted mean (or minimum) of its measures that have a sub-score; the overall
 * score is the weighted mean of the categories that have one, weights renormalised. Coverage is the share of
 * the total weight (category weight x the measure's share inside it) whose values were observed; below
 * {@code minCoverage} the band is {@code INSUFFICIENT_DATA}. Caps then lower the score; an overall override
 * replaces it. Measure and category overrides flow through the aggregation.
 *
 * <h2>Scoring</h2>
 * {@link dev.cskit.scoring.Scorecard#compile()} gives a {@link dev.cskit.scoring.HealthScorer}:
 * {@code score(MetricTable)} or {@code score(MetricTable, ScoringOptions)} (accounts, overrides and their
 * as-of instant, parallelism: {@link dev.cskit.scoring.ScoringOptions}) fills a columnar
 * {@link dev.cskit.scoring.ScoreTable}; {@code score(id, metrics, ...)} gives one
 * {@link dev.cskit.scoring.HealthScore}. Both run the same block engine
 * ({@code dev.cskit.scoring.internal.BlockEngine}), on one-row columns for a single account, so batch and
 * single results agree bit for bit. The public types are thin: package-private collaborators do the work
 * ({@code CardCompiler} lowers a card to the engine's arrays, dispatching rule kinds through the exhaustive
 * {@link dev.cskit.scoring.Rule.Visitor}; {@code BatchScoring} picks cards, binds columns, derives percentiles
 * and resolves overrides ({@code ActiveOverrides}); {@code CardScores} and {@code AttributionMath} turn engine
 * rows into {@code HealthScore}s). The dependency is one-way: {@code internal} imports nothing of this
 * package. The engine works in blocks of 1024 accounts over the raw {@code double[]}
 * columns: per measure one specialised, branch-free kernel computes the rule, applies the missing policy and
 * accumulates coverage, weighted sums and weight sums into reusable block buffers; then category scores,
 * overrides, the overall weighted mean, cap kernels and bands. No object per account, no boxing. The batch
 * keeps score, band, coverage, fired caps and category columns; measure sub-scores and attributions are
 * recomputed on demand by the same engine (same bits). Percentile measures are ranked over the whole
 * population before the block pass (mid-rank: (below + (equal - 1)/2) / (present - 1)); single accounts rank
 * against an explicit
 * {@link dev.cskit.scoring.PercentileReference}.
 *
 * <h2>Explanations and history</h2>
 * {@link dev.cskit.scoring.HealthScore#attribution()} splits each score into per-measure points that sum to the
 * score before caps and overrides ({@code 62.5 yellow = logins 30.0 + seats 20.0 + tickets 12.5});
 * {@link dev.cskit.scoring.ScoreDiff} explains a change between two scorings; {@link dev.cskit.scoring.BandTracker}
 * stabilises bands over time (hysteresis, smoothing, drop alerts). Every result carries the card's
 * {@link dev.cskit.scoring.ScorecardRef name, revision and content hash}.
 *
 * <p>Built-in cards: {@code Scorecard.builtIn("three-axis")}, {@code Scorecard.builtIn("onboarding")}, and the
 * set {@code ScorecardSet.builtIn("by-stage")}; they read the sample portfolio's metric columns.
 */
package dev.cskit.scoring;
