package dev.cskit.ttv.stats;

/**
 * A point estimate with its confidence limits. A limit the data cannot give is {@code NaN} (printed as
 * {@code null} in JSON).
 *
 * @param value the estimate
 * @param lower the lower confidence limit
 * @param upper the upper confidence limit
 */
public record Estimate(double value, double lower, double upper) {}
