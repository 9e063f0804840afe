package dev.cskit.scoring.internal;

/** The {@code boolean} rule: {@code whenTrue} for a non-zero value, {@code whenFalse} for zero. */
final class BooleanKernel extends RuleKernel {
  private final int slot;
  private final double whenTrue;
  private final double whenFalse;

  BooleanKernel(int slot, double whenTrue, double whenFalse, int policy, double fill) {
    super(policy, fill);
    this.slot = slot;
    this.whenTrue = whenTrue;
    this.whenFalse = whenFalse;
  }

  @Override
  void raw(double[][] in, int from, int len, double[] out, int off) {
    double[] x = in[slot];
    for (int i = 0; i < len; i++) {
      double v = x[from + i];
      out[off + i] = v != v ? Double.NaN : (v != 0.0 ? whenTrue : whenFalse);
    }
  }

  @Override
  void fused(double[][] in, int from, int len, double[] scratch, double[] sw, double[] ss, double[] sf,
      double w, double f) {
    boolean fills = f == f;
    double[] x = in[slot];
    for (int i = 0; i < len; i++) {
      double v = x[from + i];
      accumulate(v != v ? Double.NaN : (v != 0.0 ? whenTrue : whenFalse), i, sw, ss, sf, w, f, fills);
    }
  }
}
