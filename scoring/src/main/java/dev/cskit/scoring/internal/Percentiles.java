package dev.cskit.scoring.internal;

import java.util.Arrays;
import java.util.HashMap;
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
    int below = SortedArrays.lowerBound(sorted, x);
    int equal = SortedArrays.upperBound(sorted, x) - below;
    if (equal == 0) {
      return score(below, 1, sorted.length + 1);
    }
    return score(below, equal, sorted.length);
  }

  /**
   * Derives the percentile column of {@code x} grouped by {@code segments} (null: one group); fills
   * {@code distributions} with each group's sorted present values (key "" for the single group or an
   * account without the attribute). Allocates its scratch for this call; {@link Ranker} keeps it across calls.
   */
  public static double[] column(double[] x, String[] segments, Map<String, double[]> distributions) {
    return new Ranker().column(x, segments, distributions);
  }

  /**
   * Ranks percentile columns with scratch arrays kept from one column to the next (one per batch call: not
   * thread-safe). Each group's present values are sorted once, with their row numbers, by an MSD radix sort
   * over the order-preserving bits of the doubles; a walk over the runs of equal values then gives every row
   * its {@code below} and {@code equal} counts, so {@link #score(int, int, int)} is called once per distinct
   * value and the result is bit for bit the binary-search definition (-0.0 counts as 0.0; NaN is missing).
   */
  public static final class Ranker {
    /** Ranges at most this long are sorted by insertion. */
    private static final int INSERTION = 24;
    /** The widest digit of one radix pass (65,536 buckets). */
    private static final int MAX_DIGIT = 16;
    /** The narrowest digit (below it the bucket loop costs more than it saves). */
    private static final int MIN_DIGIT = 8;

    private long[] keys = new long[0];
    private int[] rows = new int[0];
    private long[] keysTmp = new long[0];
    private int[] rowsTmp = new int[0];
    /** Bucket counts per recursion depth (at most 64 / MIN_DIGIT + 1 levels). */
    private final int[][] counts = new int[64 / MIN_DIGIT + 2][];

    /** A ranker with no scratch yet (it grows to the largest column it ranks). */
    public Ranker() {}

    /** {@link Percentiles#column(double[], String[], Map)} with this ranker's scratch. */
    public double[] column(double[] x, String[] segments, Map<String, double[]> distributions) {
      int n = x.length;
      double[] out = new double[n];
      grow(n);
      long[] k = keys;
      int[] ix = rows;
      String[] names;
      int[] starts;
      if (segments == null) {
        int p = 0;
        for (int i = 0; i < n; i++) {
          double v = x[i];
          if (v != v) {
            out[i] = Double.NaN;
          } else {
            k[p] = key(v);
            ix[p++] = i;
          }
        }
        // a group is known from its rows, present or not: an empty column has none
        names = n == 0 ? new String[0] : new String[] {""};
        starts = new int[] {0, p};
      } else {
        Map<String, Integer> groupIds = new HashMap<>();
        int[] group = new int[n];
        int[] count = new int[8];
        for (int i = 0; i < n; i++) {
          String name = segments[i] == null ? "" : segments[i];
          Integer g = groupIds.get(name);
          if (g == null) {
            g = groupIds.size();
            groupIds.put(name, g);
            if (g == count.length) {
              count = Arrays.copyOf(count, 2 * g);
            }
          }
          group[i] = g;
          if (x[i] == x[i]) {
            count[g]++;
          }
        }
        int groups = groupIds.size();
        names = new String[groups];
        for (Map.Entry<String, Integer> e : groupIds.entrySet()) {
          names[e.getValue()] = e.getKey();
        }
        starts = new int[groups + 1];
        for (int g = 0; g < groups; g++) {
          starts[g + 1] = starts[g] + count[g];
        }
        int[] fill = Arrays.copyOf(starts, groups);
        for (int i = 0; i < n; i++) {
          double v = x[i];
          if (v != v) {
            out[i] = Double.NaN;
          } else {
            int at = fill[group[i]]++;
            k[at] = key(v);
            ix[at] = i;
          }
        }
      }
      Map<String, double[]> d = new HashMap<>();
      for (int g = 0; g < names.length; g++) {
        int from = starts[g];
        int to = starts[g + 1];
        sort(from, to, 0);
        int m = to - from;
        double[] sorted = new double[m];
        for (int s = from; s < to; ) {
          long run = k[s];
          int e = s + 1;
          while (e < to && k[e] == run) {
            e++;
          }
          double score = score(s - from, e - s, m);
          double v = value(run);
          for (int j = s; j < e; j++) {
            out[ix[j]] = score;
            sorted[j - from] = v;
          }
          s = e;
        }
        d.put(names[g], sorted);
      }
      distributions.putAll(d);
      return out;
    }

    private void grow(int n) {
      if (keys.length < n) {
        keys = new long[n];
        rows = new int[n];
        keysTmp = new long[n];
        rowsTmp = new int[n];
      }
    }

    /** Sorts keys[from, to) ascending (signed), carrying rows: MSD radix on the bits where the keys differ. */
    private void sort(int from, int to, int depth) {
      int n = to - from;
      if (n <= INSERTION) {
        insertion(from, to);
        return;
      }
      long[] k = keys;
      int[] ix = rows;
      long min = k[from];
      long max = min;
      for (int i = from + 1; i < to; i++) {
        long v = k[i];
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
      if (min == max) {
        return;
      }
      int bits = 64 - Long.numberOfLeadingZeros(max - min); // the unsigned width of the range
      int digit = Math.min(bits, Math.max(MIN_DIGIT, Math.min(MAX_DIGIT, 31 - Integer.numberOfLeadingZeros(n))));
      int shift = bits - digit;
      int buckets = 1 << digit;
      int[] c = counts[depth];
      if (c == null || c.length < buckets + 1) {
        c = new int[Math.max(buckets + 1, c == null ? 0 : c.length)];
        counts[depth] = c;
      } else {
        Arrays.fill(c, 0, buckets + 1, 0);
      }
      for (int i = from; i < to; i++) {
        c[(int) ((k[i] - min) >>> shift) + 1]++;
      }
      for (int b = 0; b < buckets; b++) {
        c[b + 1] += c[b];
      }
      long[] kt = keysTmp;
      int[] it = rowsTmp;
      for (int i = from; i < to; i++) {
        long v = k[i];
        int at = from + c[(int) ((v - min) >>> shift)]++;
        kt[at] = v;
        it[at] = ix[i];
      }
      System.arraycopy(kt, from, k, from, n);
      System.arraycopy(it, from, ix, from, n);
      if (shift == 0) {
        return; // each bucket holds one key
      }
      // after the scatter c[b] is the end of bucket b
      int start = from;
      for (int b = 0; b < buckets; b++) {
        int end = from + c[b];
        if (end - start > 1) {
          sort(start, end, depth + 1);
        }
        start = end;
      }
    }

    private void insertion(int from, int to) {
      long[] k = keys;
      int[] ix = rows;
      for (int i = from + 1; i < to; i++) {
        long v = k[i];
        int r = ix[i];
        int j = i - 1;
        while (j >= from && k[j] > v) {
          k[j + 1] = k[j];
          ix[j + 1] = ix[j];
          j--;
        }
        k[j + 1] = v;
        ix[j + 1] = r;
      }
    }
  }

  /** The bits of {@code v} (not NaN; -0.0 read as 0.0) as a long whose signed order is the order of doubles. */
  static long key(double v) {
    long b = Double.doubleToRawLongBits(v == 0.0 ? 0.0 : v);
    return b ^ ((b >> 63) & Long.MAX_VALUE);
  }

  /** The double of a {@link #key(double)}. */
  static double value(long key) {
    return Double.longBitsToDouble(key ^ ((key >> 63) & Long.MAX_VALUE));
  }
}
