package dev.cskit.ttv.stats;

/**
 * One row of a Kaplan-Meier table, at one distinct observed time (event or censoring).
 *
 * @param time the time
 * @param atRisk subjects at risk just before {@code time}
 * @param events events at {@code time}
 * @param censored subjects censored at {@code time}
 * @param survival the Kaplan-Meier estimate S(time)
 * @param stdErr the Greenwood standard error of S(time) (R's {@code std.err} times S; NaN where S = 0)
 * @param lower the lower confidence limit of S(time)
 * @param upper the upper confidence limit of S(time)
 * @param logStdErr the Greenwood standard error of log S(time) (R's {@code survfit} {@code std.err})
 * @param cumulativeHazard the Nelson-Aalen cumulative hazard
 * @param cumulativeHazardStdErr its standard error
 */
public record KmRow(
    double time,
    int atRisk,
    int events,
    int censored,
    double survival,
    double stdErr,
    double lower,
    double upper,
    double logStdErr,
    double cumulativeHazard,
    double cumulativeHazardStdErr) {}
