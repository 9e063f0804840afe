package dev.cskit.scoring.internal;

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
  /** Missing policy: a missing sub-score drops out (the weights of the others are renormalised). */
  public static final int EXCLUDE = 0;
  /** Missing policy: a missing sub-score is replaced by the fill value (neutral or worst). */
  public static final int FILL = 1;
  /** Missing policy: a missing sub-score is an error. */
  public static final int FAIL = 2;

  /** {@link #EXCLUDE}, {@link #FILL} (neutral or worst) or {@link #FAIL}. */
  final int policy;
  /** The value filled in for a missing one under {@link #FILL}; NaN otherwise. */
  final double fill;

  RuleKernel(int policy, double fill) {
    if (policy != EXCLUDE && policy != FILL && policy != FAIL) {
      throw new IllegalArgumentException("unknown missing policy " + policy);
    }
    this.policy = policy;
    this.fill = policy == FILL ? fill : Double.NaN;
  }

  /**
   * The {@code linear} rule: piecewise-linear through the points {@code (xs[i], ys[i])} (xs strictly
   * increasing), flat outside them; the fastest kernel this JVM has for it (Vector API or jump-free table),
   * with the same bits as the reference kernel.
   *
   * @param slot the input slot of the value
   * @param policy {@link #EXCLUDE}, {@link #FILL} or {@link #FAIL}
   * @param fill the value filled in under {@link #FILL} (ignored otherwise)
   */
  public static RuleKernel linear(int slot, double[] xs, double[] ys, int policy, double fill) {
    return Vectorization.linear(new LinearKernel(slot, xs, ys, policy, fill), policy, fill);
  }

  /**
   * The {@code steps} rule: {@code scores[k]} for the largest {@code mins[k]} at most the value (mins strictly
   * increasing), {@code below} under the first.
   */
  public static RuleKernel steps(int slot, double[] mins, double[] scores, double below, int policy, double fill) {
    return new StepsKernel(slot, mins, scores, below, policy, fill);
  }

  /** The {@code boolean} rule: {@code whenTrue} for a non-zero value, {@code whenFalse} for zero. */
  public static RuleKernel bool(int slot, double whenTrue, double whenFalse, int policy, double fill) {
    return new BooleanKernel(slot, whenTrue, whenFalse, policy, fill);
  }

  /**
   * The {@code trend} rule: {@code (current - previous) / previous} through linear points {@code (xs, ys)};
   * {@code whenPreviousZero} when previous is 0; missing when either value is.
   */
  public static RuleKernel trend(int currentSlot, int previousSlot, double[] xs, double[] ys,
      double whenPreviousZero, int policy, double fill) {
    return new TrendKernel(currentSlot, previousSlot, xs, ys, whenPreviousZero, policy, fill);
  }

  /**
   * Sub-scores derived before the block pass (the {@code percentile} rule), read from a derived slot.
   */
  public static RuleKernel column(int slot, int policy, double fill) {
    return new ColumnKernel(slot, policy, fill);
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
