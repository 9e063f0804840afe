package dev.cskit.scoring.internal;

/**
 * A measure's rule as the lean engine ({@link LeanEngine}) runs it: the same arithmetic as the measure's
 * {@link RuleKernel}, bit for bit, but writing into block-local buffers (index 0 is row {@code from}) instead
 * of a full-length output column, so batch scoring touches memory only to read its inputs and write the overall
 * results. Built once per compiled card by {@link BlockRules#of}; immutable, holds only primitives and arrays.
 */
abstract class BlockRule {
  final int policy;
  final double fill;

  BlockRule(RuleKernel kernel) {
    this.policy = kernel.policy;
    this.fill = kernel.fill;
  }

  /**
   * The raw sub-score of one account whose input values are given by slot (NaN where missing): the arithmetic
   * of {@link #raw} for one row, for allocation-free single-account scoring ({@link SingleRow}).
   */
  abstract double one(double[] values);

  /** Raw sub-scores of rows {@code [from, from + len)} into {@code out[0..len)}; NaN where input is missing. */
  abstract void raw(double[][] in, int from, int len, double[] out);

  /**
   * Sub-scores after the missing policy into {@code out[0..len)} and the observed mask into
   * {@code observed[0..len)}, exactly as {@link RuleKernel#apply}.
   *
   * @return -1, or the offset of the first row missing a value under the {@code fail} policy
   */
  int apply(double[][] in, int from, int len, double[] out, double[] observed) {
    raw(in, from, len, out);
    switch (policy) {
      case RuleKernel.FILL: {
        double f = fill;
        for (int i = 0; i < len; i++) {
          double v = out[i];
          boolean o = v == v;
          observed[i] = o ? 1.0 : 0.0;
          out[i] = o ? v : f;
        }
        return -1;
      }
      case RuleKernel.FAIL:
        for (int i = 0; i < len; i++) {
          if (out[i] != out[i]) {
            return i;
          }
          observed[i] = 1.0;
        }
        return -1;
      default:
        for (int i = 0; i < len; i++) {
          double v = out[i];
          observed[i] = v == v ? 1.0 : 0.0;
        }
        return -1;
    }
  }

  /**
   * Whether {@link #accumulateMean} may be used: the {@code exclude} policy, where observed is exactly
   * "has a sub-score".
   */
  boolean fusable() {
    return policy == RuleKernel.EXCLUDE;
  }

  /**
   * For the {@code exclude} policy into a weighted-mean category: computes the sub-scores and adds them to the
   * category sums and the coverage in one pass, with the additions of {@link LeanEngine}'s unfused path in
   * the same order (so the same bits). The default runs the two passes; rules override it with one loop.
   */
  void accumulateMean(double[][] in, int from, int len, double w, double cw, double[] sub, double[] sw,
      double[] ss, double[] cov) {
    raw(in, from, len, sub);
    for (int i = 0; i < len; i++) {
      double v = sub[i];
      boolean present = v == v;
      sw[i] += present ? w : 0.0;
      ss[i] += present ? w * v : 0.0;
      cov[i] += present ? cw : 0.0;
    }
  }
}
