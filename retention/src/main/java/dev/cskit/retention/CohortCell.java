package dev.cskit.retention;

/**
 * One cell of a cohort triangle: a group's accounts some months after each one's start.
 *
 * @param monthsSinceStart months after the account's first month with MRR (0 = that month)
 * @param observedAccounts accounts of the group whose month {@code start + monthsSinceStart} is inside the
 *     history
 * @param activeAccounts of those, accounts with MRR above 0 in that month
 * @param startMrr of those, their MRR in their first month (cents)
 * @param mrr of those, their MRR in that month (cents)
 */
public record CohortCell(int monthsSinceStart, int observedAccounts, int activeAccounts, long startMrr, long mrr) {
  /** Logo retention: active / observed accounts (NaN when none is observed). */
  public double logoRetention() {
    return observedAccounts == 0 ? Double.NaN : (double) activeAccounts / observedAccounts;
  }

  /** Revenue retention: MRR now over the same accounts' starting MRR (NaN when that is 0). */
  public double revenueRetention() {
    return startMrr == 0 ? Double.NaN : (double) mrr / startMrr;
  }
}
