package dev.cskit.scoring.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The radix ranking of {@link Percentiles.Ranker} gives the same bits as the definition it replaced (sort each
 * group's present values, then two binary searches per row; kept below as {@link #oracle}): the column, and
 * each group's sorted distribution, on random columns with ties, missing values, zeros of both signs,
 * infinities, values a few ulps apart (deep radix recursion) and segments (null ones included), several
 * columns through one ranker (its scratch reused across sizes).
 */
class PercentileRankingProperties {

  @Property(tries = 300)
  void radixRankingEqualsSortAndSearch(@ForAll long seed) {
    Random rnd = new Random(seed);
    Percentiles.Ranker ranker = new Percentiles.Ranker();
    int columns = 1 + rnd.nextInt(3);
    for (int c = 0; c < columns; c++) {
      int n = size(rnd);
      double[] x = values(rnd, n);
      String[] segments = segments(rnd, n);
      check(x, segments, ranker);
    }
  }

  @Example
  void largeColumnsOfEveryShape() {
    Random rnd = new Random(19);
    Percentiles.Ranker ranker = new Percentiles.Ranker();
    for (int shape = 0; shape < SHAPES; shape++) {
      double[] x = new double[100_000];
      for (int i = 0; i < x.length; i++) {
        x[i] = value(rnd, shape, 1e-300 + rnd.nextDouble(), 1 + rnd.nextInt(1000));
      }
      check(x, null, ranker);
      check(x, segments(rnd, x.length), ranker);
    }
  }

  @Example
  void emptyAllMissingAndSingleValues() {
    Percentiles.Ranker ranker = new Percentiles.Ranker();
    check(new double[0], null, ranker);
    check(new double[0], new String[0], ranker);
    check(new double[] {Double.NaN, Double.NaN}, null, ranker);
    check(new double[] {Double.NaN, Double.NaN}, new String[] {"a", null}, ranker);
    check(new double[] {-0.0}, null, ranker);
    check(new double[] {3.0, Double.NaN, -0.0, 0.0}, new String[] {"a", "a", null, ""}, ranker);
  }

  static void check(double[] x, String[] segments, Percentiles.Ranker ranker) {
    Map<String, double[]> expectedDist = new HashMap<>();
    double[] expected = oracle(x, segments, expectedDist);
    Map<String, double[]> actualDist = new HashMap<>();
    double[] actual = ranker.column(x, segments, actualDist);
    assertEquals(expected.length, actual.length);
    for (int i = 0; i < x.length; i++) {
      if (Double.doubleToRawLongBits(expected[i]) != Double.doubleToRawLongBits(actual[i])) {
        throw new AssertionError("row " + i + " of " + x.length + " (value " + x[i] + ", segment "
            + (segments == null ? null : segments[i]) + "): expected " + expected[i] + " but was " + actual[i]);
      }
    }
    assertEquals(expectedDist.keySet(), actualDist.keySet());
    for (Map.Entry<String, double[]> e : expectedDist.entrySet()) {
      double[] a = actualDist.get(e.getKey());
      double[] b = e.getValue();
      assertEquals(b.length, a.length, "distribution " + e.getKey());
      for (int i = 0; i < b.length; i++) {
        assertEquals(Double.doubleToRawLongBits(b[i]), Double.doubleToRawLongBits(a[i]),
            "distribution " + e.getKey() + " at " + i);
      }
    }
  }

  static int size(Random rnd) {
    return switch (rnd.nextInt(10)) {
      case 0 -> rnd.nextInt(3);
      case 1, 2, 3 -> rnd.nextInt(40);
      case 9 -> rnd.nextInt(40_000);
      default -> rnd.nextInt(3_000);
    };
  }

  static final int SHAPES = 6;

  static double[] values(Random rnd, int n) {
    int shape = rnd.nextInt(SHAPES);
    double base = (rnd.nextBoolean() ? -1 : 1) * Math.pow(10, rnd.nextInt(20) - 10) * rnd.nextDouble();
    int distinct = 1 + rnd.nextInt(rnd.nextBoolean() ? 5 : 500);
    double missing = rnd.nextInt(4) == 0 ? 0 : rnd.nextDouble() * (rnd.nextInt(5) == 0 ? 1 : 0.2);
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = rnd.nextDouble() < missing ? Double.NaN : value(rnd, shape, base, distinct);
    }
    return x;
  }

  static final double[] SPECIAL = {0.0, -0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
      Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, 1.0, -1.0, Double.MIN_NORMAL};

  /** One value of a column shape: wide, ties, ulp-close, integers, mixed signs with specials, uniform. */
  static double value(Random rnd, int shape, double base, int distinct) {
    return switch (shape) {
      case 0 -> Double.longBitsToDouble(rnd.nextLong() & 0x7fefffffffffffffL) * (rnd.nextBoolean() ? 1 : -1);
      case 1 -> base * rnd.nextInt(distinct);
      case 2 -> base + rnd.nextInt(distinct) * Math.ulp(base);
      case 3 -> rnd.nextInt(distinct) - distinct / 2;
      case 4 -> rnd.nextInt(3) == 0 ? SPECIAL[rnd.nextInt(SPECIAL.length)] : rnd.nextGaussian() * base;
      default -> rnd.nextDouble() * 100;
    };
  }

  static String[] segments(Random rnd, int n) {
    int kind = rnd.nextInt(4);
    if (kind == 0) {
      return null;
    }
    int names = 1 + rnd.nextInt(kind == 3 ? 40 : 5);
    String[] s = new String[n];
    for (int i = 0; i < n; i++) {
      int v = rnd.nextInt(names + 1);
      s[i] = v == names ? (rnd.nextBoolean() ? null : "") : "s" + v;
    }
    return s;
  }

  /** The ranking before the radix sort, verbatim: sort each group's present values, two binary searches per row. */
  static double[] oracle(double[] x, String[] segments, Map<String, double[]> distributions) {
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
      int below = SortedArrays.lowerBound(sorted, v);
      int equal = SortedArrays.upperBound(sorted, v) - below;
      out[i] = Percentiles.score(below, equal, sorted.length);
    }
    Map<String, double[]> d = new HashMap<>();
    for (Map.Entry<String, Integer> e : groupIds.entrySet()) {
      d.put(e.getKey(), values[e.getValue()]);
    }
    distributions.putAll(d);
    return out;
  }
}
