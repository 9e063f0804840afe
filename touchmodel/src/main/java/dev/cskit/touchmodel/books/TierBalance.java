package dev.cskit.touchmodel.books;

/**
 * How well one tier's books are balanced, and how close to the best possible.
 *
 * <p>The objective, after continuity: first the peak hours utilisation over the tier's managers (hours
 * booked / hours available), then the peak ARR share (ARR owned / the manager's fair share of the tier's
 * ARR, fair being proportional to hours). Both are minimised over the accounts continuity does not keep.
 *
 * @param tier the tier
 * @param managers its managers
 * @param accounts its accounts
 * @param kept accounts continuity kept with last month's manager
 * @param placed accounts placed by the balancing (new, moved)
 * @param meanUtilisation hours needed / hours available over the tier
 * @param peakUtilisation the highest manager utilisation
 * @param utilisationBound a lower bound of the peak utilisation given the kept accounts (water-filling
 *     relaxation: accounts divisible, skills ignored)
 * @param peakArrShare the highest ARR share
 * @param arrShareBound a lower bound of the peak ARR share, by the same relaxation
 * @param optimal whether the search was exhaustive: the assignment is then optimal for this objective among
 *     all that keep the same accounts; otherwise the gaps are upper bounds of the distance to the optimum
 */
public record TierBalance(String tier, int managers, int accounts, int kept, int placed, double meanUtilisation,
    double peakUtilisation, double utilisationBound, double peakArrShare, double arrShareBound,
    boolean optimal) {
  /** Peak utilisation - its bound (0 when the bound is met). */
  public double utilisationGap() {
    return peakUtilisation - utilisationBound;
  }

  /** Peak ARR share - its bound. */
  public double arrShareGap() {
    return peakArrShare - arrShareBound;
  }
}
