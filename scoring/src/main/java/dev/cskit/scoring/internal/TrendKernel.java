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
      double c = cur[from + i];
      double p = prev[from + i];
      // branch-free: a NaN or infinite change flows through interpolate; the selects then fix the cases
      double s = interpolate((c - p) / p, xs, ys, slope);
      s = p == 0.0 ? zero : s;
      s = c != c || p != p ? Double.NaN : s;
      out[off + i] = s;
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
      double c = cur[from + i];
      double p = prev[from + i];
      double s = interpolate((c - p) / p, xs, ys, slope);
      s = p == 0.0 ? zero : s;
      s = c != c || p != p ? Double.NaN : s;
      accumulate(s, i, sw, ss, sf, w, f, fills);
    }
  }
}
