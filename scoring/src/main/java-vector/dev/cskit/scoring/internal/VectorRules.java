package dev.cskit.scoring.internal;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API block rules ({@code jdk.incubator.vector}): one account per lane, the preferred species
 * (8 doubles with AVX-512, 4 with AVX2). Compiled with {@code --add-modules jdk.incubator.vector} from
 * {@code src/main/java-vector} and loaded by name from {@link Vectorization} only when the module is present.
 *
 * <p>Every lane computes exactly what the scalar rule computes for that account: the same table entry (chosen
 * by compare masks and blends instead of integer adds), then the same {@code y + (v - x) * dy / dx} in IEEE
 * double lane by lane (no fused multiply-add), and masked additions where the scalar path adds only when a
 * sub-score is present. So the scores are bit-identical to the scalar path. Rules without a vector version
 * (steps, boolean, trend, percentile columns) run their scalar block rule.
 */
public final class VectorRules implements Vectorization.Factory {
  static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

  /** Instantiated reflectively by {@link Vectorization}. */
  public VectorRules() {}

  @Override
  public int lanes() {
    return S.length();
  }

  @Override
  public LeanEngine.Finisher finisher() {
    return VectorRules::finishMean;
  }

  @Override
  public boolean isVector(BlockRule rule) {
    return rule instanceof Linear4;
  }

  /** {@link LeanEngine#SCALAR_FINISHER}, lane by lane: the same divisions and clamps, NaN where sw is 0. */
  static void finishMean(double[] sw, double[] ss, double[] cov, int len, double covTotal, double[] score,
      double[] coverage, int off) {
    int i = 0;
    for (int bound = S.loopBound(len); i < bound; i += S.length()) {
      DoubleVector w = DoubleVector.fromArray(S, sw, i);
      DoubleVector q = DoubleVector.fromArray(S, ss, i).div(w).max(0.0).min(100.0);
      q.blend(Double.NaN, w.compare(VectorOperators.GT, 0.0).not()).intoArray(score, off + i);
      DoubleVector.fromArray(S, cov, i).div(covTotal).intoArray(coverage, off + i);
    }
    for (; i < len; i++) {
      double w = sw[i];
      score[off + i] = w > 0.0 ? Math.min(100.0, Math.max(0.0, ss[i] / w)) : Double.NaN;
      coverage[off + i] = cov[i] / covTotal;
    }
  }

  @Override
  public BlockRule of(RuleKernel kernel) {
    if (kernel instanceof LinearKernel) {
      LinearKernel l = (LinearKernel) kernel;
      BlockRules.Curve c = new BlockRules.Curve(l);
      return c.n == 4 ? new Linear4(l, l.slot, c) : null;
    }
    return null;
  }

  /** A linear rule of 4 points (5 table entries), the shape of the benchmark card. */
  static final class Linear4 extends BlockRule {
    private final int slot;
    private final BlockRules.Curve c;
    private final double x0;
    private final double x1;
    private final double x2;
    private final double x3;
    private final double[] tx;
    private final double[] ty;
    private final double[] tdy;
    private final double[] tdx;

    Linear4(RuleKernel k, int slot, BlockRules.Curve c) {
      super(k);
      this.slot = slot;
      this.c = c;
      x0 = c.xs[0];
      x1 = c.xs[1];
      x2 = c.xs[2];
      x3 = c.xs[3];
      tx = c.x;
      ty = c.y;
      tdy = c.dy;
      tdx = c.dx;
    }

    /**
     * The entry of {@link BlockRules.Curve} per lane: values at or below the first point take the first
     * segment at the first point ({@code y0 + 0}) and are then set to {@code y0} exactly, values at or past
     * the last point are set to the last score; in between the segment comes from two compares and two blends
     * per table. NaN stays NaN (every compare is false).
     */
    private DoubleVector curve(DoubleVector v) {
      DoubleVector c = v.max(x0);
      VectorMask<Double> m2 = c.compare(VectorOperators.GE, x1);
      VectorMask<Double> m3 = c.compare(VectorOperators.GE, x2);
      DoubleVector x = DoubleVector.broadcast(S, tx[1]).blend(tx[2], m2).blend(tx[3], m3);
      DoubleVector y = DoubleVector.broadcast(S, ty[1]).blend(ty[2], m2).blend(ty[3], m3);
      DoubleVector dy = DoubleVector.broadcast(S, tdy[1]).blend(tdy[2], m2).blend(tdy[3], m3);
      DoubleVector dx = DoubleVector.broadcast(S, tdx[1]).blend(tdx[2], m2).blend(tdx[3], m3);
      return y.add(c.sub(x).mul(dy).div(dx))
          .blend(ty[0], v.compare(VectorOperators.LE, x0))
          .blend(ty[4], v.compare(VectorOperators.GE, x3));
    }

    @Override
    double one(double[] values) {
      return c.at(values[slot]);
    }

    @Override
    void raw(double[][] in, int from, int len, double[] out) {
      double[] col = in[slot];
      int i = 0;
      for (int bound = S.loopBound(len); i < bound; i += S.length()) {
        curve(DoubleVector.fromArray(S, col, from + i)).intoArray(out, i);
      }
      for (; i < len; i++) {
        out[i] = c.at(col[from + i]);
      }
    }

    @Override
    void accumulateMean(double[][] in, int from, int len, double w, double cw, double[] sub, double[] sw,
        double[] ss, double[] cov) {
      double[] col = in[slot];
      int i = 0;
      for (int bound = S.loopBound(len); i < bound; i += S.length()) {
        DoubleVector s = curve(DoubleVector.fromArray(S, col, from + i));
        VectorMask<Double> present = s.test(VectorOperators.IS_NAN).not();
        DoubleVector.fromArray(S, sw, i).add(w, present).intoArray(sw, i);
        DoubleVector.fromArray(S, ss, i).add(s.mul(w), present).intoArray(ss, i);
        DoubleVector.fromArray(S, cov, i).add(cw, present).intoArray(cov, i);
      }
      for (; i < len; i++) {
        double s = c.at(col[from + i]);
        if (s == s) {
          sw[i] += w;
          ss[i] += w * s;
          cov[i] += cw;
        }
      }
    }
  }
}
