package dev.cskit.touchmodel;

import dev.cskit.core.ArgumentException;
import dev.cskit.core.CskitException;
import dev.cskit.core.DataException;
import dev.cskit.core.MetricTable;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded, deterministic k-means for teams that want their own k: features are transformed to log(1 + x) and
 * standardised (mean 0, population standard deviation 1; a constant feature becomes 0), centres are seeded by
 * k-means++ from a {@link SplittableRandom} with the given seed, then Lloyd iterations run until no account
 * changes cluster (at most {@code maxIterations}). The same data, k and seed always give the same clusters.
 * A missing value is taken as 0; negative values are an error (log(1 + x) needs x > -1 and usage counts are
 * never negative). Stateless.
 */
public final class KMeans {
  private KMeans() {}

  /**
   * The result: a cluster per row, the centres in standardised space, the within-cluster sum of squares. An
   * immutable value: the arrays are copied in and out, so a shared result cannot be changed.
   */
  public record Clustering(int[] labels, double[][] centres, double inertia, int iterations) {
    /** Copies the arrays. */
    public Clustering {
      labels = labels.clone();
      centres = copy(centres);
    }

    /** The cluster of each row (a copy). */
    @Override
    public int[] labels() {
      return labels.clone();
    }

    /** The centres in standardised space, one row per cluster (a copy). */
    @Override
    public double[][] centres() {
      return copy(centres);
    }

    private static double[][] copy(double[][] a) {
      double[][] out = new double[a.length][];
      for (int c = 0; c < a.length; c++) {
        out[c] = a[c].clone();
      }
      return out;
    }

    /** The number of rows in each cluster. */
    public int[] sizes() {
      int[] s = new int[centres.length];
      for (int l : labels) {
        s[l]++;
      }
      return s;
    }
  }

  /** Clusters the rows of a table on some of its metric columns. */
  public static Clustering cluster(MetricTable table, List<String> columns, int k, long seed) {
    int n = table.rowCount();
    double[][] x = new double[n][columns.size()];
    for (int j = 0; j < columns.size(); j++) {
      String c = columns.get(j);
      if (!table.hasMetric(c)) {
        throw DataException.of("metric table", "k-means needs column \"" + c + "\"", null);
      }
      double[] v = table.column(c);
      for (int i = 0; i < n; i++) {
        double d = Double.isNaN(v[i]) ? 0 : v[i];
        if (d < 0) {
          throw DataException.of("metric table", "k-means features must be >= 0 (log(1 + x) of usage)",
              c + " = " + d + " for " + table.accountId(i));
        }
        x[i][j] = d;
      }
    }
    return fit(standardise(x), k, seed, 300);
  }

  /** log(1 + x), then each column to mean 0 and population standard deviation 1. */
  public static double[][] standardise(double[][] x) {
    int n = x.length;
    int d = n == 0 ? 0 : x[0].length;
    double[][] z = new double[n][d];
    for (int j = 0; j < d; j++) {
      double mean = 0;
      for (int i = 0; i < n; i++) {
        z[i][j] = Math.log1p(x[i][j]);
        mean += z[i][j];
      }
      mean /= n;
      double ss = 0;
      for (int i = 0; i < n; i++) {
        ss += (z[i][j] - mean) * (z[i][j] - mean);
      }
      double sd = Math.sqrt(ss / n);
      for (int i = 0; i < n; i++) {
        z[i][j] = sd > 0 ? (z[i][j] - mean) / sd : 0;
      }
    }
    return z;
  }

  /** k-means++ seeding and Lloyd iterations on already prepared points. */
  public static Clustering fit(double[][] z, int k, long seed, int maxIterations) {
    int n = z.length;
    if (k < 1 || k > n) {
      throw new ArgumentException("k", "must be in [1, " + n + "] (the number of rows)", Integer.toString(k));
    }
    SplittableRandom rnd = new SplittableRandom(seed);
    double[][] centres = new double[k][];
    centres[0] = z[rnd.nextInt(n)].clone();
    double[] dist = new double[n];
    for (int i = 0; i < n; i++) {
      dist[i] = sq(z[i], centres[0]);
    }
    for (int c = 1; c < k; c++) {
      double total = 0;
      for (double v : dist) {
        total += v;
      }
      int pick;
      if (total == 0) {
        pick = rnd.nextInt(n);
      } else {
        double r = rnd.nextDouble() * total;
        pick = n - 1;
        double acc = 0;
        for (int i = 0; i < n; i++) {
          acc += dist[i];
          if (acc > r) {
            pick = i;
            break;
          }
        }
      }
      centres[c] = z[pick].clone();
      for (int i = 0; i < n; i++) {
        dist[i] = Math.min(dist[i], sq(z[i], centres[c]));
      }
    }
    return lloyd(z, centres, maxIterations);
  }

  /** Lloyd iterations from given centres (copied), until no point changes cluster. */
  static Clustering lloyd(double[][] z, double[][] start, int maxIterations) {
    int n = z.length;
    int k = start.length;
    int d = z[0].length;
    double[][] centres = new double[k][];
    for (int c = 0; c < k; c++) {
      centres[c] = start[c].clone();
    }
    int[] labels = new int[n];
    Arrays.fill(labels, -1);
    int iter = 0;
    while (iter < maxIterations) {
      iter++;
      boolean changed = false;
      for (int i = 0; i < n; i++) {
        int best = 0;
        double bd = sq(z[i], centres[0]);
        for (int c = 1; c < k; c++) {
          double dd = sq(z[i], centres[c]);
          if (dd < bd) {
            bd = dd;
            best = c;
          }
        }
        if (labels[i] != best) {
          labels[i] = best;
          changed = true;
        }
      }
      if (!changed) {
        break;
      }
      double[][] sum = new double[k][d];
      int[] count = new int[k];
      for (int i = 0; i < n; i++) {
        count[labels[i]]++;
        for (int j = 0; j < d; j++) {
          sum[labels[i]][j] += z[i][j];
        }
      }
      for (int c = 0; c < k; c++) {
        if (count[c] == 0) {
          // an empty cluster takes the point farthest from its centre
          int far = 0;
          double fd = -1;
          for (int i = 0; i < n; i++) {
            double dd = sq(z[i], centres[labels[i]]);
            if (dd > fd) {
              fd = dd;
              far = i;
            }
          }
          centres[c] = z[far].clone();
          continue;
        }
        for (int j = 0; j < d; j++) {
          centres[c][j] = sum[c][j] / count[c];
        }
      }
    }
    double inertia = 0;
    for (int i = 0; i < n; i++) {
      inertia += sq(z[i], centres[labels[i]]);
    }
    return new Clustering(labels, centres, inertia, iter);
  }

  private static double sq(double[] a, double[] b) {
    double s = 0;
    for (int j = 0; j < a.length; j++) {
      double t = a[j] - b[j];
      s += t * t;
    }
    return s;
  }
}
