package dev.cskit.scoring.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The mid-rank percentile of the {@code percentile} rule. Batch scoring derives a whole column before the
 * block pass (the population must be known); single-account scoring ranks against a reference distribution.
 * Both end in {@link #score(int, int, int)}, so the two paths give the same bits.
 */
public final class Percentiles {
  private Percentiles() {}

  /**
   * 100 x (below + (equal - 1) / 2) / (count - 1): the percentile of a value with {@code below} values under
   * it and {@code equal} values equal to it (itself included) among {@code count} present values; 50 when it
   * is the only one.
   */
  public static double score(int below, int equal, int count) {
    if (count <= 1) {
      return 50.0;
    }
    return 100.0 * ((below + 0.5 * (equal - 1)) / (count - 1));
  }

  /**
   * The score of a value against a sorted reference population it belongs to: one value equal to it is taken
   * as its own; a value not in the reference joins it (so the others are all {@code n} values).
   */
  public static double scoreAgainst(double x, double[] sorted) {
    int below = lowerBound(sorted, x);
    int equal = lowerBound(sorted, Math.nextUp(x)) - below;
    if (equal == 0) {
      return score(below, 1, sorted.length + 1);
    }
    return score(below, equal, sorted.length);
  }

  /**
   * Derives the percentile column of {@code x} grouped by {@code segments} (null: one group); fills
   * {@code distributions} with each group's sorted present values (key "" for the single group or an
   * account without the attribute).
   */
  public static double[] column(double[] x, String[] segments, Map<String, double[]> distributions) {
    int n = x.length;
    double[] out = new double[n];
    Map<String, Integer> groupIds = new LinkedHashMap<>();
    int[] group = new int[n];
    for (int i = 0; i < n; i++) {
      String key = segments == null || segments[i] == null ? "" : segments[i];
      Integer g = groupIds.get(key);
      if (g == null) {
        g = groupIds.size();
        groupIds.put(key, g);
      }
      group[i] = g;
    }
    int groups = groupIds.size();
    int[] counts = new int[groups];
    for (int i = 0; i < n; i++) {
      if (x[i] == x[i]) {
        counts[group[i]]++;
      }
    }
    double[][] values = new double[groups][];
    for (int g = 0; g < groups; g++) {
      values[g] = new double[counts[g]];
    }
    int[] fill = new int[groups];
    for (int i = 0; i < n; i++) {
      if (x[i] == x[i]) {
        values[group[i]][fill[group[i]]++] = x[i] == 0.0 ? 0.0 : x[i];
      }
    }
    for (double[] v : values) {
      Arrays.sort(v);
    }
    for (int i = 0; i < n; i++) {
      double v = x[i];
      if (v != v) {
        out[i] = Double.NaN;
        continue;
      }
      double[] sorted = values[group[i]];
      int below = lowerBound(sorted, v);
      int equal = lowerBound(sorted, Math.nextUp(v)) - below;
      out[i] = score(below, equal, sorted.length);
    }
    Map<String, double[]> d = new HashMap<>();
    for (Map.Entry<String, Integer> e : groupIds.entrySet()) {
      d.put(e.getKey(), values[e.getValue()]);
    }
    distributions.putAll(d);
    return out;
  }

  /** The number of values in {@code sorted} strictly below {@code x}. */
  static int lowerBound(double[] sorted, double x) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
