package dev.cskit.scoring.internal;

/** Binary searches over ascending arrays that count ties the way ranks need them. */
public final class SortedArrays {
  private SortedArrays() {}

  /** The number of values strictly below {@code x}: the first index whose value is >= x. */
  public static int lowerBound(double[] sorted, double x) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** The number of values at or below {@code x}: the first index whose value is > x. */
  public static int upperBound(double[] sorted, double x) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] <= x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
