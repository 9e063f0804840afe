package dev.cskit.scoring.validation;

/**
 * The churn in one tenth of the cases ranked by risk, highest risk first (decile 1 is the riskiest tenth).
 * Decile d holds the cases ranked {@code ceil(n (d - 1) / 10) + 1} to {@code ceil(n d / 10)}; cases tied
 * across a boundary count in each decile in proportion (the expected value when ties are broken at random),
 * so {@code churned} may be fractional. Decile 1's lift is the top-decile lift.
 *
 * @param decile 1 to 10
 * @param cases the cases in the decile
 * @param churned the churned cases in it (expected over random tie breaks)
 * @param churnRate churned / cases (NaN when the decile is empty)
 * @param lift churnRate / the overall churn rate
 */
public record DecileLift(int decile, int cases, double churned, double churnRate, double lift) {}
