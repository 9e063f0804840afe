package dev.cskit.retention;

/**
 * What the revenue of one group of accounts (a band, a tier, or all) did over a horizon after the snapshot.
 * Intervals are at the analysis's confidence level ({@link BandRetention#confidence()}, 95% by default):
 * Wilson's score interval for logo churn; for NRR and GRR the ratio estimator's
 * delta-method (linearisation) interval {@code R ± z se} (z = 1.96 at 95%), {@code se = sqrt(sum (y_i - R x_i)^2 / (n (n -
 * 1))) / mean(x)}, with GRR's clipped to [0, 1] and NRR's lower end to 0 or more. NaN where undefined (a
 * horizon past the history, fewer than 2 accounts for the ratio intervals).
 *
 * @param dimension {@code band}, {@code tier} or {@code all}
 * @param group the band or tier name ({@code all} for the whole portfolio)
 * @param horizonMonths months after the snapshot's base month
 * @param observed whether the horizon's month is inside the history
 * @param accounts accounts of the group with MRR at the snapshot's base month
 * @param startMrr their MRR then (cents)
 * @param endMrr their MRR at the horizon (cents; 0 when not observed)
 * @param churnedAccounts of them, accounts with no MRR at the horizon
 */
public record BandRow(
    String dimension,
    String group,
    int horizonMonths,
    boolean observed,
    int accounts,
    long startMrr,
    long endMrr,
    double nrr,
    double nrrLower,
    double nrrUpper,
    double grr,
    double grrLower,
    double grrUpper,
    int churnedAccounts,
    double logoChurn,
    double logoChurnLower,
    double logoChurnUpper) {}
