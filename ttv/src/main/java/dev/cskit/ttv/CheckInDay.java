package dev.cskit.ttv;

/**
 * The recommended day for a progress call.
 *
 * @param day the day (fractional, since the start) where the chance of reaching value within the next
 *     {@code windowDays} days, given not yet reached, first falls below {@code threshold} after having
 *     been at or above it; NaN when it never does
 * @param windowDays the look-ahead window k
 * @param threshold the threshold
 * @param chanceAtDay the conditional chance at {@code day} (NaN when there is no day)
 * @param peakChance the highest conditional chance on the curve, and where it is
 * @param peakDay the day of the highest conditional chance
 */
public record CheckInDay(
    double day,
    double windowDays,
    double threshold,
    double chanceAtDay,
    double peakChance,
    double peakDay) {}
