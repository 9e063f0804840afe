package dev.cskit.touchmodel.trial;

import java.util.function.DoubleUnaryOperator;

/**
 * Brent's root finder as R's {@code uniroot} runs it ({@code R_zeroin2} in R's {@code zeroin.c}), step for
 * step, so that results R reports with its default tolerance ({@code .Machine$double.eps^0.25}) are
 * reproduced to the last digits rather than only to that tolerance.
 */
final class Zeroin {
  /** R's default {@code uniroot} tolerance, {@code .Machine$double.eps^0.25}. */
  static final double R_TOL = Math.pow(Math.ulp(1.0), 0.25);

  private static final double EPSILON = Math.ulp(1.0);

  private Zeroin() {}

  /** {@code uniroot(f, c(lower, upper))$root} with R's defaults (tol eps^0.25, maxiter 1000). */
  static double uniroot(DoubleUnaryOperator f, double lower, double upper) {
    return uniroot(f, lower, upper, R_TOL);
  }

  /** {@code uniroot(f, c(lower, upper), tol = tol)$root}; f(lower) and f(upper) must not have the same sign. */
  static double uniroot(DoubleUnaryOperator f, double lower, double upper, double tol) {
    double fl = f.applyAsDouble(lower);
    double fu = f.applyAsDouble(upper);
    if (Math.signum(fl) * Math.signum(fu) > 0) {
      throw new ArithmeticException("f() values at end points not of opposite sign");
    }
    return zeroin2(f, lower, upper, fl, fu, tol, 1000);
  }

  /** R_zeroin2. */
  static double zeroin2(DoubleUnaryOperator f, double ax, double bx, double fa, double fb, double tol0,
      int maxIt) {
    double a = ax;
    double b = bx;
    double c = a;
    double fc = fa;
    int maxit = maxIt + 1;
    double tol = tol0;
    if (fa == 0.0) {
      return a;
    }
    if (fb == 0.0) {
      return b;
    }
    while (maxit-- > 0) {
      double prevStep = b - a;
      double tolAct;
      double p;
      double q;
      double newStep;
      if (Math.abs(fc) < Math.abs(fb)) {
        a = b;
        b = c;
        c = a;
        fa = fb;
        fb = fc;
        fc = fa;
      }
      tolAct = 2 * EPSILON * Math.abs(b) + tol / 2;
      newStep = (c - b) / 2;
      if (Math.abs(newStep) <= tolAct || fb == 0.0) {
        return b;
      }
      if (Math.abs(prevStep) >= tolAct && Math.abs(fa) > Math.abs(fb)) {
        double t1;
        double cb;
        double t2;
        cb = c - b;
        if (a == c) {
          t1 = fb / fa;
          p = cb * t1;
          q = 1.0 - t1;
        } else {
          q = fa / fc;
          t1 = fb / fc;
          t2 = fb / fa;
          p = t2 * (cb * q * (q - t1) - (b - a) * (t1 - 1.0));
          q = (q - 1.0) * (t1 - 1.0) * (t2 - 1.0);
        }
        if (p > 0) {
          q = -q;
        } else {
          p = -p;
        }
        if (p < (0.75 * cb * q - Math.abs(tolAct * q) / 2) && p < Math.abs(prevStep * q / 2)) {
          newStep = p / q;
        }
      }
      if (Math.abs(newStep) < tolAct) {
        newStep = newStep > 0 ? tolAct : -tolAct;
      }
      a = b;
      fa = fb;
      b += newStep;
      fb = f.applyAsDouble(b);
      if ((fb > 0 && fc > 0) || (fb < 0 && fc < 0)) {
        c = a;
        fc = fa;
      }
    }
    return b;
  }
}
