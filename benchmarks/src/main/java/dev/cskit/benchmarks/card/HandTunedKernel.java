package dev.cskit.benchmarks.card;

import dev.cskit.core.MetricTable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * The hand-tuned baseline: a columnar scalar loop written for the one card (linear rules of 4 points, weighted
 * mean, missing excluded). Accounts are scored in blocks of {@link #BLOCK}; for each measure a small method
 * runs over the block's slice of that measure's column, accumulating weighted score and weight into two
 * scratch arrays; the lower clamp is {@code Math.max}, the upper one and the segment come from integer
 * compares indexing 4-entry tables (no unpredictable jumps), and a missing value is masked arithmetically (its
 * weight becomes 0, its value a point of the rule). Writes one score and one band code per account.
 *
 * <p>Tried and measured on the 2-core machine (1M accounts, ms per pass): nested double selects 112 (C2 emits
 * jumps for double selects on x86, mispredicted on uniform data), a sum of min/max-clamped segments 144
 * ({@code Math.min/max} NaN handling costs), indexed tables 75 (kept).
 */
public final class HandTunedKernel {
  /** Accounts per block: the scratch arrays (16 KiB) stay in L1. */
  public static final int BLOCK = 1024;

  private final int measures;
  private final double[][] x;
  private final double[][] s;
  private final double[][] slope;
  private final double[] w;

  public HandTunedKernel(CardSpec card) {
    measures = card.measures();
    x = new double[measures][];
    s = new double[measures][];
    slope = new double[measures][4]; // slope[3] = 0: flat past the last point
    w = new double[measures];
    for (int j = 0; j < measures; j++) {
      x[j] = card.xs(j);
      s[j] = card.scores(j);
      if (x[j].length != 4) {
        throw new IllegalArgumentException("the hand-tuned kernel only knows 4-point rules");
      }
      for (int p = 0; p < 3; p++) {
        slope[j][p] = (s[j][p + 1] - s[j][p]) / (x[j][p + 1] - x[j][p]);
      }
      w[j] = card.weight(j);
    }
  }

  /** The columns of a table, in the card's measure order (copies, taken once at set-up). */
  public static double[][] columns(MetricTable table, CardSpec card) {
    double[][] cols = new double[card.measures()][];
    for (int j = 0; j < cols.length; j++) {
      cols[j] = table.column(card.metric(j));
    }
    return cols;
  }

  /** Scores accounts [from, to) into {@code score} and {@code band}. */
  public void score(double[][] cols, int from, int to, double[] score, byte[] band) {
    double[] num = new double[BLOCK];
    double[] den = new double[BLOCK];
    for (int start = from; start < to; start += BLOCK) {
      int n = Math.min(BLOCK, to - start);
      java.util.Arrays.fill(num, 0, n, 0.0);
      java.util.Arrays.fill(den, 0, n, 0.0);
      for (int j = 0; j < measures; j++) {
        linear(cols[j], start, n, x[j], s[j], slope[j], w[j], num, den);
      }
      finish(start, n, num, den, score, band);
    }
  }

  /**
   * One measure over one block. The segment index comes from three compares added as integers (set-on-condition,
   * no jump), the segment's start, score and slope are looked up in 4-entry tables (slope 0 past the last
   * point), so the result is exact on every point and past both ends. A missing value (5%, a well-predicted
   * branch) gets weight 0 and a harmless stand-in value.
   */
  private static void linear(double[] col, int off, int n, double[] xt, double[] st, double[] kt, double wt,
      double[] num, double[] den) {
    double x0 = xt[0];
    double x1 = xt[1];
    double x2 = xt[2];
    double x3 = xt[3];
    for (int i = 0; i < n; i++) {
      double v = col[off + i];
      double m;
      double c;
      if (v == v) {
        m = wt;
        c = Math.max(v, x0);
      } else {
        m = 0.0;
        c = x0;
      }
      int seg = (c >= x1 ? 1 : 0) + (c >= x2 ? 1 : 0) + (c >= x3 ? 1 : 0);
      num[i] += m * (st[seg] + (c - xt[seg]) * kt[seg]);
      den[i] += m;
    }
  }

  private static void finish(int off, int n, double[] num, double[] den, double[] score, byte[] band) {
    for (int i = 0; i < n; i++) {
      double d = den[i];
      double sc = d > 0 ? num[i] / d : Double.NaN;
      score[off + i] = sc;
      band[off + i] = sc >= CardSpec.GREEN ? CardSpec.GREEN_CODE
          : sc >= CardSpec.YELLOW ? CardSpec.YELLOW_CODE
          : d > 0 ? CardSpec.RED_CODE : CardSpec.INSUFFICIENT_CODE;
    }
  }

  /** Scores all accounts, splitting them into {@code parts} contiguous ranges run on {@code pool}. */
  public void scoreParallel(double[][] cols, int n, double[] score, byte[] band, ExecutorService pool, int parts)
      throws Exception {
    @SuppressWarnings("unchecked")
    Future<?>[] fs = new Future<?>[parts];
    int chunk = (n + parts - 1) / parts;
    chunk = (chunk + BLOCK - 1) / BLOCK * BLOCK;
    for (int p = 0; p < parts; p++) {
      int from = Math.min(n, p * chunk);
      int to = Math.min(n, from + chunk);
      fs[p] = pool.submit(() -> score(cols, from, to, score, band));
    }
    for (Future<?> f : fs) {
      f.get();
    }
  }
}
