package dev.cskit.run.history;

import dev.cskit.core.AccountId;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;

/**
 * One account in one snapshot.
 *
 * @param accountId the account
 * @param cardName the scorecard that scored it (of a set), or null when unscored
 * @param cardVersion that card's version, or null
 * @param cardHash that card's content hash, or null
 * @param score its health score (NaN when undefined)
 * @param band its band as scored (null when unscored)
 * @param trackedBand its band after hysteresis across snapshots (null when unscored)
 * @param tier its touch tier, or null
 * @param tierSince the date it entered that tier, or null
 * @param metrics the metric values, in the order of {@link Snapshot#metricNames()} (NaN when missing)
 * @param subScores the sub-scores, in the order of {@link Snapshot#measureNames()} (NaN when none)
 * @param manager its manager (book of business), or null when none is assigned
 */
public record AccountSnapshot(
    AccountId accountId,
    String cardName,
    Integer cardVersion,
    String cardHash,
    double score,
    String band,
    String trackedBand,
    String tier,
    LocalDate tierSince,
    double[] metrics,
    double[] subScores,
    String manager) {

  /** An account without a manager. */
  public AccountSnapshot(AccountId accountId, String cardName, Integer cardVersion, String cardHash, double score,
      String band, String trackedBand, String tier, LocalDate tierSince, double[] metrics, double[] subScores) {
    this(accountId, cardName, cardVersion, cardHash, score, band, trackedBand, tier, tierSince, metrics, subScores,
        null);
  }

  /** Checks the id and copies the arrays. */
  public AccountSnapshot {
    Objects.requireNonNull(accountId, "accountId");
    metrics = metrics.clone();
    subScores = subScores.clone();
  }

  @Override
  public double[] metrics() {
    return metrics.clone();
  }

  @Override
  public double[] subScores() {
    return subScores.clone();
  }

  /** One metric value by position (no copy). */
  public double metric(int i) {
    return metrics[i];
  }

  /** One sub-score by position (no copy). */
  public double subScore(int i) {
    return subScores[i];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AccountSnapshot a && accountId.equals(a.accountId) && Objects.equals(cardName, a.cardName)
        && Objects.equals(cardVersion, a.cardVersion) && Objects.equals(cardHash, a.cardHash)
        && Double.compare(score, a.score) == 0 && Objects.equals(band, a.band)
        && Objects.equals(trackedBand, a.trackedBand) && Objects.equals(tier, a.tier)
        && Objects.equals(tierSince, a.tierSince) && Arrays.equals(metrics, a.metrics)
        && Arrays.equals(subScores, a.subScores) && Objects.equals(manager, a.manager);
  }

  @Override
  public int hashCode() {
    return Objects.hash(accountId, cardName, score, tier, Arrays.hashCode(metrics));
  }

  @Override
  public String toString() {
    return "AccountSnapshot[" + accountId + " " + cardName + " score=" + score + " band=" + band + " tracked="
        + trackedBand + " tier=" + tier + " since " + tierSince + (manager == null ? "" : " manager=" + manager) + "]";
  }
}
