package dev.cskit.scoring.internal;

import dev.cskit.scoring.MissingPolicy;
import java.util.List;

/**
 * The {@code trend} rule: (current - previous) / previous through linear points; {@code whenPreviousZero}
 * when previous is 0; missing when either input is.
 */
final class TrendKernel extends RuleKernel {
  final int currentSlot;
  final int previousSlot;
  final double whenPreviousZero;
  final LinearKernel curve;

  TrendKernel(int currentSlot, int previousSlot, List<List<Double>> points, double whenPreviousZero,
      MissingPolicy missing, double worst) {
    super(missing, worst);
    this.currentSlot = currentSlot;
    this.previousSlot = previousSlot;
    this.whenPreviousZero = whenPreviousZero;
    this.curve = new LinearKernel(-1, points, MissingPolicy.EXCLUDE, 0);
  }

  @Override
  void raw(double[][] in, int from, int len, double[] out) {
    double[] cur = in[currentSlot];
    double[] prev = in[previousSlot];
    double[] xs = curve.xs;
    double[] ys = curve.ys;
    double[] dy = curve.dy;
    double[] dx = curve.dx;
    for (int i = from, end = from + len; i < end; i++) {
      double c = cur[i];
      double p = prev[i];
      double s;
      if (c != c || p != p) {
        s = Double.NaN;
      } else if (p == 0.0) {
        s = whenPreviousZero;
      } else {
        s = interpolate((c - p) / p, xs, ys, dy, dx);
      }
      out[i] = s;
    }
  }
}
