package dev.cskit.touchmodel;

import java.util.Arrays;

/**
 * The result of {@link Allocator#solve}: a tier per account, the objective (total value), the value the
 * greedy pass reached before exchanges, an upper bound from the LP relaxation's dual (any feasible
 * assignment's value is at most this), the gap between them, and the dual price of a slot in each tier.
 */
public final class Allocation {
  private final int[] tierOf;
  private final double objective;
  private final double greedyObjective;
  private final double upperBound;
  private final double[] prices;
  private final int exchanges;

  Allocation(int[] tierOf, double objective, double greedyObjective, double upperBound, double[] prices,
      int exchanges) {
    this.tierOf = tierOf;
    this.objective = objective;
    this.greedyObjective = greedyObjective;
    this.upperBound = upperBound;
    this.prices = prices;
    this.exchanges = exchanges;
  }

  /** The tier (index) of an account. */
  public int tierOf(int account) {
    return tierOf[account];
  }

  /** Every account's tier index (a copy). */
  public int[] tiers() {
    return tierOf.clone();
  }

  /** Total value of the assignment. */
  public double objective() {
    return objective;
  }

  /** The value after the greedy pass (before exchange improvements). */
  public double greedyObjective() {
    return greedyObjective;
  }

  /** The LP-relaxation upper bound (a dual feasible value). */
  public double upperBound() {
    return upperBound;
  }

  /** {@code upperBound - objective}, never negative: 0 proves the assignment optimal. */
  public double gap() {
    return Math.max(0, upperBound - objective);
  }

  /** The gap relative to the bound. */
  public double relativeGap() {
    return upperBound == 0 ? 0 : gap() / Math.abs(upperBound);
  }

  /** The dual price of one account slot in a tier (0 when the tier has room). */
  public double price(int tier) {
    return prices[tier];
  }

  /** How many exchange moves improved the greedy start. */
  public int exchanges() {
    return exchanges;
  }

  @Override
  public String toString() {
    return "Allocation{objective=" + objective + ", greedy=" + greedyObjective + ", upperBound=" + upperBound
        + ", gap=" + gap() + ", prices=" + Arrays.toString(prices) + "}";
  }
}
