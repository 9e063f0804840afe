package dev.cskit.ttv;

/**
 * One day of a payback curve.
 *
 * @param day the day (0 = the start, when the upfront cost is paid)
 * @param benefit the (expected) benefit on that day
 * @param cost the cost on that day (the upfront cost on day 0)
 * @param cumulativeNet the cumulative benefit minus cost up to and including the day
 * @param discountedCumulativeNet the same with each day's flow discounted by {@code (1 + r)^(-day/365)}
 */
public record PaybackPoint(
    int day, double benefit, double cost, double cumulativeNet, double discountedCumulativeNet) {}
