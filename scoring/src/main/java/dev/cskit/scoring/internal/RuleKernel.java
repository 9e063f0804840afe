package dev.cskit.scoring.internal;

import dev.cskit.scoring.MissingPolicy;

/**
 * Phase 1 of the block engine: one measure's rule, specialised at compile time, mapping a block of raw input
 * values to sub-scores. Subclasses implement {@link #raw} as a tight loop over {@code double[]} columns
 * (NaN in, NaN out); the engine then applies the missing-value policy ({@link #policy}, {@link #fill}) in
 * the same pass that accumulates coverage and the category sums.
 *
 * <p>Kernels are immutable and hold only primitives and arrays, so one compiled card serves any number of
 * threads.
 */
public abstract class RuleKernel {
  static final int EXCLUDE = 0;
  static final int FILL = 1;
  static final int FAIL = 2;

  /** {@link #EXCLUDE}, {@link #FILL} (neutral or worst) or {@link #FAIL}. */
  final int policy;
  /** The value filled in for a missing one under {@link #FILL}. */
  final double fill;

  RuleKernel(MissingPolicy missing, double worst) {
    switch (missing.policy()) {
      case NEUTRAL:
        policy = FILL;
        fill = missing.value();
        break;
      case WORST:
        policy = FILL;
        fill = worst;
        break;
      case FAIL:
        policy = FAIL;
        fill = Double.NaN;
        break;
      default:
        policy = EXCLUDE;
        fill = Double.NaN;
    }
  }

  /**
   * Writes the raw sub-scores of input rows {@code [from, from + len)} into {@code out[off .. off + len)};
   * NaN where the input is missing.
   */
  abstract void raw(double[][] in, int from, int len, double[] out, int off);

  /**
   * The fused batch path: computes the sub-scores of input rows {@code [from, from + len)} and, without
   * storing them, applies the policy (fill value {@code f}: the neutral or worst score, or NaN to exclude)
   * and accumulates {@code sw[i] += present ? w : 0}, {@code ss[i] += present ? w * y : 0} and, when the
   * policy fills in, the weight filled in but not observed, {@code sf[i] += present && !observed ? w : 0}:
   * exactly the operations of the engine's stepwise path. This default goes through {@link #raw} and a
   * scratch buffer; kernels override it with one loop.
   */
  void fused(double[][] in, int from, int len, double[] scratch, double[] sw, double[] ss, double[] sf,
      double w, double f) {
    raw(in, from, len, scratch, 0);
    boolean fills = f == f;
    for (int i = 0; i < len; i++) {
      accumulate(scratch[i], i, sw, ss, sf, w, f, fills);
    }
  }

  /** The per-row arithmetic of {@link #fused}; small enough to be inlined into every kernel's loop. */
  static void accumulate(double v, int i, double[] sw, double[] ss, double[] sf, double w, double f,
      boolean fills) {
    boolean observed = v == v;
    double y = observed ? v : f;
    boolean present = y == y;
    sw[i] += present ? w : 0.0;
    ss[i] += present ? w * y : 0.0;
    if (fills) { // loop-invariant: without a fill, present == observed and this would add 0
      sf[i] += present && !observed ? w : 0.0;
    }
  }

  /**
   * Piecewise-linear interpolation through sorted points, flat outside them; shared by linear and trend.
   * Branch-free segment search (a count of the inner points at or below x) so that random data costs no
   * mispredictions; {@code slope} has one entry per segment (a single point: 0), computed once as
   * {@code (y1 - y0) / (x1 - x0)}. NaN in, NaN out; infinities are flat like any value beyond the points.
   */
  static double interpolate(double x, double[] xs, double[] ys, double[] slope) {
    int last = xs.length - 1;
    int k = 0;
    for (int q = 1; q < last; q++) {
      k += x >= xs[q] ? 1 : 0;
    }
    double y = ys[k] + (x - xs[k]) * slope[k];
    y = x <= xs[0] ? ys[0] : y;
    return x >= xs[last] ? ys[last] : y;
  }
}
