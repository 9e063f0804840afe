package dev.cskit.scoring.internal;

/**
 * The last steps of {@link BlockEngine}'s batch path, made cheap for the common case, with the same bits:
 * <ul>
 *   <li>a card without categories has one implicit category of weight 1, so the overall score is that
 *       category's score ({@code 0.0 + 1.0 * cat} is {@code cat}, {@code cat / 1.0} is {@code cat}, and the
 *       clamp of a clamped value changes nothing): one pass instead of three ({@link Finisher});
 *   <li>bands by counting the band minimums a score reaches (they increase strictly, so the count is the
 *       index {@link CompiledCard#bandIndex} finds) with integer adds instead of jumps, which random scores
 *       mispredict.
 * </ul>
 */
final class Finish {
  private Finish() {}

  /** The last pass of a card without categories; vectorised by {@code VectorKernels} when available. */
  interface Finisher {
    /**
     * Rows {@code [off, off + len)}: {@code score = sw > 0 ? clamp(ss / sw) : NaN} with {@code clamp(v) =
     * v > 100 ? 100 : v}, {@code coverage = cov / covTotal}; the sums are block buffers (index 0 is row
     * {@code off}).
     */
    void mean(double[] sw, double[] ss, double[] cov, int len, double covTotal, double[] score,
        double[] coverage, int off);
  }

  /** The scalar finisher. */
  static final Finisher SCALAR = (sw, ss, cov, len, covTotal, score, coverage, off) -> {
    for (int i = 0; i < len; i++) {
      double w = sw[i];
      double q = ss[i] / w;
      score[off + i] = w > 0.0 ? (q > 100.0 ? 100.0 : q) : Double.NaN;
      coverage[off + i] = cov[i] / covTotal;
    }
  };

  /** The band of rows {@code [from, end)}: -1 for NaN or a coverage under the card's minimum. */
  static void bands(CompiledCard k, double[] score, double[] coverage, int[] band, int from, int end) {
    double minCov = k.minCoverage;
    double[] mins = k.bandMins;
    if (mins.length == 3) {
      double m1 = mins[1];
      double m2 = mins[2];
      for (int i = from; i < end; i++) {
        double s = score[i];
        int b = (s >= m1 ? 1 : 0) + (s >= m2 ? 1 : 0);
        band[i] = s != s || coverage[i] < minCov ? -1 : b;
      }
      return;
    }
    for (int i = from; i < end; i++) {
      double s = score[i];
      int b = 0;
      for (int q = 1; q < mins.length; q++) {
        b += s >= mins[q] ? 1 : 0;
      }
      band[i] = s != s || coverage[i] < minCov ? -1 : b;
    }
  }
}
