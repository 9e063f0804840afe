package dev.cskit.scoring.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The overrides active for a batch, resolved to indices and sorted by row (the order of the entries within a
 * row is kept: the caller puts the most recent last, so it wins): the engine walks them alongside its blocks.
 * Sparse: only rows with an override appear. Each entry keeps the caller's {@code source} number, so that the
 * caller can say which of its overrides were applied.
 */
public final class OverridePlan {
  /** Replaces the overall score (after caps). */
  public static final int OVERALL = 0;
  /** Replaces a category's score; {@code index} is the category. */
  public static final int CATEGORY = 1;
  /** Replaces a measure's sub-score; {@code index} is the measure. */
  public static final int MEASURE = 2;

  /** No overrides. */
  public static final OverridePlan EMPTY = new OverridePlan(new int[0], new int[0], new int[0], new double[0],
      new int[0]);

  final int[] row;
  final int[] kind;
  final int[] index;
  final double[] value;
  final int[] source;

  private OverridePlan(int[] row, int[] kind, int[] index, double[] value, int[] source) {
    this.row = row;
    this.kind = kind;
    this.index = index;
    this.value = value;
    this.source = source;
  }

  /**
   * One active override of a row.
   *
   * @param row the (card-local) row
   * @param kind {@link #OVERALL}, {@link #CATEGORY} or {@link #MEASURE}
   * @param index the category or measure index (0 for overall)
   * @param value the score it sets
   * @param source the caller's number of the override, reported by {@link #applied}
   */
  public record Entry(int row, int kind, int index, double value, int source) {}

  /** A plan from active overrides, sorted by row; entries of one row keep their order (the last one wins). */
  public static OverridePlan of(List<Entry> entries) {
    List<Entry> sorted = new ArrayList<>(entries);
    sorted.sort(Comparator.comparingInt(Entry::row));
    int n = sorted.size();
    int[] row = new int[n];
    int[] kind = new int[n];
    int[] index = new int[n];
    double[] value = new double[n];
    int[] src = new int[n];
    for (int i = 0; i < n; i++) {
      Entry e = sorted.get(i);
      if (e.kind() < OVERALL || e.kind() > MEASURE) {
        throw new IllegalArgumentException("unknown override kind " + e.kind());
      }
      row[i] = e.row();
      kind[i] = e.kind();
      index[i] = e.index();
      value[i] = e.value();
      src[i] = e.source();
    }
    return new OverridePlan(row, kind, index, value, src);
  }

  /** The entries of one row, as a plan for that row alone (row 0). */
  OverridePlan forRow(int r) {
    int from = first(r);
    int to = from;
    while (to < row.length && row[to] == r) {
      to++;
    }
    if (from == to) {
      return EMPTY;
    }
    return new OverridePlan(new int[to - from], Arrays.copyOfRange(kind, from, to),
        Arrays.copyOfRange(index, from, to), Arrays.copyOfRange(value, from, to),
        Arrays.copyOfRange(source, from, to));
  }

  /** The entries of the given rows (ascending or not), as a plan whose row {@code k} is {@code rows[k]}. */
  OverridePlan gather(int[] rows) {
    if (row.length == 0) {
      return EMPTY;
    }
    int count = 0;
    for (int r : rows) {
      for (int i = first(r); i < row.length && row[i] == r; i++) {
        count++;
      }
    }
    if (count == 0) {
      return EMPTY;
    }
    int[] nr = new int[count];
    int[] nk = new int[count];
    int[] ni = new int[count];
    double[] nv = new double[count];
    int[] ns = new int[count];
    int c = 0;
    for (int k = 0; k < rows.length; k++) {
      for (int i = first(rows[k]); i < row.length && row[i] == rows[k]; i++) {
        nr[c] = k;
        nk[c] = kind[i];
        ni[c] = index[i];
        nv[c] = value[i];
        ns[c] = source[i];
        c++;
      }
    }
    return new OverridePlan(nr, nk, ni, nv, ns);
  }

  /** The source numbers of the overrides applied to a row, in the order applied. */
  public int[] applied(int r) {
    int from = first(r);
    int to = from;
    while (to < row.length && row[to] == r) {
      to++;
    }
    return Arrays.copyOfRange(source, from, to);
  }

  /** Whether a category of the row was overridden. */
  public boolean categoryOverridden(int r, int category) {
    for (int i = first(r); i < row.length && row[i] == r; i++) {
      if (kind[i] == CATEGORY && index[i] == category) {
        return true;
      }
    }
    return false;
  }

  /** Whether the row's overall score was overridden. */
  public boolean overallOverridden(int r) {
    for (int i = first(r); i < row.length && row[i] == r; i++) {
      if (kind[i] == OVERALL) {
        return true;
      }
    }
    return false;
  }

  int first(int r) {
    int i = Arrays.binarySearch(row, r);
    if (i < 0) {
      return -i - 1;
    }
    while (i > 0 && row[i - 1] == r) {
      i--;
    }
    return i;
  }
}
