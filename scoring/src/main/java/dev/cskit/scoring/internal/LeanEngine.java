package dev.cskit.scoring.internal;

import dev.cskit.core.AccountId;
import dev.cskit.core.CskitException;
import dev.cskit.scoring.ScoreOverride;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * The batch path of the engine: {@link BlockEngine}'s algorithm, addition for addition (so the same bits),
 * but with every intermediate (measure sub-scores, observed masks, category sums and scores) in block-local
 * buffers that stay in L1/L2, and with rules that compute and accumulate in one pass where the measure allows
 * ({@link BlockRule#accumulateMean}). It writes only the overall columns (score, score before caps, coverage,
 * band, caps fired); the measure and category sub-score columns are produced on first use by running
 * {@link BlockEngine} once over the same inputs (see {@link CardResult#measures()}).
 *
 * <p>Rows can be split into ranges scored on several threads ({@link #runParallel}): ranges are independent
 * and write disjoint parts of the output, so the result does not depend on the split.
 */
public final class LeanEngine {
  /** Rows per block, as {@link BlockEngine#BLOCK}. */
  static final int BLOCK = BlockEngine.BLOCK;

  private LeanEngine() {}

  /** Scores {@code n} rows of bound columns (derived slots filled) on the calling thread. */
  public static CardResult run(CompiledCard k, double[][] cols, int n, AccountId[] ids, OverridePlan plan,
      Map<Integer, List<ScoreOverride>> expired, Map<String, Map<String, double[]>> distributions) {
    CardResult out = CardResult.lean(k, n, ids, plan, expired, distributions,
        () -> BlockEngine.run(k, cols, n, ids, plan, expired, distributions));
    range(k, BlockRules.of(k), cols, 0, n, ids, plan, out);
    return out;
  }

  /**
   * Scores {@code n} rows split into {@code parts} contiguous ranges (whole blocks) run on {@code pool}; the
   * result is identical to {@link #run}.
   */
  public static CardResult runParallel(CompiledCard k, double[][] cols, int n, AccountId[] ids, OverridePlan plan,
      Map<Integer, List<ScoreOverride>> expired, Map<String, Map<String, double[]>> distributions,
      ExecutorService pool, int parts) {
    CardResult out = CardResult.lean(k, n, ids, plan, expired, distributions,
        () -> BlockEngine.run(k, cols, n, ids, plan, expired, distributions));
    BlockRule[] rules = BlockRules.of(k);
    int blocks = (n + BLOCK - 1) / BLOCK;
    int per = Math.max(1, (blocks + parts - 1) / parts);
    List<Future<?>> running = new ArrayList<>();
    for (int b = 0; b < blocks; b += per) {
      int from = b * BLOCK;
      int to = Math.min(n, (b + per) * BLOCK);
      if (to >= n) {
        range(k, rules, cols, from, to, ids, plan, out); // the last range on the calling thread
      } else {
        running.add(pool.submit(() -> range(k, rules, cols, from, to, ids, plan, out)));
      }
    }
    for (Future<?> f : running) {
      try {
        f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CskitException("scoring", "interrupted", null);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RuntimeException) {
          throw (RuntimeException) e.getCause();
        }
        throw new IllegalStateException(e.getCause());
      }
    }
    return out;
  }

  /**
   * Scores {@code n} rows into caller-owned arrays (score after caps, coverage, band index; see
   * {@link CardResult#into}), without overrides: the allocation does not grow with {@code n} unless the card
   * has caps (their bits) or a {@code fail} policy ({@code ids} for its error message).
   */
  public static void into(CompiledCard k, double[][] cols, int n, AccountId[] ids, double[] score,
      double[] coverage, int[] band) {
    range(k, BlockRules.of(k), cols, 0, n, ids, OverridePlan.EMPTY, CardResult.into(k, n, ids, score, coverage, band));
  }

  /** Scores rows {@code [start, stop)} into {@code out}. */
  static void range(CompiledCard k, BlockRule[] rules, double[][] cols, int start, int stop, AccountId[] ids,
      OverridePlan plan, CardResult out) {
    Finisher finisher = Vectorization.finisher(rules);
    int m = k.measureCount();
    int c = k.categoryCount();
    int block = Math.min(BLOCK, Math.max(1, stop - start));
    double[][] sub = new double[m][block];
    double[][] observed = new double[m][block];
    double[][] sumW = new double[c][block];
    double[][] sumS = new double[c][block];
    double[][] cat = new double[c][block];
    double[] cov = new double[block];
    double[] tw = new double[block];
    double[] ts = new double[block];
    double[] score = out.score;
    // (without categories the general path's buffers cat, tw, ts are not used)
    double[] preCap = out.preCap;
    double[] coverage = out.coverage;
    int[] band = out.band;
    int p = plan.row.length == 0 ? 0 : plan.first(start);
    for (int from = start; from < stop; from += BLOCK) {
      int len = Math.min(BLOCK, stop - from);
      int end = from + len;
      while (p < plan.row.length && plan.row[p] < from) {
        p++;
      }
      int pEnd = p;
      boolean measureOverrides = false;
      while (pEnd < plan.row.length && plan.row[pEnd] < end) {
        measureOverrides |= plan.kind[pEnd] == OverridePlan.MEASURE;
        pEnd++;
      }

      // 1-3. rule kernels, measure overrides, category sums and coverage
      for (int g = 0; g < c; g++) {
        Arrays.fill(sumW[g], 0, len, 0.0);
        Arrays.fill(sumS[g], 0, len, k.categoryMin[g] ? Double.POSITIVE_INFINITY : 0.0);
      }
      Arrays.fill(cov, 0, len, 0.0);
      if (!measureOverrides) {
        for (int j = 0; j < m; j++) {
          int g = k.categoryOf[j];
          if (!k.categoryMin[g] && rules[j].fusable()) {
            rules[j].accumulateMean(cols, from, len, k.weight[j], k.coverageWeight[j], sub[j], sumW[g], sumS[g],
                cov);
          } else {
            int failed = rules[j].apply(cols, from, len, sub[j], observed[j]);
            if (failed >= 0) {
              throw BlockEngine.missing(k, j, ids[from + failed]);
            }
            accumulate(k, j, len, sub[j], observed[j], sumW[g], sumS[g], cov);
          }
        }
      } else {
        for (int j = 0; j < m; j++) {
          int failed = rules[j].apply(cols, from, len, sub[j], observed[j]);
          if (failed >= 0) {
            throw BlockEngine.missing(k, j, ids[from + failed]);
          }
        }
        for (int e = p; e < pEnd; e++) {
          if (plan.kind[e] == OverridePlan.MEASURE) {
            sub[plan.index[e]][plan.row[e] - from] = plan.value[e];
          }
        }
        for (int j = 0; j < m; j++) {
          int g = k.categoryOf[j];
          accumulate(k, j, len, sub[j], observed[j], sumW[g], sumS[g], cov);
        }
      }
      double covTotal = k.coverageTotal;
      if (!k.hasCategories) {
        // one implicit category of weight 1: the overall score is the category score (1.0 * cat / 1.0 = cat,
        // clamp(cat) = cat), so the general path below gives these same bits
        finisher.finishMean(sumW[0], sumS[0], cov, len, covTotal, preCap, coverage, from);
        if (preCap != score) {
          System.arraycopy(preCap, from, score, from, len);
        }
      } else {
        for (int g = 0; g < c; g++) {
          double[] sw = sumW[g];
          double[] ss = sumS[g];
          double[] cg = cat[g];
          if (k.categoryMin[g]) {
            for (int i = 0; i < len; i++) {
              cg[i] = sw[i] > 0.0 ? ss[i] : Double.NaN;
            }
          } else {
            for (int i = 0; i < len; i++) {
              cg[i] = sw[i] > 0.0 ? clamp(ss[i] / sw[i]) : Double.NaN;
            }
          }
        }
        // 4. category overrides, overall, caps
        for (int e = p; e < pEnd; e++) {
          if (plan.kind[e] == OverridePlan.CATEGORY) {
            cat[plan.index[e]][plan.row[e] - from] = plan.value[e];
          }
        }
        Arrays.fill(tw, 0, len, 0.0);
        Arrays.fill(ts, 0, len, 0.0);
        for (int g = 0; g < c; g++) {
          double w = k.categoryWeight[g];
          double[] cg = cat[g];
          for (int i = 0; i < len; i++) {
            double v = cg[i];
            boolean present = v == v;
            tw[i] += present ? w : 0.0;
            ts[i] += present ? w * v : 0.0;
          }
        }
        for (int i = 0; i < len; i++) {
          double pre = tw[i] > 0.0 ? clamp(ts[i] / tw[i]) : Double.NaN;
          preCap[from + i] = pre;
          score[from + i] = pre;
          coverage[from + i] = cov[i] / covTotal;
        }
      }
      for (CapKernel cap : k.caps) {
        cap.apply(cols, from, len, score, out.capsFired);
      }
      // 5. bands, overall overrides
      bands(k, score, coverage, band, from, end);
      for (int e = p; e < pEnd; e++) {
        if (plan.kind[e] == OverridePlan.OVERALL) {
          score[plan.row[e]] = plan.value[e];
          band[plan.row[e]] = k.bandIndex(plan.value[e]);
        }
      }
      p = pEnd;
    }
  }

  /**
   * The band of each row, as {@link CompiledCard#bandIndex} (the largest band whose min is at most the score;
   * -1 for NaN or coverage under the minimum), counted with integer adds of compares instead of jumps: the
   * mins increase strictly, so the count of mins after the first that the score reaches is that band.
   */
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

  /** The last step of a card without categories, vectorised by {@link VectorRules} when available. */
  interface Finisher {
    /**
     * Rows {@code [off, off + len)}: {@code score = sw > 0 ? clamp(ss / sw) : NaN}, {@code coverage = cov /
     * covTotal}, from the block buffers (index 0 is row {@code off}).
     */
    void finishMean(double[] sw, double[] ss, double[] cov, int len, double covTotal, double[] score,
        double[] coverage, int off);
  }

  /** The scalar finisher. */
  static final Finisher SCALAR_FINISHER = (sw, ss, cov, len, covTotal, score, coverage, off) -> {
    for (int i = 0; i < len; i++) {
      double w = sw[i];
      score[off + i] = w > 0.0 ? clamp(ss[i] / w) : Double.NaN;
      coverage[off + i] = cov[i] / covTotal;
    }
  };

  private static void accumulate(CompiledCard k, int j, int len, double[] s, double[] o, double[] sw,
      double[] ss, double[] cov) {
    int g = k.categoryOf[j];
    double w = k.weight[j];
    double cw = k.coverageWeight[j];
    if (k.categoryMin[g]) {
      for (int i = 0; i < len; i++) {
        double v = s[i];
        boolean present = v == v;
        sw[i] += present ? w : 0.0;
        ss[i] = present ? Math.min(ss[i], v) : ss[i];
        cov[i] += cw * o[i];
      }
    } else {
      for (int i = 0; i < len; i++) {
        double v = s[i];
        boolean present = v == v;
        sw[i] += present ? w : 0.0;
        ss[i] += present ? w * v : 0.0;
        cov[i] += cw * o[i];
      }
    }
  }

  private static double clamp(double v) {
    return Math.min(100.0, Math.max(0.0, v));
  }
}
