package dev.cskit.touchmodel;

/**
 * One tier's load: accounts, their ARR and LTV (at the tier's churn), the hours their cadence needs per month,
 * the hours available (infinite when unlimited), and the monthly cost.
 */
public record TierSummary(
    String tier, int accounts, double arr, double ltv, double hoursNeeded, double hoursAvailable, double cost) {

  /** hoursNeeded / hoursAvailable (0 when unlimited). */
  public double utilisation() {
    return Double.isInfinite(hoursAvailable) ? 0 : hoursAvailable == 0 ? (hoursNeeded == 0 ? 0 : Double.POSITIVE_INFINITY) : hoursNeeded / hoursAvailable;
  }
}
