package dev.cskit.scoring.internal;

/** The {@code linear} rule: piecewise-linear interpolation, flat outside the points. */
final class LinearKernel extends RuleKernel {
  final int slot;
  final double[] xs;
  final double[] ys;
  final double[] slope;

  LinearKernel(int slot, double[] xs, double[] ys, int policy, double fill) {
    super(policy, fill);
    this.slot = slot;
    int n = xs.length;
    if (n == 0 || ys.length != n) {
      throw new IllegalArgumentException("a linear rule needs as many scores as values, at least one");
    }
    this.xs = xs.clone();
    this.ys = ys.clone();
    slope = new double[Math.max(1, n - 1)];
    for (int i = 0; i + 1 < n; i++) {
      slope[i] = (ys[i + 1] - ys[i]) / (xs[i + 1] - xs[i]);
    }
  }

  @Override
  void raw(double[][] in, int from, int len, double[] out, int off) {
    double[] x = in[slot];
    for (int i = 0; i < len; i++) {
      double v = x[from + i];
      out[off + i] = interpolate(v, xs, ys, slope); // NaN in, NaN out
    }
  }

  @Override
  void fused(double[][] in, int from, int len, double[] scratch, double[] sw, double[] ss, double[] sf,
      double w, double f) {
    boolean fills = f == f;
    double[] x = in[slot];
    for (int i = 0; i < len; i++) {
      accumulate(interpolate(x[from + i], xs, ys, slope), i, sw, ss, sf, w, f, fills);
    }
  }
}
