package dev.cskit.scoring.internal;

import dev.cskit.scoring.MissingPolicy;

/**
 * Phase 1 of the block engine: one measure's rule, specialised at compile time, mapping a block of raw input
 * values to sub-scores. Subclasses implement {@link #raw} as a tight loop over {@code double[]} columns
 * (NaN in, NaN out); the missing-value policy is applied here in a second loop over the block.
 *
 * <p>Kernels are immutable and hold only primitives and arrays, so one compiled card serves any number of
 * threads.
 */
public abstract class RuleKernel {
  static final int EXCLUDE = 0;
  static final int FILL = 1;
  static final int FAIL = 2;

  final int policy;
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
   * Writes the raw sub-scores of rows {@code [from, from + len)} into {@code out[from..]}; NaN where the
   * input is missing.
   */
  abstract void raw(double[][] in, int from, int len, double[] out);

  /**
   * Computes the block's sub-scores into {@code out[from..from+len)} (NaN: no sub-score) and the observed
   * mask (1 observed, 0 not) into {@code observed[0..len)}.
   *
   * @return -1, or the offset in the block of the first row missing a value under the {@code fail} policy
   */
  final int apply(double[][] in, int from, int len, double[] out, double[] observed) {
    raw(in, from, len, out);
    switch (policy) {
      case FILL: {
        double f = fill;
        for (int i = 0; i < len; i++) {
          double v = out[from + i];
          boolean o = v == v;
          observed[i] = o ? 1.0 : 0.0;
          out[from + i] = o ? v : f;
        }
        return -1;
      }
      case FAIL:
        for (int i = 0; i < len; i++) {
          if (out[from + i] != out[from + i]) {
            return i;
          }
          observed[i] = 1.0;
        }
        return -1;
      default:
        for (int i = 0; i < len; i++) {
          double v = out[from + i];
          observed[i] = v == v ? 1.0 : 0.0;
        }
        return -1;
    }
  }

  /** Piecewise-linear interpolation through sorted points, flat outside them. Shared by linear and trend. */
  static double interpolate(double x, double[] xs, double[] ys, double[] dy, double[] dx) {
    if (x <= xs[0]) {
      return ys[0];
    }
    int last = xs.length - 1;
    if (x >= xs[last]) {
      return ys[last];
    }
    int k = 0;
    while (x >= xs[k + 1]) {
      k++;
    }
    return ys[k] + (x - xs[k]) * dy[k] / dx[k];
  }
}
