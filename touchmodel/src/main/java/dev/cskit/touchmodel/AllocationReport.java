package dev.cskit.touchmodel;

/**
 * How good an allocation is: its objective (total LTV x uplift), the greedy pass's value, the LP-relaxation
 * upper bound, the gap between bound and objective (0 proves it optimal), and the exchange moves made.
 */
public record AllocationReport(
    double objective, double greedyObjective, double upperBound, double gap, int exchanges) {

  static AllocationReport of(Allocation a) {
    return new AllocationReport(a.objective(), a.greedyObjective(), a.upperBound(), a.gap(), a.exchanges());
  }
}
