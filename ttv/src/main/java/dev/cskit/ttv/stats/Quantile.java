package dev.cskit.ttv.stats;

/**
 * A quantile of a time-to-event distribution: the time by which a share {@code p} of subjects have had the
 * event, with the confidence limits found by the same rule on the lower and upper survival curves (R's
 * {@code quantile.survfit}). A quantile the data never reach is {@code NaN} (null in JSON), never a guess.
 *
 * @param p the probability (0.5 = median)
 * @param value the quantile
 * @param lower its lower confidence limit (from the lower survival curve)
 * @param upper its upper confidence limit (from the upper survival curve)
 */
public record Quantile(double p, double value, double lower, double upper) {}
