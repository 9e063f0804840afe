package dev.cskit.spark;

import java.io.Serializable;

/**
 * Which optional columns {@link SparkScorer} writes beside {@code account_id, score, band, coverage, card,
 * card_version, card_hash}: category scores ({@code category_<id>}), measure sub-scores
 * ({@code measure_<id>}), contributions to the score ({@code contribution_<measure id>}, in points).
 *
 * @param categories whether to write category scores
 * @param measures whether to write measure sub-scores (a detailed re-run of each block, same bits)
 * @param contributions whether to write contributions (each row materialised; the slowest option)
 */
public record ScoreColumns(boolean categories, boolean measures, boolean contributions) implements Serializable {
  /** The score, band, coverage and card only. */
  public static final ScoreColumns BASIC = new ScoreColumns(false, false, false);
  /** With category scores and measure sub-scores: what score snapshots need. */
  public static final ScoreColumns SUB_SCORES = new ScoreColumns(true, true, false);
  /** Everything. */
  public static final ScoreColumns ALL = new ScoreColumns(true, true, true);
}
