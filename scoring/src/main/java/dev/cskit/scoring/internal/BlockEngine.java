package dev.cskit.scoring.internal;

import dev.cskit.core.AccountId;
import dev.cskit.core.CskitException;
import dev.cskit.core.DataException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Runs a {@link CompiledCard} over columns in blocks of {@link #BLOCK} rows. Per block:
 * <ol>
 *   <li>per measure, one fused loop of its {@link RuleKernel} (the common case): the rule, the missing
 *       policy and the category's weight sum, weighted sum and weight filled in (present but not observed)
 *       in reusable block buffers, NaN masked by selects, sub-scores never stored. A detailed run, a measure
 *       overridden in the block, a {@code min} category or the {@code fail} policy take the same arithmetic
 *       step by step: sub-scores into a block buffer (or, in a detailed run, the result column), the fail
 *       check, the policy, the override patch, then the sums (or running minimum);
 *   <li>coverage: per category, its factor x (weight present - weight filled in);
 *   <li>the category scores (a batch run of a card without categories goes straight to the overall score
 *       and coverage in one pass, with the same bits: {@code Finish});
 *   <li>category overrides; overall weighted mean of the categories present; cap kernels;
 *   <li>bands; overall overrides.
 * </ol>
 * A batch run keeps only the score, band, coverage, fired caps and category columns; a detailed run keeps
 * sub-scores and the score before caps as well. The arithmetic is the same operations in the same order
 * either way and for one row or many, so batch, detailed and single results agree bit for bit. The only
 * allocations are the result columns and the block buffers, once per call: nothing per row.
 */
public final class BlockEngine {
  /** Rows per block: the block buffers of a typical card stay in L1/L2. */
  public static final int BLOCK = 1024;

  private BlockEngine() {}

  /**
   * Scores {@code n} rows of bound columns (see {@link CompiledCard#bind}) whose derived slots are filled.
   *
   * @param detail keep every measure's sub-score and the score before caps
   */
  public static CardResult run(CompiledCard k, double[][] cols, int n, IntFunction<AccountId> ids, OverridePlan plan,
      Map<String, Map<String, double[]>> distributions, boolean detail) {
    CardResult out = new CardResult(k, n, ids, cols, plan, distributions, detail);
    range(k, cols, 0, n, ids, plan, detail, out);
    return out;
  }

  /**
   * A batch run (no overrides, no detail) writing the score, coverage and band into caller-owned arrays of at
   * least {@code n} rows: for a card without categories or caps, nothing allocated grows with {@code n}.
   */
  public static void into(CompiledCard k, double[][] cols, int n, IntFunction<AccountId> ids, double[] score,
      double[] coverage, int[] band) {
    range(k, cols, 0, n, ids, OverridePlan.EMPTY, false, new CardResult(k, n, ids, cols, score, coverage, band));
  }

  /**
   * {@link #run}, with the rows split into {@code parts} contiguous ranges of whole blocks scored
   * concurrently: all but the last on {@code executor}, the last on the calling thread. Ranges write disjoint
   * parts of the result and every row's arithmetic is the same, so the result is identical, bit for bit.
   */
  public static CardResult runParallel(CompiledCard k, double[][] cols, int n, IntFunction<AccountId> ids,
      OverridePlan plan, Map<String, Map<String, double[]>> distributions, boolean detail, ExecutorService executor,
      int parts) {
    CardResult out = new CardResult(k, n, ids, cols, plan, distributions, detail);
    int blocks = (n + BLOCK - 1) / BLOCK;
    int per = Math.max(1, (blocks + parts - 1) / parts);
    List<Future<?>> running = new ArrayList<>();
    for (int b = 0; b < blocks; b += per) {
      int from = b * BLOCK;
      int to = Math.min(n, (b + per) * BLOCK);
      if (to < n) {
        running.add(executor.submit(() -> range(k, cols, from, to, ids, plan, detail, out)));
      } else {
        range(k, cols, from, to, ids, plan, detail, out);
      }
    }
    for (Future<?> f : running) {
      try {
        f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CskitException("scoring", "interrupted while scoring in parallel", null);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RuntimeException) {
          throw (RuntimeException) e.getCause();
        }
        throw new IllegalStateException(e.getCause());
      }
    }
    return out;
  }

  /** Scores rows {@code [start, stop)} into {@code out}, block by block. */
  private static void range(CompiledCard k, double[][] cols, int start, int stop, IntFunction<AccountId> ids,
      OverridePlan plan, boolean detail, CardResult out) {
    int m = k.measureCount();
    int c = k.categoryCount();
    int block = Math.min(BLOCK, Math.max(1, stop - start));
    Finish.Finisher finisher = Vectorization.finisher();
    double[][] sumW = new double[c][block];
    double[][] sumS = new double[c][block];
    double[][] sumF = new double[c][block];
    double[] cov = new double[block];
    double[] tw = new double[block];
    double[] ts = new double[block];
    double[] scratch = new double[block];
    // where sub-scores, category scores and the pre-cap score go: result columns or block buffers
    boolean keepCategories = out.categories != null;
    double[][] sub = detail ? out.measures : new double[m][block];
    double[][] cat = keepCategories ? out.categories : new double[c][block];
    double[] pre = detail ? out.preCap : new double[block];
    double covTotal = k.coverageTotal;
    int p = 0; // next override entry
    while (p < plan.row.length && plan.row[p] < start) {
      p++;
    }
    for (int from = start; from < stop; from += BLOCK) {
      int len = Math.min(BLOCK, stop - from);
      int end = from + len;
      int subOff = detail ? from : 0;
      int catOff = keepCategories ? from : 0;
      while (p < plan.row.length && plan.row[p] < from) {
        p++;
      }
      int pEnd = p;
      while (pEnd < plan.row.length && plan.row[pEnd] < end) {
        pEnd++;
      }

      // 1-3. per measure: the rule, the missing policy and the category's weight sum, weighted sum (or
      // minimum) and filled-in weight (present but not observed), fused in one loop; a detailed run, a
      // measure overridden in this block, a min category or the fail policy take the same arithmetic step by
      // step. Coverage follows per category: factor x (weight present - weight filled in).
      for (int g = 0; g < c; g++) {
        Arrays.fill(sumW[g], 0, len, 0.0);
        Arrays.fill(sumS[g], 0, len, k.categoryMin[g] ? Double.POSITIVE_INFINITY : 0.0);
        Arrays.fill(sumF[g], 0, len, 0.0);
      }
      for (int j = 0; j < m; j++) {
        RuleKernel kernel = k.kernels[j];
        int g = k.categoryOf[j];
        double w = k.weight[j];
        double[] sw = sumW[g];
        double[] ss = sumS[g];
        double[] sf = sumF[g];
        boolean patched = false;
        for (int e = p; e < pEnd; e++) {
          patched |= plan.kind[e] == OverridePlan.MEASURE && plan.index[e] == j;
        }
        if (!detail && !patched && !k.categoryMin[g] && kernel.policy != RuleKernel.FAIL) {
          // the common case: one fused loop per measure, sub-scores never stored
          kernel.fused(cols, from, len, scratch, sw, ss, sf, w, kernel.fill);
          continue;
        }
        // the stepwise path, same arithmetic: sub-scores, fail check, policy and coverage, patch, sums
        double[] s = sub[j];
        kernel.raw(cols, from, len, s, subOff);
        if (kernel.policy == RuleKernel.FAIL) {
          for (int i = 0; i < len; i++) {
            if (s[subOff + i] != s[subOff + i]) {
              throw missing(k, j, ids.apply(from + i));
            }
          }
        }
        // observed before the policy and any override: the rule gave a value
        for (int i = 0; i < len; i++) {
          double v = s[subOff + i];
          scratch[i] = v == v ? 1.0 : 0.0;
        }
        if (kernel.policy == RuleKernel.FILL) {
          double f = kernel.fill;
          for (int i = 0; i < len; i++) {
            double v = s[subOff + i];
            s[subOff + i] = v == v ? v : f;
          }
        }
        for (int e = p; e < pEnd; e++) {
          if (plan.kind[e] == OverridePlan.MEASURE && plan.index[e] == j) {
            s[subOff + plan.row[e] - from] = plan.value[e];
          }
        }
        boolean min = k.categoryMin[g];
        for (int i = 0; i < len; i++) {
          double v = s[subOff + i];
          boolean present = v == v;
          sw[i] += present ? w : 0.0;
          if (min) {
            ss[i] = present ? Math.min(ss[i], v) : ss[i];
          } else {
            ss[i] += present ? w * v : 0.0;
          }
          sf[i] += present && scratch[i] == 0.0 ? w : 0.0;
        }
      }
      Arrays.fill(cov, 0, len, 0.0);
      for (int g = 0; g < c; g++) {
        double[] sw = sumW[g];
        double[] sf = sumF[g];
        double factor = k.coverageFactor[g];
        for (int i = 0; i < len; i++) {
          cov[i] += factor * (sw[i] - sf[i]);
        }
      }
      double[] score = out.score;
      double[] coverage = out.coverage;
      if (!k.hasCategories && !detail) {
        // one implicit category of weight 1: the same bits in one pass (see Finish)
        finisher.mean(sumW[0], sumS[0], cov, len, covTotal, score, coverage, from);
      } else {
        for (int g = 0; g < c; g++) {
          double[] sw = sumW[g];
          double[] ss = sumS[g];
          double[] cg = cat[g];
          if (k.categoryMin[g]) {
            for (int i = 0; i < len; i++) {
              cg[catOff + i] = sw[i] > 0.0 ? ss[i] : Double.NaN;
            }
          } else {
            for (int i = 0; i < len; i++) {
              cg[catOff + i] = sw[i] > 0.0 ? clamp(ss[i] / sw[i]) : Double.NaN;
            }
          }
        }
        // 4. category overrides, overall, caps
        for (int e = p; e < pEnd; e++) {
          if (plan.kind[e] == OverridePlan.CATEGORY) {
            cat[plan.index[e]][catOff + plan.row[e] - from] = plan.value[e];
          }
        }
        Arrays.fill(tw, 0, len, 0.0);
        Arrays.fill(ts, 0, len, 0.0);
        for (int g = 0; g < c; g++) {
          double w = k.categoryWeight[g];
          double[] cg = cat[g];
          for (int i = 0; i < len; i++) {
            double v = cg[catOff + i];
            boolean present = v == v;
            tw[i] += present ? w : 0.0;
            ts[i] += present ? w * v : 0.0;
          }
        }
        int preOff = detail ? from : 0;
        for (int i = 0; i < len; i++) {
          double s = tw[i] > 0.0 ? clamp(ts[i] / tw[i]) : Double.NaN;
          pre[preOff + i] = s;
          score[from + i] = s;
          coverage[from + i] = cov[i] / covTotal;
        }
      }
      for (CapKernel cap : k.caps) {
        cap.apply(cols, from, len, score, out.capsFired);
      }
      // 5. bands, overall overrides
      int[] band = out.band;
      Finish.bands(k, score, coverage, band, from, end);
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
   * Guards a weighted mean against rounding just above 100 (it cannot fall below 0: every term is >= 0);
   * NaN passes through.
   */
  private static double clamp(double v) {
    return v > 100.0 ? 100.0 : v;
  }

  static DataException missing(CompiledCard k, int j, AccountId id) {
    String metric = k.measureMetric[j];
    return new DataException("metrics", 0, metric,
        "measure \"" + k.measureIds[j] + "\" needs a value (its missing policy is fail)",
        "nothing for account " + CskitException.quote(id == null ? "?" : id.value()));
  }
}
