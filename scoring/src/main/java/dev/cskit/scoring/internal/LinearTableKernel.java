package dev.cskit.scoring.internal;

/**
 * The scalar batch kernel of a {@code linear} rule: the sub-scores of {@link LinearKernel}, bit for bit, with
 * no data-dependent jumps. The two end clamps of {@link RuleKernel#interpolate} are selects between doubles,
 * which C2 compiles to jumps on x86; on real data (values below and above the points are common) they are
 * mispredicted. Here the points become a table of {@code n + 1} entries: entry 0 "at or below the first point"
 * (the first score, slope 0), entries 1..n-1 the segments, entry n "at or past the last point" (the last
 * score, slope 0). The entry of a value is a count of compares (integer adds), and the score is
 * {@code y + (v - x) * slope} as in {@code interpolate}: for the end entries the end score plus a zero, which is
 * the end score itself (values are finite). Only used when neither end score is {@code -0.0} (where adding
 * +0.0 would flip the sign); {@link #of} returns the plain kernel then.
 */
final class LinearTableKernel extends RuleKernel {
  private final int slot;
  private final int n;
  private final double[] xs;
  private final double[] tx;
  private final double[] ty;
  private final double[] ts;

  private LinearTableKernel(LinearKernel k, int policy, double fill) {
    super(policy, fill);
    slot = k.slot;
    xs = k.xs;
    n = xs.length;
    tx = new double[n + 1];
    ty = new double[n + 1];
    ts = new double[n + 1];
    tx[0] = xs[0];
    ty[0] = k.ys[0];
    for (int e = 1; e < n; e++) {
      tx[e] = xs[e - 1];
      ty[e] = k.ys[e - 1];
      ts[e] = k.slope[e - 1];
    }
    tx[n] = xs[n - 1];
    ty[n] = k.ys[n - 1];
  }

  /** The table kernel of a linear rule, or the plain one when an end score is -0.0. */
  static RuleKernel of(LinearKernel k, int policy, double fill) {
    long negZero = Double.doubleToRawLongBits(-0.0);
    if (Double.doubleToRawLongBits(k.ys[0]) == negZero
        || Double.doubleToRawLongBits(k.ys[k.ys.length - 1]) == negZero) {
      return k;
    }
    return new LinearTableKernel(k, policy, fill);
  }

  private double at(double v) {
    int e = v > xs[0] ? 1 : 0;
    for (int q = 1; q < n; q++) {
      e += v >= xs[q] ? 1 : 0;
    }
    return ty[e] + (v - tx[e]) * ts[e];
  }

  @Override
  void raw(double[][] in, int from, int len, double[] out, int off) {
    double[] x = in[slot];
    if (n == 4) {
      double x0 = xs[0];
      double x1 = xs[1];
      double x2 = xs[2];
      double x3 = xs[3];
      for (int i = 0; i < len; i++) {
        double v = x[from + i];
        int e = (v > x0 ? 1 : 0) + (v >= x1 ? 1 : 0) + (v >= x2 ? 1 : 0) + (v >= x3 ? 1 : 0);
        out[off + i] = ty[e] + (v - tx[e]) * ts[e];
      }
      return;
    }
    for (int i = 0; i < len; i++) {
      out[off + i] = at(x[from + i]);
    }
  }

  @Override
  void fused(double[][] in, int from, int len, double[] scratch, double[] sw, double[] ss, double[] sf,
      double w, double f) {
    double[] x = in[slot];
    boolean fills = f == f;
    if (n == 4) {
      double x0 = xs[0];
      double x1 = xs[1];
      double x2 = xs[2];
      double x3 = xs[3];
      for (int i = 0; i < len; i++) {
        double v = x[from + i];
        int e = (v > x0 ? 1 : 0) + (v >= x1 ? 1 : 0) + (v >= x2 ? 1 : 0) + (v >= x3 ? 1 : 0);
        accumulate(ty[e] + (v - tx[e]) * ts[e], i, sw, ss, sf, w, f, fills);
      }
      return;
    }
    for (int i = 0; i < len; i++) {
      accumulate(at(x[from + i]), i, sw, ss, sf, w, f, fills);
    }
  }
}
