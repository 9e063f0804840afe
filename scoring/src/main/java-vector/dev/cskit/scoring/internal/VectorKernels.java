package dev.cskit.scoring.internal;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API kernels ({@code jdk.incubator.vector}): one account per lane, the preferred species (8
 * doubles with AVX-512, 4 with AVX2). Compiled with {@code --add-modules jdk.incubator.vector} from
 * {@code src/main/java-vector}; loaded by name from {@link Vectorization} only when the module is present.
 *
 * <p>Each lane computes what the scalar kernel computes for that account, operation for operation: the same
 * segment (chosen by compare masks and blends instead of counting), {@code ys[k] + (x - xs[k]) * slope[k]}
 * in IEEE double lane by lane (no fused multiply-add), the same end values, and in the fused batch path
 * masked additions where the scalar path adds zero (adding +0.0 to a sum that is never -0.0 changes no bit).
 * A lane is NaN exactly when the value is missing ({@code v != v}, the scalar path's {@code !observed}).
 * So scores are bit-identical to the scalar path; a property test checks it on random cards.
 */
public final class VectorKernels implements Vectorization.Factory {
  static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

  /** Instantiated reflectively by {@link Vectorization}. */
  public VectorKernels() {}

  @Override
  public int lanes() {
    return S.length();
  }

  @Override
  public RuleKernel linear(LinearKernel scalar, int policy, double fill) {
    return new Linear(scalar, policy, fill);
  }

  @Override
  public Finish.Finisher finisher() {
    return VectorKernels::mean;
  }

  /** {@link Finish#SCALAR}, lane by lane. */
  static void mean(double[] sw, double[] ss, double[] cov, int len, double covTotal, double[] score,
      double[] coverage, int off) {
    int i = 0;
    for (int bound = S.loopBound(len); i < bound; i += S.length()) {
      DoubleVector w = DoubleVector.fromArray(S, sw, i);
      DoubleVector q = DoubleVector.fromArray(S, ss, i).div(w);
      q = q.blend(100.0, q.compare(VectorOperators.GT, 100.0));
      q.blend(Double.NaN, w.compare(VectorOperators.GT, 0.0).not()).intoArray(score, off + i);
      DoubleVector.fromArray(S, cov, i).div(covTotal).intoArray(coverage, off + i);
    }
    for (; i < len; i++) { // the tail: Finish.SCALAR's loop
      double w = sw[i];
      double q = ss[i] / w;
      score[off + i] = w > 0.0 ? (q > 100.0 ? 100.0 : q) : Double.NaN;
      coverage[off + i] = cov[i] / covTotal;
    }
  }

  /** The {@code linear} rule, vectorised. */
  static final class Linear extends RuleKernel {
    private final int slot;
    private final double[] xs;
    private final double[] ys;
    private final double[] slope;
    private final int last;

    Linear(LinearKernel k, int policy, double fill) {
      super(policy, fill);
      slot = k.slot;
      xs = k.xs;
      ys = k.ys;
      slope = k.slope;
      last = xs.length - 1;
    }

    /**
     * {@link RuleKernel#interpolate} for a vector of values. Kept small (the four-point shape has its own
     * method) so that C2 inlines it into the loops: a Vector API value that crosses a call that is not inlined
     * is boxed, which costs more than the arithmetic.
     */
    private DoubleVector curve(DoubleVector v) {
      return last == 3 ? curve4(v) : curveN(v);
    }

    /** Four points, the common shape: two inner points, unrolled. */
    private DoubleVector curve4(DoubleVector v) {
      VectorMask<Double> m1 = v.compare(VectorOperators.GE, xs[1]);
      VectorMask<Double> m2 = v.compare(VectorOperators.GE, xs[2]);
      DoubleVector x = DoubleVector.broadcast(S, xs[0]).blend(xs[1], m1).blend(xs[2], m2);
      DoubleVector y = DoubleVector.broadcast(S, ys[0]).blend(ys[1], m1).blend(ys[2], m2);
      DoubleVector k = DoubleVector.broadcast(S, slope[0]).blend(slope[1], m1).blend(slope[2], m2);
      return y.add(v.sub(x).mul(k))
          .blend(ys[0], v.compare(VectorOperators.LE, xs[0]))
          .blend(ys[3], v.compare(VectorOperators.GE, xs[3]));
    }

    /** Any number of points: the segment by a blend per inner point. */
    private DoubleVector curveN(DoubleVector v) {
      DoubleVector x = DoubleVector.broadcast(S, xs[0]);
      DoubleVector y = DoubleVector.broadcast(S, ys[0]);
      DoubleVector k = DoubleVector.broadcast(S, slope[0]);
      for (int q = 1; q < last; q++) {
        VectorMask<Double> m = v.compare(VectorOperators.GE, xs[q]);
        x = x.blend(xs[q], m);
        y = y.blend(ys[q], m);
        k = k.blend(slope[q], m);
      }
      return y.add(v.sub(x).mul(k))
          .blend(ys[0], v.compare(VectorOperators.LE, xs[0]))
          .blend(ys[last], v.compare(VectorOperators.GE, xs[last]));
    }

    @Override
    void raw(double[][] in, int from, int len, double[] out, int off) {
      double[] col = in[slot];
      int i = 0;
      for (int bound = S.loopBound(len); i < bound; i += S.length()) {
        curve(DoubleVector.fromArray(S, col, from + i)).intoArray(out, off + i);
      }
      for (; i < len; i++) {
        out[off + i] = interpolate(col[from + i], xs, ys, slope);
      }
    }

    @Override
    void fused(double[][] in, int from, int len, double[] scratch, double[] sw, double[] ss, double[] sf,
        double w, double f) {
      double[] col = in[slot];
      boolean fills = f == f;
      int i = 0;
      if (!fills) {
        // exclude: the filled value is the NaN itself, so "present" is "observed" and nothing is filled in
        for (int bound = S.loopBound(len); i < bound; i += S.length()) {
          DoubleVector v = curve(DoubleVector.fromArray(S, col, from + i));
          VectorMask<Double> observed = v.compare(VectorOperators.EQ, v);
          DoubleVector.fromArray(S, sw, i).add(w, observed).intoArray(sw, i);
          DoubleVector.fromArray(S, ss, i).add(v.mul(w), observed).intoArray(ss, i);
        }
      } else {
        // neutral or worst: every lane is present (observed or filled in); the filled ones add to sf
        for (int bound = S.loopBound(len); i < bound; i += S.length()) {
          DoubleVector v = curve(DoubleVector.fromArray(S, col, from + i));
          VectorMask<Double> missing = v.compare(VectorOperators.NE, v);
          DoubleVector y = v.blend(f, missing);
          DoubleVector.fromArray(S, sw, i).add(w).intoArray(sw, i);
          DoubleVector.fromArray(S, ss, i).add(y.mul(w)).intoArray(ss, i);
          DoubleVector.fromArray(S, sf, i).add(w, missing).intoArray(sf, i);
        }
      }
      for (; i < len; i++) {
        accumulate(interpolate(col[from + i], xs, ys, slope), i, sw, ss, sf, w, f, fills);
      }
    }
  }
}
