package dev.cskit.scoring.validation;

import java.util.Arrays;

/**
 * Logistic regression by a bound-constrained (projected) Newton method with an Armijo line search along
 * the projection arc (Bertsekas 1982), for the small, convex problems of this package.
 *
 * <p>Minimises {@code sum_i [log(1 + exp(eta_i)) - y_i eta_i] + (lambda / 2) sum_j (beta_j - c_j)^2}, with
 * {@code eta_i = alpha + x_i . beta}, {@code beta_j >= lower_j} (a lower bound may be -infinity) and the
 * intercept {@code alpha} free and not penalised. Each iteration: the variables at their bound whose
 * gradient pushes further out are held (the epsilon-active set); a Newton step on the others (Cholesky,
 * with a small ridge when the Hessian is singular) is projected on the bounds and halved until the
 * objective falls enough. Stops when the projected gradient is below {@code 1e-9 x (1 + n)} or after 200
 * iterations. Without a penalty, a perfectly separated sample (every fitted probability within 1e-6 of its
 * label) has no finite optimum and is reported as not converged. Immutable result.
 */
final class LogisticFit {
  final double intercept;
  final double[] beta;
  final double objective;
  final double logLikelihood;
  final int iterations;
  final boolean converged;

  private LogisticFit(double intercept, double[] beta, double objective, double logLikelihood,
      int iterations, boolean converged) {
    this.intercept = intercept;
    this.beta = beta;
    this.objective = objective;
    this.logLikelihood = logLikelihood;
    this.iterations = iterations;
    this.converged = converged;
  }

  /**
   * Fits the model.
   *
   * @param x rows of features (n x p)
   * @param y 1 for an event (churn), 0 otherwise
   * @param lower per coefficient lower bounds (use {@code Double.NEGATIVE_INFINITY} for none)
   * @param center the penalty's center per coefficient
   * @param lambda the penalty strength (>= 0)
   */
  static LogisticFit fit(double[][] x, double[] y, double[] lower, double[] center, double lambda) {
    int n = x.length;
    int p = lower.length;
    int q = p + 1; // theta = (alpha, beta)
    double[] theta = new double[q];
    double mean = 0;
    for (double v : y) {
      mean += v;
    }
    mean /= n;
    mean = Math.min(Math.max(mean, 1e-6), 1 - 1e-6);
    theta[0] = Math.log(mean / (1 - mean));
    for (int j = 0; j < p; j++) {
      double start = lambda > 0 ? center[j] : 0.0;
      theta[j + 1] = Math.max(lower[j], Double.isFinite(start) ? start : 0.0);
    }
    double[] g = new double[q];
    double[][] h = new double[q][q];
    double f = evaluate(x, y, center, lambda, theta, g, h);
    double tol = 1e-9 * (1 + n);
    int iter = 0;
    boolean converged = false;
    double eps = 1e-8;
    while (iter < 200) {
      // projected gradient norm
      double pg = 0;
      for (int k = 0; k < q; k++) {
        double v = g[k];
        if (k > 0 && theta[k] <= lower[k - 1] && v > 0) {
          v = 0;
        }
        pg = Math.max(pg, Math.abs(v));
      }
      if (pg < tol) {
        converged = true;
        break;
      }
      iter++;
      boolean[] active = new boolean[q];
      for (int k = 1; k < q; k++) {
        active[k] = theta[k] <= lower[k - 1] + eps && g[k] > 0;
      }
      double[] d = newtonDirection(h, g, active);
      double[] next = new double[q];
      double step = 1.0;
      double fNext = Double.NaN;
      boolean accepted = false;
      for (int ls = 0; ls < 60; ls++) {
        double decrease = 0;
        for (int k = 0; k < q; k++) {
          double v = theta[k] + step * d[k];
          if (k > 0 && v < lower[k - 1]) {
            v = lower[k - 1];
          }
          if (active[k]) {
            v = theta[k];
          }
          next[k] = v;
          decrease += g[k] * (v - theta[k]);
        }
        fNext = evaluate(x, y, center, lambda, next, null, null);
        if (fNext <= f + 1e-4 * decrease) {
          accepted = true;
          break;
        }
        step /= 2;
      }
      if (!accepted) {
        // no progress possible: at numerical optimum
        converged = pg < 1e-5 * (1 + n);
        break;
      }
      double change = 0;
      for (int k = 0; k < q; k++) {
        change = Math.max(change, Math.abs(next[k] - theta[k]));
      }
      theta = next.clone();
      f = evaluate(x, y, center, lambda, theta, g, h);
      if (change < 1e-13) {
        converged = true;
        break;
      }
    }
    double pen = 0;
    for (int j = 0; j < p; j++) {
      double dd = theta[j + 1] - center[j];
      pen += dd * dd;
    }
    double ll = -(f - lambda / 2 * pen);
    if (lambda == 0 && converged) {
      // perfect separation: the likelihood tends to 1 as the coefficients grow, with no finite optimum
      double worst = 0;
      for (int i = 0; i < n; i++) {
        double eta = theta[0];
        for (int j = 0; j < p; j++) {
          eta += theta[j + 1] * x[i][j];
        }
        worst = Math.max(worst, Math.abs(y[i] - 1 / (1 + Math.exp(-eta))));
      }
      converged = worst > 1e-6;
    }
    return new LogisticFit(theta[0], Arrays.copyOfRange(theta, 1, q), f, ll, iter, converged);
  }

  /** The objective; fills the gradient and Hessian when given. */
  private static double evaluate(
      double[][] x, double[] y, double[] center, double lambda, double[] theta, double[] g, double[][] h) {
    int q = theta.length;
    int p = q - 1;
    double f = 0;
    if (g != null) {
      Arrays.fill(g, 0);
      for (double[] row : h) {
        Arrays.fill(row, 0);
      }
    }
    double[] z = new double[q];
    z[0] = 1;
    for (int i = 0; i < x.length; i++) {
      double eta = theta[0];
      for (int j = 0; j < p; j++) {
        eta += theta[j + 1] * x[i][j];
      }
      // log(1 + e^eta) - y eta, computed stably
      double softplus = eta > 0 ? eta + Math.log1p(Math.exp(-eta)) : Math.log1p(Math.exp(eta));
      f += softplus - y[i] * eta;
      if (g != null) {
        double mu = eta > 0 ? 1 / (1 + Math.exp(-eta)) : Math.exp(eta) / (1 + Math.exp(eta));
        double r = mu - y[i];
        double w = mu * (1 - mu);
        System.arraycopy(x[i], 0, z, 1, p);
        for (int a = 0; a < q; a++) {
          g[a] += r * z[a];
          double wa = w * z[a];
          for (int b = 0; b <= a; b++) {
            h[a][b] += wa * z[b];
          }
        }
      }
    }
    for (int j = 0; j < p; j++) {
      double d = theta[j + 1] - center[j];
      f += lambda / 2 * d * d;
      if (g != null) {
        g[j + 1] += lambda * d;
        h[j + 1][j + 1] += lambda;
      }
    }
    if (h != null) {
      for (int a = 0; a < q; a++) {
        for (int b = a + 1; b < q; b++) {
          h[a][b] = h[b][a];
        }
      }
    }
    return f;
  }

  /** Solves H_FF d_F = -g_F on the free variables; held variables get 0. */
  private static double[] newtonDirection(double[][] h, double[] g, boolean[] active) {
    int q = g.length;
    int[] free = new int[q];
    int m = 0;
    for (int k = 0; k < q; k++) {
      if (!active[k]) {
        free[m++] = k;
      }
    }
    double[] d = new double[q];
    if (m == 0) {
      return d;
    }
    double ridge = 0;
    double scale = 0;
    for (int k = 0; k < q; k++) {
      scale = Math.max(scale, Math.abs(h[k][k]));
    }
    for (int attempt = 0; attempt < 20; attempt++) {
      double[][] a = new double[m][m];
      double[] rhs = new double[m];
      for (int r = 0; r < m; r++) {
        for (int c = 0; c < m; c++) {
          a[r][c] = h[free[r]][free[c]];
        }
        a[r][r] += ridge;
        rhs[r] = -g[free[r]];
      }
      double[] sol = cholesky(a, rhs);
      if (sol != null) {
        for (int r = 0; r < m; r++) {
          d[free[r]] = sol[r];
        }
        return d;
      }
      ridge = ridge == 0 ? 1e-10 * Math.max(scale, 1) : ridge * 10;
    }
    for (int r = 0; r < m; r++) {
      d[free[r]] = -g[free[r]];
    }
    return d;
  }

  /** Solves A s = b for a symmetric positive definite A, or null when A is not. */
  private static double[] cholesky(double[][] a, double[] b) {
    int m = b.length;
    double[][] l = new double[m][m];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j <= i; j++) {
        double s = a[i][j];
        for (int k = 0; k < j; k++) {
          s -= l[i][k] * l[j][k];
        }
        if (i == j) {
          if (!(s > 1e-14 * Math.max(1, Math.abs(a[i][i])))) {
            return null;
          }
          l[i][i] = Math.sqrt(s);
        } else {
          l[i][j] = s / l[j][j];
        }
      }
    }
    double[] z = new double[m];
    for (int i = 0; i < m; i++) {
      double s = b[i];
      for (int k = 0; k < i; k++) {
        s -= l[i][k] * z[k];
      }
      z[i] = s / l[i][i];
    }
    double[] sol = new double[m];
    for (int i = m - 1; i >= 0; i--) {
      double s = z[i];
      for (int k = i + 1; k < m; k++) {
        s -= l[k][i] * sol[k];
      }
      sol[i] = s / l[i][i];
    }
    return sol;
  }

  /** The fitted probability for a row of features. */
  double probability(double[] row) {
    double eta = intercept;
    for (int j = 0; j < beta.length; j++) {
      eta += beta[j] * row[j];
    }
    return 1 / (1 + Math.exp(-eta));
  }
}
