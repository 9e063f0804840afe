package dev.cskit.scoring.internal;

import dev.cskit.scoring.MissingPolicy;
import java.util.List;

/** The {@code linear} rule: piecewise-linear interpolation, flat outside the points. */
final class LinearKernel extends RuleKernel {
  final int slot;
  final double[] xs;
  final double[] ys;
  final double[] dy;
  final double[] dx;

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
    dy = new double[Math.max(0, n - 1)];
    dx = new double[Math.max(0, n - 1)];
    for (int i = 0; i + 1 < n; i++) {
      dy[i] = ys[i + 1] - ys[i];
      dx[i] = xs[i + 1] - xs[i];
    }
  }

  @Override
  void raw(double[][] in, int from, int len, double[] out) {
    double[] x = in[slot];
    for (int i = from, end = from + len; i < end; i++) {
      double v = x[i];
      out[i] = v != v ? Double.NaN : interpolate(v, xs, ys, dy, dx);
    }
  }
}
