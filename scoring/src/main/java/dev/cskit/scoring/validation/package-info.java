/**
 * Does the health score predict churn, and which weights would make it predict better.
 *
 * <p>A {@link dev.cskit.scoring.validation.Backtest} labels score snapshots (account, as-of date, score,
 * band, measure sub-scores: {@link dev.cskit.scoring.validation.ScoreSnapshots}) by what happened in the
 * horizon that followed each one ({@link dev.cskit.scoring.validation.ChurnOutcomes}), never by what was
 * known earlier or later. {@link dev.cskit.scoring.validation.ScoreValidation} measures the score's worth on
 * it: ROC AUC with a DeLong or bootstrap interval and precision-recall AUC
 * ({@link dev.cskit.scoring.validation.RankMetrics}), churn per band and its multiple of the base rate,
 * monotonicity, top-decile lift, early warning and lead time, the same per measure, and a
 * {@link dev.cskit.scoring.validation.Calibration} from score to churn probability (isotonic and Platt).
 * {@link dev.cskit.scoring.validation.WeightFit} fits non-negative weights by a logistic regression shrunk
 * toward the current ones, with an out-of-time comparison; {@link dev.cskit.scoring.validation.ScorecardFit}
 * turns the fit into the card's next revision (YAML with each weight's change).
 *
 * <pre>{@code
 * ScoreSnapshots snaps = ScoreSnapshots.readCsv(Path.of("snapshots.csv"));  // or ScoreSnapshots.of(scoreTable, asOf)
 * ChurnOutcomes outcomes = ChurnOutcomes.readCsv(Path.of("outcomes.csv"));
 * ValidationReport report = ScoreValidation.validate(Backtest.run(snaps, outcomes, 90));
 * ScorecardFit.Result next = ScorecardFit.fit(card, snaps, outcomes, 90, WeightFit.DEFAULT_STRENGTH, null);
 * Files.writeString(Path.of("card-v2.yaml"), next.yaml());
 * }</pre>
 *
 * <p>Everything here is immutable or stateless, and thread-safe.
 */
package dev.cskit.scoring.validation;
