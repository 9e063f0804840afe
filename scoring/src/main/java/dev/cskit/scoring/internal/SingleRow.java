package dev.cskit.scoring.internal;

import dev.cskit.core.AccountId;

/**
 * Allocation-free scoring of one account's overall score: the lean engine's arithmetic for a single row (same
 * additions in the same order, so the same bits as a batch), without the explanation columns, without
 * overrides, on per-thread scratch arrays. Input values are given by slot ({@link CompiledCard#inputs}).
 * Cards with percentile measures need a population and are not supported here.
 */
public final class SingleRow {
  private final CompiledCard k;
  private final BlockRule[] rules;
  private final ThreadLocal<Scratch> scratch;

  /** Per-thread buffers: category sums, and one-row columns for the cap kernels. */
  private static final class Scratch {
    final double[] sw;
    final double[] ss;
    final double[] cat;
    final double[][] in;
    final double[] score = new double[1];
    final long[] fired = new long[1];

    Scratch(CompiledCard k) {
      sw = new double[k.categoryCount()];
      ss = new double[k.categoryCount()];
      cat = new double[k.categoryCount()];
      in = new double[k.inputs.size()][1];
    }
  }

  public SingleRow(CompiledCard k) {
    if (k.percentileCount() > 0) {
      throw new IllegalArgumentException("percentile measures need a population: score through HealthScorer");
    }
    this.k = k;
    this.rules = BlockRules.of(k, false);
    this.scratch = ThreadLocal.withInitial(() -> new Scratch(k));
  }

  /** The overall score (after caps; NaN when no measure has a sub-score) of one account. */
  public double score(double[] values) {
    if (values.length != k.inputs.size()) {
      throw new IllegalArgumentException("expected " + k.inputs.size() + " values (" + k.inputs + "), got "
          + values.length);
    }
    Scratch s = scratch.get();
    int c = k.categoryCount();
    double[] sw = s.sw;
    double[] ss = s.ss;
    for (int g = 0; g < c; g++) {
      sw[g] = 0.0;
      ss[g] = k.categoryMin[g] ? Double.POSITIVE_INFINITY : 0.0;
    }
    double cov = 0.0;
    for (int j = 0; j < rules.length; j++) {
      BlockRule r = rules[j];
      double v = r.one(values);
      double o;
      if (r.policy == RuleKernel.FILL) {
        boolean obs = v == v;
        o = obs ? 1.0 : 0.0;
        v = obs ? v : r.fill;
      } else if (r.policy == RuleKernel.FAIL) {
        if (v != v) {
          throw BlockEngine.missing(k, j, (AccountId) null);
        }
        o = 1.0;
      } else {
        o = v == v ? 1.0 : 0.0;
      }
      int g = k.categoryOf[j];
      boolean present = v == v;
      sw[g] += present ? k.weight[j] : 0.0;
      if (k.categoryMin[g]) {
        ss[g] = present ? Math.min(ss[g], v) : ss[g];
      } else {
        ss[g] += present ? k.weight[j] * v : 0.0;
      }
      cov += k.coverageWeight[j] * o;
    }
    double tw = 0.0;
    double ts = 0.0;
    for (int g = 0; g < c; g++) {
      double cat = sw[g] > 0.0 ? (k.categoryMin[g] ? ss[g] : clamp(ss[g] / sw[g])) : Double.NaN;
      boolean present = cat == cat;
      tw += present ? k.categoryWeight[g] : 0.0;
      ts += present ? k.categoryWeight[g] * cat : 0.0;
    }
    double score = tw > 0.0 ? clamp(ts / tw) : Double.NaN;
    if (k.caps.length > 0) {
      for (int i = 0; i < values.length; i++) {
        s.in[i][0] = values[i];
      }
      s.score[0] = score;
      s.fired[0] = 0L;
      for (CapKernel cap : k.caps) {
        cap.apply(s.in, 0, 1, s.score, s.fired);
      }
      score = s.score[0];
    }
    return score;
  }

  private static double clamp(double v) {
    return Math.min(100.0, Math.max(0.0, v));
  }
}
