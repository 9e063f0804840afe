package dev.cskit.ttv.stats;

import java.util.List;

/**
 * One row of an Aalen-Johansen estimate with competing events, at one distinct observed time.
 *
 * @param time the time
 * @param atRisk subjects still in the initial state just before {@code time}
 * @param events events of each type at {@code time} (index 0 = type 1)
 * @param censored subjects censored at {@code time}
 * @param eventFree the probability of still being event-free (R's {@code (s0)} state)
 * @param incidence the cumulative incidence of each event type (index 0 = type 1)
 * @param stdErr the standard error of each cumulative incidence (infinitesimal jackknife, as R)
 * @param lower the lower confidence limit of each cumulative incidence
 * @param upper the upper confidence limit of each cumulative incidence
 */
public record CifRow(
    double time,
    int atRisk,
    List<Integer> events,
    int censored,
    double eventFree,
    List<Double> incidence,
    List<Double> stdErr,
    List<Double> lower,
    List<Double> upper) {
  public CifRow {
    events = List.copyOf(events);
    incidence = List.copyOf(incidence);
    stdErr = List.copyOf(stdErr);
    lower = List.copyOf(lower);
    upper = List.copyOf(upper);
  }
}
