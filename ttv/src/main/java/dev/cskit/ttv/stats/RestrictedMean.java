package dev.cskit.ttv.stats;

/**
 * The restricted mean time to event up to a horizon: the area under the survival curve from 0 to
 * {@code horizon}, with its standard error (as {@code print(survfit, rmean = horizon)} in R).
 *
 * @param horizon the upper limit of integration
 * @param value the restricted mean
 * @param stdErr its standard error
 */
public record RestrictedMean(double horizon, double value, double stdErr) {}
