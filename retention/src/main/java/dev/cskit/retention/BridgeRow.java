package dev.cskit.retention;

import java.time.YearMonth;

/**
 * One period of an MRR bridge. Amounts are cents; {@code starting + newMrr + expansion + reactivation -
 * contraction - churn == ending} holds exactly. Counts of a movement are distinct accounts with that movement
 * in the period; starting and ending counts are accounts with MRR above 0.
 *
 * @param label the period ({@code 2026-03}, {@code 2026-Q1} or {@code 2026})
 * @param firstMonth the first month of the period inside the history
 * @param lastMonth the last month of the period inside the history
 * @param starting MRR at the end of the month before the period (0 before the history starts)
 * @param newMrr MRR of accounts with their first MRR (or returning after more than the reactivation window)
 * @param expansion increases of accounts that had MRR and still have it
 * @param reactivation MRR of accounts returning after churn
 * @param contraction decreases of accounts that had MRR and still have it
 * @param churn MRR lost by accounts left with no MRR
 * @param ending MRR at the end of the period's last month
 */
public record BridgeRow(
    String label,
    YearMonth firstMonth,
    YearMonth lastMonth,
    long starting,
    long newMrr,
    long expansion,
    long reactivation,
    long contraction,
    long churn,
    long ending,
    int startingAccounts,
    int newAccounts,
    int expansionAccounts,
    int reactivationAccounts,
    int contractionAccounts,
    int churnedAccounts,
    int endingAccounts) {

  /** Whether the bridge of this period reconciles (it always does; for checks). */
  public boolean reconciles() {
    return starting + newMrr + expansion + reactivation - contraction - churn == ending;
  }

  /** Net new MRR: ending - starting. */
  public long netNew() {
    return ending - starting;
  }
}
