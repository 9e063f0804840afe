package dev.cskit.scoring.internal;

import dev.cskit.scoring.MissingPolicy;
import java.util.List;

/** The {@code steps} rule: the score of the largest min at most the value; {@code below} under the first. */
final class StepsKernel extends RuleKernel {
  final int slot;
  final double[] mins;
  final double[] scores;
  final double below;

  StepsKernel(int slot, List<List<Double>> steps, double below, MissingPolicy missing, double worst) {
    super(missing, worst);
    this.slot = slot;
    mins = new double[steps.size()];
    scores = new double[steps.size()];
    for (int i = 0; i < mins.length; i++) {
      mins[i] = steps.get(i).get(0);
      scores[i] = steps.get(i).get(1);
    }
    this.below = below;
  }

  @Override
  void raw(double[][] in, int from, int len, double[] out) {
    double[] x = in[slot];
    int n = mins.length;
    for (int i = from, end = from + len; i < end; i++) {
      double v = x[i];
      double s = below;
      for (int k = 0; k < n; k++) {
        s = v >= mins[k] ? scores[k] : s;
      }
      out[i] = v != v ? Double.NaN : s;
    }
  }
}
