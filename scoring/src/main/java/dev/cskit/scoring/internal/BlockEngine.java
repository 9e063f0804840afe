package dev.cskit.scoring.internal;

import dev.cskit.core.AccountId;
import dev.cskit.core.CskitException;
import dev.cskit.core.DataException;
import dev.cskit.scoring.ScoreOverride;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Runs a {@link CompiledCard} over columns in blocks of {@link #BLOCK} rows. Per block:
 * <ol>
 *   <li>rule kernels: each measure's {@link RuleKernel} writes its sub-scores straight into the output
 *       column and its observed mask into a block buffer;
 *   <li>measure overrides patch sub-scores (sparse);
 *   <li>category accumulation: weighted sums and weight sums (or running minimums) into reusable block
 *       buffers, NaN masked by selects, never by branches on the data path; coverage likewise; then the
 *       category scores;
 *   <li>category overrides; overall weighted mean of the categories present; cap kernels;
 *   <li>overall overrides; bands.
 * </ol>
 * The single-account path runs exactly this code on one-row columns, so batch and single agree bit for bit.
 * The only allocations are the result columns and the block buffers, once per call.
 */
public final class BlockEngine {
  /** Rows per block: the block buffers of a typical card stay in L1/L2. */
  public static final int BLOCK = 1024;

  private BlockEngine() {}

  /** Scores {@code n} rows of bound columns (see {@link CompiledCard#bind}); derived slots filled. */
  public static CardResult run(CompiledCard k, double[][] cols, int n, AccountId[] ids, OverridePlan plan,
      Map<Integer, List<ScoreOverride>> expired, Map<String, Map<String, double[]>> distributions) {
    CardResult out = new CardResult(k, n, ids, plan, expired, distributions);
    int m = k.measureCount();
    int c = k.categoryCount();
    int block = Math.min(BLOCK, Math.max(1, n));
    double[][] observed = new double[m][block];
    double[][] sumW = new double[c][block];
    double[][] sumS = new double[c][block];
    double[] cov = new double[block];
    double[] tw = new double[block];
    double[] ts = new double[block];
    int p = 0; // next override entry
    for (int from = 0; from < n; from += BLOCK) {
      int len = Math.min(BLOCK, n - from);
      int end = from + len;
      while (p < plan.row.length && plan.row[p] < from) {
        p++;
      }
      int pEnd = p;
      while (pEnd < plan.row.length && plan.row[pEnd] < end) {
        pEnd++;
      }

      // 1. rule kernels
      for (int j = 0; j < m; j++) {
        int failed = k.kernels[j].apply(cols, from, len, out.measures[j], observed[j]);
        if (failed >= 0) {
          throw missing(k, j, ids[from + failed]);
        }
      }
      // 2. measure overrides
      for (int e = p; e < pEnd; e++) {
        if (plan.kind[e] == OverridePlan.MEASURE) {
          out.measures[plan.index[e]][plan.row[e]] = plan.value[e];
        }
      }
      // 3. categories and coverage
      for (int g = 0; g < c; g++) {
        Arrays.fill(sumW[g], 0, len, 0.0);
        Arrays.fill(sumS[g], 0, len, k.categoryMin[g] ? Double.POSITIVE_INFINITY : 0.0);
      }
      Arrays.fill(cov, 0, len, 0.0);
      for (int j = 0; j < m; j++) {
        int g = k.categoryOf[j];
        double w = k.weight[j];
        double cw = k.coverageWeight[j];
        double[] s = out.measures[j];
        double[] o = observed[j];
        double[] sw = sumW[g];
        double[] ss = sumS[g];
        if (k.categoryMin[g]) {
          for (int i = 0; i < len; i++) {
            double v = s[from + i];
            boolean present = v == v;
            sw[i] += present ? w : 0.0;
            ss[i] = present ? Math.min(ss[i], v) : ss[i];
            cov[i] += cw * o[i];
          }
        } else {
          for (int i = 0; i < len; i++) {
            double v = s[from + i];
            boolean present = v == v;
            sw[i] += present ? w : 0.0;
            ss[i] += present ? w * v : 0.0;
            cov[i] += cw * o[i];
          }
        }
      }
      for (int g = 0; g < c; g++) {
        double[] sw = sumW[g];
        double[] ss = sumS[g];
        double[] cat = out.categories[g];
        if (k.categoryMin[g]) {
          for (int i = 0; i < len; i++) {
            cat[from + i] = sw[i] > 0.0 ? ss[i] : Double.NaN;
          }
        } else {
          for (int i = 0; i < len; i++) {
            cat[from + i] = sw[i] > 0.0 ? clamp(ss[i] / sw[i]) : Double.NaN;
          }
        }
      }
      // 4. category overrides, overall, caps
      for (int e = p; e < pEnd; e++) {
        if (plan.kind[e] == OverridePlan.CATEGORY) {
          out.categories[plan.index[e]][plan.row[e]] = plan.value[e];
        }
      }
      Arrays.fill(tw, 0, len, 0.0);
      Arrays.fill(ts, 0, len, 0.0);
      for (int g = 0; g < c; g++) {
        double w = k.categoryWeight[g];
        double[] cat = out.categories[g];
        for (int i = 0; i < len; i++) {
          double v = cat[from + i];
          boolean present = v == v;
          tw[i] += present ? w : 0.0;
          ts[i] += present ? w * v : 0.0;
        }
      }
      double covTotal = k.coverageTotal;
      for (int i = 0; i < len; i++) {
        double pre = tw[i] > 0.0 ? clamp(ts[i] / tw[i]) : Double.NaN;
        out.preCap[from + i] = pre;
        out.score[from + i] = pre;
        out.coverage[from + i] = cov[i] / covTotal;
      }
      for (CapKernel cap : k.caps) {
        cap.apply(cols, from, len, out.score, out.capsFired);
      }
      // 5. bands, overall overrides
      double minCov = k.minCoverage;
      for (int i = from; i < end; i++) {
        double s = out.score[i];
        out.band[i] = out.coverage[i] < minCov ? -1 : k.bandIndex(s);
      }
      for (int e = p; e < pEnd; e++) {
        if (plan.kind[e] == OverridePlan.OVERALL) {
          out.score[plan.row[e]] = plan.value[e];
          out.band[plan.row[e]] = k.bandIndex(plan.value[e]);
        }
      }
      p = pEnd;
    }
    return out;
  }

  private static double clamp(double v) {
    return Math.min(100.0, Math.max(0.0, v));
  }

  static DataException missing(CompiledCard k, int j, AccountId id) {
    String metric = k.card.measures().get(j).metrics().get(0);
    return new DataException("metrics", 0, metric,
        "measure \"" + k.measureIds[j] + "\" needs a value (its missing policy is fail)",
        "nothing for account " + CskitException.quote(id == null ? "?" : id.value()));
  }
}
