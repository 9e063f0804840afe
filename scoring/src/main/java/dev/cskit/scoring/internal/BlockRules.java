package dev.cskit.scoring.internal;

/**
 * Builds the {@link BlockRule}s of a compiled card: the Vector API versions when {@link Vectorization} says so,
 * otherwise the scalar ones here. Each mirrors its {@link RuleKernel} exactly.
 */
final class BlockRules {
  private BlockRules() {}

  /** The block rules of a card's measures, in measure order: vector ones when available. */
  static BlockRule[] of(CompiledCard card) {
    return of(card, true);
  }

  /** The block rules of a card's measures; {@code vector} false forces the scalar ones (for tests). */
  static BlockRule[] of(CompiledCard card, boolean vector) {
    BlockRule[] out = new BlockRule[card.measureCount()];
    for (int j = 0; j < out.length; j++) {
      out[j] = Vectorization.rule(card.kernels[j], vector);
    }
    return out;
  }

  /** The scalar block rule of a kernel. */
  static BlockRule scalar(RuleKernel k) {
    if (k instanceof LinearKernel) {
      LinearKernel l = (LinearKernel) k;
      return new Linear(l, l.slot, new Curve(l));
    }
    if (k instanceof StepsKernel) {
      return new Steps((StepsKernel) k);
    }
    if (k instanceof BooleanKernel) {
      return new Bool((BooleanKernel) k);
    }
    if (k instanceof TrendKernel) {
      return new Trend((TrendKernel) k);
    }
    if (k instanceof ColumnKernel) {
      return new Column((ColumnKernel) k);
    }
    throw new IllegalStateException("no block rule for " + k.getClass().getName());
  }

  /**
   * A linear curve as lookup tables of {@code n + 1} entries: entry 0 is "at or below the first point" (the
   * first score, slope 0/1), entries 1..n-1 the segments, entry n "at or past the last point" (the last score).
   * The entry of a value is the number of true compares {@code v > xs[0]}, {@code v >= xs[1..n-1]}: integer
   * adds, no jumps. The score is {@code y + (v - x) * dy / dx}, the expression of
   * {@link RuleKernel#interpolate}; for the two end entries it adds a zero to the end score.
   */
  static final class Curve {
    final int n;
    final double[] xs;
    final double[] x;
    final double[] y;
    final double[] dy;
    final double[] dx;

    Curve(LinearKernel l) {
      n = l.xs.length;
      xs = l.xs.clone();
      x = new double[n + 1];
      y = new double[n + 1];
      dy = new double[n + 1];
      dx = new double[n + 1];
      x[0] = l.xs[0];
      y[0] = l.ys[0];
      dx[0] = 1.0;
      for (int p = 1; p < n; p++) {
        x[p] = l.xs[p - 1];
        y[p] = l.ys[p - 1];
        dy[p] = l.dy[p - 1];
        dx[p] = l.dx[p - 1];
      }
      x[n] = l.xs[n - 1];
      y[n] = l.ys[n - 1];
      dx[n] = 1.0;
    }

    double at(double v) {
      int e = v > xs[0] ? 1 : 0;
      for (int p = 1; p < n; p++) {
        e += v >= xs[p] ? 1 : 0;
      }
      return y[e] + (v - x[e]) * dy[e] / dx[e];
    }
  }

  static final class Linear extends BlockRule {
    private final int slot;
    private final Curve c;

    Linear(RuleKernel k, int slot, Curve c) {
      super(k);
      this.slot = slot;
      this.c = c;
    }

    @Override
    double one(double[] values) {
      return c.at(values[slot]);
    }

    @Override
    void raw(double[][] in, int from, int len, double[] out) {
      double[] col = in[slot];
      if (c.n == 4) {
        raw4(col, from, len, out, c.xs[0], c.xs[1], c.xs[2], c.xs[3], c.x, c.y, c.dy, c.dx);
        return;
      }
      for (int i = 0; i < len; i++) {
        out[i] = c.at(col[from + i]);
      }
    }

    private static void raw4(double[] col, int from, int len, double[] out, double x0, double x1, double x2,
        double x3, double[] x, double[] y, double[] dy, double[] dx) {
      for (int i = 0; i < len; i++) {
        double v = col[from + i];
        int e = (v > x0 ? 1 : 0) + (v >= x1 ? 1 : 0) + (v >= x2 ? 1 : 0) + (v >= x3 ? 1 : 0);
        out[i] = y[e] + (v - x[e]) * dy[e] / dx[e];
      }
    }

    @Override
    void accumulateMean(double[][] in, int from, int len, double w, double cw, double[] sub, double[] sw,
        double[] ss, double[] cov) {
      if (c.n != 4) {
        super.accumulateMean(in, from, len, w, cw, sub, sw, ss, cov);
        return;
      }
      double[] col = in[slot];
      double x0 = c.xs[0];
      double x1 = c.xs[1];
      double x2 = c.xs[2];
      double x3 = c.xs[3];
      double[] x = c.x;
      double[] y = c.y;
      double[] dy = c.dy;
      double[] dx = c.dx;
      for (int i = 0; i < len; i++) {
        double v = col[from + i];
        int e = (v > x0 ? 1 : 0) + (v >= x1 ? 1 : 0) + (v >= x2 ? 1 : 0) + (v >= x3 ? 1 : 0);
        double s = y[e] + (v - x[e]) * dy[e] / dx[e];
        if (s == s) { // else the unfused path adds +0.0 to sums that are never -0.0: no change
          sw[i] += w;
          ss[i] += w * s;
          cov[i] += cw;
        }
      }
    }
  }

  static final class Steps extends BlockRule {
    private final int slot;
    private final double[] mins;
    private final double[] scores;
    private final double below;

    Steps(StepsKernel k) {
      super(k);
      slot = k.slot;
      mins = k.mins.clone();
      scores = k.scores.clone();
      below = k.below;
    }

    @Override
    double one(double[] values) {
      double v = values[slot];
      double s = below;
      for (int k = 0; k < mins.length; k++) {
        s = v >= mins[k] ? scores[k] : s;
      }
      return v != v ? Double.NaN : s;
    }

    @Override
    void raw(double[][] in, int from, int len, double[] out) {
      double[] x = in[slot];
      int n = mins.length;
      for (int i = 0; i < len; i++) {
        double v = x[from + i];
        double s = below;
        for (int k = 0; k < n; k++) {
          s = v >= mins[k] ? scores[k] : s;
        }
        out[i] = v != v ? Double.NaN : s;
      }
    }
  }

  static final class Bool extends BlockRule {
    private final int slot;
    private final double whenTrue;
    private final double whenFalse;

    Bool(BooleanKernel k) {
      super(k);
      slot = k.slot;
      whenTrue = k.whenTrue;
      whenFalse = k.whenFalse;
    }

    @Override
    double one(double[] values) {
      double v = values[slot];
      return v != v ? Double.NaN : (v != 0.0 ? whenTrue : whenFalse);
    }

    @Override
    void raw(double[][] in, int from, int len, double[] out) {
      double[] x = in[slot];
      for (int i = 0; i < len; i++) {
        double v = x[from + i];
        out[i] = v != v ? Double.NaN : (v != 0.0 ? whenTrue : whenFalse);
      }
    }
  }

  static final class Trend extends BlockRule {
    private final int currentSlot;
    private final int previousSlot;
    private final double whenPreviousZero;
    private final Curve c;

    Trend(TrendKernel k) {
      super(k);
      currentSlot = k.currentSlot;
      previousSlot = k.previousSlot;
      whenPreviousZero = k.whenPreviousZero;
      c = new Curve(k.curve);
    }

    @Override
    double one(double[] values) {
      double a = values[currentSlot];
      double p = values[previousSlot];
      if (a != a || p != p) {
        return Double.NaN;
      }
      return p == 0.0 ? whenPreviousZero : c.at((a - p) / p);
    }

    @Override
    void raw(double[][] in, int from, int len, double[] out) {
      double[] cur = in[currentSlot];
      double[] prev = in[previousSlot];
      for (int i = 0; i < len; i++) {
        double a = cur[from + i];
        double p = prev[from + i];
        double s;
        if (a != a || p != p) {
          s = Double.NaN;
        } else if (p == 0.0) {
          s = whenPreviousZero;
        } else {
          s = c.at((a - p) / p);
        }
        out[i] = s;
      }
    }
  }

  static final class Column extends BlockRule {
    private final int slot;

    Column(ColumnKernel k) {
      super(k);
      slot = k.slot;
    }

    @Override
    double one(double[] values) {
      return values[slot];
    }

    @Override
    void raw(double[][] in, int from, int len, double[] out) {
      System.arraycopy(in[slot], from, out, 0, len);
    }
  }
}
