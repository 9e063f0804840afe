package dev.cskit.scoring.internal;

/** The {@code steps} rule: the score of the largest min at most the value; {@code below} under the first. */
final class StepsKernel extends RuleKernel {
  private final int slot;
  private final double[] mins;
  /** {@code below}, then the score of each step: indexed by the number of mins at or below the value. */
  private final double[] table;

  StepsKernel(int slot, double[] mins, double[] scores, double below, int policy, double fill) {
    super(policy, fill);
    if (scores.length != mins.length) {
      throw new IllegalArgumentException("a steps rule needs as many scores as mins");
    }
    this.slot = slot;
    this.mins = mins.clone();
    table = new double[mins.length + 1];
    table[0] = below;
    System.arraycopy(scores, 0, table, 1, scores.length);
  }

  @Override
  void raw(double[][] in, int from, int len, double[] out, int off) {
    double[] x = in[slot];
    int n = mins.length;
    for (int i = 0; i < len; i++) {
      out[off + i] = step(x[from + i], mins, n, table);
    }
  }

  @Override
  void fused(double[][] in, int from, int len, double[] scratch, double[] sw, double[] ss, double[] sf,
      double w, double f) {
    boolean fills = f == f;
    double[] x = in[slot];
    int n = mins.length;
    for (int i = 0; i < len; i++) {
      accumulate(step(x[from + i], mins, n, table), i, sw, ss, sf, w, f, fills);
    }
  }

  /** The score of the largest min at most {@code v} (the count of mins passed indexes the table); NaN for NaN. */
  private static double step(double v, double[] mins, int n, double[] table) {
    int k = 0;
    for (int q = 0; q < n; q++) {
      k += v >= mins[q] ? 1 : 0; // mins increase: the count is the index of the step
    }
    double s = table[k];
    return v != v ? Double.NaN : s;
  }
}
