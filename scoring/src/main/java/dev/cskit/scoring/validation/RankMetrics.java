package dev.cskit.scoring.validation;

import dev.cskit.core.ArgumentException;
import dev.cskit.scoring.internal.SortedArrays;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * How well a risk value ranks churned accounts above retained ones: ROC AUC (Mann-Whitney, ties counted as
 * half) with a DeLong or seeded bootstrap confidence interval, precision-recall AUC (average precision and
 * the trapezoidal area) and top-decile lift.
 *
 * <p>Every method takes a <b>risk</b>: larger means more likely to churn. A health score is turned into a
 * risk by negating it ({@link #negate(double[])}), so that the AUC of a health score is the probability that
 * a churned account scored lower than a retained one. Values must be finite; the caller leaves out missing
 * values. Stateless and thread-safe.
 */
public final class RankMetrics {
  private RankMetrics() {}

  /** {@code -x} for each value: a health score (high = healthy) as a risk (high = likely to churn). */
  public static double[] negate(double[] score) {
    double[] r = new double[score.length];
    for (int i = 0; i < score.length; i++) {
      r[i] = -score[i];
    }
    return r;
  }

  /**
   * The ROC AUC: the probability that a churned case has a larger risk than a retained one, ties counted as
   * half (the Mann-Whitney U statistic divided by n1 x n0).
   *
   * @throws ValidationException unless there is at least one churned and one retained case
   */
  public static double auc(double[] risk, boolean[] churned) {
    check(risk, churned);
    double[] rank = midRanks(risk);
    long n1 = 0;
    double sum = 0;
    for (int i = 0; i < risk.length; i++) {
      if (churned[i]) {
        n1++;
        sum += rank[i];
      }
    }
    long n0 = risk.length - n1;
    return (sum - n1 * (n1 + 1) / 2.0) / ((double) n1 * n0);
  }

  /**
   * The AUC with DeLong's (1988) confidence interval: the variance from the structural components
   * (placement values) of cases and controls, {@code var = S10/n1 + S01/n0} with sample variances
   * (denominator n - 1), and a normal interval {@code auc +- z * se} clipped to [0, 1], as R's pROC
   * {@code ci.auc(method = "delong")} computes it. With a single churned or a single retained case the
   * interval is undefined (NaN), as in pROC.
   */
  public static AucInterval delong(double[] risk, boolean[] churned, double level) {
    check(risk, churned);
    checkLevel(level);
    int n = risk.length;
    double[][] split = byOutcome(risk, churned);
    double[] pos = split[0];
    double[] neg = split[1];
    int n1 = pos.length;
    int n0 = neg.length;
    double[] rankAll = midRanks(risk);
    double[] rankPos = midRanks(pos);
    double[] rankNeg = midRanks(neg);
    double[] v10 = new double[n1];
    double[] v01 = new double[n0];
    int a = 0;
    int b = 0;
    for (int i = 0; i < n; i++) {
      if (churned[i]) {
        // negatives below this case, plus half those tied with it
        v10[a] = (rankAll[i] - rankPos[a]) / n0;
        a++;
      } else {
        // share of cases above this control, plus half those tied with it
        v01[b] = 1.0 - (rankAll[i] - rankNeg[b]) / n1;
        b++;
      }
    }
    double auc = mean(v10);
    double s10 = n1 > 1 ? sampleVariance(v10) : Double.NaN;
    double s01 = n0 > 1 ? sampleVariance(v01) : Double.NaN;
    double se = Math.sqrt(s10 / n1 + s01 / n0);
    double z = NormalDistribution.of(0, 1).inverseCumulativeProbability(0.5 + level / 2);
    if (n1 <= 1 || n0 <= 1) {
      // as pROC: no variance estimate from a single case or control
      return new AucInterval(auc, Double.NaN, Double.NaN, level, Double.NaN, "delong", n1, n0);
    }
    double lo = Math.max(0.0, auc - z * se);
    double hi = Math.min(1.0, auc + z * se);
    return new AucInterval(auc, lo, hi, level, se, "delong", n1, n0);
  }

  /**
   * The AUC with a percentile bootstrap interval: {@code replicates} stratified resamples (churned and
   * retained cases resampled separately, as pROC's default), the interval between the (1-level)/2 and
   * (1+level)/2 quantiles of the replicated AUCs (R's quantile type 7). Deterministic for a seed. The
   * standard error reported is the standard deviation of the replicates.
   */
  public static AucInterval bootstrap(
      double[] risk, boolean[] churned, double level, int replicates, long seed) {
    check(risk, churned);
    checkLevel(level);
    if (replicates < 10) {
      throw new ValidationException("bootstrap", "needs at least 10 replicates", String.valueOf(replicates));
    }
    double[] reps = replicates(risk, churned, replicates, seed);
    int n1 = count(churned);
    int n0 = risk.length - n1;
    Arrays.sort(reps);
    double lo = quantile7(reps, (1 - level) / 2);
    double hi = quantile7(reps, (1 + level) / 2);
    double sd = Math.sqrt(sampleVariance(reps));
    return new AucInterval(auc(risk, churned), lo, hi, level, sd, "bootstrap", n1, n0);
  }

  /**
   * Average precision, as scikit-learn's {@code average_precision_score}: the sum over distinct risk
   * thresholds, from the highest down, of (recall gained) x (precision at that threshold), i.e. the area
   * under the precision-recall step curve without interpolation.
   */
  public static double averagePrecision(double[] risk, boolean[] churned) {
    double[][] curve = prCurve(risk, churned);
    double[] precision = curve[0];
    double[] recall = curve[1];
    double ap = 0;
    double prev = 0;
    for (int k = 0; k < precision.length; k++) {
      ap += (recall[k] - prev) * precision[k];
      prev = recall[k];
    }
    return ap;
  }

  /**
   * The trapezoidal area under the precision-recall curve, as scikit-learn's
   * {@code auc(recall, precision)} on {@code precision_recall_curve}: the points of every distinct threshold
   * plus the start (recall 0, precision 1), joined by straight lines. Often optimistic; prefer
   * {@link #averagePrecision}.
   */
  public static double prAucTrapezoid(double[] risk, boolean[] churned) {
    double[][] curve = prCurve(risk, churned);
    double[] precision = curve[0];
    double[] recall = curve[1];
    double area = 0;
    double pr = 1.0;
    double rr = 0.0;
    for (int k = 0; k < precision.length; k++) {
      area += (recall[k] - rr) * (precision[k] + pr) / 2;
      rr = recall[k];
      pr = precision[k];
    }
    return area;
  }

  /**
   * Top-decile lift: the churn rate among the tenth of cases with the highest risk, divided by the overall
   * churn rate. The decile holds {@code ceil(n / 10)} cases; cases tied with the last one in it count in
   * proportion (the expected value when ties are broken at random), so the result does not depend on the
   * input order.
   */
  public static double topDecileLift(double[] risk, boolean[] churned) {
    return topShareLift(risk, churned, 0.1);
  }

  /** The lift in the top {@code share} of cases by risk (see {@link #topDecileLift}). */
  public static double topShareLift(double[] risk, boolean[] churned, double share) {
    check(risk, churned);
    if (!(share > 0 && share <= 1)) {
      throw new ValidationException("lift", "the share must be in (0, 1]", String.valueOf(share));
    }
    int n = risk.length;
    int k = (int) Math.ceil(n * share - 1e-9);
    k = Math.max(1, Math.min(n, k));
    double churnedIn = new TopCounts(risk, churned).churnedInTop(k);
    double base = count(churned);
    return (churnedIn / k) / (base / n);
  }

  /**
   * The ROC curve: one point per distinct risk, from the highest down, after a first point (infinite
   * threshold) where nothing is flagged; as scikit-learn's {@code roc_curve(y, risk, drop_intermediate=False)}.
   */
  public static java.util.List<RocPoint> roc(double[] risk, boolean[] churned) {
    check(risk, churned);
    int n = risk.length;
    Integer[] order = sortedDescending(risk);
    int pos = count(churned);
    int neg = n - pos;
    java.util.List<RocPoint> out = new java.util.ArrayList<>();
    out.add(new RocPoint(Double.POSITIVE_INFINITY, 0, 0));
    int tp = 0;
    int fp = 0;
    int i = 0;
    while (i < n) {
      int j = i;
      while (j < n && risk[order[j]] == risk[order[i]]) {
        if (churned[order[j]]) {
          tp++;
        } else {
          fp++;
        }
        j++;
      }
      out.add(new RocPoint(risk[order[i]], neg == 0 ? Double.NaN : fp / (double) neg,
          pos == 0 ? Double.NaN : tp / (double) pos));
      i = j;
    }
    return java.util.List.copyOf(out);
  }

  /** The lift in each tenth of the cases by risk, riskiest first (see {@link DecileLift}). */
  public static java.util.List<DecileLift> liftByDecile(double[] risk, boolean[] churned) {
    check(risk, churned);
    int n = risk.length;
    double base = count(churned) / (double) n;
    TopCounts top = new TopCounts(risk, churned);
    java.util.List<DecileLift> out = new java.util.ArrayList<>();
    double prevChurned = 0;
    int prevK = 0;
    for (int d = 1; d <= 10; d++) {
      int k = (int) Math.ceil(n * d / 10.0 - 1e-9);
      k = Math.max(0, Math.min(n, k));
      double churnedTop = top.churnedInTop(k);
      int cases = k - prevK;
      double ch = churnedTop - prevChurned;
      double rate = cases == 0 ? Double.NaN : ch / cases;
      out.add(new DecileLift(d, cases, ch, rate, rate / base));
      prevChurned = churnedTop;
      prevK = k;
    }
    return java.util.List.copyOf(out);
  }

  /**
   * The churned cases among the {@code k} riskiest, cases tied with the last one taken counted in proportion
   * (the expected value when ties are broken at random): for any {@code k} after one pass over the sorted risks.
   */
  private static final class TopCounts {
    /** Per sorted position: where its run of tied risks starts and ends, the churned before the run and in it. */
    private final int[] groupStart;
    private final int[] groupEnd;
    private final double[] cumBefore;
    private final double[] groupPos;

    TopCounts(double[] risk, boolean[] churned) {
      int n = risk.length;
      Integer[] order = sortedDescending(risk);
      groupStart = new int[n];
      groupEnd = new int[n];
      cumBefore = new double[n];
      groupPos = new double[n];
      int i = 0;
      double cum = 0;
      while (i < n) {
        int j = i;
        int p = 0;
        while (j < n && risk[order[j]] == risk[order[i]]) {
          if (churned[order[j]]) {
            p++;
          }
          j++;
        }
        for (int m = i; m < j; m++) {
          groupStart[m] = i;
          groupEnd[m] = j;
          cumBefore[m] = cum;
          groupPos[m] = p;
        }
        cum += p;
        i = j;
      }
    }

    /** The churned among the top {@code k} (0 &lt;= k &lt;= n). */
    double churnedInTop(int k) {
      if (k == 0) {
        return 0;
      }
      int last = k - 1;
      int g = groupEnd[last] - groupStart[last];
      return cumBefore[last] + groupPos[last] * (k - groupStart[last]) / (double) g;
    }
  }

  /** The risks of the churned cases and of the retained ones, each in input order: {@code {pos, neg}}. */
  private static double[][] byOutcome(double[] risk, boolean[] churned) {
    int n1 = count(churned);
    double[] pos = new double[n1];
    double[] neg = new double[risk.length - n1];
    int a = 0;
    int b = 0;
    for (int i = 0; i < risk.length; i++) {
      if (churned[i]) {
        pos[a++] = risk[i];
      } else {
        neg[b++] = risk[i];
      }
    }
    return new double[][] {pos, neg};
  }

  /**
   * The AUCs of stratified bootstrap resamples: per replicate, n1 churned cases drawn with replacement
   * (uniform indices in input order of the churned cases), then n0 retained ones, from one
   * {@link SplittableRandom} seeded with {@code seed}.
   */
  static double[] replicates(double[] risk, boolean[] churned, int replicates, long seed) {
    int n = risk.length;
    double[][] split = byOutcome(risk, churned);
    double[] pos = split[0];
    double[] neg = split[1];
    int n1 = pos.length;
    int n0 = neg.length;
    // each replicate in O(n): negatives sorted once; a positive's placement among the drawn negatives
    // comes from prefix sums of how often each sorted position was drawn
    double[] sortedNeg = neg.clone();
    Arrays.sort(sortedNeg);
    int[] negPos = new int[n0];
    for (int j = 0; j < n0; j++) {
      negPos[j] = SortedArrays.lowerBound(sortedNeg, neg[j]);
    }
    int[] below = new int[n1];
    int[] notAbove = new int[n1];
    for (int i = 0; i < n1; i++) {
      below[i] = SortedArrays.lowerBound(sortedNeg, pos[i]);
      notAbove[i] = SortedArrays.upperBound(sortedNeg, pos[i]);
    }
    SplittableRandom rnd = new SplittableRandom(seed);
    double[] reps = new double[replicates];
    int[] posDraw = new int[n1];
    int[] count = new int[n0 + 1];
    for (int k = 0; k < replicates; k++) {
      for (int i = 0; i < n1; i++) {
        posDraw[i] = rnd.nextInt(n1);
      }
      Arrays.fill(count, 0);
      for (int j = 0; j < n0; j++) {
        count[negPos[rnd.nextInt(n0)] + 1]++;
      }
      for (int m = 1; m <= n0; m++) {
        count[m] += count[m - 1]; // count[m] = draws at sorted positions < m
      }
      double sum = 0;
      for (int i = 0; i < n1; i++) {
        int d = posDraw[i];
        sum += count[below[d]] + 0.5 * (count[notAbove[d]] - count[below[d]]);
      }
      reps[k] = sum / ((double) n1 * n0);
    }
    return reps;
  }

  /** Precision and recall at each distinct threshold, from the highest risk down. */
  private static double[][] prCurve(double[] risk, boolean[] churned) {
    check(risk, churned);
    int n = risk.length;
    Integer[] order = sortedDescending(risk);
    int total = count(churned);
    double[] precision = new double[n];
    double[] recall = new double[n];
    int m = 0;
    int tp = 0;
    int seen = 0;
    int i = 0;
    while (i < n) {
      int j = i;
      while (j < n && risk[order[j]] == risk[order[i]]) {
        if (churned[order[j]]) {
          tp++;
        }
        j++;
      }
      seen = j;
      precision[m] = tp / (double) seen;
      recall[m] = tp / (double) total;
      m++;
      i = j;
    }
    return new double[][] {Arrays.copyOf(precision, m), Arrays.copyOf(recall, m)};
  }

  private static Integer[] sortedDescending(double[] risk) {
    Integer[] order = indices(risk.length);
    Arrays.sort(order, (x, y) -> Double.compare(risk[y], risk[x]));
    return order;
  }

  /** The indices of {@code x} in ascending order of value (a stable sort: ties keep their input order). */
  static Integer[] sortedAscending(double[] x) {
    Integer[] order = indices(x.length);
    Arrays.sort(order, (p, q) -> Double.compare(x[p], x[q]));
    return order;
  }

  private static Integer[] indices(int n) {
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    return order;
  }

  /** The number of churned cases. */
  static int count(boolean[] churned) {
    int c = 0;
    for (boolean b : churned) {
      c += b ? 1 : 0;
    }
    return c;
  }

  /** Mid-ranks (1-based; ties get the mean of their ranks). */
  static double[] midRanks(double[] x) {
    int n = x.length;
    Integer[] order = sortedAscending(x);
    double[] rank = new double[n];
    int i = 0;
    while (i < n) {
      int j = i;
      while (j + 1 < n && x[order[j + 1]] == x[order[i]]) {
        j++;
      }
      double mid = (i + j) / 2.0 + 1.0;
      for (int k = i; k <= j; k++) {
        rank[order[k]] = mid;
      }
      i = j + 1;
    }
    return rank;
  }

  static double quantile7(double[] sorted, double p) {
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(sorted.length - 1, lo + 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }

  private static double mean(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v;
    }
    return s / x.length;
  }

  private static double sampleVariance(double[] x) {
    double m = mean(x);
    double s = 0;
    for (double v : x) {
      s += (v - m) * (v - m);
    }
    return s / (x.length - 1);
  }

  private static void checkLevel(double level) {
    if (!(level > 0 && level < 1)) {
      throw new ValidationException("confidence level", "must be in (0, 1)", String.valueOf(level));
    }
  }

  /**
   * Fails unless the arrays match in length, every value is finite and there is at least one churned and
   * one retained case.
   */
  static void check(double[] risk, boolean[] churned) {
    if (risk.length != churned.length) {
      throw new ArgumentException("churned", "must have one value per risk score (" + risk.length + ")", Integer.toString(churned.length));
    }
    int pos = 0;
    for (int i = 0; i < risk.length; i++) {
      if (!Double.isFinite(risk[i])) {
        throw new ValidationException(
            "score", "every score must be a finite number (leave out missing ones)", String.valueOf(risk[i]));
      }
      if (churned[i]) {
        pos++;
      }
    }
    if (pos == 0) {
      throw ValidationException.noChurn(risk.length);
    }
    if (pos == risk.length) {
      throw ValidationException.allChurned(risk.length);
    }
  }
}
