package dev.cskit.retention;

/**
 * The rates of one period. Undefined rates (nothing to divide by) are NaN.
 *
 * @param label the period
 * @param startingAccounts accounts with MRR at the end of the month before the period
 * @param logoChurn accounts that churned in the period / {@code startingAccounts}
 * @param grossMrrChurn (contraction + churn) / starting MRR
 * @param netMrrChurn (contraction + churn - expansion - reactivation) / starting MRR (negative when the base
 *     grows on its own)
 * @param quickRatio (new + expansion + reactivation) / (contraction + churn)
 * @param expansionShare expansion / (new + expansion + reactivation): the share of added MRR that came from
 *     existing accounts
 * @param grr of the starting accounts: the sum over accounts of min(MRR at the period's end, MRR at start) over
 *     their MRR at start
 * @param nrr of the starting accounts: their MRR at the period's end over their MRR at start
 * @param accounts12 accounts with MRR 12 months before the period's last month (the cohort of the 12-month
 *     rates)
 * @param grr12 12-month GRR by the cohort method (each account capped at its MRR 12 months before)
 * @param nrr12 12-month NRR by the cohort method: the cohort's MRR now over its MRR 12 months before
 */
public record RateRow(
    String label,
    int startingAccounts,
    double logoChurn,
    double grossMrrChurn,
    double netMrrChurn,
    double quickRatio,
    double expansionShare,
    double grr,
    double nrr,
    int accounts12,
    double grr12,
    double nrr12) {}
