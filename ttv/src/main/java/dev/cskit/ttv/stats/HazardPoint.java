package dev.cskit.ttv.stats;

/**
 * One step of the Nelson-Aalen cumulative hazard.
 *
 * @param time the time
 * @param cumulativeHazard the cumulative hazard {@code sum d/n} up to and including {@code time}
 * @param stdErr its standard error {@code sqrt(sum d/n^2)} (R's {@code std.chaz})
 */
public record HazardPoint(double time, double cumulativeHazard, double stdErr) {}
