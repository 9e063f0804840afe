package dev.cskit.scoring.internal;

import dev.cskit.core.ArgumentException;
import dev.cskit.core.AccountId;
import dev.cskit.core.DataException;

/**
 * Allocation-free scoring of one account's overall score for latency-critical callers: {@link BlockEngine}'s
 * arithmetic for a single row (the same kernels, the same additions in the same order, so the same bits as a
 * batch), without the explanation columns and overrides, on per-thread scratch arrays. Input values are given
 * by slot ({@link CompiledCard#inputs}). Cards with percentile measures need a population and are not
 * supported here.
 */
public final class SingleRow {
  private final CompiledCard k;
  private final ThreadLocal<Scratch> scratch;

  /** Per-thread buffers: one-row input columns, a sub-score, per-category sums, caps. */
  private static final class Scratch {
    final double[][] in;
    final double[] sub = new double[1];
    final double[][] sw;
    final double[][] ss;
    final double[][] sf;
    final double[] score = new double[1];
    final int[] fired = new int[1];

    Scratch(CompiledCard k) {
      in = new double[k.inputs.size()][1];
      sw = new double[k.categoryCount()][1];
      ss = new double[k.categoryCount()][1];
      sf = new double[k.categoryCount()][1];
    }
  }

  public SingleRow(CompiledCard k) {
    if (k.percentileCount() > 0) {
      throw new ArgumentException("card", "percentile measures need a population: score through HealthScorer", null);
    }
    this.k = k;
    this.scratch = ThreadLocal.withInitial(() -> new Scratch(k));
  }

  /** The overall score (after caps; NaN when no measure has a sub-score) of one account. */
  public double score(double[] values) {
    if (values.length != k.inputs.size()) {
      throw new ArgumentException("values", "expected " + k.inputs.size() + " values " + k.inputs,
          Integer.toString(values.length));
    }
    Scratch t = scratch.get();
    double[][] in = t.in;
    for (int s = 0; s < values.length; s++) {
      double v = values[s];
      if (Double.isInfinite(v)) {
        // as a MetricTable: the kernels take finite values or NaN
        throw new DataException("quickScore values", 0, k.inputs.get(s), "must be a finite number or missing",
            String.valueOf(v));
      }
      in[s][0] = v;
    }
    int c = k.categoryCount();
    for (int g = 0; g < c; g++) {
      t.sw[g][0] = 0.0;
      t.ss[g][0] = k.categoryMin[g] ? Double.POSITIVE_INFINITY : 0.0;
      t.sf[g][0] = 0.0;
    }
    double[] sub = t.sub;
    for (int j = 0; j < k.kernels.length; j++) {
      RuleKernel kernel = k.kernels[j];
      int g = k.categoryOf[j];
      double w = k.weight[j];
      double[] sw = t.sw[g];
      double[] ss = t.ss[g];
      double[] sf = t.sf[g];
      kernel.raw(in, 0, 1, sub, 0);
      double v = sub[0];
      if (!k.categoryMin[g] && kernel.policy != RuleKernel.FAIL) {
        double f = kernel.fill;
        RuleKernel.accumulate(v, 0, sw, ss, sf, w, f, f == f);
        continue;
      }
      if (kernel.policy == RuleKernel.FAIL && v != v) {
        throw BlockEngine.missing(k, j, (AccountId) null);
      }
      boolean observed = v == v;
      if (kernel.policy == RuleKernel.FILL) {
        v = observed ? v : kernel.fill;
      }
      boolean present = v == v;
      sw[0] += present ? w : 0.0;
      if (k.categoryMin[g]) {
        ss[0] = present ? Math.min(ss[0], v) : ss[0];
      } else {
        ss[0] += present ? w * v : 0.0;
      }
      sf[0] += present && !observed ? w : 0.0;
    }
    double tw = 0.0;
    double ts = 0.0;
    for (int g = 0; g < c; g++) {
      double sw = t.sw[g][0];
      double ss = t.ss[g][0];
      double cat = k.categoryMin[g] ? (sw > 0.0 ? ss : Double.NaN) : (sw > 0.0 ? clamp(ss / sw) : Double.NaN);
      boolean present = cat == cat;
      tw += present ? k.categoryWeight[g] : 0.0;
      ts += present ? k.categoryWeight[g] * cat : 0.0;
    }
    double score = tw > 0.0 ? clamp(ts / tw) : Double.NaN;
    if (k.caps.length > 0) {
      t.score[0] = score;
      t.fired[0] = 0;
      for (CapKernel cap : k.caps) {
        cap.apply(in, 0, 1, t.score, t.fired);
      }
      score = t.score[0];
    }
    return score;
  }

  /** As {@link BlockEngine}'s clamp. */
  private static double clamp(double v) {
    return v > 100.0 ? 100.0 : v;
  }
}
