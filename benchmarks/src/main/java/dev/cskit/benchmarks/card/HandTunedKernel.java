package dev.cskit.benchmarks.card;

import dev.cskit.core.MetricTable;
import dev.cskit.core.internal.TableAccess;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * The hand-tuned baseline: a columnar scalar loop written for the one card (linear rules of 4 points, weighted
 * mean, missing excluded). Accounts are scored in blocks of {@link #BLOCK}; for each measure a small method
 * runs over the block's slice of that measure's column, accumulating weighted score and weight into two
 * scratch arrays; clamps are {@code Math.max/min}, the segment is chosen with selects the JIT turns into
 * conditional moves, and a missing value is masked arithmetically (its weight becomes 0, its value a point of
 * the rule) rather than branched around. Writes one score and one band code per account.
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
    slope = new double[measures][3];
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

  /** The columns of a table, in the card's measure order (the backing arrays: read only). */
  public static double[][] columns(MetricTable table, CardSpec card) {
    double[][] cols = new double[card.measures()][];
    for (int j = 0; j < cols.length; j++) {
      cols[j] = TableAccess.column(table, card.metric(j));
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
        double[] xj = x[j];
        double[] sj = s[j];
        double[] kj = slope[j];
        linear(cols[j], start, n, xj[0], xj[1], xj[2], xj[3], sj[0], sj[1], sj[2], sj[3], kj[0], kj[1], kj[2],
            w[j], num, den);
      }
      finish(start, n, num, den, score, band);
    }
  }

  private static void linear(double[] col, int off, int n, double x0, double x1, double x2, double x3,
      double s0, double s1, double s2, double s3, double k0, double k1, double k2, double wt,
      double[] num, double[] den) {
    for (int i = 0; i < n; i++) {
      double v = col[off + i];
      boolean present = v == v;
      double m = present ? wt : 0.0;
      double c = Math.max(present ? v : x0, x0);
      boolean g1 = c >= x1;
      boolean g2 = c >= x2;
      boolean g3 = c >= x3;
      double base = g3 ? s3 : g2 ? s2 : g1 ? s1 : s0;
      double at = g3 ? x3 : g2 ? x2 : g1 ? x1 : x0;
      double k = g3 ? 0.0 : g2 ? k2 : g1 ? k1 : k0;
      num[i] += m * (base + (c - at) * k);
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
