package dev.cskit.survey.internal;

import org.apache.commons.statistics.distribution.BinomialDistribution;

/**
 * {@code P(X_1 + ... + X_k >= t)} for independent binomials {@code X_i ~ Bin(n_i, p_i)}: by convolution of
 * the pmfs, each truncated to its mean +/- (12 standard deviations + 2), when that is cheap, else the normal
 * approximation with a continuity correction.
 */
public final class BinomialSum {
  private static final long MAX_WORK = 20_000_000L;

  private BinomialSum() {}

  /** The survival {@code P(sum >= t)}. */
  public static double atLeast(long[] n, double[] p, long t) {
    long total = 0;
    double mean = 0;
    double var = 0;
    for (int i = 0; i < n.length; i++) {
      total += n[i];
      mean += n[i] * p[i];
      var += n[i] * p[i] * (1 - p[i]);
    }
    if (t <= 0) {
      return 1;
    }
    if (t > total) {
      return 0;
    }
    if (n.length == 1) {
      return BinomialDistribution.of(Math.toIntExact(n[0]), p[0]).survivalProbability((int) (t - 1));
    }
    // supports
    int[] lo = new int[n.length];
    int[] hi = new int[n.length];
    long work = 0;
    long width = 1;
    for (int i = 0; i < n.length; i++) {
      double sd = Math.sqrt(n[i] * p[i] * (1 - p[i]));
      double m = n[i] * p[i];
      lo[i] = (int) Math.max(0, Math.floor(m - 12 * sd - 2));
      hi[i] = (int) Math.min(n[i], Math.ceil(m + 12 * sd + 2));
      long w = hi[i] - lo[i] + 1L;
      work += width * w;
      width += w;
    }
    if (work > MAX_WORK) {
      if (var == 0) {
        return mean >= t ? 1 : 0;
      }
      return Checks.normalSurvival((t - 0.5 - mean) / Math.sqrt(var));
    }
    double[] acc = {1.0};
    int accLo = 0;
    for (int i = 0; i < n.length; i++) {
      BinomialDistribution d = BinomialDistribution.of(Math.toIntExact(n[i]), p[i]);
      double[] pmf = new double[hi[i] - lo[i] + 1];
      for (int k = lo[i]; k <= hi[i]; k++) {
        pmf[k - lo[i]] = d.probability(k);
      }
      double[] next = new double[acc.length + pmf.length - 1];
      for (int a = 0; a < acc.length; a++) {
        if (acc[a] == 0) {
          continue;
        }
        for (int b = 0; b < pmf.length; b++) {
          next[a + b] += acc[a] * pmf[b];
        }
      }
      acc = next;
      accLo += lo[i];
    }
    // sum the smaller side
    double below = 0;
    double above = 0;
    for (int j = 0; j < acc.length; j++) {
      if (accLo + j >= t) {
        above += acc[j];
      } else {
        below += acc[j];
      }
    }
    return above <= below ? above : Math.max(0, 1 - below);
  }
}
