package dev.cskit.ttv.stats;

import dev.cskit.core.ArgumentException;
import dev.cskit.core.CskitException;
import dev.cskit.core.DataException;
import java.util.Arrays;
import org.apache.commons.statistics.distribution.NormalDistribution;

/** Shared numerics of the survival estimators, written to follow R's survival package line by line. */
final class SurvMath {
  /** R's {@code sqrt(.Machine$double.eps)}, the tolerance of {@code quantile.survfit}. */
  static final double TOL = Math.sqrt(Math.ulp(1.0));

  private static final NormalDistribution STD_NORMAL = NormalDistribution.of(0, 1);

  private SurvMath() {}

  /** The two-sided normal critical value for a confidence level: {@code qnorm(1 - (1 - level) / 2)}. */
  static double z(double level) {
    checkLevel(level);
    return STD_NORMAL.inverseSurvivalProbability((1 - level) / 2);
  }

  static void checkLevel(double level) {
    if (!(level > 0 && level < 1)) {
      throw new ArgumentException("confidence", "must be strictly between 0 and 1", String.valueOf(level));
    }
  }

  /**
   * R's {@code survfit_confint} for one point with the standard error on the log scale ({@code logse}).
   *
   * @param ulimit cap the upper limit at 1 (plain and log)
   * @return {lower, upper}; NaN where R gives NA
   */
  static double[] confint(double p, double logse, ConfType type, double z, boolean ulimit) {
    switch (type) {
      case PLAIN: {
        double se2 = logse * p * z;
        double lo = Double.isNaN(se2) ? Double.NaN : Math.max(p - se2, 0);
        double hi = p + se2;
        if (ulimit && !Double.isNaN(hi)) {
          hi = Math.min(hi, 1);
        }
        return new double[] {lo, hi};
      }
      case LOG: {
        if (p == 0 || Double.isNaN(p)) {
          return new double[] {Double.NaN, Double.NaN};
        }
        double se2 = z * logse;
        double lo = Math.exp(Math.log(p) - se2);
        double hi = Math.exp(Math.log(p) + se2);
        if (ulimit && !Double.isNaN(hi)) {
          hi = Math.min(hi, 1);
        }
        return new double[] {lo, hi};
      }
      case LOG_LOG: {
        if (p == 0 || p == 1 || Double.isNaN(p)) {
          return new double[] {Double.NaN, Double.NaN};
        }
        double se2 = z * logse / Math.log(p);
        double ll = Math.log(-Math.log(p));
        return new double[] {Math.exp(-Math.exp(ll - se2)), Math.exp(-Math.exp(ll + se2))};
      }
      default:
        throw new IllegalStateException(type.name());
    }
  }

  /**
   * R's {@code findq} (survival 3.5, used by {@code quantile.survfit}) for one probability: {@code x} =
   * {@code c(0, time)}, {@code y} = {@code c(0, 1 - surv)} (NaN allowed for NA). The time where the
   * distribution first reaches {@code p}; where it equals {@code p} (within {@link #TOL}) over a flat
   * stretch, the midpoint of that stretch; NaN when never reached.
   */
  static double findq(double[] x, double[] y, double p) {
    double maxY = Double.NEGATIVE_INFINITY;
    for (double v : y) {
      if (!Double.isNaN(v) && v > maxY) {
        maxY = v;
      }
    }
    if (maxY == Double.NEGATIVE_INFINITY || maxY < p) {
      return Double.NaN;
    }
    double xmax = x[x.length - 1];
    // duplicated(y): keep the first occurrence of each value (NA equal to NA)
    double[] xs = new double[x.length];
    double[] ys = new double[y.length];
    int n = 0;
    boolean monotone = true;
    for (int i = 1; i < y.length && monotone; i++) {
      monotone = !Double.isNaN(y[i]) && !Double.isNaN(y[i - 1]) && y[i] >= y[i - 1];
    }
    if (monotone) {
      // equal values are adjacent: keep the first of each run
      for (int i = 0; i < y.length; i++) {
        if (n == 0 || y[i] != ys[n - 1]) {
          xs[n] = x[i];
          ys[n] = y[i];
          n++;
        }
      }
    } else {
      java.util.HashSet<Long> seen = new java.util.HashSet<>();
      for (int i = 0; i < y.length; i++) {
        long key = Double.isNaN(y[i]) ? Long.MIN_VALUE : Double.doubleToLongBits(y[i] == 0 ? 0.0 : y[i]);
        if (!seen.add(key)) {
          continue;
        }
        xs[n] = x[i];
        ys[n] = y[i];
        n++;
      }
    }
    if (p == 0) {
      return xs[0];
    }
    int i1 = approxConstantRight(ys, n, TOL, p);
    int i2 = approxConstantRight(ys, n, -TOL, p);
    double q = (i1 < 0 || i2 < 0) ? Double.NaN : (xs[i1] + xs[i2]) / 2;
    if (!Double.isNaN(ys[n - 1]) && Math.abs(p - ys[n - 1]) < TOL) {
      q = i1 < 0 ? Double.NaN : (xs[i1] + xmax) / 2;
    }
    return q;
  }

  /**
   * {@code approx(y + shift, 1:n, p, method = "constant", f = 1)$y - 1}: the 0-based index, or -1 for NA.
   * NA points are dropped and the rest sorted by abscissa, as {@code approx} does.
   */
  private static int approxConstantRight(double[] ys, int n, double shift, double p) {
    int m = 0;
    double[] ax = new double[n];
    int[] ai = new int[n];
    boolean sorted = true;
    for (int i = 0; i < n; i++) {
      if (!Double.isNaN(ys[i])) {
        ax[m] = ys[i] + shift;
        ai[m] = i;
        if (m > 0 && ax[m] < ax[m - 1]) {
          sorted = false;
        }
        m++;
      }
    }
    if (!sorted) {
      Integer[] ord = new Integer[m];
      for (int k = 0; k < m; k++) {
        ord[k] = ai[k];
      }
      Arrays.sort(ord, (a, b) -> Double.compare(ys[a] + shift, ys[b] + shift));
      for (int k = 0; k < m; k++) {
        ax[k] = ys[ord[k]] + shift;
        ai[k] = ord[k];
      }
    }
    if (m == 0 || p < ax[0] || p > ax[m - 1]) {
      return -1;
    }
    // binary search as R's approx1: find j with ax[j] <= p <= ax[j+1]
    int lo = 0;
    int hi = m - 1;
    while (lo < hi - 1) {
      int mid = (lo + hi) >>> 1;
      if (p < ax[mid]) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    if (p == ax[hi]) {
      return ai[hi];
    }
    if (p == ax[lo]) {
      return ai[lo];
    }
    return ai[hi];
  }

  /** The index of the last of the ascending {@code times} that is {@code <= t}, or -1 when none is. */
  static int indexAt(double[] times, double t) {
    int k = Arrays.binarySearch(times, t);
    return k >= 0 ? k : -k - 2;
  }

  /** Validates durations and status codes; errors name the element (row = index + 1) and column. */
  static void check(String source, double[] time, int[] status, int maxCode) {
    if (time.length != status.length) {
      throw DataException.of(
          source,
          "time and status must have the same length",
          time.length + " times and " + status.length + " status codes");
    }
    if (time.length == 0) {
      throw DataException.of(source, "at least one observation is required (empty group)", "none");
    }
    for (int i = 0; i < time.length; i++) {
      double t = time[i];
      if (!(t >= 0) || Double.isInfinite(t)) {
        throw new DataException(
            source, i + 1, "time", "a duration must be a finite number >= 0", String.valueOf(t));
      }
      if (status[i] < 0 || status[i] > maxCode) {
        throw new DataException(
            source,
            i + 1,
            "status",
            maxCode == 1 ? "status must be 0 (censored) or 1 (event)"
                : "status must be 0 (censored) or an event type 1.." + maxCode,
            String.valueOf(status[i]));
      }
    }
  }

  /**
   * R's {@code aeqSurv} (the {@code timefix = TRUE} default of survfit, survdiff and coxph): times that
   * differ by no more than {@code sqrt(eps)}, absolutely or relative to the mean of the distinct times,
   * are made equal (to the smallest of the run), so that floating-point noise does not split ties.
   *
   * @return the input array itself when nothing is tied, else a corrected copy
   */
  static double[] aeq(double[] time) {
    double[] sortedTimes = time.clone();
    Arrays.sort(sortedTimes);
    int u = 0;
    for (int i = 0; i < sortedTimes.length; i++) {
      if (Double.isFinite(sortedTimes[i]) && (u == 0 || sortedTimes[i] != sortedTimes[u - 1])) {
        sortedTimes[u++] = sortedTimes[i];
      }
    }
    double[] y = Arrays.copyOf(sortedTimes, u);
    if (y.length < 2) {
      return time;
    }
    double mean = 0;
    for (double v : y) {
      mean += Math.abs(v);
    }
    mean /= y.length;
    boolean any = false;
    boolean[] tied = new boolean[y.length - 1];
    for (int i = 0; i < tied.length; i++) {
      double dy = y[i + 1] - y[i];
      tied[i] = dy <= TOL || dy / mean <= TOL;
      any |= tied[i];
    }
    if (!any) {
      return time;
    }
    double[] cuts = new double[y.length];
    int m = 0;
    cuts[m++] = y[0];
    for (int i = 0; i < tied.length; i++) {
      if (!tied[i]) {
        cuts[m++] = y[i + 1];
      }
    }
    double[] c = Arrays.copyOf(cuts, m);
    double[] out = time.clone();
    for (int i = 0; i < out.length; i++) {
      out[i] = c[Math.max(indexAt(c, out[i]), 0)];
    }
    return out;
  }

  /** Sort order of indices by time, then by status descending (events before censorings at a tie). */
  static int[] order(double[] time, int[] status) {
    int n = time.length;
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    int[] tmp = new int[n];
    for (int width = 1; width < n; width *= 2) {
      for (int lo = 0; lo < n - width; lo += 2 * width) {
        int mid = lo + width;
        int hi = Math.min(lo + 2 * width, n);
        int i = lo;
        int j = mid;
        int k = lo;
        while (i < mid && j < hi) {
          int a = idx[i];
          int b = idx[j];
          int c = Double.compare(time[a], time[b]);
          if (c == 0) {
            c = Integer.compare(status[b], status[a]);
          }
          tmp[k++] = c <= 0 ? idx[i++] : idx[j++];
        }
        while (i < mid) {
          tmp[k++] = idx[i++];
        }
        while (j < hi) {
          tmp[k++] = idx[j++];
        }
        System.arraycopy(tmp, lo, idx, lo, hi - lo);
      }
    }
    return idx;
  }
}
