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
   * thread-safe). Each group's present values are sorted once, with their row numbers: a counting pass puts
   * them into twice as many buckets as the group has values, by a linear map of the value (monotone in IEEE
   * arithmetic, so buckets are in order whatever the distribution); a bucket of more than a few values (skewed
   * data, ties, a range of no finite width) is sorted by an MSD radix sort over the order-preserving bits of
   * the doubles, then one insertion pass per group orders the small buckets (it is a complete sort on its own:
   * the buckets only bound its work). A walk over the runs of equal values then gives every row its
   * {@code below} and {@code equal}
   * counts, so {@link #score(int, int, int)} is called once per distinct value and the result is bit for bit
   * the binary-search definition (-0.0 counts as 0.0; NaN is missing).
   */
  public static final class Ranker {
    /** Ranges at most this long are sorted by insertion. */
    private static final int INSERTION = 24;
    /** The widest digit of one radix pass (65,536 buckets). */
    private static final int MAX_DIGIT = 16;
    /** The narrowest digit (below it the bucket loop costs more than it saves). */
    private static final int MIN_DIGIT = 8;
    /** Buckets of the first pass per present value (fewer values out of order for the insertion pass). */
    private static final int BUCKETS_PER_VALUE = 2;

    /** The row of each sorted value. */
    private int[] rows = new int[0];
    /** The group of each row (segments only). */
    private int[] groupOf = new int[0];
    /** Bucket counts, then bucket ends, of the first pass. */
    private int[] ends = new int[1];
    /** Scratch of the radix sort: values and rows of one bucket. */
    private double[] valuesTmp = new double[0];
    private int[] rowsTmp = new int[0];
    /** Digit counts per recursion depth (at most 64 / MIN_DIGIT + 1 levels). */
    private final int[][] counts = new int[64 / MIN_DIGIT + 2][];

    /** A ranker with no scratch yet (it grows to the largest column it ranks). */
    public Ranker() {}

    /** {@link Percentiles#column(double[], String[], Map)} with this ranker's scratch. */
    public double[] column(double[] x, String[] segments, Map<String, double[]> distributions) {
      int n = x.length;
      double[] out = new double[n];
      if (rows.length < n) {
        rows = new int[n];
      }
      String[] names;
      int[] base; // group g's values take positions base[g] .. base[g + 1] - 1 of the sorted array
      double[] sorted;
      if (segments == null) {
        // a group is known from its rows, present or not: an empty column has none
        names = n == 0 ? new String[0] : new String[] {""};
        sorted = scatterOneGroup(x, out);
        base = new int[] {0, sorted.length};
      } else {
        if (groupOf.length < n) {
          groupOf = new int[n];
        }
        int[] gOf = groupOf;
        Map<String, Integer> groupIds = new HashMap<>();
        for (int i = 0; i < n; i++) {
          String name = segments[i] == null ? "" : segments[i];
          Integer g = groupIds.get(name);
          if (g == null) {
            g = groupIds.size();
            groupIds.put(name, g);
          }
          gOf[i] = g;
        }
        names = new String[groupIds.size()];
        for (Map.Entry<String, Integer> e : groupIds.entrySet()) {
          names[e.getValue()] = e.getKey();
        }
        base = new int[names.length + 1];
        sorted = scatterGroups(x, gOf, names.length, base, out);
      }
      int groups = names.length;
      // after the scatter ends[b] is the end of bucket b: the rare large bucket is sorted on its own, then one
      // insertion pass per group puts the small ones in order (a value never passes its bucket's start)
      int[] c = ends;
      int start = 0;
      for (int b = 0; b < buckets; b++) {
        int end = c[b];
        if (end - start > INSERTION) {
          sort(sorted, start, end, 0);
        }
        start = end;
      }
      int[] ix = rows;
      Map<String, double[]> d = new HashMap<>();
      for (int g = 0; g < groups; g++) {
        int from = base[g];
        int to = base[g + 1];
        insertion(sorted, from, to);
        int m = to - from;
        for (int s = from; s < to; ) {
          double run = sorted[s];
          int e = s + 1;
          while (e < to && sorted[e] == run) {
            e++;
          }
          double score = score(s - from, e - s, m);
          for (int j = s; j < e; j++) {
            out[ix[j]] = score;
          }
          s = e;
        }
        d.put(names[g], groups == 1 ? sorted : Arrays.copyOfRange(sorted, from, to));
      }
      distributions.putAll(d);
      return out;
    }

    /** The number of buckets of the first pass made for the last column (in {@link #ends}). */
    private int buckets;

    /** Makes room for {@code count} buckets in {@link #ends}, all empty, and one more for the prefix sums. */
    private int[] buckets(int count) {
      buckets = count;
      if (ends.length < count + 1) {
        ends = new int[count + 1];
      } else {
        Arrays.fill(ends, 0, count + 1, 0);
      }
      return ends;
    }

    /**
     * The scale of the bucket map of a group whose values lie in [lo, hi]: 0 (one bucket, sorted by bits)
     * when every value is equal or the range has no finite width.
     */
    private static double scale(int buckets, double lo, double hi) {
      double range = hi - lo;
      double s = buckets / range;
      return range > 0 && Double.isFinite(range) && Double.isFinite(s) ? s : 0.0;
    }

    /**
     * The bucket of a present value among {@code buckets}: non-decreasing in {@code v}, since IEEE subtraction
     * and product are, so a value in a lower bucket is strictly lower.
     */
    private static int bucket(double v, double lo, double scale, int buckets) {
      return Math.min(buckets - 1, (int) ((v - lo) * scale));
    }

    /** The first pass without segments: NaN rows of out, the present values and rows placed by bucket. */
    private double[] scatterOneGroup(double[] x, double[] out) {
      int n = x.length;
      int count = 0;
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < n; i++) {
        double v = x[i];
        // NaN compares false: it moves neither end (and -0.0 against 0.0 does not matter to a range)
        lo = v < lo ? v : lo;
        hi = v > hi ? v : hi;
        count += v == v ? 1 : 0;
      }
      int nb = BUCKETS_PER_VALUE * count;
      int[] c = buckets(nb);
      double scale = scale(nb, lo, hi);
      for (int i = 0; i < n; i++) {
        double v = x[i];
        if (v == v) {
          c[bucket(v, lo, scale, nb) + 1]++;
        } else {
          out[i] = Double.NaN;
        }
      }
      for (int b = 0; b < nb; b++) {
        c[b + 1] += c[b];
      }
      double[] sorted = new double[count];
      int[] ix = rows;
      for (int i = 0; i < n; i++) {
        double v = x[i];
        if (v == v) {
          int at = c[bucket(v, lo, scale, nb)]++;
          sorted[at] = v == 0.0 ? 0.0 : v;
          ix[at] = i;
        }
      }
      return sorted;
    }

    /** The first pass with segments: each group's buckets follow the previous group's; fills {@code base}. */
    private double[] scatterGroups(double[] x, int[] gOf, int groups, int[] base, double[] out) {
      int n = x.length;
      int[] count = new int[groups];
      double[] lo = new double[groups];
      double[] hi = new double[groups];
      Arrays.fill(lo, Double.POSITIVE_INFINITY);
      Arrays.fill(hi, Double.NEGATIVE_INFINITY);
      for (int i = 0; i < n; i++) {
        double v = x[i];
        if (v == v) {
          int g = gOf[i];
          count[g]++;
          lo[g] = v < lo[g] ? v : lo[g];
          hi[g] = v > hi[g] ? v : hi[g];
        } else {
          out[i] = Double.NaN;
        }
      }
      int[] first = new int[groups]; // group g's first bucket
      int[] nb = new int[groups];
      double[] scale = new double[groups];
      int total = 0;
      for (int g = 0; g < groups; g++) {
        base[g + 1] = base[g] + count[g];
        first[g] = total;
        nb[g] = BUCKETS_PER_VALUE * count[g];
        scale[g] = scale(nb[g], lo[g], hi[g]);
        total += nb[g];
      }
      int[] c = buckets(total);
      for (int i = 0; i < n; i++) {
        double v = x[i];
        if (v == v) {
          int g = gOf[i];
          c[first[g] + bucket(v, lo[g], scale[g], nb[g]) + 1]++;
        }
      }
      for (int b = 0; b < total; b++) {
        c[b + 1] += c[b];
      }
      double[] sorted = new double[base[groups]];
      int[] ix = rows;
      for (int i = 0; i < n; i++) {
        double v = x[i];
        if (v == v) {
          int g = gOf[i];
          int at = c[first[g] + bucket(v, lo[g], scale[g], nb[g])]++;
          sorted[at] = v == 0.0 ? 0.0 : v;
          ix[at] = i;
        }
      }
      return sorted;
    }

    /** Sorts values[from, to) ascending, carrying rows: MSD radix on the bits where their keys differ. */
    private void sort(double[] a, int from, int to, int depth) {
      int n = to - from;
      if (n <= INSERTION) {
        insertion(a, from, to);
        return;
      }
      int[] ix = rows;
      long min = key(a[from]);
      long max = min;
      for (int i = from + 1; i < to; i++) {
        long v = key(a[i]);
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
        c[(int) ((key(a[i]) - min) >>> shift) + 1]++;
      }
      for (int b = 0; b < buckets; b++) {
        c[b + 1] += c[b];
      }
      if (valuesTmp.length < n) {
        valuesTmp = new double[n];
        rowsTmp = new int[n];
      }
      double[] at = valuesTmp;
      int[] it = rowsTmp;
      for (int i = from; i < to; i++) {
        double v = a[i];
        int p = c[(int) ((key(v) - min) >>> shift)]++;
        at[p] = v;
        it[p] = ix[i];
      }
      System.arraycopy(at, 0, a, from, n);
      System.arraycopy(it, 0, ix, from, n);
      if (shift == 0) {
        return; // each bucket holds one key
      }
      // after the scatter c[b] is the end of bucket b (relative to from)
      int start = from;
      for (int b = 0; b < buckets; b++) {
        int end = from + c[b];
        if (end - start > 1) {
          sort(a, start, end, depth + 1);
        }
        start = end;
      }
    }

    /** Insertion sort of values[from, to), carrying rows: linear in the number of values out of order. */
    private void insertion(double[] a, int from, int to) {
      int[] ix = rows;
      for (int i = from + 1; i < to; i++) {
        double v = a[i];
        if (a[i - 1] <= v) {
          continue;
        }
        int r = ix[i];
        int j = i - 1;
        do {
          a[j + 1] = a[j];
          ix[j + 1] = ix[j];
          j--;
        } while (j >= from && a[j] > v);
        a[j + 1] = v;
        ix[j + 1] = r;
      }
    }
  }

  /** The bits of {@code v} (not NaN, not -0.0) as a long whose signed order is the order of doubles. */
  static long key(double v) {
    long b = Double.doubleToRawLongBits(v);
    return b ^ ((b >> 63) & Long.MAX_VALUE);
  }

}
