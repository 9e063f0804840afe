package dev.cskit.scoring.internal;

import dev.cskit.scoring.MissingPolicy;

/** The {@code boolean} rule: {@code whenTrue} for a non-zero value, {@code whenFalse} for zero. */
final class BooleanKernel extends RuleKernel {
  final int slot;
  final double whenTrue;
  final double whenFalse;

  BooleanKernel(int slot, double whenTrue, double whenFalse, MissingPolicy missing, double worst) {
    super(missing, worst);
    this.slot = slot;
    this.whenTrue = whenTrue;
    this.whenFalse = whenFalse;
  }

  @Override
  void raw(double[][] in, int from, int len, double[] out) {
    double[] x = in[slot];
    for (int i = from, end = from + len; i < end; i++) {
      double v = x[i];
      out[i] = v != v ? Double.NaN : (v != 0.0 ? whenTrue : whenFalse);
    }
  }
}
