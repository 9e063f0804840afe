package dev.cskit.ttv;

/**
 * The shape of one cumulative net curve.
 *
 * @param troughDay the day of the lowest cumulative net (the deepest point of the negative phase)
 * @param troughDepth the lowest cumulative net (negative when there is a negative phase)
 * @param paybackDay the first day after the trough where the cumulative net gets back to 0, interpolated
 *     linearly inside the crossing day ({@code d - 1 + N(d-1) / (N(d-1) - N(d))}); 0 when the curve never
 *     goes negative; NaN when it does not pay back within the horizon
 */
public record PaybackSummary(int troughDay, double troughDepth, double paybackDay) {}
