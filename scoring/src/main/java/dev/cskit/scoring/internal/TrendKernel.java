package dev.cskit.scoring.internal;

/**
 * The {@code trend} rule: (current - previous) / previous through linear points; {@code whenPreviousZero}
 * when previous is 0; missing when either input is.
 */
final class TrendKernel extends RuleKernel {
  private final int currentSlot;
  private final int previousSlot;
  private final double whenPreviousZero;
  private final LinearKernel curve;

  TrendKernel(int currentSlot, int previousSlot, double[] xs, double[] ys, double whenPreviousZero, int policy,
      double fill) {
    super(policy, fill);
    this.currentSlot = currentSlot;
    this.previousSlot = previousSlot;
    this.whenPreviousZero = whenPreviousZero;
    this.curve = new LinearKernel(-1, xs, ys, EXCLUDE, Double.NaN);
  }

  @Override
  void raw(double[][] in, int from, int len, double[] out, int off) {
    double[] cur = in[currentSlot];
    double[] prev = in[previousSlot];
    double[] xs = curve.xs;
    double[] ys = curve.ys;
    double[] slope = curve.slope;
    double zero = whenPreviousZero;
    for (int i = 0; i < len; i++) {
      out[off + i] = trend(cur[from + i], prev[from + i], xs, ys, slope, zero);
    }
  }

  @Override
  void fused(double[][] in, int from, int len, double[] scratch, double[] sw, double[] ss, double[] sf,
      double w, double f) {
    boolean fills = f == f;
    double[] cur = in[currentSlot];
    double[] prev = in[previousSlot];
    double[] xs = curve.xs;
    double[] ys = curve.ys;
    double[] slope = curve.slope;
    double zero = whenPreviousZero;
    for (int i = 0; i < len; i++) {
      accumulate(trend(cur[from + i], prev[from + i], xs, ys, slope, zero), i, sw, ss, sf, w, f, fills);
    }
  }

  /**
   * The sub-score of one account: the curve at the relative change (c - p) / p; {@code zero} when p is 0;
   * NaN when either value is missing. Branch-free: a NaN or infinite change flows through interpolate and
   * the selects then fix those cases (small enough for the JIT to inline into both loops).
   */
  private static double trend(double c, double p, double[] xs, double[] ys, double[] slope, double zero) {
    double s = interpolate((c - p) / p, xs, ys, slope);
    s = p == 0.0 ? zero : s;
    return c != c || p != p ? Double.NaN : s;
  }
}
