package dev.cskit.scoring.internal;

import dev.cskit.scoring.MissingPolicy;
import java.util.List;

/** The {@code linear} rule: piecewise-linear interpolation, flat outside the points. */
final class LinearKernel extends RuleKernel {
  final int slot;
  final double[] xs;
  final double[] ys;
  final double[] slope;

  LinearKernel(int slot, List<List<Double>> points, MissingPolicy missing, double worst) {
    super(missing, worst);
    this.slot = slot;
    int n = points.size();
    xs = new double[n];
    ys = new double[n];
    for (int i = 0; i < n; i++) {
      xs[i] = points.get(i).get(0);
      ys[i] = points.get(i).get(1);
    }
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
