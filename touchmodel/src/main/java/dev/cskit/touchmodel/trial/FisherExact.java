package dev.cskit.touchmodel.trial;

import org.apache.commons.statistics.distribution.HypergeometricDistribution;

/**
 * Fisher's exact test of a 2x2 table as R's {@code fisher.test} computes it: the two-sided p-value (the
 * tables no more likely than the observed one, with R's relative tolerance 1e-7), the conditional maximum
 * likelihood estimate of the odds ratio and its conditional confidence interval (roots found as R finds
 * them). The table is {@code [[a, b], [c, d]]}: row 1 play (converted, not), row 2 control.
 */
final class FisherExact {
  final double pValue;
  final double oddsRatio;
  final double lower;
  final double upper;

  private final int lo;
  private final int hi;
  private final int x;
  private final int[] support;
  private final double[] logdc;
  private final HypergeometricDistribution central;

  FisherExact(int a, int b, int c, int d, double confLevel) {
    int m = a + c; // column 1 total: conversions
    int n = b + d; // column 2 total
    int k = a + b; // row 1 total: play accounts
    this.x = a;
    this.lo = Math.max(0, k - n);
    this.hi = Math.min(k, m);
    this.support = new int[hi - lo + 1];
    this.logdc = new double[support.length];
    this.central = HypergeometricDistribution.of(m + n, m, k);
    for (int i = 0; i < support.length; i++) {
      support[i] = lo + i;
      logdc[i] = central.logProbability(support[i]);
    }
    double[] dd = dnhyper(1.0);
    double relErr = 1 + 1e-7;
    double dx = dd[x - lo];
    double p = 0;
    for (double v : dd) {
      if (v <= dx * relErr) {
        p += v;
      }
    }
    this.pValue = Math.min(1.0, p);
    this.oddsRatio = mle();
    double alpha = (1 - confLevel) / 2;
    this.lower = ncpL(alpha);
    this.upper = ncpU(alpha);
  }

  private double[] dnhyper(double ncp) {
    double[] d = new double[support.length];
    double max = Double.NEGATIVE_INFINITY;
    double logNcp = Math.log(ncp);
    for (int i = 0; i < d.length; i++) {
      d[i] = logdc[i] + logNcp * support[i];
      max = Math.max(max, d[i]);
    }
    double sum = 0;
    for (int i = 0; i < d.length; i++) {
      d[i] = Math.exp(d[i] - max);
      sum += d[i];
    }
    for (int i = 0; i < d.length; i++) {
      d[i] /= sum;
    }
    return d;
  }

  private double mnhyper(double ncp) {
    if (ncp == 0) {
      return lo;
    }
    if (Double.isInfinite(ncp)) {
      return hi;
    }
    double[] d = dnhyper(ncp);
    double s = 0;
    for (int i = 0; i < d.length; i++) {
      s += support[i] * d[i];
    }
    return s;
  }

  private double pnhyper(int q, double ncp, boolean upperTail) {
    if (ncp == 1) {
      return upperTail ? central.survivalProbability(x - 1) : central.cumulativeProbability(x);
    }
    if (ncp == 0) {
      return upperTail ? (q <= lo ? 1 : 0) : (q >= lo ? 1 : 0);
    }
    if (Double.isInfinite(ncp)) {
      return upperTail ? (q <= hi ? 1 : 0) : (q >= hi ? 1 : 0);
    }
    double[] d = dnhyper(ncp);
    double s = 0;
    for (int i = 0; i < d.length; i++) {
      if (upperTail ? support[i] >= q : support[i] <= q) {
        s += d[i];
      }
    }
    return s;
  }

  private double mle() {
    if (x == lo) {
      return 0;
    }
    if (x == hi) {
      return Double.POSITIVE_INFINITY;
    }
    double mu = mnhyper(1);
    if (mu > x) {
      return Zeroin.uniroot(t -> mnhyper(t) - x, 0, 1);
    } else if (mu < x) {
      return 1 / Zeroin.uniroot(t -> mnhyper(1 / t) - x, Math.ulp(1.0), 1);
    }
    return 1;
  }

  private double ncpU(double alpha) {
    if (x == hi) {
      return Double.POSITIVE_INFINITY;
    }
    double p = pnhyper(x, 1, false);
    if (p < alpha) {
      return Zeroin.uniroot(t -> pnhyper(x, t, false) - alpha, 0, 1);
    } else if (p > alpha) {
      return 1 / Zeroin.uniroot(t -> pnhyper(x, 1 / t, false) - alpha, Math.ulp(1.0), 1);
    }
    return 1;
  }

  private double ncpL(double alpha) {
    if (x == lo) {
      return 0;
    }
    double p = pnhyper(x, 1, true);
    if (p > alpha) {
      return Zeroin.uniroot(t -> pnhyper(x, t, true) - alpha, 0, 1);
    } else if (p < alpha) {
      return 1 / Zeroin.uniroot(t -> pnhyper(x, 1 / t, true) - alpha, Math.ulp(1.0), 1);
    }
    return 1;
  }
}
